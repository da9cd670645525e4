//! Grant rules as plain functions: scheme and application input, the
//! organisation number, the status of an application, weighted scores,
//! inhabilitet by organisation, and the money checks — never more granted
//! than the budget, than asked or than the scheme's maximum; never more paid
//! than granted. Every refusal names the figures.

use chrono::NaiveDate;
use serde::Serialize;

use super::money::{self, AmountError, MAX_ORE};
use super::validate::{clean_text, Issues};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{
    Application, ApplicationInput, ApplicationStatus, Criterion, CriterionInput, GrantScheme, ReportReminder,
    SchemeInput, Score,
};

/// The highest weight a criterion can have.
pub const MAX_WEIGHT: i32 = 10;

/// The checks only grant forms make.
impl Issues {
    fn date(&mut self, field: &str, day: NaiveDate) {
        if !super::validate::date_in_range(day) {
            self.push(FieldIssue::new(field, "validation.date_out_of_range"));
        }
    }

    fn email(&mut self, field: &str, email: &str) {
        if !email.is_empty() && !super::validate::looks_like_email(email) {
            self.push(FieldIssue::new(field, "validation.email_invalid"));
        }
    }

    /// A typed amount, parsed; `None` (with an issue) when refused.
    fn amount(&mut self, field: &str, text: &str, positive: bool) -> Option<i64> {
        match money::parse(text) {
            Ok(0) if positive => {
                self.push(FieldIssue::new(field, "validation.amount_zero"));
                None
            }
            Ok(ore) => Some(ore),
            Err(e) => {
                self.push(amount_issue(field, e));
                None
            }
        }
    }
}

fn amount_issue(field: &str, e: AmountError) -> FieldIssue {
    let issue = FieldIssue::new(field, e.key());
    match e {
        AmountError::TooLarge => issue.with("max", money::kr(MAX_ORE)),
        _ => issue,
    }
}

/// One typed amount on its own, e.g. a payout or a proposal; `positive`
/// refuses zero.
pub fn amount(field: &str, text: &str, positive: bool) -> Result<i64> {
    let mut issues = Issues::default();
    let ore = issues.amount(field, text, positive);
    issues.finish(ore.unwrap_or_default())
}

/// Whether nine digits carry a valid mod-11 control digit, as every
/// organisasjonsnummer in Enhetsregisteret does.
pub fn org_number_valid(digits: &str) -> bool {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 9 || values.len() != 9 {
        return false;
    }
    let sum: u32 = values[..8].iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let control = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        k => k,
    };
    values[8] == control
}

/// An organisation number as typed (`987 654 321` or `987654321`), cleaned to
/// nine digits; empty stays empty (informal groups have none).
fn org_number(issues: &mut Issues, text: &str) -> Option<String> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return None;
    }
    if !org_number_valid(&digits) {
        issues.push(FieldIssue::new("orgNumber", "validation.org_number_invalid"));
    }
    Some(digits)
}

/// A scheme as stored: the input with its amounts parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemeData {
    pub council_id: String,
    pub year: i32,
    pub name: String,
    pub budget_ore: i64,
    pub deadline: NaiveDate,
    pub report_deadline: NaiveDate,
    pub max_per_application_ore: Option<i64>,
    pub criteria: Vec<CriterionInput>,
    pub enkeltvedtak: bool,
    pub appeal_body: String,
    pub appeal_address: String,
    pub conditions: String,
}

pub fn scheme(input: &SchemeInput) -> Result<SchemeData> {
    let mut issues = Issues::default();
    let name = clean_text(&input.name);
    if name.is_empty() {
        issues.push(FieldIssue::new("name", "validation.name_empty"));
    }
    if !(1900..=2200).contains(&input.year) {
        issues.push(FieldIssue::new("year", "validation.date_out_of_range"));
    }
    let budget_ore = issues.amount("budget", &input.budget, true);
    let max_per_application_ore = match input.max_per_application.trim() {
        "" => None,
        text => issues.amount("maxPerApplication", text, true),
    };
    if let (Some(max), Some(budget)) = (max_per_application_ore, budget_ore) {
        if max > budget {
            issues.push(FieldIssue::new("maxPerApplication", "validation.max_above_budget"));
        }
    }
    issues.date("deadline", input.deadline);
    issues.date("reportDeadline", input.report_deadline);
    if input.report_deadline < input.deadline {
        issues.push(FieldIssue::new("reportDeadline", "validation.report_deadline_order"));
    }
    if input.criteria.is_empty() {
        issues.push(FieldIssue::new("criteria", "validation.criteria_none"));
    }
    let criteria: Vec<CriterionInput> = input
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = clean_text(&c.name);
            if name.is_empty() {
                issues.push(FieldIssue::new(format!("criteria.{i}.name"), "validation.name_empty"));
            }
            issues.free_text(&format!("criteria.{i}.name"), &name);
            if !(1..=MAX_WEIGHT).contains(&c.weight) {
                issues.push(
                    FieldIssue::new(format!("criteria.{i}.weight"), "validation.criterion_weight")
                        .with("max", MAX_WEIGHT.to_string()),
                );
            }
            CriterionInput { name, weight: c.weight }
        })
        .collect();
    let appeal_body = clean_text(&input.appeal_body);
    let appeal_address = clean_text(&input.appeal_address);
    let conditions = clean_text(&input.conditions);
    // An enkeltvedtak's letter tells who decides an appeal and where to send it.
    if input.enkeltvedtak {
        if appeal_body.is_empty() {
            issues.push(FieldIssue::new("appealBody", "validation.appeal_body_required"));
        }
        if appeal_address.is_empty() {
            issues.push(FieldIssue::new("appealAddress", "validation.appeal_address_required"));
        }
    }
    for (field, text) in [
        ("name", &name),
        ("appealBody", &appeal_body),
        ("appealAddress", &appeal_address),
        ("conditions", &conditions),
    ] {
        issues.free_text(field, text);
    }
    let data = SchemeData {
        council_id: input.council_id.clone(),
        year: input.year,
        name,
        budget_ore: budget_ore.unwrap_or_default(),
        deadline: input.deadline,
        report_deadline: input.report_deadline,
        max_per_application_ore,
        criteria,
        enkeltvedtak: input.enkeltvedtak,
        appeal_body,
        appeal_address,
        conditions,
    };
    issues.finish(data)
}

/// An application as stored: the input cleaned, its amounts parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationData {
    pub scheme_id: String,
    pub organisation: String,
    pub org_number: Option<String>,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub title: String,
    pub description: String,
    pub amount_asked_ore: i64,
    pub project_budget_ore: i64,
    pub received: NaiveDate,
}

pub fn application(input: &ApplicationInput) -> Result<ApplicationData> {
    let mut issues = Issues::default();
    let organisation = clean_text(&input.organisation);
    if organisation.is_empty() {
        issues.push(FieldIssue::new("organisation", "validation.applicant_empty"));
    }
    let org_number = org_number(&mut issues, &input.org_number);
    let title = clean_text(&input.title);
    if title.is_empty() {
        issues.push(FieldIssue::new("title", "validation.project_title_empty"));
    }
    let email = clean_text(&input.email);
    issues.email("email", &email);
    let asked = issues.amount("amountAsked", &input.amount_asked, true);
    let project_budget = issues.amount("projectBudget", &input.project_budget, true);
    if let (Some(asked), Some(budget)) = (asked, project_budget) {
        if asked > budget {
            issues.push(
                FieldIssue::new("amountAsked", "validation.asked_above_project").with("budget", money::kr(budget)),
            );
        }
    }
    issues.date("received", input.received);
    let data = ApplicationData {
        scheme_id: input.scheme_id.clone(),
        organisation,
        org_number,
        contact_name: clean_text(&input.contact_name),
        email,
        phone: clean_text(&input.phone),
        title,
        description: clean_text(&input.description),
        amount_asked_ore: asked.unwrap_or_default(),
        project_budget_ore: project_budget.unwrap_or_default(),
        received: input.received,
    };
    for (field, text) in [
        ("organisation", &data.organisation),
        ("contactName", &data.contact_name),
        ("email", &data.email),
        ("phone", &data.phone),
        ("title", &data.title),
        ("description", &data.description),
    ] {
        issues.free_text(field, text);
    }
    issues.finish(data)
}

/// What an application's status follows from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusFacts {
    pub withdrawn: bool,
    pub reviewing: bool,
    pub asked_ore: i64,
    pub granted_ore: Option<i64>,
    pub paid_ore: i64,
    pub reported: bool,
}

/// The status an application's record gives it.
pub fn status(f: StatusFacts) -> ApplicationStatus {
    match f.granted_ore {
        _ if f.withdrawn => ApplicationStatus::Withdrawn,
        None if f.reviewing => ApplicationStatus::InReview,
        None => ApplicationStatus::Received,
        Some(0) => ApplicationStatus::Refused,
        Some(_) if f.reported => ApplicationStatus::Reported,
        Some(granted) if f.paid_ore >= granted => ApplicationStatus::Paid,
        Some(granted) if granted >= f.asked_ore => ApplicationStatus::Granted,
        Some(_) => ApplicationStatus::PartlyGranted,
    }
}

/// Organisation names compared as the law compares people: "Lyngvik IL" and
/// "lyngvik  il" are the same association.
pub fn same_organisation(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// One member's weighted score (1–5) when they have scored every criterion.
pub fn weighted(criteria: &[Criterion], scores: &[Score]) -> Option<f64> {
    let total_weight: i32 = criteria.iter().map(|c| c.weight).sum();
    if criteria.is_empty() || total_weight <= 0 {
        return None;
    }
    let mut sum = 0i64;
    for c in criteria {
        let score = scores.iter().find(|s| s.criterion_id == c.id)?;
        sum += i64::from(score.score) * i64::from(c.weight);
    }
    Some(sum as f64 / f64::from(total_weight))
}

/// The members, not inhabil, who have not scored every criterion: a decision
/// made now is made without them, so the decision form names them first.
pub fn missing_scores(reviews: &[crate::model::Review]) -> Vec<String> {
    reviews
        .iter()
        .filter(|r| r.inhabil.is_none() && r.weighted.is_none())
        .map(|r| r.person_name.clone())
        .collect()
}

/// The committee's score of an application: the mean of the complete reviews.
pub fn committee_score(reviews: &[f64]) -> Option<f64> {
    (!reviews.is_empty()).then(|| reviews.iter().sum::<f64>() / reviews.len() as f64)
}

pub fn check_score(field: &str, score: i32) -> Result<()> {
    if (1..=5).contains(&score) {
        Ok(())
    } else {
        Err(CoreError::invalid(FieldIssue::new(field, "validation.score_range")))
    }
}

/// The figures a grant decision is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrantFigures {
    pub asked_ore: i64,
    pub max_per_application_ore: Option<i64>,
    pub budget_ore: i64,
    /// Granted to the scheme's other applications.
    pub granted_elsewhere_ore: i64,
    /// Already paid out on this application.
    pub paid_ore: i64,
}

/// Refuses an amount that is more than asked, than the scheme's maximum,
/// than the budget left, or less than what is already paid.
pub fn check_grant(field: &str, granted: i64, f: GrantFigures) -> Result<()> {
    if granted > f.asked_ore {
        return Err(CoreError::invalid(
            FieldIssue::new(field, "validation.grant_above_asked")
                .with("granted", money::kr(granted))
                .with("asked", money::kr(f.asked_ore)),
        ));
    }
    if let Some(max) = f.max_per_application_ore.filter(|max| granted > *max) {
        return Err(CoreError::invalid(
            FieldIssue::new(field, "validation.grant_above_max")
                .with("granted", money::kr(granted))
                .with("max", money::kr(max)),
        ));
    }
    let left = f.budget_ore - f.granted_elsewhere_ore;
    if granted > left {
        return Err(CoreError::invalid(
            FieldIssue::new(field, "validation.budget_exceeded")
                .with("amount", money::kr(granted))
                .with("granted", money::kr(f.granted_elsewhere_ore))
                .with("budget", money::kr(f.budget_ore))
                .with("left", money::kr(left.max(0)))
                .with("over", money::kr(granted - left)),
        ));
    }
    if granted < f.paid_ore {
        return Err(CoreError::invalid(
            FieldIssue::new(field, "validation.grant_below_paid").with("paid", money::kr(f.paid_ore)),
        ));
    }
    Ok(())
}

/// An application can be edited, scored or decided only while it is open:
/// neither withdrawn nor decided.
pub fn check_open(withdrawn: bool, decided: bool) -> Result<()> {
    if withdrawn {
        return Err(CoreError::Conflict(FieldIssue::new(
            "",
            "validation.application_withdrawn",
        )));
    }
    if decided {
        return Err(CoreError::Conflict(FieldIssue::new(
            "",
            "validation.application_decided",
        )));
    }
    Ok(())
}

/// Money is paid out, and a final report taken, only on a grant: the amount
/// granted, or a refusal when nothing was.
pub fn check_granted(granted_ore: Option<i64>) -> Result<i64> {
    match granted_ore {
        Some(granted) if granted > 0 => Ok(granted),
        _ => Err(CoreError::Conflict(FieldIssue::new("", "validation.not_granted"))),
    }
}

/// Refuses a payout that would bring the total paid above the grant.
pub fn check_payout(amount: i64, paid_ore: i64, granted_ore: i64) -> Result<()> {
    if paid_ore + amount > granted_ore {
        return Err(CoreError::invalid(
            FieldIssue::new("amount", "validation.payout_above_granted")
                .with("amount", money::kr(amount))
                .with("total", money::kr(paid_ore + amount))
                .with("granted", money::kr(granted_ore))
                .with("left", money::kr((granted_ore - paid_ore).max(0))),
        ));
    }
    Ok(())
}

/// Reasons are required for an enkeltvedtak (forvaltningsloven § 24) and for
/// any decision that gives less than asked.
pub fn check_reasons(reasons: &str, enkeltvedtak: bool, granted: i64, asked: i64) -> Result<()> {
    if !reasons.is_empty() {
        return Ok(());
    }
    let key = if enkeltvedtak {
        "validation.reasons_required_enkeltvedtak"
    } else if granted < asked {
        "validation.reasons_required_reduced"
    } else {
        return Ok(());
    };
    Err(CoreError::invalid(FieldIssue::new("reasons", key)))
}

/// Whether the committee may find a member not inhabil after all. Only an
/// inhabilitet Grendebok proposes (the member represents the applicant, and
/// nothing is declared) can be overruled — a declared one is withdrawn
/// instead — and only with a reason, as the minutes must say why the member
/// took part (forvaltningsloven § 6: representing an organisation is not in
/// itself leading it or sitting on its board).
pub fn check_overrule(proposed: bool, reason: &str) -> Result<()> {
    if !proposed {
        return Err(CoreError::Conflict(FieldIssue::new(
            "membershipId",
            "validation.inhabil_not_proposed",
        )));
    }
    if reason.trim().is_empty() {
        return Err(CoreError::invalid(FieldIssue::new(
            "reason",
            "validation.inhabil_overrule_reason",
        )));
    }
    Ok(())
}

/// Final reports due by the scheme's deadline and not received by `today`.
pub fn report_reminders(scheme: &GrantScheme, applications: &[Application], today: NaiveDate) -> Vec<ReportReminder> {
    if today <= scheme.report_deadline {
        return Vec::new();
    }
    applications
        .iter()
        .filter(|a| a.withdrawn.is_none() && a.report.is_none())
        .filter(|a| a.decision.as_ref().is_some_and(|d| d.granted_ore > 0))
        .map(|a| ReportReminder {
            application_id: a.id.clone(),
            number: a.number,
            organisation: a.organisation.clone(),
            title: a.title.clone(),
            contact_name: a.contact_name.clone(),
            email: a.email.clone(),
            due: scheme.report_deadline,
            days_overdue: (today - scheme.report_deadline).num_days() as i32,
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A scheme of 2026 named `name` with a budget of `budget` kroner, one
    /// criterion, applications due 1 March and reports 1 December, no upper
    /// limit, and not an enkeltvedtak.
    pub(crate) fn scheme_input(council_id: &str, name: &str, budget: &str) -> SchemeInput {
        SchemeInput {
            council_id: council_id.into(),
            year: 2026,
            name: name.into(),
            budget: budget.into(),
            deadline: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            report_deadline: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            max_per_application: String::new(),
            criteria: vec![CriterionInput {
                name: "Mange deltakere".into(),
                weight: 1,
            }],
            enkeltvedtak: false,
            appeal_body: String::new(),
            appeal_address: String::new(),
            conditions: String::new(),
        }
    }

    #[test]
    fn only_an_open_application_changes_and_only_a_grant_is_paid() {
        let key = |r: Result<()>| match r {
            Err(CoreError::Conflict(issue)) => issue.key,
            other => panic!("{other:?}"),
        };
        assert!(check_open(false, false).is_ok());
        assert_eq!(key(check_open(true, false)), "validation.application_withdrawn");
        assert_eq!(key(check_open(false, true)), "validation.application_decided");
        assert_eq!(check_granted(Some(1_250_000)).unwrap(), 1_250_000);
        for nothing in [None, Some(0)] {
            assert_eq!(key(check_granted(nothing).map(|_| ())), "validation.not_granted");
        }
    }

    #[test]
    fn a_proposed_inhabil_is_overruled_only_with_a_reason() {
        assert!(check_overrule(true, "Vanlig medlem i laget, ikke i styret").is_ok());
        for blank in ["", "  \n "] {
            match check_overrule(true, blank) {
                Err(CoreError::Invalid(issues)) => {
                    assert_eq!(issues.len(), 1);
                    assert_eq!(issues[0].field, "reason");
                    assert_eq!(issues[0].key, "validation.inhabil_overrule_reason");
                }
                other => panic!("{other:?}"),
            }
        }
        match check_overrule(false, "Grunn") {
            Err(CoreError::Conflict(issue)) => assert_eq!(issue.key, "validation.inhabil_not_proposed"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn organisation_numbers_carry_a_mod_11_control_digit() {
        // Brønnøysundregistrene's own number, and two more valid ones.
        for valid in ["974760673", "923609016", "987654325"] {
            assert!(org_number_valid(valid), "{valid}");
        }
        for invalid in ["974760674", "12345678", "1234567890", "97476067a", ""] {
            assert!(!org_number_valid(invalid), "{invalid}");
        }
    }

    #[test]
    fn status_follows_the_record() {
        let base = StatusFacts {
            withdrawn: false,
            reviewing: false,
            asked_ore: 10_000,
            granted_ore: None,
            paid_ore: 0,
            reported: false,
        };
        assert_eq!(status(base), ApplicationStatus::Received);
        let reviewing = StatusFacts {
            reviewing: true,
            ..base
        };
        assert_eq!(status(reviewing), ApplicationStatus::InReview);
        assert_eq!(
            status(StatusFacts {
                granted_ore: Some(10_000),
                ..reviewing
            }),
            ApplicationStatus::Granted
        );
        assert_eq!(
            status(StatusFacts {
                granted_ore: Some(5_000),
                ..reviewing
            }),
            ApplicationStatus::PartlyGranted
        );
        assert_eq!(
            status(StatusFacts {
                granted_ore: Some(0),
                ..reviewing
            }),
            ApplicationStatus::Refused
        );
        let paid = StatusFacts {
            granted_ore: Some(5_000),
            paid_ore: 5_000,
            ..reviewing
        };
        assert_eq!(status(paid), ApplicationStatus::Paid);
        assert_eq!(
            status(StatusFacts { reported: true, ..paid }),
            ApplicationStatus::Reported
        );
        assert_eq!(
            status(StatusFacts {
                withdrawn: true,
                ..base
            }),
            ApplicationStatus::Withdrawn
        );
    }

    #[test]
    fn organisations_match_ignoring_case_and_spaces() {
        assert!(same_organisation("Lyngvik IL", "lyngvik  il"));
        assert!(same_organisation("Lyngvik Idrettslag", "LyngvikIdrettslag"));
        assert!(!same_organisation("Lyngvik IL", "Lyngvik Idrettslag"));
        assert!(!same_organisation("", " "));
    }

    #[test]
    fn an_enkeltvedtak_scheme_names_its_appeal_body_and_where_to_send_an_appeal() {
        let input = SchemeInput {
            enkeltvedtak: true,
            appeal_body: " ".into(),
            ..scheme_input("c", "Grendemidler", "100 000")
        };
        let CoreError::Invalid(issues) = scheme(&input).unwrap_err() else {
            panic!("a form fault")
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["appealBody", "appealAddress"]);
        // Not an enkeltvedtak: neither is asked for.
        assert!(scheme(&SchemeInput {
            enkeltvedtak: false,
            ..input.clone()
        })
        .is_ok());
        let named = scheme(&SchemeInput {
            appeal_body: "Kommunens klagenemnd".into(),
            appeal_address: "Postboks 12, 3291 Stavern".into(),
            ..input
        })
        .unwrap();
        assert_eq!(named.appeal_address, "Postboks 12, 3291 Stavern");
    }

    #[test]
    fn a_grant_over_the_budget_is_refused_with_the_figures() {
        let figures = GrantFigures {
            asked_ore: 8_000_000,
            max_per_application_ore: None,
            budget_ore: 40_000_000,
            granted_elsewhere_ore: 35_000_000,
            paid_ore: 0,
        };
        assert!(check_grant("granted", 5_000_000, figures).is_ok());
        let err = check_grant("granted", 6_000_000, figures).unwrap_err();
        let message = err.message(crate::model::Lang::Nb);
        for figure in ["kr 60 000", "kr 350 000", "kr 400 000", "kr 50 000", "kr 10 000"] {
            assert!(message.contains(figure), "{figure} in {message}");
        }
    }

    #[test]
    fn weighted_scores_use_the_weights_and_need_every_criterion() {
        let c = |id: &str, weight| Criterion {
            id: id.into(),
            name: id.into(),
            weight,
        };
        let s = |id: &str, score| Score {
            criterion_id: id.into(),
            score,
            comment: String::new(),
        };
        let criteria = [c("a", 3), c("b", 1)];
        assert_eq!(weighted(&criteria, &[s("a", 5), s("b", 1)]), Some(4.0));
        assert_eq!(weighted(&criteria, &[s("a", 5)]), None);
        assert_eq!(committee_score(&[4.0, 3.0]), Some(3.5));
    }
}

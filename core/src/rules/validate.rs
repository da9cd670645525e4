//! Input validation: each function trims what a user typed, checks every
//! rule, and returns either the clean input or every broken rule at once, each
//! tied to its field, so a form can show all its messages in one go.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{CouncilInput, MembershipEdit, MembershipInput, PersonChoice, PersonInput, SeatCategory, SeatPlan};

/// The most seats a category can plan; more is surely a typing mistake.
pub const MAX_SEATS: i32 = 99;

/// How many characters (Unicode scalar values, as `[...text].length` counts
/// them in TypeScript) each kind of free-text field holds. Long enough for
/// any real text (a 10 000-character decision fits), short enough that a
/// pasted file or a hostile package cannot fill the database or a PDF page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextLimits {
    /// Names, titles, places, organisations: one line.
    pub short: u32,
    /// E-mail addresses (RFC 5321's longest path).
    pub email: u32,
    /// Telephone numbers.
    pub phone: u32,
    /// Reasons and short notes: why a seat ended, an inhabilitet, a waiver, a
    /// closed session's legal basis, a follow-up, a score's comment.
    pub reason: u32,
    /// Running text: a mandate, an item's background, proposal and decision,
    /// an application's description, a report, conditions, an amendment.
    pub long: u32,
}

/// The limits every form and every imported package is held to.
pub const TEXT_LIMITS: TextLimits = TextLimits {
    short: 200,
    email: 254,
    phone: 40,
    reason: 2_000,
    long: 20_000,
};

/// The fields whose limit is not [`TextLimits::short`], by the last part of
/// their path as the forms name them; every other text field is short.
pub const FIELD_LIMITS: &[(&str, u32)] = &[
    ("mandate", TEXT_LIMITS.long),
    ("background", TEXT_LIMITS.long),
    ("proposal", TEXT_LIMITS.long),
    ("decision", TEXT_LIMITS.long),
    ("description", TEXT_LIMITS.long),
    ("conditions", TEXT_LIMITS.long),
    ("text", TEXT_LIMITS.long),
    ("summary", TEXT_LIMITS.long),
    ("reportSummary", TEXT_LIMITS.long),
    ("reasons", TEXT_LIMITS.long),
    ("guests", TEXT_LIMITS.long),
    ("reason", TEXT_LIMITS.reason),
    ("endReason", TEXT_LIMITS.reason),
    ("waivedReason", TEXT_LIMITS.reason),
    ("closedBasis", TEXT_LIMITS.reason),
    ("exemptBasis", TEXT_LIMITS.reason),
    ("what", TEXT_LIMITS.reason),
    ("comment", TEXT_LIMITS.reason),
    ("appealBody", TEXT_LIMITS.reason),
    ("email", TEXT_LIMITS.email),
    ("contactEmail", TEXT_LIMITS.email),
    ("phone", TEXT_LIMITS.phone),
    ("contactPhone", TEXT_LIMITS.phone),
];

/// The limit of a field, by the last part of its path (`criteria.0.name` → `name`).
pub fn text_limit(field: &str) -> u32 {
    let name = field.rsplit('.').next().unwrap_or(field);
    FIELD_LIMITS
        .iter()
        .find(|(f, _)| *f == name)
        .map_or(TEXT_LIMITS.short, |(_, limit)| *limit)
}

/// Every rule a free-text field's (already cleaned) text breaks: longer than
/// its field's limit, or holding a national identity number.
pub fn text_issues(field: &str, text: &str) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let max = text_limit(field);
    let length = text.chars().count();
    if length > max as usize {
        issues.push(
            FieldIssue::new(field, "validation.too_long")
                .with("max", max.to_string())
                .with("length", length.to_string()),
        );
    }
    issues.extend(super::privacy::check_free_text(field, text));
    issues
}

/// Collects broken rules while a validation runs, so that a form's faults
/// are told all at once.
#[derive(Default)]
pub(super) struct Issues(Vec<FieldIssue>);

impl Issues {
    pub(super) fn push(&mut self, issue: FieldIssue) {
        self.0.push(issue);
    }

    /// Refuses free text that is too long or holds a national identity number.
    pub(super) fn free_text(&mut self, field: &str, text: &str) {
        self.0.extend(text_issues(field, text));
    }

    pub(super) fn finish<T>(self, value: T) -> Result<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(CoreError::Invalid(self.0))
        }
    }
}

/// What a user typed, cleaned: control characters (NUL and the like) are
/// dropped, except line breaks and tabs; line endings become `\n`; the ends
/// are trimmed. Nothing else is changed.
pub fn clean_text(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    kept.trim().to_owned()
}

fn trimmed(s: &str) -> String {
    clean_text(s)
}

fn check_name(issues: &mut Issues, field: &str, name: &str) {
    if name.is_empty() {
        issues.push(FieldIssue::new(field, "validation.name_empty"));
    }
}

/// An e-mail address is optional, but one that is given must look like one.
fn check_email(issues: &mut Issues, field: &str, email: &str) {
    if !email.is_empty() && !looks_like_email(email) {
        issues.push(FieldIssue::new(field, "validation.email_invalid"));
    }
}

/// `name@domain`, without spaces: enough to catch a typing mistake.
pub fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => !local.is_empty() && !domain.is_empty() && !email.contains(char::is_whitespace),
        None => false,
    }
}

pub fn user_name(name: &str) -> Result<String> {
    let name = trimmed(name);
    let mut issues = Issues::default();
    check_name(&mut issues, "name", &name);
    issues.free_text("name", &name);
    issues.finish(name)
}

/// One free-text field on its own (an end reason, an amendment, an inhabilitet
/// reason), cleaned; the text checked is the text returned to be stored.
pub fn free_text(field: &str, text: &str) -> Result<String> {
    let clean = clean_text(text);
    let mut issues = Issues::default();
    issues.free_text(field, &clean);
    issues.finish(clean)
}

pub fn council(input: &CouncilInput) -> Result<CouncilInput> {
    let clean = CouncilInput {
        name: trimmed(&input.name),
        area: trimmed(&input.area),
        mandate: clean_text(&input.mandate),
        contact_name: trimmed(&input.contact_name),
        contact_email: trimmed(&input.contact_email),
        contact_phone: trimmed(&input.contact_phone),
        ..input.clone()
    };
    let mut issues = Issues::default();
    check_name(&mut issues, "name", &clean.name);
    check_email(&mut issues, "contactEmail", &clean.contact_email);
    for (field, text) in [
        ("name", &clean.name),
        ("area", &clean.area),
        ("mandate", &clean.mandate),
        ("contactName", &clean.contact_name),
        ("contactEmail", &clean.contact_email),
        ("contactPhone", &clean.contact_phone),
    ] {
        issues.free_text(field, text);
    }
    for (category, seats) in clean.seat_plan.entries() {
        let field = format!("seatPlan.{category}");
        if seats < 0 {
            issues.push(FieldIssue::new(field, "validation.seats_negative"));
        } else if seats > MAX_SEATS {
            issues.push(FieldIssue::new(field, "validation.seats_too_many").with("max", MAX_SEATS.to_string()));
        }
    }
    issues.finish(clean)
}

fn person_into(issues: &mut Issues, prefix: &str, input: &PersonInput) -> PersonInput {
    let clean = PersonInput {
        name: trimmed(&input.name),
        email: trimmed(&input.email),
        phone: trimmed(&input.phone),
        gender: input.gender,
    };
    check_name(issues, &format!("{prefix}name"), &clean.name);
    check_email(issues, &format!("{prefix}email"), &clean.email);
    for (field, text) in [("name", &clean.name), ("email", &clean.email), ("phone", &clean.phone)] {
        issues.free_text(&format!("{prefix}{field}"), text);
    }
    clean
}

pub fn person(input: &PersonInput) -> Result<PersonInput> {
    let mut issues = Issues::default();
    let clean = person_into(&mut issues, "", input);
    issues.finish(clean)
}

/// The dates Grendebok accepts: anything else is surely a typing mistake.
pub fn date_in_range(day: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    (1900..=2200).contains(&day.year())
}

/// A year a person asks for (duties, reports, the overview, a batch of
/// minutes): the years of [`date_in_range`], or a typed refusal — never a
/// date computed past what a calendar can hold.
pub fn year(year: i32) -> Result<i32> {
    if (1900..=2200).contains(&year) {
        Ok(year)
    } else {
        Err(CoreError::invalid(
            FieldIssue::new("year", "validation.year_out_of_range").with("year", year.to_string()),
        ))
    }
}

fn check_date(issues: &mut Issues, field: &str, day: chrono::NaiveDate) {
    if !date_in_range(day) {
        issues.push(FieldIssue::new(field, "validation.date_out_of_range"));
    }
}

fn check_term(issues: &mut Issues, from: chrono::NaiveDate, to: Option<chrono::NaiveDate>) {
    check_date(issues, "termFrom", from);
    if let Some(to) = to {
        check_date(issues, "termTo", to);
    }
    if let Some(to) = to {
        if to < from {
            issues.push(FieldIssue::new("termTo", "validation.term_end_before_start"));
        }
    }
}

/// A seat's term checked and its organisation cleaned, as both the form for
/// a new seat and the one for a change hold them.
fn seat_terms(
    issues: &mut Issues,
    from: chrono::NaiveDate,
    to: Option<chrono::NaiveDate>,
    organisation: &str,
) -> String {
    check_term(issues, from, to);
    let organisation = trimmed(organisation);
    issues.free_text("organisation", &organisation);
    organisation
}

pub fn membership(input: &MembershipInput) -> Result<MembershipInput> {
    let mut issues = Issues::default();
    let person = match &input.person {
        PersonChoice::New { person } => PersonChoice::New {
            person: person_into(&mut issues, "person.", person),
        },
        existing => existing.clone(),
    };
    let organisation = seat_terms(&mut issues, input.term_from, input.term_to, &input.organisation);
    let clean = MembershipInput {
        person,
        organisation,
        ..input.clone()
    };
    issues.finish(clean)
}

pub fn membership_edit(input: &MembershipEdit) -> Result<MembershipEdit> {
    let mut issues = Issues::default();
    let person = person_into(&mut issues, "person.", &input.person);
    let organisation = seat_terms(&mut issues, input.term_from, input.term_to, &input.organisation);
    let clean = MembershipEdit {
        person,
        organisation,
        ..input.clone()
    };
    issues.finish(clean)
}

/// Every seat category a council's plan gives seats must be one of
/// `allowed` (the profile's keys, and for an edit the plan's own keys before,
/// which the profile may since have removed): a fault at `seatPlan.<key>`
/// for each that is not.
pub fn seat_plan_categories(plan: &SeatPlan, allowed: &[&str]) -> Result<()> {
    let issues: Vec<FieldIssue> = plan
        .entries()
        .filter(|(c, seats)| *seats != 0 && !allowed.contains(&c.key()))
        .map(|(c, _)| FieldIssue::new(format!("seatPlan.{c}"), "validation.category_unknown").with("key", c.key()))
        .collect();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(issues))
    }
}

/// A seat's category must be one of `allowed` (the profile's keys, and for
/// an edit the seat's own key, which the profile may since have removed).
pub fn seat_category(category: &SeatCategory, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&category.key()) {
        Ok(())
    } else {
        Err(CoreError::invalid(
            FieldIssue::new("category", "validation.category_unknown").with("key", category.key()),
        ))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::*;
    use chrono::NaiveDate;

    fn council_input() -> CouncilInput {
        CouncilInput {
            area: "Lyngvik".into(),
            ..CouncilInput::named("Lyngvik nærmiljøutvalg", SeatPlan::new(1, 1, 1, 1, 2))
        }
    }

    /// The fields a refusal of invalid input names, each with its message's key.
    pub(crate) fn invalid_fields(err: CoreError) -> Vec<(String, &'static str)> {
        match err {
            CoreError::Invalid(issues) => issues.into_iter().map(|i| (i.field, i.key)).collect(),
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn council_names_are_trimmed_and_must_not_be_blank() {
        let mut input = council_input();
        input.name = "  Lyngvik  ".into();
        assert_eq!(council(&input).unwrap().name, "Lyngvik");
        input.name = " \t ".into();
        assert_eq!(
            invalid_fields(council(&input).unwrap_err()),
            [("name".into(), "validation.name_empty")]
        );
    }

    #[test]
    fn every_broken_rule_is_reported_with_its_field() {
        let mut input = council_input();
        input.name = String::new();
        input.contact_email = "kari.eksempel.no".into();
        input.seat_plan.set(SeatCategory::SPORTS, -1);
        input.seat_plan.set(SeatCategory::VOLUNTEER, 1000);
        assert_eq!(
            invalid_fields(council(&input).unwrap_err()),
            [
                ("name".into(), "validation.name_empty"),
                ("contactEmail".into(), "validation.email_invalid"),
                ("seatPlan.sports".into(), "validation.seats_negative"),
                ("seatPlan.volunteer".into(), "validation.seats_too_many"),
            ]
        );
    }

    #[test]
    fn email_is_optional_but_needs_an_at_sign_when_given() {
        let ok = |e: &str| {
            person(&PersonInput {
                name: "Kari".into(),
                email: e.into(),
                phone: String::new(),
                gender: None,
            })
            .is_ok()
        };
        assert!(ok(""));
        assert!(ok("kari@lyngvik.no"));
        assert!(!ok("kari.lyngvik.no"));
        assert!(!ok("@lyngvik.no"));
        assert!(!ok("kari@"));
        assert!(!ok("kari @lyngvik.no"));
    }

    #[test]
    fn a_national_identity_number_in_free_text_is_refused() {
        let mut input = council_input();
        input.mandate = "Kontakt leder, fnr 010101 00131.".into();
        assert_eq!(
            invalid_fields(council(&input).unwrap_err()),
            [("mandate".into(), "validation.national_id")]
        );
        let person_input = PersonInput {
            name: "Kari 01010100131".into(),
            email: String::new(),
            phone: String::new(),
            gender: None,
        };
        assert_eq!(
            invalid_fields(person(&person_input).unwrap_err()),
            [("name".into(), "validation.national_id")]
        );
    }

    #[test]
    fn a_term_cannot_end_before_it_starts() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let input = MembershipInput {
            council_id: "x".into(),
            person: PersonChoice::New {
                person: PersonInput {
                    name: " ".into(),
                    email: String::new(),
                    phone: String::new(),
                    gender: None,
                },
            },
            category: SeatCategory::SENIOR,
            role: Role::Medlem,
            organisation: String::new(),
            term_from: day(10),
            term_to: Some(day(9)),
        };
        assert_eq!(
            invalid_fields(membership(&input).unwrap_err()),
            [
                ("person.name".into(), "validation.name_empty"),
                ("termTo".into(), "validation.term_end_before_start"),
            ]
        );
        let same_day = MembershipInput {
            term_to: Some(day(10)),
            person: PersonChoice::Existing { id: "p".into() },
            ..input
        };
        assert!(membership(&same_day).is_ok());
    }

    #[test]
    fn text_longer_than_its_field_holds_is_refused_with_the_limit_in_the_message() {
        let mut input = council_input();
        input.name = "L".repeat(201);
        input.mandate = "m".repeat(TEXT_LIMITS.long as usize + 1);
        let err = council(&input).unwrap_err();
        let message = |lang| match &err {
            CoreError::Invalid(issues) => issues[0].message(lang),
            other => panic!("{other:?}"),
        };
        assert!(message(Lang::Nb).contains("201 tegn") && message(Lang::Nb).contains("høyst 200"));
        assert!(message(Lang::En).contains("at most 200"));
        assert_eq!(
            invalid_fields(err),
            [
                ("name".into(), "validation.too_long"),
                ("mandate".into(), "validation.too_long")
            ]
        );
        // At the limit, and a 10 000-character decision, are fine; emoji count as one each.
        input.name = "🌲".repeat(200);
        input.mandate = "m".repeat(TEXT_LIMITS.long as usize);
        assert!(council(&input).is_ok());
        let record = ItemRecord {
            closed_ground: None,
            chair_vote: None,
            decision: "Vedtatt. ".repeat(1_200),
            votes: None,
            closed: false,
            closed_basis: String::new(),
        };
        assert!(crate::rules::meetings::record(&record).is_ok());
        assert_eq!(
            free_text("endReason", &"x".repeat(2_001)).unwrap_err().code(),
            "invalid"
        );
    }

    #[test]
    fn the_text_checked_for_an_identity_number_is_the_text_stored() {
        // A NUL between the digits hid the number from the check, and cleaning
        // then removed the NUL: the number was stored.
        assert!(free_text("reason", "fnr 010101\u{0}00131").is_err());
        assert!(free_text("reason", "fnr 0101\u{7}0100131").is_err());
        let input = MembershipInput {
            council_id: "x".into(),
            person: PersonChoice::Existing { id: "p".into() },
            category: SeatCategory::SENIOR,
            role: Role::Medlem,
            organisation: "Lag 010101\u{1b}00131".into(),
            term_from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            term_to: None,
        };
        assert_eq!(
            invalid_fields(membership(&input).unwrap_err()),
            [("organisation".into(), "validation.national_id")]
        );
    }
}

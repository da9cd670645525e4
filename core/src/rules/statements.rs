//! Statements to the kommune (uttalelser, høringssvar): an agenda item of
//! kind `uttalelse` names the kommune's case number and the deadline; once
//! adopted, and once the minutes that record it are approved, it may go to
//! the kommune as a letter.

use chrono::NaiveDate;

use super::validate::{clean_text, date_in_range, text_issues};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{
    AgendaItem, CouncilStatements, ItemKind, Meeting, MeetingStatus, StatementBrief, StatementInput, StatementOverview,
    StatementStatus, VoteOutcome,
};

/// The statement facts of an item of `kind`, cleaned, with every fault at
/// its field (`caseRef`, `deadline`, `recipient`). An item of another kind keeps none.
pub fn statement_issues(kind: ItemKind, input: Option<&StatementInput>) -> (Option<StatementInput>, Vec<FieldIssue>) {
    if kind != ItemKind::Uttalelse {
        return (None, Vec::new());
    }
    let input = input.cloned().unwrap_or_default();
    let clean = StatementInput {
        case_ref: clean_text(&input.case_ref),
        deadline: input.deadline,
        recipient: clean_text(&input.recipient),
    };
    let mut issues = Vec::new();
    if clean.case_ref.is_empty() {
        issues.push(FieldIssue::new("caseRef", "validation.statement_case_ref_missing"));
    }
    issues.extend(text_issues("caseRef", &clean.case_ref));
    match clean.deadline {
        None => issues.push(FieldIssue::new("deadline", "validation.statement_deadline_missing")),
        Some(day) if !date_in_range(day) => issues.push(FieldIssue::new("deadline", "validation.date_out_of_range")),
        Some(_) => {}
    }
    issues.extend(text_issues("recipient", &clean.recipient));
    (Some(clean), issues)
}

/// A statement whose deadline is before the meeting that adopts it is late:
/// allowed (the kommune may still read it), but the person is warned.
pub fn late(deadline: NaiveDate, meeting_date: NaiveDate) -> bool {
    deadline < meeting_date
}

/// Whether the votes recorded adopted a proposal of the item (its own or
/// an alternative; the adopted wording is the item's decision).
pub fn adopted(item: &AgendaItem) -> bool {
    let alternatives: Vec<Option<VoteOutcome>> = item.alternatives.iter().map(|a| a.outcome).collect();
    matches!(super::meetings::adopted(item.outcome, &alternatives), Ok(Some(_)))
}

/// A statement may go to the kommune as final only when it was adopted and
/// the minutes that record it are approved: a draft is never exported as final.
pub fn exportable(item: &AgendaItem, meeting: &Meeting) -> Result<()> {
    if item.kind != ItemKind::Uttalelse || item.statement.is_none() {
        return Err(CoreError::Conflict(FieldIssue::new("", "statement.not_a_statement")));
    }
    if item.withdrawn || !adopted(item) || item.decision.trim().is_empty() {
        return Err(CoreError::Conflict(FieldIssue::new("", "statement.not_adopted")));
    }
    if meeting.status != MeetingStatus::Approved {
        return Err(CoreError::Conflict(FieldIssue::new(
            "",
            "statement.minutes_not_approved",
        )));
    }
    Ok(())
}

/// Where a statement stands: open until its minutes are approved; then
/// adopted (or not), and sent once its letter is made.
pub fn status(approved: bool, adopted: bool, sent: bool) -> StatementStatus {
    match (approved, adopted, sent) {
        (false, ..) => StatementStatus::Open,
        (true, false, _) => StatementStatus::NotAdopted,
        (true, true, false) => StatementStatus::Adopted,
        (true, true, true) => StatementStatus::Sent,
    }
}

/// Whether a statement still owes the kommune something: not yet sent, and not rejected.
pub fn owed(status: StatementStatus) -> bool {
    matches!(status, StatementStatus::Open | StatementStatus::Adopted)
}

/// The overview of `statements` (each with its status set) on `today`: each
/// one owed and past its deadline marked; per council (`councils`, id and
/// name, in the overview's order) the count owed and the nearest deadline
/// among them; the list by deadline, then council.
pub fn overview(
    councils: &[(String, String)],
    mut statements: Vec<StatementBrief>,
    today: NaiveDate,
) -> StatementOverview {
    for s in &mut statements {
        s.deadline_passed = owed(s.status) && s.deadline < today;
    }
    statements.sort_by(|a, b| {
        (a.deadline, &a.council_name, a.meeting_date).cmp(&(b.deadline, &b.council_name, b.meeting_date))
    });
    let councils = councils
        .iter()
        .map(|(id, name)| {
            let owed: Vec<&StatementBrief> = statements
                .iter()
                .filter(|s| &s.council_id == id && owed(s.status))
                .collect();
            CouncilStatements {
                council_id: id.clone(),
                council_name: name.clone(),
                open: owed.len() as i32,
                next_deadline: owed.iter().map(|s| s.deadline).min(),
            }
        })
        .collect();
    StatementOverview { councils, statements }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn brief(council: &str, deadline: NaiveDate, status: StatementStatus) -> StatementBrief {
        StatementBrief {
            item_id: format!("{council}-{deadline}"),
            meeting_id: "m".into(),
            council_id: council.into(),
            council_name: council.into(),
            case_label: None,
            title: "Høring".into(),
            case_ref: "26/1".into(),
            deadline,
            meeting_date: day(3, 1),
            status,
            deadline_passed: false,
            case_number: None,
        }
    }

    #[test]
    fn a_statement_is_open_until_approved_then_adopted_sent_or_not_adopted() {
        use StatementStatus::*;
        assert_eq!(status(false, true, false), Open);
        assert_eq!(status(true, false, false), NotAdopted);
        assert_eq!(status(true, true, false), Adopted);
        assert_eq!(status(true, true, true), Sent);
    }

    #[test]
    fn the_overview_counts_what_is_owed_with_its_nearest_deadline_and_marks_a_passed_one() {
        use StatementStatus::*;
        let councils = [("a".to_owned(), "A".to_owned()), ("b".to_owned(), "B".to_owned())];
        let found = overview(
            &councils,
            vec![
                brief("a", day(5, 1), Open),
                brief("a", day(3, 1), Adopted),
                brief("a", day(2, 1), Sent),
                brief("b", day(1, 15), NotAdopted),
            ],
            day(4, 1),
        );
        let a = &found.councils[0];
        assert_eq!((a.open, a.next_deadline), (2, Some(day(3, 1))));
        let b = &found.councils[1];
        assert_eq!((b.open, b.next_deadline), (0, None));
        let passed: Vec<(NaiveDate, bool)> = found
            .statements
            .iter()
            .map(|s| (s.deadline, s.deadline_passed))
            .collect();
        assert_eq!(
            passed,
            [
                (day(1, 15), false),
                (day(2, 1), false),
                (day(3, 1), true),
                (day(5, 1), false)
            ],
            "by deadline; only what is still owed is marked late"
        );
    }

    #[test]
    fn the_forms_faults_are_named_by_field_and_another_kind_keeps_no_statement() {
        let (clean, issues) = statement_issues(ItemKind::Uttalelse, None);
        assert_eq!(clean, Some(StatementInput::default()));
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["caseRef", "deadline"]);
        let input = StatementInput {
            case_ref: "24/01234".into(),
            deadline: Some(day(4, 1)),
            recipient: String::new(),
        };
        assert_eq!(statement_issues(ItemKind::Vedtak, Some(&input)), (None, Vec::new()));
        assert!(late(day(3, 1), day(3, 12)) && !late(day(3, 12), day(3, 12)));
    }
}

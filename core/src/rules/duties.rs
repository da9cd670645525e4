//! The yearly duties' rules: default due dates, the status of a duty on a
//! given day, and what a waiver needs. Plain functions of the facts and the
//! day; the store gathers the facts.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::{self, t};
use crate::model::{Duty, DutyKind, DutyStatus, Evidence, EvidenceKind, Lang, MeetingKind};

/// A duty due within this many days is "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

/// The built-in due date of a duty for `year`: the open meeting by midsummer,
/// the joint meeting with the kommune before the budget is settled, and the
/// accounts of the year — the grants and the annual report — early the next.
pub fn default_due(kind: DutyKind, year: i32) -> NaiveDate {
    let (y, m, d) = match kind {
        DutyKind::OpenMeeting => (year, 6, 30),
        DutyKind::JointMeeting => (year, 11, 30),
        DutyKind::GrantReport => (year + 1, 1, 31),
        DutyKind::AnnualReport => (year + 1, 3, 1),
    };
    NaiveDate::from_ymd_opt(y, m, d).expect("a fixed day exists every year")
}

/// The year a council is accounting for on `today`: the year before, until
/// its annual report's built-in due date (1 March) has passed; then this
/// year. In January a secretary is still closing last year — the grant
/// report, the annual report, the folder for the kommune — so the council
/// page offers that year first.
pub fn accounting_year(today: NaiveDate) -> i32 {
    let last = today.year() - 1;
    if today <= default_due(DutyKind::AnnualReport, last) {
        last
    } else {
        today.year()
    }
}

/// What is known of a duty when its status is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DutyFacts {
    pub due: NaiveDate,
    pub fulfilled: bool,
    pub waived: bool,
    /// False when there is nothing to account for (no grant scheme that year).
    pub applicable: bool,
    /// The first day the council existed (its earliest record); a duty due
    /// before it is not owed.
    pub owed_from: Option<NaiveDate>,
}

/// Whether a duty was due before the council existed, and so is not owed.
pub fn due_before_council(due: NaiveDate, owed_from: Option<NaiveDate>) -> bool {
    owed_from.is_some_and(|from| due < from)
}

/// A duty's status on `today`: evidence wins, then a waiver; otherwise the
/// due date decides.
pub fn status(facts: DutyFacts, today: NaiveDate) -> DutyStatus {
    if facts.fulfilled {
        DutyStatus::Fulfilled
    } else if facts.waived {
        DutyStatus::Waived
    } else if !facts.applicable || due_before_council(facts.due, facts.owed_from) {
        DutyStatus::NotApplicable
    } else if today > facts.due {
        DutyStatus::Overdue
    } else if (facts.due - today).num_days() <= DUE_SOON_DAYS {
        DutyStatus::DueSoon
    } else {
        DutyStatus::Open
    }
}

/// Whether a status needs someone's attention now.
pub fn needs_attention(status: DutyStatus) -> bool {
    matches!(status, DutyStatus::Overdue | DutyStatus::DueSoon)
}

/// A waiver needs a written reason (cleaned as every free text is).
pub fn waiver_reason(reason: &str) -> Result<String> {
    let reason = super::validate::free_text("reason", reason)?;
    if reason.is_empty() {
        return Err(CoreError::invalid(FieldIssue::new("reason", "duty.waive_needs_reason")));
    }
    Ok(reason)
}

/// What fulfilled a duty, or why it was waived; empty when neither.
pub fn note(duty: &Duty) -> String {
    match (&duty.evidence, &duty.waived_reason) {
        (Some(e), _) => e.label.clone(),
        (None, Some(reason)) => reason.clone(),
        (None, None) => String::new(),
    }
}

/// The stored and wire name of a duty kind, e.g. `joint_meeting`.
pub fn code(kind: DutyKind) -> &'static str {
    match kind {
        DutyKind::JointMeeting => "joint_meeting",
        DutyKind::OpenMeeting => "open_meeting",
        DutyKind::AnnualReport => "annual_report",
        DutyKind::GrantReport => "grant_report",
    }
}

pub fn label(lang: Lang, kind: DutyKind) -> String {
    i18n::label(lang, "duty_kind", &kind)
}

pub fn status_label(lang: Lang, status: DutyStatus) -> String {
    i18n::label(lang, "duty_status", &status)
}

/// What the record holds that can fulfil one council's duties of a year,
/// as the store finds it: the first held meeting of each kind (id, day), the
/// first exported annual report (id, when), the year's first scheme (id,
/// name), and how many of its applications are not yet accounted for, with
/// the day of the last final report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceFacts {
    pub joint_meeting: Option<(String, NaiveDate)>,
    pub open_meeting: Option<(String, NaiveDate)>,
    pub annual_report: Option<(String, String)>,
    pub scheme: Option<(String, String)>,
    pub open_accounts: (i64, Option<String>),
}

/// A duty's evidence in `facts`, if it exists, labelled in `lang`; `false` as
/// the first value when there is nothing to account for (no scheme that year).
pub fn evidence(facts: &EvidenceFacts, year: i32, kind: DutyKind, lang: Lang) -> (bool, Option<Evidence>) {
    let meeting = |meeting_kind: MeetingKind, found: &Option<(String, NaiveDate)>| {
        let evidence = found.as_ref().map(|(id, date)| Evidence {
            kind: EvidenceKind::Meeting,
            id: id.clone(),
            label: format!(
                "{} {}",
                i18n::label(lang, "meeting_kind", &meeting_kind),
                i18n::date(*date)
            ),
            date: Some(*date),
        });
        (true, evidence)
    };
    match kind {
        DutyKind::JointMeeting => meeting(MeetingKind::JOINT, &facts.joint_meeting),
        DutyKind::OpenMeeting => meeting(MeetingKind::OPEN, &facts.open_meeting),
        DutyKind::AnnualReport => {
            let evidence = facts.annual_report.as_ref().map(|(id, at)| Evidence {
                kind: EvidenceKind::AnnualReport,
                id: id.clone(),
                label: t(lang, "duty.evidence.annual_report", &[("year", &year.to_string())]),
                date: instant_day(at),
            });
            (true, evidence)
        }
        DutyKind::GrantReport => {
            let Some((scheme_id, scheme_name)) = &facts.scheme else {
                return (false, None);
            };
            let (open, last_report) = facts.open_accounts.clone();
            let evidence = (open == 0).then(|| Evidence {
                kind: EvidenceKind::Scheme,
                id: scheme_id.clone(),
                label: t(lang, "duty.evidence.grant_report", &[("scheme", scheme_name)]),
                date: last_report.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            });
            (true, evidence)
        }
    }
}

/// The day (UTC) of an RFC 3339 instant.
fn instant_day(at: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc).date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn facts(due: NaiveDate) -> DutyFacts {
        DutyFacts {
            due,
            fulfilled: false,
            waived: false,
            applicable: true,
            owed_from: None,
        }
    }

    #[test]
    fn a_duty_due_before_the_council_existed_is_not_owed() {
        // A council begun on 22 November: the open meeting due 30 June is not
        // owed (not "157 days late"); the joint meeting due 30 November is.
        let begun = Some(day(2026, 11, 22));
        let june = DutyFacts {
            owed_from: begun,
            ..facts(day(2026, 6, 30))
        };
        assert_eq!(status(june, day(2026, 11, 22)), DutyStatus::NotApplicable);
        assert!(!needs_attention(status(june, day(2026, 11, 22))));
        let november = DutyFacts {
            owed_from: begun,
            ..facts(day(2026, 11, 30))
        };
        assert_eq!(status(november, day(2026, 11, 22)), DutyStatus::DueSoon);
        let held_anyway = DutyFacts {
            fulfilled: true,
            ..june
        };
        assert_eq!(status(held_anyway, day(2026, 11, 22)), DutyStatus::Fulfilled);
    }

    #[test]
    fn the_due_date_decides_until_evidence_or_a_waiver_exists() {
        let due = day(2026, 11, 30);
        assert_eq!(status(facts(due), day(2026, 6, 1)), DutyStatus::Open);
        assert_eq!(status(facts(due), day(2026, 10, 31)), DutyStatus::DueSoon);
        assert_eq!(
            status(facts(due), day(2026, 11, 30)),
            DutyStatus::DueSoon,
            "due today is not late"
        );
        assert_eq!(status(facts(due), day(2026, 12, 1)), DutyStatus::Overdue);
        let late = day(2027, 5, 1);
        let waived = DutyFacts {
            waived: true,
            ..facts(due)
        };
        assert_eq!(status(waived, late), DutyStatus::Waived);
        let fulfilled = DutyFacts {
            fulfilled: true,
            ..waived
        };
        assert_eq!(
            status(fulfilled, late),
            DutyStatus::Fulfilled,
            "evidence wins over a waiver"
        );
        let none = DutyFacts {
            applicable: false,
            ..facts(due)
        };
        assert_eq!(status(none, late), DutyStatus::NotApplicable);
    }

    #[test]
    fn thirty_days_before_is_due_soon_and_thirty_one_is_not() {
        let due = day(2027, 3, 1);
        assert_eq!(status(facts(due), day(2027, 1, 30)), DutyStatus::DueSoon);
        assert_eq!(status(facts(due), day(2027, 1, 29)), DutyStatus::Open);
    }

    #[test]
    fn default_due_dates_fall_in_the_year_or_early_the_next() {
        assert_eq!(default_due(DutyKind::OpenMeeting, 2026), day(2026, 6, 30));
        assert_eq!(default_due(DutyKind::JointMeeting, 2026), day(2026, 11, 30));
        assert_eq!(default_due(DutyKind::GrantReport, 2026), day(2027, 1, 31));
        assert_eq!(default_due(DutyKind::AnnualReport, 2026), day(2027, 3, 1));
    }

    #[test]
    fn the_year_accounted_for_is_last_year_until_its_annual_report_is_due() {
        assert_eq!(accounting_year(day(2027, 1, 4)), 2026);
        assert_eq!(accounting_year(day(2027, 3, 1)), 2026);
        assert_eq!(accounting_year(day(2027, 3, 2)), 2027);
        assert_eq!(accounting_year(day(2026, 12, 1)), 2026);
    }

    #[test]
    fn a_waiver_without_a_reason_is_refused() {
        for reason in ["", "   ", "\u{0}\u{7}"] {
            let err = waiver_reason(reason).unwrap_err();
            assert_eq!(err.code(), "invalid");
        }
        assert_eq!(
            waiver_reason("  Ingen møtelokale i år ").unwrap(),
            "Ingen møtelokale i år"
        );
    }

    #[test]
    fn a_duty_is_fulfilled_by_its_evidence_and_grants_owe_nothing_without_a_scheme() {
        let none = EvidenceFacts::default();
        assert_eq!(evidence(&none, 2026, DutyKind::GrantReport, Lang::Nb), (false, None));
        assert_eq!(evidence(&none, 2026, DutyKind::OpenMeeting, Lang::Nb), (true, None));
        let facts = EvidenceFacts {
            open_meeting: Some(("m1".into(), day(2026, 5, 12))),
            annual_report: Some(("r1".into(), "2027-02-01T10:00:00Z".into())),
            scheme: Some(("s1".into(), "Grendemidler 2026".into())),
            open_accounts: (0, Some("2027-01-20".into())),
            ..EvidenceFacts::default()
        };
        let (_, open) = evidence(&facts, 2026, DutyKind::OpenMeeting, Lang::Nb);
        let open = open.unwrap();
        assert_eq!(
            (open.kind, open.id.as_str(), open.date),
            (EvidenceKind::Meeting, "m1", Some(day(2026, 5, 12)))
        );
        assert!(open.label.ends_with("12.05.2026"), "{}", open.label);
        let (_, report) = evidence(&facts, 2026, DutyKind::AnnualReport, Lang::Nb);
        assert_eq!(report.unwrap().date, Some(day(2027, 2, 1)));
        let (_, grants) = evidence(&facts, 2026, DutyKind::GrantReport, Lang::Nb);
        let grants = grants.unwrap();
        assert_eq!(
            (grants.kind, grants.date),
            (EvidenceKind::Scheme, Some(day(2027, 1, 20)))
        );
        assert!(grants.label.contains("Grendemidler 2026"), "{}", grants.label);
        let unaccounted = EvidenceFacts {
            open_accounts: (2, None),
            ..facts
        };
        assert_eq!(
            evidence(&unaccounted, 2026, DutyKind::GrantReport, Lang::Nb),
            (true, None)
        );
    }
}

//! The yearly duties' rules: default due dates, the status of a duty on a
//! given day, and what a waiver needs. Plain functions of the facts and the
//! day; the store gathers the facts.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n;
use crate::model::{
    Duty, DutyConfirmation, DutyStatus, Evidence, EvidenceAbout, EvidenceKind, KommuneProfile, Lang, ProfileDuty,
    ProfileEvidenceKind,
};

/// A duty due within this many days is "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

/// The built-in annual report's due day in the year after (1 March), which
/// closes the accounting year.
const ACCOUNTS_CLOSE: (u32, u32) = (3, 1);

/// The year a council is accounting for on `today`: the year before, until
/// the built-in annual report's due date (1 March) has passed; then this
/// year. In January a secretary is still closing last year — the grant
/// report, the annual report, the folder for the kommune — so the council
/// page offers that year first.
pub fn accounting_year(today: NaiveDate) -> i32 {
    let last = today.year() - 1;
    let close = NaiveDate::from_ymd_opt(today.year(), ACCOUNTS_CLOSE.0, ACCOUNTS_CLOSE.1).expect("1 March exists");
    if today <= close {
        last
    } else {
        today.year()
    }
}

/// The due date of a profile's duty for `year` (a due day the profile
/// checked exists every year; 28 February should it not).
pub fn due_of(duty: &ProfileDuty, year: i32) -> NaiveDate {
    super::profile::due_in(duty.due_date, year)
        .or_else(|| NaiveDate::from_ymd_opt(if duty.due_date.next_year { year + 1 } else { year }, 2, 28))
        .expect("28 February exists")
}

/// A duty's name in `lang`: the profile's while it holds the key, else the
/// key itself (a duty the profile no longer has, kept for history).
pub fn name_of(profile: &KommuneProfile, key: &str, lang: Lang) -> String {
    profile
        .duties
        .iter()
        .find(|d| d.key == key)
        .map(|d| d.names.get(lang).to_owned())
        .unwrap_or_else(|| key.to_owned())
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

pub fn status_label(lang: Lang, status: DutyStatus) -> String {
    i18n::label(lang, "duty_status", &status)
}

/// Every held meeting of a year whose notice a duty of kind
/// `noticePublishedBeforeMeeting` looks at: how many were held, how many of
/// them had their notice sent (`notice_sent_at`) on a day before the
/// meeting's, and the last one held (id, day).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeFacts {
    pub held: i64,
    pub in_time: i64,
    pub last: Option<(String, NaiveDate)>,
}

/// What the record holds that can fulfil one council's duties of a year,
/// as the store finds it: the first held meeting of each kind by the kind's
/// key (id, day), the first exported annual report (id, when), the year's
/// first scheme (id, name), how many of its applications are not yet
/// accounted for with the day of the last final report, the held meetings'
/// notices, and the duties confirmed by hand (by duty key).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceFacts {
    pub meetings: HashMap<String, (String, NaiveDate)>,
    pub annual_report: Option<(String, String)>,
    pub scheme: Option<(String, String)>,
    pub open_accounts: (i64, Option<String>),
    pub notices: NoticeFacts,
    pub confirmations: HashMap<String, (String, DutyConfirmation)>,
}

/// The name of a meeting kind in `lang`: the profile's, else the key.
pub fn meeting_kind_name(profile: &KommuneProfile, key: &str, lang: Lang) -> String {
    profile
        .meeting_kinds
        .iter()
        .find(|k| k.key == key)
        .map(|k| k.names.get(lang).to_owned())
        .unwrap_or_else(|| key.to_owned())
}

/// A duty's evidence in `facts`, by the kind of evidence the profile gives
/// it, in no language (its label is added from [`Evidence::about`] where the
/// language is known); `false` as the first value when there is nothing to
/// account for (no scheme that year, for the grants).
pub fn evidence(facts: &EvidenceFacts, year: i32, duty: &ProfileDuty) -> (bool, Option<Evidence>) {
    let Some(kind) = duty.evidence.known_kind() else {
        return (true, None);
    };
    match kind {
        ProfileEvidenceKind::MeetingOfKind => {
            let key = duty.evidence.meeting_kind.as_deref().unwrap_or_default();
            let evidence = facts.meetings.get(key).map(|(id, date)| Evidence {
                kind: EvidenceKind::Meeting,
                id: id.clone(),
                label: String::new(),
                date: Some(*date),
                about: EvidenceAbout::Meeting { kind: key.to_owned() },
            });
            (true, evidence)
        }
        ProfileEvidenceKind::AnnualReportExported => {
            let evidence = facts.annual_report.as_ref().map(|(id, at)| Evidence {
                kind: EvidenceKind::AnnualReport,
                id: id.clone(),
                label: String::new(),
                date: instant_day(at),
                about: EvidenceAbout::AnnualReport { year },
            });
            (true, evidence)
        }
        ProfileEvidenceKind::GrantsDecidedAndReported => {
            let Some((scheme_id, scheme_name)) = &facts.scheme else {
                return (false, None);
            };
            let (open, last_report) = facts.open_accounts.clone();
            let evidence = (open == 0).then(|| Evidence {
                kind: EvidenceKind::Scheme,
                id: scheme_id.clone(),
                label: String::new(),
                date: last_report.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                about: EvidenceAbout::GrantReport {
                    scheme: scheme_name.clone(),
                },
            });
            (true, evidence)
        }
        ProfileEvidenceKind::NoticePublishedBeforeMeeting => {
            let n = &facts.notices;
            let evidence = match &n.last {
                Some((id, date)) if n.held > 0 && n.in_time == n.held => Some(Evidence {
                    kind: EvidenceKind::Meeting,
                    id: id.clone(),
                    label: String::new(),
                    date: Some(*date),
                    about: EvidenceAbout::Notices { held: n.held },
                }),
                _ => None,
            };
            (true, evidence)
        }
        ProfileEvidenceKind::Manual => {
            let evidence = facts.confirmations.get(&duty.key).map(|(id, c)| Evidence {
                kind: EvidenceKind::Confirmation,
                id: id.clone(),
                label: c.note.clone(),
                date: Some(c.date),
                about: EvidenceAbout::Own,
            });
            (true, evidence)
        }
    }
}

/// A confirmation by hand, checked: the day it was done and a note, both
/// required; the day not after `today` and not before the year owed. Every
/// fault at once.
pub fn confirmation(date: Option<NaiveDate>, note: &str, year: i32, today: NaiveDate) -> Result<(NaiveDate, String)> {
    let mut issues = Vec::new();
    let note = match super::validate::free_text("note", note) {
        Ok(note) => note,
        Err(CoreError::Invalid(found)) => {
            issues.extend(found);
            String::new()
        }
        Err(other) => return Err(other),
    };
    if note.is_empty() && issues.is_empty() {
        issues.push(FieldIssue::new("note", "duty.confirm_needs_note"));
    }
    match date {
        None => issues.push(FieldIssue::new("date", "duty.confirm_needs_date")),
        Some(date) if date > today => issues.push(FieldIssue::new("date", "duty.confirm_in_future")),
        Some(date) if date.year() < year => {
            issues.push(FieldIssue::new("date", "duty.confirm_before_year").with("year", year.to_string()))
        }
        Some(_) => {}
    }
    match (issues.is_empty(), date) {
        (true, Some(date)) => Ok((date, note)),
        _ => Err(CoreError::Invalid(issues)),
    }
}

/// Only a duty confirmed by hand (evidence `manual`) takes a confirmation.
pub fn check_manual(duty: &ProfileDuty) -> Result<()> {
    if duty.evidence.known_kind() == Some(ProfileEvidenceKind::Manual) {
        Ok(())
    } else {
        Err(CoreError::invalid(FieldIssue::new("kind", "duty.not_manual")))
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

    fn built_in(key: &str) -> ProfileDuty {
        let profile = crate::rules::profile::default_profile();
        profile.duties.into_iter().find(|d| d.key == key).unwrap()
    }

    #[test]
    fn default_due_dates_fall_in_the_year_or_early_the_next() {
        assert_eq!(due_of(&built_in("open_meeting"), 2026), day(2026, 6, 30));
        assert_eq!(due_of(&built_in("joint_meeting"), 2026), day(2026, 11, 30));
        assert_eq!(due_of(&built_in("grant_report"), 2026), day(2027, 1, 31));
        assert_eq!(due_of(&built_in("annual_report"), 2026), day(2027, 3, 1));
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
        let profile = crate::rules::profile::default_profile();
        let ev = |facts: &EvidenceFacts, key: &str| labelled(evidence(facts, 2026, &built_in(key)), &profile);
        let none = EvidenceFacts::default();
        assert_eq!(ev(&none, "grant_report"), (false, None));
        assert_eq!(ev(&none, "open_meeting"), (true, None));
        let facts = EvidenceFacts {
            meetings: HashMap::from([("open".to_owned(), ("m1".to_owned(), day(2026, 5, 12)))]),
            annual_report: Some(("r1".into(), "2027-02-01T10:00:00Z".into())),
            scheme: Some(("s1".into(), "Grendemidler 2026".into())),
            open_accounts: (0, Some("2027-01-20".into())),
            ..EvidenceFacts::default()
        };
        let (_, open) = ev(&facts, "open_meeting");
        let open = open.unwrap();
        assert_eq!(
            (open.kind, open.id.as_str(), open.date),
            (EvidenceKind::Meeting, "m1", Some(day(2026, 5, 12)))
        );
        assert_eq!(open.label, "Åpent møte for innbyggerne 12.05.2026");
        assert_eq!(
            ev(&facts, "joint_meeting"),
            (true, None),
            "an open meeting is not a joint one"
        );
        let (_, report) = ev(&facts, "annual_report");
        assert_eq!(report.unwrap().date, Some(day(2027, 2, 1)));
        let (_, grants) = ev(&facts, "grant_report");
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
        assert_eq!(ev(&unaccounted, "grant_report"), (true, None));
    }

    /// The evidence with its label in bokmål, as the views add it.
    fn labelled(found: (bool, Option<Evidence>), profile: &KommuneProfile) -> (bool, Option<Evidence>) {
        let (applicable, evidence) = found;
        (
            applicable,
            evidence.map(|mut e| {
                e.label = crate::views::evidence_label(&e, profile, Lang::Nb);
                e
            }),
        )
    }

    fn duty_of(kind: ProfileEvidenceKind) -> ProfileDuty {
        ProfileDuty {
            key: "plikt".into(),
            names: crate::model::ProfileNames::new("Plikt", "Plikt", "Duty"),
            due_date: crate::model::DueDay {
                month: 12,
                day: 31,
                next_year: false,
            },
            evidence: crate::model::DutyEvidence::of(kind),
        }
    }

    #[test]
    fn notices_count_only_when_every_held_meeting_had_one_in_time() {
        let profile = crate::rules::profile::default_profile();
        let duty = duty_of(ProfileEvidenceKind::NoticePublishedBeforeMeeting);
        let with = |held, in_time| EvidenceFacts {
            notices: NoticeFacts {
                held,
                in_time,
                last: (held > 0).then(|| ("m3".to_owned(), day(2026, 9, 1))),
            },
            ..EvidenceFacts::default()
        };
        let (_, all) = labelled(evidence(&with(3, 3), 2026, &duty), &profile);
        let all = all.unwrap();
        assert_eq!((all.id.as_str(), all.date), ("m3", Some(day(2026, 9, 1))));
        assert_eq!(all.label, "Innkalling sendt før alle 3 møter");
        assert_eq!(evidence(&with(3, 2), 2026, &duty), (true, None));
        assert_eq!(
            evidence(&with(0, 0), 2026, &duty),
            (true, None),
            "no meeting held, nothing shown"
        );
    }

    #[test]
    fn a_confirmation_needs_a_day_in_the_year_or_after_not_in_the_future_and_a_note() {
        let today = day(2026, 10, 5);
        assert_eq!(
            confirmation(Some(day(2026, 9, 1)), "  Dugnad i parken ", 2026, today).unwrap(),
            (day(2026, 9, 1), "Dugnad i parken".to_owned())
        );
        let fields = |r: Result<(NaiveDate, String)>| match r {
            Err(CoreError::Invalid(issues)) => issues.iter().map(|i| i.key).collect::<Vec<_>>(),
            other => panic!("refused: {other:?}"),
        };
        assert_eq!(
            fields(confirmation(None, " ", 2026, today)),
            ["duty.confirm_needs_note", "duty.confirm_needs_date"],
            "every fault at once"
        );
        assert_eq!(
            fields(confirmation(Some(day(2026, 10, 6)), "x", 2026, today)),
            ["duty.confirm_in_future"]
        );
        assert_eq!(
            fields(confirmation(Some(day(2025, 12, 31)), "x", 2026, today)),
            ["duty.confirm_before_year"]
        );
        assert!(check_manual(&duty_of(ProfileEvidenceKind::Manual)).is_ok());
        assert!(check_manual(&duty_of(ProfileEvidenceKind::AnnualReportExported)).is_err());
    }
}

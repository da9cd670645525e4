//! Meetings and due dates as an iCalendar file (RFC 5545) for any calendar
//! program: meetings at their local time (floating, as the council meets in
//! Norway), due dates as all-day events. Stable UIDs, so importing the file
//! again updates the events instead of doubling them.

use chrono::{DateTime, NaiveDate, Utc};

use crate::i18n::t;
use crate::model::{Duty, DutyStatus, Lang, MeetingBrief};

/// Text as iCalendar wants it: backslash, semicolon, comma and line breaks escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (never inside a character) and ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn date_value(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// A calendar file's text and what it holds.
pub struct Calendar {
    pub text: String,
    pub meetings: usize,
    pub due_dates: usize,
}

impl Calendar {
    /// What a person is told after the calendar is saved to `path`.
    pub fn export_message(&self, lang: Lang, path: &std::path::Path) -> String {
        crate::documents::saved_message(
            lang,
            "export.ics_saved",
            path,
            &[
                ("meetings", &self.meetings.to_string()),
                ("duties", &self.due_dates.to_string()),
            ],
        )
    }
}

fn owed(d: &Duty) -> bool {
    !matches!(
        d.status,
        DutyStatus::Fulfilled | DutyStatus::Waived | DutyStatus::NotApplicable
    )
}

/// The calendar of `meetings` and the due dates of `duties` that are still
/// owed (fulfilled, waived and not applicable ones are left out), each
/// meeting named by its kind as `labels` (the file's profile) names it.
pub fn ics(
    meetings: &[MeetingBrief],
    duties: &[Duty],
    stamp: DateTime<Utc>,
    labels: &crate::model::ProfileLabels,
    lang: Lang,
) -> Calendar {
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Grendebok//Grendebok//NO");
    line(&mut out, "CALSCALE:GREGORIAN");
    for m in meetings {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:meeting-{}@grendebok", m.id));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART:{}T{}", date_value(m.date), m.starts_at.format("%H%M%S")),
        );
        line(&mut out, "DURATION:PT2H");
        let summary = format!("{} – {}", labels.meeting_kind(m.kind.key()), m.council_name);
        line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        if !m.place.is_empty() {
            line(&mut out, &format!("LOCATION:{}", escape(&m.place)));
        }
        line(&mut out, "END:VEVENT");
    }
    let owed: Vec<&Duty> = duties.iter().filter(|d| owed(d)).collect();
    for d in &owed {
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!("UID:duty-{}-{}-{}@grendebok", d.council_id, d.year, d.kind),
        );
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date_value(d.due)));
        let next = d.due.succ_opt().unwrap_or(d.due);
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", date_value(next)));
        let summary = t(lang, "ics.due", &[("duty", &d.name), ("council", &d.council_name)]);
        line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    Calendar {
        text: out,
        meetings: meetings.len(),
        due_dates: owed.len(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone};

    use super::*;
    use crate::model::{MeetingKind, MeetingStatus, ProfileEvidenceKind};

    fn meeting(place: &str) -> MeetingBrief {
        MeetingBrief {
            id: "m1".into(),
            council_id: "c1".into(),
            council_name: "Lyngvik nærmiljøutvalg".into(),
            kind: MeetingKind::JOINT,
            status: MeetingStatus::Planned,
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            starts_at: NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
            place: place.into(),
        }
    }

    fn duty(status: DutyStatus) -> Duty {
        Duty {
            council_id: "c1".into(),
            council_name: "Lyngvik nærmiljøutvalg".into(),
            year: 2026,
            kind: "annual_report".into(),
            name: "Årsmelding".into(),
            evidence_kind: ProfileEvidenceKind::AnnualReportExported,
            due: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            default_due: true,
            status,
            days_left: 90,
            evidence: None,
            waived_reason: None,
            waived: None,
            confirmation: None,
            before_council: false,
        }
    }

    #[test]
    fn meetings_and_owed_due_dates_become_events() {
        let stamp = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let calendar = ics(
            &[meeting("Grendehuset, sal 2; inngang bak")],
            &[duty(DutyStatus::Open), duty(DutyStatus::Fulfilled)],
            stamp,
            &crate::rules::profile::default_labels(Lang::Nb),
            Lang::Nb,
        );
        assert_eq!((calendar.meetings, calendar.due_dates), (1, 1));
        let text = calendar.text;
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("DTSTART:20261120T183000\r\n"));
        assert!(text.contains("LOCATION:Grendehuset\\, sal 2\\; inngang bak\r\n"));
        assert!(text.contains("SUMMARY:Fellesmøte med kommunen – Lyngvik nærmiljøutvalg"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2, "a fulfilled duty is left out");
        assert!(text.contains("DTSTAMP:20261201T090000Z"));
    }

    #[test]
    fn long_lines_are_folded_within_75_octets_and_never_split_a_letter() {
        let stamp = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let labels = crate::rules::profile::default_labels(Lang::Nb);
        let text = ics(&[meeting(&"Æøå grendehus ".repeat(20))], &[], stamp, &labels, Lang::Nb).text;
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("LOCATION:{}", "Æøå grendehus ".repeat(20).trim_end())));
    }
}

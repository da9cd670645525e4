//! The coordinator's overview as it is shown: which councils the filters let
//! through, their order, the year in figures and the year wheel. Plain
//! functions of the overview's lines and meetings; the store gathers them.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use super::names;
use crate::model::{
    CouncilOverview, DutyKey, DutyStatus, DutyTally, MeetingBrief, MeetingStatus, MonthTally, OverviewQuery,
    OverviewSortKey, SortDir, StatusCount, WheelEntry, YearGlance, YearWheel,
};

/// Up to this many councils in the file, the overview's answer carries its
/// year wheel (short then); above it, the wheel is a call of its own.
pub const WHEEL_WITH_SCREEN: usize = 60;

/// Whether a council is behind: a duty overdue or due soon.
pub fn behind(line: &CouncilOverview) -> bool {
    line.duties_overdue + line.duties_due_soon > 0
}

/// Whether the query lets the council through: behind (when asked), and its
/// name contains the text, whatever the case.
pub fn matches(line: &CouncilOverview, query: &OverviewQuery) -> bool {
    let needle = query.name.trim().to_lowercase();
    (!query.behind_only || behind(line)) && (needle.is_empty() || line.name.to_lowercase().contains(&needle))
}

/// The order of two lines under `query`: the column chosen, in its
/// direction, and ties by name A–Å whatever the direction.
pub fn order(a: &CouncilOverview, b: &CouncilOverview, query: &OverviewQuery) -> Ordering {
    let by_name = || names::compare(&a.name, &b.name);
    let primary = match query.sort {
        OverviewSortKey::Name => by_name(),
        OverviewSortKey::Overdue => (a.duties_overdue, a.duties_due_soon).cmp(&(b.duties_overdue, b.duties_due_soon)),
        OverviewSortKey::Left => a.left_ore.cmp(&b.left_ore),
    };
    let primary = match query.dir {
        SortDir::Ascending => primary,
        SortDir::Descending => primary.reverse(),
    };
    primary.then_with(by_name)
}

/// The lines the query lets through, in its order.
pub fn shown(lines: Vec<CouncilOverview>, query: &OverviewQuery) -> Vec<CouncilOverview> {
    let mut shown: Vec<CouncilOverview> = lines.into_iter().filter(|l| matches(l, query)).collect();
    shown.sort_by(|a, b| order(a, b, query));
    shown
}

/// The year in figures for the councils shown: each of the profile's duties
/// (key and name, in the profile's order) by status, and the year's meetings
/// month by month, held (or approved) and to come.
pub fn glance(
    year: i32,
    duties: &[(DutyKey, String)],
    councils: &[CouncilOverview],
    meetings: &[MeetingBrief],
) -> YearGlance {
    let duties = duties
        .iter()
        .map(|(kind, name)| DutyTally {
            kind: kind.clone(),
            name: name.clone(),
            counts: DutyStatus::ALL
                .into_iter()
                .map(|status| StatusCount {
                    status,
                    count: councils
                        .iter()
                        .flat_map(|c| &c.duties)
                        .filter(|d| &d.kind == kind && d.status == status)
                        .count() as i32,
                })
                .collect(),
        })
        .collect();
    let mut months: Vec<MonthTally> = (1..=12)
        .map(|month| MonthTally {
            month,
            held: 0,
            coming: 0,
        })
        .collect();
    for m in meetings.iter().filter(|m| m.date.year() == year) {
        let tally = &mut months[m.date.month0() as usize];
        if m.status >= MeetingStatus::Held {
            tally.held += 1;
        } else {
            tally.coming += 1;
        }
    }
    YearGlance { duties, months }
}

fn entry_date(e: &WheelEntry) -> NaiveDate {
    match e {
        WheelEntry::Meeting { date, .. } | WheelEntry::Due { date, .. } => *date,
    }
}

/// By date; on one day the meetings first (by time, then council), then the
/// due dates (by council).
fn entry_order(a: &WheelEntry, b: &WheelEntry) -> Ordering {
    entry_date(a).cmp(&entry_date(b)).then_with(|| match (a, b) {
        (WheelEntry::Meeting { meeting: x, .. }, WheelEntry::Meeting { meeting: y, .. }) => x
            .starts_at
            .cmp(&y.starts_at)
            .then_with(|| names::compare(&x.council_name, &y.council_name)),
        (WheelEntry::Due { duty: x, .. }, WheelEntry::Due { duty: y, .. }) => {
            names::compare(&x.council_name, &y.council_name)
        }
        (WheelEntry::Meeting { .. }, WheelEntry::Due { .. }) => Ordering::Less,
        (WheelEntry::Due { .. }, WheelEntry::Meeting { .. }) => Ordering::Greater,
    })
}

/// The year wheel of the councils shown and their meetings: duties that are
/// not applicable are left out (there is nothing to do).
pub fn wheel(year: i32, councils: Vec<CouncilOverview>, meetings: Vec<MeetingBrief>) -> YearWheel {
    let mut months: Vec<Vec<WheelEntry>> = (0..12).map(|_| Vec::new()).collect();
    let mut outside = Vec::new();
    let mut place = |entry: WheelEntry| {
        let date = entry_date(&entry);
        if date.year() == year {
            months[date.month0() as usize].push(entry);
        } else {
            outside.push(entry);
        }
    };
    for meeting in meetings {
        place(WheelEntry::Meeting {
            date: meeting.date,
            meeting,
        });
    }
    for duty in councils.into_iter().flat_map(|c| c.duties) {
        if duty.status != DutyStatus::NotApplicable {
            place(WheelEntry::Due {
                date: duty.due,
                duty: Box::new(duty),
            });
        }
    }
    for month in &mut months {
        month.sort_by(entry_order);
    }
    outside.sort_by(entry_order);
    YearWheel { months, outside }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CouncilKind, Duty};

    fn line(name: &str, overdue: i32, due_soon: i32, left_ore: i64) -> CouncilOverview {
        CouncilOverview {
            council_id: name.to_owned(),
            name: name.to_owned(),
            kind: CouncilKind::Grendeutvalg,
            area: String::new(),
            seats_filled: 0,
            seats_planned: 0,
            next_meeting: None,
            last_approved: None,
            duties_overdue: overdue,
            days_overdue: 0,
            duties_due_soon: due_soon,
            duties_fulfilled: 0,
            duties: Vec::new(),
            budget_ore: 0,
            granted_ore: 0,
            paid_ore: 0,
            left_ore,
        }
    }

    fn names_of(lines: &[CouncilOverview]) -> Vec<&str> {
        lines.iter().map(|l| l.name.as_str()).collect()
    }

    fn query(sort: OverviewSortKey, dir: SortDir) -> OverviewQuery {
        OverviewQuery {
            sort,
            dir,
            ..OverviewQuery::default()
        }
    }

    #[test]
    fn names_sort_in_the_norwegian_order_and_ties_fall_back_to_the_name() {
        let lines = || {
            vec![
                line("Åsen", 0, 0, 5),
                line("Ørnes", 1, 0, 5),
                line("aust", 1, 0, 9),
                line("Zinken", 0, 2, 0),
                line("Ærøy", 0, 1, 5),
            ]
        };
        let by_name = shown(lines(), &query(OverviewSortKey::Name, SortDir::Ascending));
        assert_eq!(names_of(&by_name), ["aust", "Zinken", "Ærøy", "Ørnes", "Åsen"]);
        let z_a = shown(lines(), &query(OverviewSortKey::Name, SortDir::Descending));
        assert_eq!(names_of(&z_a), ["Åsen", "Ørnes", "Ærøy", "Zinken", "aust"]);
        // The most overdue first, then the most due soon; ties A–Å.
        let overdue = shown(lines(), &query(OverviewSortKey::Overdue, SortDir::Descending));
        assert_eq!(names_of(&overdue), ["aust", "Ørnes", "Zinken", "Ærøy", "Åsen"]);
        // The most money left first; ties A–Å even when descending.
        let left = shown(lines(), &query(OverviewSortKey::Left, SortDir::Descending));
        assert_eq!(names_of(&left), ["aust", "Ærøy", "Ørnes", "Åsen", "Zinken"]);
    }

    #[test]
    fn the_filters_let_through_the_councils_behind_and_names_that_contain_the_text() {
        let lines = || {
            vec![
                line("Brunla vel", 0, 0, 0),
                line("Øvre Brunla", 1, 0, 0),
                line("Lyngvik", 0, 1, 0),
            ]
        };
        let q = |name: &str, behind_only| OverviewQuery {
            name: name.to_owned(),
            behind_only,
            ..OverviewQuery::default()
        };
        assert_eq!(
            names_of(&shown(lines(), &q(" brunla ", false))),
            ["Brunla vel", "Øvre Brunla"]
        );
        assert_eq!(names_of(&shown(lines(), &q("", true))), ["Lyngvik", "Øvre Brunla"]);
        assert_eq!(names_of(&shown(lines(), &q("BRUNLA", true))), ["Øvre Brunla"]);
        assert!(shown(lines(), &q("ingen slik", false)).is_empty());
    }

    fn duty(council: &str, kind: &str, due: &str, status: DutyStatus) -> Duty {
        Duty {
            council_id: council.into(),
            council_name: council.into(),
            year: 2026,
            kind: kind.into(),
            name: kind.into(),
            evidence_kind: crate::model::ProfileEvidenceKind::Manual,
            due: due.parse().unwrap(),
            default_due: true,
            status,
            days_left: 0,
            evidence: None,
            waived_reason: None,
            waived: None,
            confirmation: None,
            before_council: false,
        }
    }

    fn meeting(id: &str, council: &str, date: &str, starts_at: &str, status: MeetingStatus) -> MeetingBrief {
        MeetingBrief {
            id: id.into(),
            council_id: council.into(),
            council_name: council.into(),
            kind: crate::model::MeetingKind::ORDINARY,
            status,
            date: date.parse().unwrap(),
            starts_at: starts_at.parse().unwrap(),
            place: String::new(),
        }
    }

    #[test]
    fn the_wheel_puts_meetings_and_due_dates_in_their_month_meetings_first_and_leaves_out_what_is_not_applicable() {
        let mut a = line("a", 0, 0, 0);
        a.duties = vec![
            duty("a", "open_meeting", "2026-06-30", DutyStatus::Overdue),
            duty("a", "joint_meeting", "2026-11-30", DutyStatus::DueSoon),
            duty("a", "grant_report", "2027-01-31", DutyStatus::NotApplicable),
            duty("a", "annual_report", "2027-03-01", DutyStatus::Open),
        ];
        let mut b = line("b", 0, 0, 0);
        b.duties = vec![duty("b", "joint_meeting", "2026-11-30", DutyStatus::Fulfilled)];
        let meetings = vec![
            meeting("m1", "a", "2026-03-12", "18:00:00", MeetingStatus::Planned),
            meeting("m2", "b", "2026-11-30", "19:00:00", MeetingStatus::Planned),
            meeting("m3", "a", "2026-11-30", "17:00:00", MeetingStatus::Planned),
        ];
        let w = wheel(2026, vec![a, b], meetings);
        assert_eq!(w.months.len(), 12);
        let label = |e: &WheelEntry| match e {
            WheelEntry::Meeting { meeting, .. } => meeting.id.clone(),
            WheelEntry::Due { duty, .. } => format!("{}:{}", duty.council_id, duty.kind),
        };
        assert_eq!(w.months[2].iter().map(label).collect::<Vec<_>>(), ["m1"]);
        assert_eq!(w.months[5].iter().map(label).collect::<Vec<_>>(), ["a:open_meeting"]);
        assert_eq!(
            w.months[10].iter().map(label).collect::<Vec<_>>(),
            ["m3", "m2", "a:joint_meeting", "b:joint_meeting"]
        );
        assert_eq!(w.outside.iter().map(label).collect::<Vec<_>>(), ["a:annual_report"]);
    }

    #[test]
    fn the_glance_counts_each_duty_by_status_and_the_meetings_by_month() {
        let mut a = line("A", 1, 0, 0);
        a.duties = vec![duty("A", "open_meeting", "2026-06-30", DutyStatus::Overdue)];
        let mut b = line("B", 0, 0, 0);
        b.duties = vec![duty("B", "open_meeting", "2026-06-30", DutyStatus::Fulfilled)];
        let meetings = [
            meeting("1", "a", "2026-03-01", "18:00:00", MeetingStatus::Approved),
            meeting("2", "a", "2026-03-20", "18:00:00", MeetingStatus::Held),
            meeting("3", "a", "2026-03-30", "18:00:00", MeetingStatus::Planned),
            meeting("4", "a", "2026-12-01", "18:00:00", MeetingStatus::NoticeSent),
        ];
        let duties = [
            (DutyKey::from("joint_meeting"), "Fellesmøte".to_owned()),
            (DutyKey::from("open_meeting"), "Åpent møte".to_owned()),
        ];
        let glance = glance(2026, &duties, &[a, b], &meetings);
        assert_eq!(
            glance.duties.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
            ["Fellesmøte", "Åpent møte"],
            "every duty of the profile, in its order"
        );
        let open = glance.duties.iter().find(|d| d.kind == "open_meeting").unwrap();
        let count = |s| open.counts.iter().find(|c| c.status == s).unwrap().count;
        assert_eq!(
            (
                count(DutyStatus::Overdue),
                count(DutyStatus::Fulfilled),
                count(DutyStatus::Open)
            ),
            (1, 1, 0)
        );
        assert_eq!(glance.months.len(), 12);
        assert_eq!((glance.months[2].held, glance.months[2].coming), (2, 1));
        assert_eq!((glance.months[11].held, glance.months[11].coming), (0, 1));
    }
}

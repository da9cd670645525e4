//! Figures for the charts: a council's attendance per member over a year.
//!
//! Only held meetings count (held, or with approved minutes). A member is
//! expected at a held meeting on a day their seat ran; a varamedlem is
//! expected at none and counts as a stand-in when present for someone.

use rusqlite::{params, Connection};

use super::{codec, councils, Store};
use crate::error::Result;
use crate::model::*;

/// The held meetings of a council in `year`, one row per seat, in one grouped query.
fn members(conn: &Connection, council_id: &str, year: i32) -> Result<Vec<MemberAttendance>> {
    let mut stmt = conn.prepare_cached(
        "WITH held AS (
             SELECT id, date FROM meeting
             WHERE council_id = ?1 AND status IN ('held', 'approved') AND date BETWEEN ?2 AND ?3
         ),
         seat AS (
             SELECT ms.id, ms.role, p.name, ms.category, h.id AS meeting_id,
                    (h.date >= ms.term_from AND (ms.term_to IS NULL OR h.date <= ms.term_to)
                     AND (ms.ended_on IS NULL OR h.date < ms.ended_on)
                     AND ms.role <> 'varamedlem') AS expected,
                    a.status, a.substitute_for, a.membership_id IS NOT NULL AS recorded
             FROM membership ms
             JOIN person p ON p.id = ms.person_id
             JOIN held h
             LEFT JOIN attendance a ON a.meeting_id = h.id AND a.membership_id = ms.id
             WHERE ms.council_id = ?1
         )
         SELECT id, name, category, role,
                count(CASE WHEN expected THEN 1 END),
                count(CASE WHEN status = 'present' THEN 1 END),
                count(CASE WHEN status = 'excused' THEN 1 END),
                count(CASE WHEN status = 'absent' THEN 1 END),
                count(CASE WHEN expected AND NOT recorded THEN 1 END),
                count(CASE WHEN status = 'present' AND substitute_for IS NOT NULL THEN 1 END)
         FROM seat
         GROUP BY id
         HAVING count(CASE WHEN expected OR recorded THEN 1 END) > 0",
    )?;
    let rows = stmt.query_map(
        params![council_id, format!("{year:04}-01-01"), format!("{year:04}-12-31")],
        |r| {
            Ok(MemberAttendance {
                membership_id: r.get(0)?,
                person_name: r.get(1)?,
                category: codec::parse(2, &r.get::<_, String>(2)?)?,
                role: codec::parse(3, &r.get::<_, String>(3)?)?,
                expected: r.get(4)?,
                present: r.get(5)?,
                excused: r.get(6)?,
                absent: r.get(7)?,
                not_recorded: r.get(8)?,
                stand_in: r.get(9)?,
            })
        },
    )?;
    let mut members: Vec<MemberAttendance> = rows.collect::<rusqlite::Result<_>>()?;
    let rank = super::profile::seat_rank(conn)?;
    members.sort_by_key(|m| {
        (
            m.role == Role::Varamedlem,
            rank(&m.category),
            m.category.clone(),
            crate::rules::names::sort_key(&m.person_name),
        )
    });
    Ok(members)
}

/// How many meetings the council held in each year it held any, newest first.
fn held_per_year(conn: &Connection, council_id: &str) -> Result<Vec<(i32, i32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT CAST(substr(date, 1, 4) AS INTEGER) AS year, count(*) FROM meeting
         WHERE council_id = ?1 AND status IN ('held', 'approved')
         GROUP BY year ORDER BY year DESC",
    )?;
    let rows = stmt.query_map([council_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// A council's attendance in `year`, member by member, with the years it held meetings.
    pub fn attendance_by_member(&self, council_id: &str, year: i32) -> Result<AttendanceYear> {
        let year = crate::rules::validate::year(year)?;
        let council = councils::get(&self.conn, council_id)?;
        let per_year = held_per_year(&self.conn, &council.id)?;
        Ok(AttendanceYear {
            held: per_year.iter().find(|(y, _)| *y == year).map_or(0, |(_, n)| *n),
            years: per_year.iter().map(|(y, _)| *y).collect(),
            members: members(&self.conn, &council.id, year)?,
            council_id: council.id,
            year,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::super::test_fixtures::{meeting_input, member_input};
    use super::*;

    fn actor() -> Actor {
        Actor::new("Kari Sekretær", Utc.with_ymd_and_hms(2026, 11, 30, 20, 0, 0).unwrap())
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn seat(store: &mut Store, council: &Council, name: &str, category: SeatCategory, role: Role) -> Membership {
        let input = member_input(&council.id, name, category, role, day(2025, 1, 1));
        store.add_membership(&actor(), &input).unwrap()
    }

    fn meeting(store: &mut Store, council: &Council, date: NaiveDate, held: bool) -> Meeting {
        let meeting = store
            .create_meeting(&actor(), &meeting_input(&council.id, date))
            .unwrap();
        if held {
            store.send_notice(&actor(), &meeting.id).unwrap();
            store.mark_held(&actor(), &meeting.id).unwrap();
        }
        meeting
    }

    fn mark(
        store: &mut Store,
        meeting: &Meeting,
        member: &Membership,
        status: AttendanceStatus,
        for_: Option<&Membership>,
    ) {
        let input = AttendanceInput {
            membership_id: member.id.clone(),
            status,
            substitute_for: for_.map(|m| m.id.clone()),
        };
        store.set_attendance(&actor(), &meeting.id, &input).unwrap();
    }

    fn counts(m: &MemberAttendance) -> [i32; 6] {
        [m.expected, m.present, m.excused, m.absent, m.not_recorded, m.stand_in]
    }

    #[test]
    fn attendance_counts_only_the_years_held_meetings_and_each_seats_own_days() {
        let mut store = Store::open_in_memory().unwrap();
        let plan = SeatPlan::new(1, 1, 1, 1, 2);
        let council = store
            .create_council(&actor(), &CouncilInput::named("Nordvik grendeutvalg", plan.clone()))
            .unwrap();
        let other = store
            .create_council(&actor(), &CouncilInput::named("Sørvik grendeutvalg", plan))
            .unwrap();
        let aud = seat(&mut store, &council, "Aud", SeatCategory::SENIOR, Role::Leder);
        let bjorn = seat(&mut store, &council, "Bjørn", SeatCategory::SCHOOL, Role::Medlem);
        let gro = seat(&mut store, &council, "Gro", SeatCategory::SPORTS, Role::Medlem);
        let frode = seat(&mut store, &council, "Frode", SeatCategory::VOLUNTEER, Role::Varamedlem);
        let elsewhere = seat(&mut store, &other, "Ola", SeatCategory::SENIOR, Role::Leder);
        // Gro's seat ends on 1 May: she sits at the March meeting only.
        store
            .end_membership(&actor(), &gro.id, day(2026, 5, 1), "Flyttet")
            .unwrap();

        let march = meeting(&mut store, &council, day(2026, 3, 10), true);
        mark(&mut store, &march, &aud, AttendanceStatus::Present, None);
        mark(&mut store, &march, &bjorn, AttendanceStatus::Excused, None);
        mark(&mut store, &march, &frode, AttendanceStatus::Present, Some(&bjorn));
        // Nothing recorded for Gro in March.
        let june = meeting(&mut store, &council, day(2026, 6, 9), true);
        mark(&mut store, &june, &aud, AttendanceStatus::Present, None);
        mark(&mut store, &june, &bjorn, AttendanceStatus::Absent, None);
        store
            .conn
            .execute("UPDATE meeting SET status = 'approved' WHERE id = ?1", [&june.id])
            .unwrap();
        // Neither a planned meeting, nor last year's, nor another council's counts.
        let planned = meeting(&mut store, &council, day(2026, 12, 8), false);
        mark(&mut store, &planned, &aud, AttendanceStatus::Excused, None);
        let last_year = meeting(&mut store, &council, day(2025, 11, 4), true);
        mark(&mut store, &last_year, &aud, AttendanceStatus::Absent, None);
        let theirs = meeting(&mut store, &other, day(2026, 3, 11), true);
        mark(&mut store, &theirs, &elsewhere, AttendanceStatus::Present, None);

        let year = store.attendance_by_member(&council.id, 2026).unwrap();
        assert_eq!(year.held, 2);
        assert_eq!(year.years, vec![2026, 2025]);
        let names: Vec<&str> = year.members.iter().map(|m| m.person_name.as_str()).collect();
        assert_eq!(
            names,
            ["Aud", "Bjørn", "Gro", "Frode"],
            "by category, the varamedlem last"
        );
        //                          expected present excused absent unrecorded stand-in
        assert_eq!(counts(&year.members[0]), [2, 2, 0, 0, 0, 0]);
        assert_eq!(counts(&year.members[1]), [2, 0, 1, 1, 0, 0]);
        assert_eq!(counts(&year.members[2]), [1, 0, 0, 0, 1, 0]);
        assert_eq!(counts(&year.members[3]), [0, 1, 0, 0, 0, 1]);

        let earlier = store.attendance_by_member(&council.id, 2025).unwrap();
        assert_eq!(earlier.held, 1);
        assert_eq!(counts(&earlier.members[0]), [1, 0, 0, 1, 0, 0]);
        assert_eq!(earlier.members.len(), 3, "the varamedlem met nowhere in 2025");

        let none = store.attendance_by_member(&council.id, 2024).unwrap();
        assert_eq!((none.held, none.members.len()), (0, 0));
        assert!(store.attendance_by_member("no-such-council", 2026).is_err());
    }
}

//! Fixtures the store tests share: the input of a new person's seat, an
//! ordinary meeting at the grendehus, and every table's row count.

use chrono::{NaiveDate, NaiveTime};

use super::*;

/// A seat from `term_from` with no end, for a new person known only by name.
pub(super) fn member_input(
    council_id: &str,
    name: &str,
    category: SeatCategory,
    role: Role,
    term_from: NaiveDate,
) -> MembershipInput {
    MembershipInput {
        council_id: council_id.into(),
        person: PersonChoice::New {
            person: PersonInput {
                name: name.into(),
                email: String::new(),
                phone: String::new(),
                gender: None,
            },
        },
        category,
        role,
        organisation: String::new(),
        term_from,
        term_to: None,
    }
}

/// An ordinary meeting on `date` at 18:00 in Grendehuset, with no end time and no guests.
pub(super) fn meeting_input(council_id: &str, date: NaiveDate) -> MeetingInput {
    MeetingInput {
        council_id: council_id.into(),
        kind: MeetingKind::ORDINARY,
        date,
        starts_at: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
        ends_at: None,
        place: "Grendehuset".into(),
        guests: String::new(),
        kommune_rep: String::new(),
    }
}

/// Rows in every table of the file (SQLite's own included), by table name.
pub(super) fn table_rows(store: &Store) -> Vec<(String, i64)> {
    let tables: Vec<String> = {
        let mut stmt = store
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    };
    tables
        .into_iter()
        .map(|t| {
            let n = store
                .conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

/// What the applications of the file have been paid, as their `paid_ore`
/// says, and how many of them say other than their payouts add up to.
pub(super) fn paid_and_disagreeing(store: &Store) -> (i64, i64) {
    store
        .conn
        .query_row(
            "SELECT coalesce(sum(paid_ore), 0),
                    count(CASE WHEN paid_ore != (SELECT coalesce(sum(amount_ore), 0) FROM grant_payout
                                                  WHERE application_id = a.id) THEN 1 END)
             FROM grant_application a",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

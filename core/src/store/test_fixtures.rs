//! Fixtures the store tests share: the input of a new person's seat, an
//! ordinary meeting at the grendehus, every table's row count, and a
//! Grendebok file on disk with the demo data in it.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};

use super::*;

/// The date `y`-`m`-`d`.
pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Stavern nærmiljøutvalg under `legal_mode`, with one seat of each kind but
/// `volunteer_seats` for volunteers, in a new in-memory store.
pub(super) fn stavern(actor: &Actor, legal_mode: LegalMode, volunteer_seats: i32) -> (Store, Council) {
    let mut store = Store::open_in_memory().unwrap();
    let input = CouncilInput {
        legal_mode,
        ..CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 1, 1, volunteer_seats))
    };
    let council = store.create_council(actor, &input).unwrap();
    (store, council)
}

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

/// The council writes its documents in nynorsk from now on.
pub(super) fn write_in_nynorsk(store: &mut Store, actor: &Actor, council: &Council) {
    let mut input = council.input();
    input.malform = Malform::Nynorsk;
    store.update_council(actor, &council.id, &input).unwrap();
}

/// An item's record in open session: `decision`, carried by `votes` (or
/// with no count), no chair's vote.
pub(super) fn decided(decision: impl Into<String>, votes: Option<Votes>) -> ItemRecord {
    ItemRecord {
        decision: decision.into(),
        votes,
        closed: false,
        closed_basis: String::new(),
        closed_ground: None,
        chair_vote: None,
    }
}

/// A count of votes: for, against and blank.
pub(super) fn votes(in_favour: i32, against: i32, blank: i32) -> Votes {
    Votes {
        in_favour,
        against,
        blank,
    }
}

/// The error's message in bokmål says `phrase`.
pub(super) fn assert_says(err: &CoreError, phrase: &str) {
    let message = err.message(Lang::Nb);
    assert!(message.contains(phrase), "{phrase:?} is not in: {message}");
}

/// Rows in `table`.
pub(super) fn row_count(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
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

/// An in-memory store with the demo data, loaded by `actor` on `today`.
pub(super) fn demo_store(actor: &Actor, today: NaiveDate) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(actor, today).unwrap();
    store
}

/// Kari, writing on the evening of 12 March 2026: who loads the demo file.
pub(super) fn demo_actor() -> Actor {
    Actor::new("Kari", Utc.with_ymd_and_hms(2026, 3, 12, 20, 0, 0).unwrap())
}

/// A new Grendebok file `grendebok.sqlite3` in `dir`, with the demo data of
/// 12 March 2026 loaded, still open.
pub(super) fn demo_file_in(dir: &Path) -> (PathBuf, Store) {
    let path = dir.join("grendebok.sqlite3");
    let mut store = Store::create(&path).unwrap();
    store.load_demo(&demo_actor(), demo_actor().at.date_naive()).unwrap();
    (path, store)
}

/// [`demo_file_in`] a temporary folder of its own.
pub(super) fn demo_file() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file_in(dir.path());
    (dir, path, store)
}

/// The names in `dir`, sorted.
pub(super) fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A full disk, as SQLite's page limit simulates it: the file may not grow
/// past the pages it has now. Returns that number of pages.
pub(super) fn fill_the_disk(store: &Store) -> i64 {
    let pages: i64 = store.conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    store
        .conn
        .execute_batch(&format!("PRAGMA max_page_count = {pages}"))
        .unwrap();
    pages
}

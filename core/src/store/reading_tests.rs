//! A command that only reads opens the file without reading every page
//! (`Store::open_existing_to_read`): it answers at once on a large file, and
//! damage is still never written over.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()
}

/// A sound file with demo data, its WAL folded in, closed.
fn sound_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grendebok.sqlite3");
    let mut store = Store::create(&path).unwrap();
    let actor = Actor::new("Kari", Utc.with_ymd_and_hms(2026, 3, 12, 20, 0, 0).unwrap());
    store.load_demo(&actor, today()).unwrap();
    store.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(store);
    (dir, path)
}

/// Scrambles the b-tree header of `table`'s root page, as a failing disk might.
fn scramble_root_of(path: &Path, table: &str) {
    let root: i64 = {
        let conn = Connection::open(path).unwrap();
        conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let mut bytes = std::fs::read(path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let at = (root as usize - 1) * page_size;
    for b in &mut bytes[at..at + 12] {
        *b ^= 0xA5;
    }
    std::fs::write(path, &bytes).unwrap();
}

#[test]
fn a_read_answers_past_damage_it_does_not_touch_and_every_write_is_refused() {
    let (_dir, path) = sound_file();
    scramble_root_of(&path, "audit");
    let before = std::fs::read(&path).unwrap();
    // What every command did before: read every page first, and refuse.
    assert_eq!(
        Store::open_existing(&path).err().map(|e| e.code().as_str()),
        Some("damaged")
    );

    let mut store = Store::open_existing_to_read(&path).expect("opened on the header and schema");
    let councils = store.council_summaries(today(), Lang::Nb).unwrap();
    assert_eq!(councils.len(), 3, "the councils are read: their pages are sound");

    let refused = store.save_user_name("Ola", Utc::now()).unwrap_err();
    assert_eq!(
        refused.code(),
        "damaged",
        "a write checks the whole file first: {refused:?}"
    );
    drop(store);
    assert_eq!(
        Store::open_existing(&path).err().map(|e| e.code().as_str()),
        Some("damaged"),
        "`check` and every write still read the whole file"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "nothing was written to the damaged file"
    );
}

#[test]
fn a_read_that_meets_damage_says_the_file_is_damaged() {
    let (_dir, path) = sound_file();
    scramble_root_of(&path, "council");
    let store = Store::open_existing_to_read(&path).unwrap();
    let err = store.council_summaries(today(), Lang::Nb).unwrap_err().found_in(&path);
    assert_eq!(err.code(), "damaged", "{err:?}");
    let message = err.message(Lang::Nb);
    assert!(message.starts_with("Databasefilen er skadet"), "{message}");
}

#[test]
fn a_missing_file_is_not_made_by_a_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.sqlite3");
    assert_eq!(
        Store::open_existing_to_read(&path).err().map(|e| e.code().as_str()),
        Some("no_database")
    );
    assert!(!path.exists());
}

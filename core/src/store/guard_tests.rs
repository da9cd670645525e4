//! Damaged, foreign and locked files: each is refused with a clear message
//! and left byte-identical.

use chrono::NaiveDate;

use super::test_fixtures::{demo_actor as actor, demo_file, fill_the_disk, row_count as count};
use super::*;

/// A sound Grendebok file with demo data, closed, in its own folder.
fn sound_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path, store) = demo_file();
    // Fold the WAL into the file, so the file alone is the database.
    store.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(store);
    (dir, path)
}

/// Opens `path` expecting a refusal with `code`, and checks the file is unchanged.
fn refused(path: &std::path::Path, code: &str) -> String {
    let before = std::fs::read(path).ok();
    let err = match Store::open(path) {
        Err(err) => err,
        Ok(_) => panic!("{} was opened, expected {code}", path.display()),
    };
    assert_eq!(err.code(), code, "{err:?}");
    assert_eq!(std::fs::read(path).ok(), before, "the file is left byte-identical");
    err.message(Lang::Nb)
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let message = refused(&path, "damaged");
    assert!(message.starts_with("Databasefilen er tom"), "{message}");
    assert!(message.contains("Grendebok har ikke endret filen."));
}

#[test]
fn garbage_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    std::fs::write(&path, "Møtereferat fra 2019, skrevet i et annet program.\n".repeat(200)).unwrap();
    assert!(refused(&path, "damaged").starts_with("Filen er ikke en database"));
}

#[test]
fn a_zeroed_header_is_refused() {
    let (_dir, path) = sound_file();
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[..100].fill(0);
    std::fs::write(&path, &bytes).unwrap();
    refused(&path, "damaged");
}

#[test]
fn a_file_truncated_to_half_is_refused() {
    let (_dir, path) = sound_file();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert!(refused(&path, "damaged").starts_with("Databasefilen er skadet"));
}

#[test]
fn flipped_bytes_in_a_table_page_are_refused() {
    let (_dir, path) = sound_file();
    let mut bytes = std::fs::read(&path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    // Scramble the b-tree page headers of pages 2 to 4.
    for page in 1..4 {
        let at = page * page_size;
        for b in &mut bytes[at..at + 12] {
            *b ^= 0xA5;
        }
    }
    std::fs::write(&path, &bytes).unwrap();
    refused(&path, "damaged");
}

#[test]
fn a_folder_in_its_place_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    std::fs::create_dir(&path).unwrap();
    let err = Store::open(&path).err().expect("a folder is refused");
    assert_eq!(err.code(), "damaged");
    assert!(path.is_dir());
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ola');")
            .unwrap();
    }
    assert!(refused(&path, "damaged").starts_with("Filen er en database fra et annet program"));
}

#[test]
fn a_wal_from_another_database_is_refused_and_nothing_is_checkpointed() {
    let (dir, path) = sound_file();
    let other = dir.path().join("other.sqlite3");
    let wal = path.with_file_name("grendebok.sqlite3-wal");
    {
        let conn = Connection::open(&other).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
        )
        .unwrap();
        std::fs::copy(other.with_file_name("other.sqlite3-wal"), &wal).unwrap();
    }
    // SQLite reads the stray WAL as part of the file: what it shows is not
    // Grendebok's, so nothing is written and the WAL is not folded in.
    let wal_before = std::fs::read(&wal).unwrap();
    refused(&path, "damaged");
    assert_eq!(std::fs::read(&wal).unwrap(), wal_before);
}

/// A kill in the middle of a checkpoint, written by hand: a sound file grows
/// by `added` people in its WAL alone; then, as a checkpoint does (it copies
/// pages from the WAL into the file in page order), page 1 with its new page
/// count and the other pages that already fit are copied into the file, and
/// the pages past its end are not. Returns the crash copy's path, whose file
/// is shorter than its header says and whose WAL holds every page.
fn interrupted_checkpoint(dir: &std::path::Path, added: usize) -> std::path::PathBuf {
    let (_source_dir, source) = sound_file();
    let mut store = Store::open(&source).unwrap();
    store.conn.execute_batch("PRAGMA wal_autocheckpoint = 0").unwrap();
    let council = store.councils().unwrap().remove(0).id;
    for n in 0..added {
        let input = MembershipInput {
            council_id: council.clone(),
            person: PersonChoice::New {
                person: PersonInput {
                    name: format!("Sjekkpunkt {n}"),
                    email: format!("sjekkpunkt{n}@eksempel.no"),
                    phone: String::new(),
                    gender: None,
                },
            },
            category: SeatCategory::VOLUNTEER,
            role: Role::Varamedlem,
            organisation: "Sjekkpunktforeningen ".repeat(9),
            term_from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            term_to: None,
        };
        store.add_membership(&actor(), &input).unwrap();
    }
    // The state on disk now, with the writer still open (nothing checkpointed).
    let copy = dir.join("grendebok.sqlite3");
    let mut file = std::fs::read(&source).unwrap();
    let wal = std::fs::read(guard::beside(&source, "-wal")).unwrap();
    std::fs::write(guard::beside(&copy, "-wal"), &wal).unwrap();
    drop(store);

    // The newest committed frame of each page (WAL format: a 32-byte header,
    // then frames of a 24-byte header and one page; a commit frame carries the
    // database's size in pages).
    let be32 = |b: &[u8], at: usize| u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize;
    let page_size = be32(&wal, 8);
    let mut newest = std::collections::BTreeMap::new();
    let mut pending = Vec::new();
    let mut pages_after = 0;
    for (i, frame) in wal[32..].chunks_exact(24 + page_size).enumerate() {
        pending.push((be32(frame, 0), i));
        if be32(frame, 4) > 0 {
            pages_after = be32(frame, 4);
            newest.extend(pending.drain(..));
        }
    }
    let pages_before = file.len() / page_size;
    assert!(
        pages_after > pages_before,
        "the WAL grows the file: {pages_before} → {pages_after} pages"
    );
    for (&page, &i) in newest.range(..=pages_before) {
        let at = 32 + i * (24 + page_size) + 24;
        file[(page - 1) * page_size..page * page_size].copy_from_slice(&wal[at..at + page_size]);
    }
    std::fs::write(&copy, &file).unwrap();
    let header_pages = be32(&file, 28);
    assert_eq!(
        header_pages, pages_after,
        "page 1 is the checkpoint's: it counts the grown file"
    );
    assert!(
        file.len() < header_pages * page_size,
        "the file is shorter than its header says"
    );
    copy
}

fn names_of_people(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store
        .people()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .filter(|n| n.starts_with("Sjekkpunkt "))
        .collect();
    names.sort();
    names
}

#[test]
fn a_kill_during_a_checkpoint_leaves_a_file_that_opens_with_all_its_data() {
    let added = 120;
    let mut expected: Vec<String> = (0..added).map(|n| format!("Sjekkpunkt {n}")).collect();
    expected.sort();
    // The CLI's open, which reads every page first.
    let dir = tempfile::tempdir().unwrap();
    let path = interrupted_checkpoint(dir.path(), added);
    let store = Store::open(&path).unwrap_or_else(|e| panic!("the file does not open: {e}"));
    assert_eq!(names_of_people(&store), expected);
    assert!(
        store
            .health(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), Lang::Nb)
            .unwrap()
            .sound
    );
    // The app's open, which reads the header first and every page after.
    let dir = tempfile::tempdir().unwrap();
    let path = interrupted_checkpoint(dir.path(), added);
    let (store, check) = Store::open_checking_later(&path).unwrap_or_else(|e| panic!("the file does not open: {e}"));
    if let Some(check) = check {
        check.run().unwrap();
    }
    assert_eq!(names_of_people(&store), expected);
}

#[test]
fn a_short_file_is_damaged_when_its_wal_does_not_hold_the_missing_pages() {
    // Without its WAL, the interrupted checkpoint's file is truncated.
    let dir = tempfile::tempdir().unwrap();
    let path = interrupted_checkpoint(dir.path(), 120);
    std::fs::remove_file(guard::beside(&path, "-wal")).unwrap();
    assert!(refused(&path, "damaged").starts_with("Databasefilen er skadet"));
    // With its WAL, but cut short where the WAL holds no copy of the pages.
    let dir = tempfile::tempdir().unwrap();
    let path = interrupted_checkpoint(dir.path(), 120);
    let bytes = std::fs::read(&path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    std::fs::write(&path, &bytes[..(bytes.len() / page_size / 2) * page_size]).unwrap();
    assert!(refused(&path, "damaged").starts_with("Databasefilen er skadet"));
    let dir = tempfile::tempdir().unwrap();
    let path = interrupted_checkpoint(dir.path(), 120);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..(bytes.len() / page_size / 2) * page_size]).unwrap();
    let err = Store::open_checking_later(&path).err().expect("refused at open");
    assert_eq!(err.code(), "damaged");
}

#[test]
fn a_second_writer_is_refused_with_who_holds_the_file() {
    let (_dir, path) = sound_file();
    let first = Store::open(&path).unwrap();
    let err = Store::open(&path).err().expect("the second open is refused");
    assert_eq!(err.code(), "locked");
    let message = err.message(Lang::Nb);
    assert!(
        message.contains(&format!("prosess {}", std::process::id())),
        "{message}"
    );
    drop(first);
    Store::open(&path).expect("free again once the first has closed");
}

/// A second path to the same file — a symbolic link to the file, or to its
/// folder — is the same database: its writer is refused as a second writer.
/// (The lock sat beside the path as given, so each path had a lock of its own.)
#[cfg(unix)]
#[test]
fn a_second_writer_through_a_symbolic_link_is_refused() {
    let (dir, path) = sound_file();
    let first = Store::open(&path).unwrap();
    let linked_file = dir.path().join("snarvei.sqlite3");
    std::os::unix::fs::symlink(&path, &linked_file).unwrap();
    let linked_folder = dir.path().join("mappe-snarvei");
    std::os::unix::fs::symlink(dir.path(), &linked_folder).unwrap();
    for other in [linked_file.clone(), linked_folder.join("grendebok.sqlite3")] {
        let err = Store::open(&other)
            .err()
            .expect("a second writer through a link is refused");
        assert_eq!(err.code(), "locked", "{}", other.display());
        assert!(
            err.message(Lang::Nb)
                .contains(&format!("prosess {}", std::process::id())),
            "{}",
            err.message(Lang::Nb)
        );
    }
    drop(first);
    let through_link = Store::open(&linked_file).expect("free once the first has closed");
    let err = Store::open(&path).err().expect("and the other way round");
    assert_eq!(err.code(), "locked");
    drop(through_link);
}

#[test]
fn a_new_file_is_marked_as_grendeboks() {
    let (_dir, path) = sound_file();
    let conn = Connection::open(&path).unwrap();
    let id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    assert_eq!(id, APPLICATION_ID);
}

/// A full disk, simulated by SQLite's page limit: the write is refused with a
/// plain message, leaves nothing half-written, and the next write after space
/// is freed succeeds without reopening the file.
#[test]
fn a_full_disk_refuses_the_write_whole_and_recovers_when_space_is_freed() {
    let (_dir, path) = sound_file();
    let mut store = Store::open(&path).unwrap();
    let pages = fill_the_disk(&store);
    let council = store.councils().unwrap()[0].id.clone();
    let (people, audit) = (count(&store, "person"), count(&store, "audit"));
    // A mandate near its limit, with its audit row: more pages than the file may grow.
    let big = "Lang tekst som fyller disken. ".repeat(600);
    let mut input = store.council(&council).unwrap().input();
    input.mandate = big.clone();
    let err = store.update_council(&actor(), &council, &input).unwrap_err();
    assert_eq!(err.code(), "disk_full");
    assert!(err
        .message(Lang::Nb)
        .starts_with("Disken er full, så ingenting ble lagret."));
    assert_eq!(
        (count(&store, "person"), count(&store, "audit")),
        (people, audit),
        "nothing half-written"
    );

    store
        .conn
        .execute_batch(&format!("PRAGMA max_page_count = {}", pages * 100))
        .unwrap();
    store
        .update_council(&actor(), &council, &input)
        .expect("the next write succeeds once there is room");
    assert_eq!(store.council(&council).unwrap().mandate, big.trim());
    assert!(count(&store, "audit") > audit);
}

/// What SQLite says on a full disk — `SQLITE_FULL`, or `SQLITE_IOERR_SHMSIZE`
/// when it cannot grow its `-shm` (opening a WAL file on a full disk) — is
/// the plain disk-full message; `SQLITE_READONLY` is the read-only one.
#[test]
fn sqlites_full_disk_and_read_only_errors_have_their_plain_messages() {
    let failure = |code: i32| CoreError::from(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None));
    for code in [rusqlite::ffi::SQLITE_FULL, rusqlite::ffi::SQLITE_IOERR_SHMSIZE] {
        let err = failure(code);
        assert_eq!(err.code(), "disk_full", "{err:?}");
        assert!(err.message(Lang::Nb).starts_with("Disken er full"));
    }
    assert_eq!(failure(rusqlite::ffi::SQLITE_READONLY).code(), "read_only");
    assert_eq!(failure(rusqlite::ffi::SQLITE_IOERR_WRITE).code(), "database");
}

/// Scrambles the b-tree page headers of pages 2 to 4: the header and schema
/// still read, only a check of every page finds the damage.
fn scramble_inner_pages(path: &std::path::Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for page in 1..4 {
        let at = page * page_size;
        for b in &mut bytes[at..at + 12] {
            *b ^= 0xA5;
        }
    }
    std::fs::write(path, &bytes).unwrap();
}

#[test]
fn a_deferred_check_finds_inner_damage_and_then_no_write_gets_through() {
    let (_dir, path) = sound_file();
    scramble_inner_pages(&path);
    let before = std::fs::read(&path).unwrap();
    let (mut store, check) = Store::open_checking_later(&path).expect("the header and schema read");
    let err = check.expect("a check to run").run().unwrap_err();
    assert_eq!(err.code(), "damaged");
    assert!(
        err.message(Lang::Nb).starts_with("Databasefilen er skadet"),
        "{}",
        err.message(Lang::Nb)
    );
    let refused = store.save_user_name("Kari", actor().at).unwrap_err();
    assert_eq!(refused.code(), "damaged");
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is left byte-identical");
}

#[test]
fn a_write_before_the_deferred_check_has_run_runs_it_first() {
    let (_dir, path) = sound_file();
    scramble_inner_pages(&path);
    let before = std::fs::read(&path).unwrap();
    let (mut store, _check) = Store::open_checking_later(&path).unwrap();
    assert_eq!(store.save_user_name("Kari", actor().at).unwrap_err().code(), "damaged");
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let (_dir, path) = sound_file();
    let (mut store, check) = Store::open_checking_later(&path).unwrap();
    store
        .save_user_name("Kari", actor().at)
        .expect("a sound file takes the write");
    check.unwrap().run().expect("already found sound");
    assert_eq!(store.settings().unwrap().user_name.as_deref(), Some("Kari"));
}

#[test]
fn a_deferred_check_still_refuses_a_truncated_file_at_once() {
    let (_dir, path) = sound_file();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = Store::open_checking_later(&path).err().expect("refused at open");
    assert_eq!(err.code(), "damaged");
    assert_eq!(std::fs::read(&path).unwrap(), &bytes[..bytes.len() / 2]);
}

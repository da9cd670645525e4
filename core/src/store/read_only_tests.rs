//! The explicit read-only mode: a file opened read-only is read in full, and
//! every door that writes refuses with `read_only`, leaving the file
//! byte-identical. (As root, permission bits do not stop a write, so these
//! tests open through `Store::open_read_only`, the door `Store::open` takes
//! by itself for a read-only file or folder; `cli/tests/filesystem.rs` holds
//! the real read-only mounts and permission bits.)

use chrono::NaiveDate;

use super::test_fixtures::{demo_actor as actor, demo_file_in, names_in};
use super::*;

fn today() -> NaiveDate {
    actor().at.date_naive()
}

/// A sound Grendebok file with demo data, closed (no `-wal` or `-shm` left), in `dir`.
fn sound_file_in(dir: &Path) -> PathBuf {
    demo_file_in(dir).0
}

fn assert_read_only<T: std::fmt::Debug>(what: &str, result: Result<T>) {
    let err = result.expect_err(what);
    assert_eq!(err.code(), "read_only", "{what}: {err:?}");
    assert!(
        err.message(Lang::Nb)
            .starts_with("Databasen er åpnet skrivebeskyttet, så endringen ble ikke lagret."),
        "{what}: {}",
        err.message(Lang::Nb)
    );
    assert!(err.message(Lang::En).starts_with("The database is open read-only"));
}

#[test]
fn a_read_only_store_reads_everything_and_refuses_every_write_leaving_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file_in(dir.path());
    let before = std::fs::read(&path).unwrap();

    let mut store = Store::open_read_only(&path).unwrap();
    assert!(store.read_only());
    let councils = store.council_summaries(today(), Lang::Nb).unwrap();
    assert_eq!(councils.len(), 3);
    assert!(store.health(today(), Lang::Nb).unwrap().sound);
    let council = store.councils().unwrap()[0].clone();
    let meeting = store.meetings_of_council(&council.id).unwrap()[0].id.clone();
    let person = store.people().unwrap()[0].id.clone();
    let audit = store.audit_log(None).unwrap().len();

    assert_read_only("create_council", store.create_council(&actor(), &council.input()));
    assert_read_only(
        "update_council",
        store.update_council(&actor(), &council.id, &council.input()),
    );
    assert_read_only("save_user_name", store.save_user_name("Ola", actor().at));
    assert_read_only("save_language", store.save_language(Lang::En, actor().at));
    assert_read_only("load_demo", store.load_demo(&actor(), today()));
    assert_read_only("send_notice", store.send_notice(&actor(), &meeting));
    assert_read_only("backup", store.backup(backup::BackupKind::Manual, actor().at));
    assert_read_only("erase_person", store.erase_person(&actor(), &person, today()));
    let out = dir.path().join("protokoll.pdf");
    assert_read_only(
        "export_document",
        store.export_document(&actor(), &meeting, DocumentKind::Minutes, &out),
    );
    assert!(!out.exists(), "a refused export writes no PDF");

    assert_eq!(store.audit_log(None).unwrap().len(), audit, "no audit row");
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is byte-identical");
    assert_eq!(
        names_in(dir.path()),
        ["grendebok.sqlite3", "grendebok.sqlite3.lock"],
        "no -wal, -shm or backup folder beside it"
    );
}

#[test]
fn a_read_only_open_reads_commits_that_are_still_only_in_the_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file_in(dir.path());
    let copy_dir = dir.path().join("kopi");
    std::fs::create_dir(&copy_dir).unwrap();
    let copy = copy_dir.join("grendebok.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        store.conn.execute_batch("PRAGMA wal_autocheckpoint = 0").unwrap();
        store
            .create_council(&actor(), &CouncilInput::named("Bare i WAL-en", SeatPlan::default()))
            .unwrap();
        // A copy taken while the commit is only in the WAL, as after a crash.
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(guard::beside(&path, "-wal"), guard::beside(&copy, "-wal")).unwrap();
    }
    assert!(!guard::readable_as_immutable(&copy));
    let before = (
        std::fs::read(&copy).unwrap(),
        std::fs::read(guard::beside(&copy, "-wal")).unwrap(),
    );
    let store = Store::open_read_only(&copy).unwrap();
    assert!(store.find_councils("Bare i WAL-en").unwrap().len() == 1);
    drop(store);
    let after = (
        std::fs::read(&copy).unwrap(),
        std::fs::read(guard::beside(&copy, "-wal")).unwrap(),
    );
    assert!(after == before, "neither the file nor its WAL is written");
}

#[test]
fn sqlite_refusing_a_write_on_a_read_only_connection_is_the_read_only_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file_in(dir.path());
    let store = Store::open_read_only(&path).unwrap();
    // Past the store's own check, straight at SQLite: SQLITE_READONLY.
    let err: CoreError = store
        .conn
        .execute("UPDATE council SET name = 'Endret'", [])
        .unwrap_err()
        .into();
    assert_eq!(err.code(), "read_only", "{err:?}");
    assert!(err.message(Lang::Nn).starts_with("Databasen er opna skriveverna"));

    // A connection opened read-only without `query_only` says the same.
    let raw = guard::open_read_only(&path, false).unwrap();
    let err: CoreError = raw.execute("DELETE FROM council", []).unwrap_err().into();
    assert_eq!(err.code(), "read_only", "{err:?}");
}

#[test]
fn a_read_only_file_older_than_this_program_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file_in(dir.path());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", known_version() - 1))
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open_read_only(&path)
        .err()
        .expect("an older read-only file is refused");
    assert_eq!(err.code(), "read_only");
    let message = err.message(Lang::Nb);
    assert!(message.contains("eldre versjon av Grendebok"), "{message}");
    assert!(
        message.contains("Kopier filen til en mappe du kan skrive i"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(backup::list(&path).unwrap().is_empty(), "no pre-migration backup");
}

#[test]
fn a_read_only_open_still_refuses_a_damaged_or_too_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    std::fs::write(&path, "ikke en database ".repeat(100)).unwrap();
    assert_eq!(Store::open_read_only(&path).err().unwrap().code(), "damaged");

    let path = sound_file_in(dir.path());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", known_version() + 1))
            .unwrap();
    }
    assert_eq!(Store::open_read_only(&path).err().unwrap().code(), "too_new");
    assert_eq!(
        Store::open_read_only(&dir.path().join("ingen.sqlite3"))
            .err()
            .unwrap()
            .code(),
        "no_database"
    );
}

/// The `immutable=1` path, taken when no WAL content lies beside the file:
/// the file (in WAL mode) is read through a URI, at a path with characters
/// the URI syntax uses, and SQLite creates nothing beside it.
#[test]
fn an_immutable_read_only_open_reads_a_wal_file_and_creates_nothing_beside_it() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("Møter ?#% 100% & co");
    std::fs::create_dir(&dir).unwrap();
    let path = sound_file_in(&dir);
    let lock = guard::lock_path(&path);
    std::fs::remove_file(&lock).unwrap();
    let before = (std::fs::read(&path).unwrap(), names_in(&dir));
    assert_eq!(before.1, ["grendebok.sqlite3"], "only the file itself");
    let header = &before.0[18..20];
    assert_eq!(header, [2, 2], "the file is in WAL mode");

    guard::inspect_with(&path, known_version(), true).unwrap();
    let conn = guard::open_read_only(&path, true).unwrap();
    let councils: i64 = conn
        .query_row("SELECT count(*) FROM council", [], |r| r.get(0))
        .unwrap();
    assert_eq!(councils, 3);
    drop(conn);

    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.councils().unwrap().len(), 3);
    assert!(store.health(today(), Lang::Nb).unwrap().sound);
    drop(store);
    // The lock file is the store's own (its folder is writable here); SQLite made nothing.
    std::fs::remove_file(&lock).unwrap();
    assert_eq!((std::fs::read(&path).unwrap(), names_in(&dir)), before);
}

#[test]
fn a_read_only_open_is_refused_while_another_grendebok_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = sound_file_in(dir.path());
    let writer = Store::open(&path).unwrap();
    assert!(!writer.read_only());
    assert_eq!(Store::open_read_only(&path).err().unwrap().code(), "locked");
}

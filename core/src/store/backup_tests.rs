//! Backups: whole and checked, rotated, and restored without deleting anything.

use chrono::{Duration, NaiveDate, TimeZone, Utc};

use super::backup::{self, BackupKind};
use super::*;

fn actor() -> Actor {
    Actor::new("Kari", Utc.with_ymd_and_hms(2026, 3, 12, 20, 0, 0).unwrap())
}

fn file_with_demo() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grendebok.sqlite3");
    let mut store = Store::create(&path).unwrap();
    store
        .load_demo(&actor(), NaiveDate::from_ymd_opt(2026, 3, 12).unwrap())
        .unwrap();
    (dir, path, store)
}

#[test]
fn a_backup_is_a_whole_sound_copy_and_leaves_no_temporary_file() {
    let (_dir, path, store) = file_with_demo();
    let info = store.backup(BackupKind::Manual, actor().at).unwrap();
    assert_eq!(info.kind, BackupKind::Manual);
    let copy = Connection::open(&info.path).unwrap();
    let councils: i64 = copy
        .query_row("SELECT count(*) FROM council", [], |r| r.get(0))
        .unwrap();
    assert_eq!(councils, 3);
    let names: Vec<String> = std::fs::read_dir(backup::backup_dir(&path))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, std::slice::from_ref(&info.file_name));
}

#[test]
fn a_backup_beside_the_open_store_sees_its_commits_and_leaves_it_free_to_write() {
    let (_dir, path, mut store) = file_with_demo();
    // The store holds a write transaction open while the backup is made from
    // its own connection: the copy holds what was committed, and both go on.
    store.conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    store
        .conn
        .execute("UPDATE council SET area = 'uncommitted' WHERE name LIKE 'Lyngvik%'", [])
        .unwrap();
    let info = backup::take_beside(&path, BackupKind::Auto, actor().at).unwrap();
    store.conn.execute_batch("COMMIT").unwrap();
    assert_eq!(info.kind, BackupKind::Auto);
    let copy = Connection::open(&info.path).unwrap();
    let (councils, uncommitted): (i64, i64) = copy
        .query_row(
            "SELECT count(*), count(CASE WHEN area = 'uncommitted' THEN 1 END) FROM council",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((councils, uncommitted), (3, 0));
    let input = CouncilInput::named("Nyby grendeutvalg", SeatPlan::new(1, 1, 1, 1, 1));
    store.create_council(&actor(), &input).unwrap();
}

#[test]
fn copies_left_by_an_unfinished_backup_are_removed_and_a_running_one_is_not() {
    let (_dir, path, store) = file_with_demo();
    let dir = backup::backup_dir(&path);
    std::fs::create_dir_all(&dir).unwrap();
    let stale = dir.join(".backup-20260301-120000.000-auto.sqlite3.tmp");
    let stale_journal = dir.join(".backup-20260301-120000.000-auto.sqlite3.tmp-journal");
    let running = dir.join(".backup-20260312-195959.000-manual.sqlite3.tmp");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for file in [&stale, &stale_journal] {
        std::fs::write(file, b"half a copy").unwrap();
        std::fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    std::fs::write(&running, b"being written").unwrap();

    store.backup(BackupKind::Manual, actor().at).unwrap();
    assert!(!stale.exists() && !stale_journal.exists(), "an hour-old copy is gone");
    assert!(
        running.exists(),
        "a copy written just now may belong to a backup still running"
    );
}

#[test]
fn automatic_backups_are_rotated_to_seven_daily_and_four_weekly() {
    let (_dir, path, store) = file_with_demo();
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
    store.backup(BackupKind::PreMigration, start).unwrap();
    for day in 0..60 {
        for hour in [0, 8] {
            store
                .backup(BackupKind::Auto, start + Duration::days(day) + Duration::hours(hour))
                .unwrap();
        }
    }
    let kept = backup::list(&path).unwrap();
    let auto: Vec<&backup::BackupInfo> = kept.iter().filter(|b| b.kind == BackupKind::Auto).collect();
    assert_eq!(auto.len(), 11, "7 daily and 4 weekly");
    assert!(
        auto[0].taken_at.starts_with("2026-03-01T17"),
        "the newest is kept: {}",
        auto[0].taken_at
    );
    assert_eq!(
        kept.iter().filter(|b| b.kind == BackupKind::PreMigration).count(),
        1,
        "never rotated away"
    );
}

#[test]
fn a_restore_brings_the_data_back_and_keeps_the_replaced_file() {
    let (dir, path, mut store) = file_with_demo();
    let info = store.backup(BackupKind::Manual, actor().at).unwrap();
    let lyngvik = store.find_councils("Lyngvik").unwrap()[0].clone();
    let mut input = lyngvik.input();
    input.name = "Omdøpt utvalg".into();
    store.update_council(&actor(), &lyngvik.id, &input).unwrap();

    // Not while the database is open.
    let err = backup::restore(&path, &info.file_name, known_version(), actor().at).unwrap_err();
    assert_eq!(err.code(), "locked");
    drop(store);

    backup::restore(&path, &info.file_name, known_version(), actor().at).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.council(&lyngvik.id).unwrap().name, "Lyngvik nærmiljøutvalg");
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".replaced-"))
        .collect();
    assert!(!kept.is_empty(), "the replaced file is kept, never deleted");
}

#[test]
fn a_damaged_file_is_renamed_corrupt_when_a_backup_is_restored() {
    let (dir, path, store) = file_with_demo();
    let info = store.backup(BackupKind::Manual, actor().at).unwrap();
    drop(store);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::write(&path, b"kaputt").unwrap();
    assert_eq!(Store::open(&path).err().unwrap().code(), "damaged");
    backup::restore(&path, &info.file_name, known_version(), actor().at).unwrap();
    assert_eq!(Store::open(&path).unwrap().councils().unwrap().len(), 3);
    let corrupt: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(corrupt, [b"kaputt".to_vec()]);
}

#[test]
fn only_a_listed_backup_can_be_restored() {
    let (_dir, path, store) = file_with_demo();
    drop(store);
    for name in ["../grendebok.sqlite3", "/etc/passwd", "backup-x.sqlite3"] {
        let err = backup::restore(&path, name, known_version(), actor().at).unwrap_err();
        assert_eq!(err.code(), "invalid", "{name}");
    }
}

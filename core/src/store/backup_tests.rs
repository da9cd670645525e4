//! Backups: whole and checked, rotated, and restored without deleting anything.

use chrono::{Duration, TimeZone, Utc};

use super::backup::{self, BackupKind};
use super::test_fixtures::{demo_actor as actor, demo_file, names_in};
use super::*;

#[test]
fn a_backup_is_a_whole_sound_copy_and_leaves_no_temporary_file() {
    let (_dir, path, store) = demo_file();
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
    let (_dir, path, mut store) = demo_file();
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
    let (_dir, path, store) = demo_file();
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
    let (_dir, path, store) = demo_file();
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
    // The 3 newest (two of them on the newest day), 7 daily and 4 weekly.
    assert_eq!(auto.len(), 12, "the 3 newest, 7 daily and 4 weekly");
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
    let (dir, path, mut store) = demo_file();
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
    let (dir, path, store) = demo_file();
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
    let (_dir, path, store) = demo_file();
    drop(store);
    for name in ["../grendebok.sqlite3", "/etc/passwd", "backup-x.sqlite3"] {
        let err = backup::restore(&path, name, known_version(), actor().at).unwrap_err();
        assert_eq!(err.code(), "invalid", "{name}");
    }
}

/// The names of the automatic backups, newest (by sequence) first.
fn automatic(path: &Path) -> Vec<backup::BackupInfo> {
    backup::list(path)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::Auto)
        .collect()
}

/// A clock that ran a year ahead for a week, then was put right: the backups
/// from that week are dated in the future. The ones taken after, with the
/// right date, are still the newest — listed first and never rotated away —
/// and automatic backups go on. (Ordered by the dates in their names, the
/// future ones were "newest": rotation deleted the real newest copies, and
/// no automatic backup was due until the clock passed them.)
#[test]
fn a_backup_dated_in_the_future_neither_stops_automatic_backups_nor_gets_the_newest_rotated_away() {
    let (_dir, path, store) = demo_file();
    let ahead = Utc.with_ymd_and_hms(2027, 6, 1, 9, 0, 0).unwrap();
    for day in 0..7 {
        store.backup(BackupKind::Auto, ahead + Duration::days(day)).unwrap();
    }
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    assert!(
        backup::automatic_due(&backup::list(&path).unwrap(), now),
        "the newest backup is dated ahead of the clock: one is due now"
    );
    let mut taken = Vec::new();
    for day in 0..10 {
        let at = now + Duration::days(day);
        let list = backup::list(&path).unwrap();
        assert!(backup::automatic_due(&list, at), "due on day {day}");
        taken.push(store.backup(BackupKind::Auto, at).unwrap().file_name);
        let list = backup::list(&path).unwrap();
        assert!(
            !backup::automatic_due(&list, at + Duration::hours(1)),
            "an hour after a backup, none is due (day {day})"
        );
    }
    let kept = automatic(&path);
    assert_eq!(kept[0].file_name, taken[9], "the newest is listed first");
    for newest in taken.iter().rev().take(7) {
        assert!(
            kept.iter().any(|b| &b.file_name == newest),
            "{newest} is one of the 7 newest days and is kept: {kept:#?}"
        );
    }
    assert!(
        kept.windows(2).all(|w| w[0].sequence > w[1].sequence),
        "listed by sequence, newest first"
    );
}

/// The order is the order they were taken, whatever the dates say; names
/// from before sequences are listed after the numbered ones.
#[test]
fn backups_are_listed_by_sequence_and_old_names_still_count() {
    let (_dir, path, store) = demo_file();
    let dir = backup::backup_dir(&path);
    let first = store.backup(BackupKind::Manual, actor().at).unwrap();
    std::fs::copy(&first.path, dir.join("backup-20250101-120000.000-manual.sqlite3")).unwrap();
    let earlier = store
        .backup(BackupKind::Manual, actor().at - Duration::days(400))
        .unwrap();
    let listed = backup::list(&path).unwrap();
    let names: Vec<&str> = listed.iter().map(|b| b.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            earlier.file_name.as_str(),
            first.file_name.as_str(),
            "backup-20250101-120000.000-manual.sqlite3"
        ]
    );
    assert_eq!((earlier.sequence, first.sequence, listed[2].sequence), (2, 1, 0));
    assert!(earlier.file_name.starts_with("backup-000002-"), "{}", earlier.file_name);
}

/// The Backups screen's warning: a backup dated after now says the clock
/// looks wrong, naming the backup and both times; otherwise nothing.
#[test]
fn a_backup_dated_after_now_makes_the_clock_look_wrong() {
    let (_dir, path, store) = demo_file();
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let oslo = chrono::FixedOffset::east_opt(3600).unwrap();
    store.backup(BackupKind::Auto, now - Duration::hours(1)).unwrap();
    let list = backup::list(&path).unwrap();
    assert_eq!(
        crate::views::clock_warning(&list, now.with_timezone(&oslo), Lang::Nb),
        None
    );
    assert_eq!(
        crate::views::clock_warning(&list, (now - Duration::minutes(62)).with_timezone(&oslo), Lang::Nb),
        None,
        "minutes apart are two clocks, not a wrong one"
    );

    let ahead = store.backup(BackupKind::Manual, now + Duration::days(30)).unwrap();
    let list = backup::list(&path).unwrap();
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        let warning = crate::views::clock_warning(&list, now.with_timezone(&oslo), lang).expect("a warning");
        assert!(warning.contains(&ahead.file_name), "{warning}");
        assert!(
            warning.contains("11.04.2026 10:00"),
            "the backup's time, in the local zone: {warning}"
        );
        assert!(warning.contains("12.03.2026 10:00"), "the clock's time now: {warning}");
    }
}

/// A damaged backup is refused with its own message, before the file in use
/// is touched: it stays byte-identical, and no copy or renamed file is left.
#[test]
fn a_damaged_backup_is_refused_and_the_file_in_use_is_untouched() {
    let (dir, path, store) = demo_file();
    let info = store.backup(BackupKind::Manual, actor().at).unwrap();
    drop(store);
    let mut bytes = std::fs::read(&info.path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for page in 1..4 {
        for b in &mut bytes[page * page_size..page * page_size + 12] {
            *b ^= 0xA5;
        }
    }
    std::fs::write(&info.path, &bytes).unwrap();
    let names_before = names_in(dir.path());
    let file_before = std::fs::read(&path).unwrap();

    let err = backup::restore(&path, &info.file_name, known_version(), actor().at).unwrap_err();
    assert_eq!(err.code(), "backup_damaged");
    let message = err.message(Lang::Nb);
    assert!(message.contains(&info.file_name), "{message}");
    assert!(message.contains("Filen du bruker nå, er ikke endret."), "{message}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        file_before,
        "the file in use is byte-identical"
    );
    assert_eq!(names_in(dir.path()), names_before, "no copy and no renamed file left");
    assert_eq!(Store::open(&path).unwrap().councils().unwrap().len(), 3);
}

/// The file in use is swapped whole: its `-wal` (commits not yet in the
/// file) goes with it into the kept `*.replaced-*`, never into the restored
/// file, and a second restore in the same second keeps both earlier files.
#[test]
fn a_restore_keeps_the_replaced_file_whole_with_its_wal_and_never_overwrites_a_kept_one() {
    let (dir, path, mut store) = demo_file();
    let info = store.backup(BackupKind::Manual, actor().at).unwrap();
    let input = CouncilInput::named("Nyby grendeutvalg", SeatPlan::new(1, 1, 1, 1, 1));
    store.create_council(&actor(), &input).unwrap();
    // A copy of the file as a crash would leave it: the new council only in the WAL.
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    for suffix in ["", "-wal"] {
        std::fs::copy(
            format!("{}{suffix}", path.display()),
            crashed.join(format!("grendebok.sqlite3{suffix}")),
        )
        .unwrap();
    }
    drop(store);
    let copy = crashed.join("grendebok.sqlite3");
    assert!(std::fs::metadata(format!("{}-wal", copy.display())).unwrap().len() > 0);
    std::fs::create_dir_all(backup::backup_dir(&copy)).unwrap();
    std::fs::copy(&info.path, backup::backup_dir(&copy).join(&info.file_name)).unwrap();

    backup::restore(&copy, &info.file_name, known_version(), actor().at).unwrap();
    backup::restore(&copy, &info.file_name, known_version(), actor().at).unwrap();
    assert_eq!(
        Store::open(&copy).unwrap().councils().unwrap().len(),
        3,
        "the backup's councils"
    );
    let kept: Vec<String> = names_in(&crashed)
        .into_iter()
        .filter(|n| n.contains(".replaced-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    assert_eq!(kept.len(), 2, "both replaced files are kept: {kept:?}");
    let first = crashed.join(&kept[0]);
    let replaced = Store::open_read_only(&first).unwrap();
    assert_eq!(
        replaced.councils().unwrap().len(),
        4,
        "the first kept file has the council from its WAL"
    );
}

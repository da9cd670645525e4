//! Exports never write over the store (the database by any path, its
//! `-wal`, `-shm`, `-journal`, lock or backups), and an export whose archive
//! write fails leaves the file that was at its path as it was.

use chrono::NaiveDate;

use super::backup::{self, BackupKind};
use super::test_fixtures::{demo_actor as actor, demo_file, fill_the_disk, names_in};
use super::*;

/// A meeting of the demo whose minutes are approved (final, so they go into
/// the year's batch too).
fn approved_meeting(store: &Store) -> String {
    let lyngvik = &store.find_councils("Lyngvik").unwrap()[0];
    store
        .meetings_of_council(&lyngvik.id)
        .unwrap()
        .into_iter()
        .find(|m| m.status == MeetingStatus::Approved)
        .expect("the demo has an approved meeting")
        .id
}

/// Every door that writes an export, aimed at `out`.
fn exports(store: &mut Store, out: &Path) -> Vec<(&'static str, Result<()>)> {
    let meeting = approved_meeting(store);
    let council = store.find_councils("Lyngvik").unwrap()[0].id.clone();
    let now = actor().at;
    vec![
        (
            "minutes",
            store
                .export_document(&actor(), &meeting, DocumentKind::Minutes, out)
                .map(drop),
        ),
        (
            "calendar",
            store.export_calendar(2026, None, out, now, Lang::Nb).map(drop),
        ),
        ("package", store.export_package(&actor(), &council, out).map(drop)),
        (
            "annual report",
            store.export_annual_report(&actor(), &council, 2026, out).map(drop),
        ),
    ]
}

#[test]
fn an_export_aimed_at_the_database_its_companions_or_its_backups_is_refused() {
    let (dir, path, mut store) = demo_file();
    let kept = store.backup(BackupKind::Manual, actor().at).unwrap();
    let backups = backup::backup_dir(&path);
    let link = dir.path().join("snarvei.pdf");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let hard = dir.path().join("hard.pdf");
    std::fs::hard_link(&path, &hard).unwrap();
    let targets = [
        path.clone(),
        guard::beside(&path, "-wal"),
        guard::beside(&path, "-shm"),
        guard::beside(&path, "-journal"),
        guard::lock_path(&path),
        PathBuf::from(&kept.path),
        backups.join("notat.pdf"),
        link,
        hard,
    ];
    let backup_bytes = std::fs::read(&kept.path).unwrap();
    for target in &targets {
        let before = std::fs::read(target).ok();
        for (door, result) in exports(&mut store, target) {
            let err = result
                .err()
                .unwrap_or_else(|| panic!("{door} to {} was written", target.display()));
            assert_eq!(err.code(), "export_over_store", "{door} to {}: {err}", target.display());
            let message = err.message(Lang::Nb);
            assert!(message.contains("Ingenting er lagret."), "{message}");
            for lang in [Lang::Nn, Lang::En] {
                assert_ne!(err.message(lang), message, "{lang:?} has its own words");
            }
        }
        assert_eq!(std::fs::read(target).ok(), before, "{} is as it was", target.display());
    }
    // Nor a folder: the kommune folder or the year's minutes in the backups folder.
    let council = store.find_councils("Lyngvik").unwrap()[0].id.clone();
    let err = store
        .export_for_kommune(&council, 2026, &backups, actor().at, Lang::Nb)
        .unwrap_err();
    assert_eq!(err.code(), "export_over_store");
    let err = store
        .export_minutes_of_year(&actor(), 2026, &backups, &crate::progress::NoProgress)
        .unwrap_err();
    assert_eq!(err.code(), "export_over_store");
    assert_eq!(std::fs::read(&kept.path).unwrap(), backup_bytes);
    assert_eq!(
        backup::list(&path).unwrap().len(),
        1,
        "nothing was added to the backups"
    );
    assert!(
        store
            .health(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), Lang::Nb)
            .unwrap()
            .sound
    );

    // Beside the database, under another name, an export is fine.
    let pdf = dir.path().join("protokoll.pdf");
    let meeting = approved_meeting(&store);
    store
        .export_document(&actor(), &meeting, DocumentKind::Minutes, &pdf)
        .unwrap();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

/// The archive write fails (a full disk, by SQLite's page limit): the PDF or
/// package that was at the path before is byte-identical, and no temporary
/// file is left. (It used to be replaced first and then removed.)
#[test]
fn a_failed_archive_write_leaves_the_previous_file_as_it_was() {
    let (dir, _path, mut store) = demo_file();
    let meeting = approved_meeting(&store);
    let council = store.find_councils("Lyngvik").unwrap()[0].id.clone();
    let pdf = dir.path().join("protokoll.pdf");
    let package = dir.path().join("lyngvik.grendebok");
    std::fs::write(&pdf, b"the minutes saved last week").unwrap();
    std::fs::write(&package, b"the package sent last week").unwrap();
    let names_before = names_in(dir.path());
    // No free page left inside the file for the PDF to go into.
    store.conn.execute_batch("VACUUM").unwrap();
    fill_the_disk(&store);

    let err = store
        .export_document(&actor(), &meeting, DocumentKind::Minutes, &pdf)
        .unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err}");
    let err = store.export_package(&actor(), &council, &package).unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err}");
    let err = store.export_annual_report(&actor(), &council, 2026, &pdf).unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err}");

    assert_eq!(std::fs::read(&pdf).unwrap(), b"the minutes saved last week");
    assert_eq!(std::fs::read(&package).unwrap(), b"the package sent last week");
    assert_eq!(names_in(dir.path()), names_before, "no temporary file is left");
}

/// The year's minutes of every council into a folder: if archiving fails,
/// a file of the same name already in the folder is as it was.
#[test]
fn a_failed_archive_of_the_years_minutes_leaves_the_folder_as_it_was() {
    let (dir, _path, mut store) = demo_file();
    let out = dir.path().join("protokoller");
    std::fs::create_dir(&out).unwrap();
    let meeting = approved_meeting(&store);
    let name = store.document_file_name(&meeting, DocumentKind::Minutes).unwrap();
    std::fs::write(out.join(&name), b"signed by hand").unwrap();
    fill_the_disk(&store);
    let err = store
        .export_minutes_of_year(&actor(), 2026, &out, &crate::progress::NoProgress)
        .unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err}");
    assert_eq!(names_in(&out), std::slice::from_ref(&name));
    assert_eq!(std::fs::read(out.join(&name)).unwrap(), b"signed by hand");
}

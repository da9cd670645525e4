//! Long jobs report their progress up to the whole, and a job cancelled
//! half-way leaves nothing behind: no folder, no rows, no partial backup.

use chrono::{NaiveDate, TimeZone, Utc};

use super::backup::{self, BackupKind};
use super::test_fixtures::{self, table_rows};
use super::*;
use crate::progress::testing::Recorder;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn actor(minute: u32) -> Actor {
    Actor::new("Kari", Utc.with_ymd_and_hms(2026, 12, 1, 10, minute, 0).unwrap())
}

/// Rows in every table of the file but SQLite's own, by table name.
fn all_rows(store: &Store) -> Vec<(String, i64)> {
    table_rows(store)
        .into_iter()
        .filter(|(t, _)| !t.starts_with("sqlite_"))
        .collect()
}

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn demo_store() -> Store {
    test_fixtures::demo_store(&actor(0), today())
}

fn lyngvik(store: &Store) -> String {
    store.find_councils("lyngvik").unwrap().remove(0).id
}

#[test]
fn the_kommune_folder_reports_every_file_up_to_the_whole() {
    let store = demo_store();
    let out = tempfile::tempdir().unwrap();
    let seen = Recorder::default();
    let export = store
        .export_for_kommune_with_progress(&lyngvik(&store), 2026, out.path(), actor(1).at, Lang::Nb, &seen)
        .unwrap();
    let files = (export.minutes + export.public_minutes + export.letters + export.ledgers + 1) as u64;
    assert_eq!(seen.last(), Some((files, files)), "the last step is the whole");
    assert_eq!(seen.steps.borrow()[0], (0, files, String::new()));
    let folder = std::path::Path::new(&export.folder);
    let mut reported: Vec<String> = seen.steps.borrow()[1..]
        .iter()
        .map(|(_, _, what)| what.clone())
        .collect();
    reported.push("Dokumentliste.csv".into());
    reported.sort();
    assert_eq!(
        names_in(folder),
        reported,
        "each step names the file it wrote; the document list comes last"
    );
}

#[test]
fn a_kommune_folder_cancelled_half_way_is_not_made_and_leaves_nothing_in_the_parent() {
    let store = demo_store();
    let out = tempfile::tempdir().unwrap();
    let halfway = Recorder::cancelling_after(3);
    let err = store
        .export_for_kommune_with_progress(&lyngvik(&store), 2026, out.path(), actor(1).at, Lang::Nb, &halfway)
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(err.message(Lang::Nb), "Avbrutt — ingenting ble endret.");
    let (done, total) = halfway.last().unwrap();
    assert!(done > 0 && done < total, "cancelled half-way: {done} of {total}");
    assert!(
        names_in(out.path()).is_empty(),
        "no folder, no staging left: {:?}",
        names_in(out.path())
    );
    // Not cancelled, the same export now makes the folder.
    store
        .export_for_kommune(&lyngvik(&store), 2026, out.path(), actor(2).at, Lang::Nb)
        .unwrap();
    assert_eq!(names_in(out.path()).len(), 1);
}

#[test]
fn a_package_read_in_reports_its_rows_and_cancelled_half_way_changes_no_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut secretary = demo_store();
    let file = dir.path().join("lyngvik.grendebok");
    let id = lyngvik(&secretary);
    secretary.export_package(&actor(1), &id, &file).unwrap();

    // A coordinator's file with the demo's other councils gone: Lyngvik's is replaced or added.
    let mut coordinator = Store::open_in_memory().unwrap();
    let before = all_rows(&coordinator);
    let halfway = Recorder::cancelling_after(40);
    let err = coordinator
        .import_package_with_progress(&actor(2), &file, false, &halfway)
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    let (done, total) = halfway.last().unwrap();
    assert!(done > 0 && done < total, "cancelled half-way: {done} of {total}");
    assert_eq!(all_rows(&coordinator), before, "not one row was written");

    let seen = Recorder::default();
    let outcome = coordinator
        .import_package_with_progress(&actor(3), &file, false, &seen)
        .unwrap();
    assert_eq!(outcome.status, ImportStatus::Added);
    let (done, total) = seen.last().unwrap();
    assert_eq!(done, total);
    assert_eq!(
        seen.steps.borrow()[1].2,
        "council",
        "each step names its table, parents first"
    );
    assert_eq!(coordinator.councils().unwrap().len(), 1);
}

#[test]
fn a_backup_reports_pages_and_cancelled_half_way_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grendebok.sqlite3");
    let mut store = Store::create(&path).unwrap();
    store.load_demo(&actor(0), today()).unwrap();
    // Enough pages (about 1000) for several steps of the copy.
    let bulk = "x".repeat(4000);
    for n in 0..1000 {
        store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                    rusqlite::params![format!("bulk-{n}"), bulk],
                )?;
                Ok(())
            })
            .unwrap();
    }

    let halfway = Recorder::cancelling_after(2);
    let err = store
        .backup_with_progress(BackupKind::Manual, actor(1).at, &halfway)
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    let (done, total) = halfway.last().unwrap();
    assert!(done > 0 && done < total, "cancelled half-way: {done} of {total} pages");
    assert!(backup::list(&path).unwrap().is_empty(), "no backup was added");
    assert!(
        names_in(&backup::backup_dir(&path)).is_empty(),
        "no partial copy is left"
    );

    let seen = Recorder::default();
    let info = store
        .backup_with_progress(BackupKind::Manual, actor(2).at, &seen)
        .unwrap();
    let (done, total) = seen.last().unwrap();
    assert_eq!(done, total);
    assert_eq!(names_in(&backup::backup_dir(&path)), vec![info.file_name.clone()]);
    let copy = Connection::open(&info.path).unwrap();
    let bulk_rows: i64 = copy
        .query_row("SELECT count(*) FROM settings WHERE key LIKE 'bulk-%'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(bulk_rows, 1000, "the copy is whole");
    let mode: String = copy.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete", "the backup is a file of its own, not a WAL database");
}

#[test]
fn demo_data_cancelled_half_way_is_rolled_back_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let before = all_rows(&store);
    let halfway = Recorder::cancelling_after(2);
    let err = store.load_demo_with_progress(&actor(0), today(), &halfway).unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(all_rows(&store), before);

    let seen = Recorder::default();
    let summary = store.load_demo_with_progress(&actor(1), today(), &seen).unwrap();
    assert_eq!(seen.last(), Some((3, 3)));
    assert_eq!(seen.steps.borrow().len(), 4, "the start and one step per council");
    assert_eq!(summary.councils, 3);
}

#[test]
fn the_years_minutes_cancelled_half_way_leave_no_file_and_no_archive_row() {
    let mut store = demo_store();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("protokoller");
    let before = all_rows(&store);
    let halfway = Recorder::cancelling_after(2);
    let err = store
        .export_minutes_of_year(&actor(1), 2026, &dir, &halfway)
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    let (done, total) = halfway.last().unwrap();
    assert!(done > 0 && done < total, "cancelled half-way: {done} of {total}");
    assert!(
        names_in(&dir).is_empty(),
        "nothing left in the folder: {:?}",
        names_in(&dir)
    );
    assert_eq!(all_rows(&store), before, "nothing archived");

    let seen = Recorder::default();
    let records = store.export_minutes_of_year(&actor(2), 2026, &dir, &seen).unwrap();
    assert_eq!(seen.last(), Some((total, total)));
    let mut reported: Vec<String> = seen.steps.borrow()[1..]
        .iter()
        .map(|(_, _, what)| what.clone())
        .collect();
    reported.sort();
    assert_eq!(names_in(&dir), reported, "each step names the PDF it wrote");
    assert_eq!(records.len() as u64, total);
}

#[test]
fn a_generated_kommune_cancelled_half_way_removes_every_row_it_wrote() {
    let mut store = Store::open_in_memory().unwrap();
    store.save_user_name("Kari", actor(0).at).unwrap();
    let spec = ScaleSpec {
        councils: 4,
        years: 2,
        meetings_per_year: 4,
        items_per_meeting: 2,
        applications_per_year: 2,
    };
    // The search index's own tables keep their segments as SQLite sees fit; what it finds is checked below.
    let rows = |store: &Store| -> Vec<(String, i64)> {
        all_rows(store)
            .into_iter()
            .filter(|(t, _)| !t.starts_with("search_"))
            .collect()
    };
    let before = rows(&store);
    let halfway = Recorder::cancelling_after(3);
    let err = store
        .generate_with_progress(&actor(1), &spec, today(), &halfway)
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(
        halfway.last(),
        Some((2, 4)),
        "two of four councils were written, then cancelled"
    );
    assert_eq!(rows(&store), before, "every row written is gone again");
    let found = store
        .search(
            &SearchQuery {
                text: "møte".into(),
                council_id: None,
                year: None,
            },
            Lang::Nb,
        )
        .unwrap();
    assert!(found.hits.is_empty(), "the search index holds nothing of it");

    let seen = Recorder::default();
    let sum = store.generate_with_progress(&actor(2), &spec, today(), &seen).unwrap();
    assert_eq!(seen.last(), Some((4, 4)));
    assert_eq!(sum.councils, 4);
}

//! Hand-over packages: a council out of one file and into another, whole or
//! not at all.

use std::io::{Cursor, Read, Write};

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};

use super::package::contents;
use super::test_fixtures::{self, table_rows};
use super::*;
use crate::package::{self as format, PackageFault};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The secretary or the coordinator, `minutes` after 10:00 on `today`.
fn at(minutes: i64) -> Actor {
    Actor::new(
        "Kari",
        Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap() + Duration::minutes(minutes),
    )
}

struct World {
    dir: tempfile::TempDir,
    /// The secretary's file: the demo, with Lyngvik's minutes and a letter archived.
    store: Store,
    lyngvik: String,
}

impl World {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Exports Lyngvik at `minutes` to `name`; returns the file.
    fn export(&mut self, minutes: i64, name: &str) -> PathBuf {
        let out = self.path(name);
        self.store.export_package(&at(minutes), &self.lyngvik, &out).unwrap();
        out
    }
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(&at(0), today()).unwrap();
    let lyngvik = store.find_councils("Lyngvik").unwrap()[0].id.clone();
    for m in store.meetings_of_council(&lyngvik).unwrap() {
        if m.status == MeetingStatus::Approved {
            let out = dir.path().join(format!("{}.pdf", m.id));
            store
                .export_document(&at(1), &m.id, DocumentKind::Minutes, &out)
                .unwrap();
        }
    }
    let decided = store
        .grants_of_council(&lyngvik, None, Lang::Nb)
        .unwrap()
        .into_iter()
        .flat_map(|(_, applications)| applications)
        .find(|a| a.decision.is_some())
        .expect("the demo decides grants");
    store
        .export_letter(&at(1), &decided.id, &dir.path().join("brev.pdf"))
        .unwrap();
    let year = today().year();
    store
        .edit_duty(
            &at(1),
            &lyngvik,
            year,
            DutyKind::OpenMeeting,
            &DutyEdit::Waive {
                reason: "Grendehuset var stengt".into(),
            },
            Lang::Nb,
        )
        .unwrap();
    store
        .export_annual_report(&at(1), &lyngvik, year, &dir.path().join("arsmelding.pdf"))
        .unwrap();
    World { dir, store, lyngvik }
}

/// Every table's row count: a refused import changes none of them.
fn counts(store: &Store) -> Vec<(String, i64)> {
    table_rows(store)
}

fn bad_package(err: CoreError) -> PackageFault {
    match err {
        CoreError::BadPackage { fault, .. } => fault,
        other => panic!("expected a refused package, got {other:?}"),
    }
}

/// The zip `bytes` rewritten entry by entry: `change` may alter an entry's
/// bytes or drop it (`false`); the manifest is copied as it was.
fn rewrite(bytes: &[u8], change: impl Fn(&str, &mut Vec<u8>) -> bool) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if change(&name, &mut data) {
            out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            out.write_all(&data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_council_moves_to_an_empty_file_row_for_row_and_byte_for_byte() {
    let mut w = world();
    let file = w.export(10, "lyngvik.grendebok");
    let log = w.store.audit_log(Some(&w.lyngvik)).unwrap();
    assert!(log.iter().any(|e| e.field == "packageExported"), "the export is logged");

    let mut target = Store::open_in_memory().unwrap();
    let outcome = target.import_package(&at(20), &file).unwrap();
    assert_eq!(outcome.status, ImportStatus::Added);
    assert_eq!(outcome.package.council_name, "Lyngvik nærmiljøutvalg");
    assert_eq!(outcome.package.exported_at, at(10).at);
    assert_eq!(outcome.package.schema_version as i64, known_version());

    let (sent, came) = (
        contents(&w.store.conn, &w.lyngvik).unwrap(),
        contents(&target.conn, &w.lyngvik).unwrap(),
    );
    assert_eq!(
        format::snapshot(&came),
        format::snapshot(&sent),
        "every row of every table"
    );
    assert_eq!(came, sent, "and every byte of every archived PDF");
    assert_eq!(outcome.package.rows as usize, sent.row_count());
    for table in [
        "council",
        "person",
        "membership",
        "meeting",
        "agenda_item",
        "attendance",
        "meeting_signatory",
        "document",
        "grant_scheme",
        "grant_criterion",
        "grant_application",
        "grant_score",
        "grant_payout",
        "grant_letter",
        "duty",
        "annual_report",
    ] {
        assert!(!sent.rows(table).is_empty(), "the demo fills {table}");
    }
    let pdfs = |store: &Store| -> Vec<(String, Vec<u8>)> {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT id, bytes FROM document WHERE meeting_id IN (SELECT id FROM meeting WHERE council_id = ?1)
                 UNION ALL SELECT l.id, l.bytes FROM grant_letter l JOIN grant_application a ON a.id = l.application_id
                 JOIN grant_scheme s ON s.id = a.scheme_id WHERE s.council_id = ?1
                 UNION ALL SELECT id, bytes FROM annual_report WHERE council_id = ?1 ORDER BY 1",
            )
            .unwrap();
        let rows = stmt.query_map([&w.lyngvik], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    };
    let archived = pdfs(&target);
    assert_eq!(archived.len(), 4, "two minutes, a letter and the annual report");
    assert!(archived.iter().all(|(_, bytes)| bytes.starts_with(b"%PDF")));
    assert_eq!(archived, pdfs(&w.store));
    assert_eq!(outcome.package.files, 4);
    assert!(
        sent.rows("grant_application")
            .iter()
            .all(|row| row.iter().all(|(column, _)| column != "paid_ore")),
        "what was paid is summed from the payouts, never handed over"
    );
    let (paid, disagreeing) = test_fixtures::paid_and_disagreeing(&target);
    assert!(paid > 0, "the payouts came along");
    assert_eq!(disagreeing, 0, "and each application's sum was made from them");

    // Only Lyngvik, and neither the audit log nor the settings of the sender.
    assert_eq!(target.councils().unwrap().len(), 1);
    assert!(sent.tables.iter().all(|(t, _)| t != "audit" && t != "settings"));
    assert_eq!(target.settings().unwrap().user_name, None);
    let log = target.audit_log(None).unwrap();
    assert!(log.iter().all(|e| e.field == "packageImported"), "{log:?}");
    let health = target.health(today(), Lang::Nb).unwrap();
    assert!(health.sound, "{health:?}");
    assert_eq!(health.foreign_key_violations, 0);
}

#[test]
fn a_newer_package_replaces_the_council_and_the_log_keeps_the_old_snapshot() {
    let mut w = world();
    let first = w.export(10, "1.grendebok");
    let storlia = w.store.find_councils("Storlia").unwrap()[0].id.clone();
    let other = w.path("storlia.grendebok");
    w.store.export_package(&at(10), &storlia, &other).unwrap();

    let mut target = Store::open_in_memory().unwrap();
    target.import_package(&at(20), &other).unwrap();
    target.import_package(&at(20), &first).unwrap();
    let people = target.people().unwrap().len();

    // The secretary renames the council and exports again.
    let mut input = w.store.council(&w.lyngvik).unwrap().input();
    input.name = "Lyngvik og Holt nærmiljøutvalg".into();
    w.store.update_council(&at(30), &w.lyngvik, &input).unwrap();
    let second = w.export(40, "2.grendebok");

    let outcome = target.import_package(&at(50), &second).unwrap();
    assert_eq!(outcome.status, ImportStatus::Replaced);
    assert_eq!(outcome.previous_name.as_deref(), Some("Lyngvik nærmiljøutvalg"));
    assert_eq!(outcome.previous_exported_at, Some(at(10).at));
    assert_eq!(
        target.council(&w.lyngvik).unwrap().name,
        "Lyngvik og Holt nærmiljøutvalg"
    );
    assert_eq!(
        contents(&target.conn, &w.lyngvik).unwrap(),
        contents(&w.store.conn, &w.lyngvik).unwrap()
    );
    assert_eq!(target.people().unwrap().len(), people, "no one is lost");
    assert_eq!(target.councils().unwrap().len(), 2, "Storlia is untouched");
    assert!(target.health(today(), Lang::Nb).unwrap().sound);
    assert_eq!(
        test_fixtures::paid_and_disagreeing(&target),
        test_fixtures::paid_and_disagreeing(&w.store),
        "the payouts deleted and written anew leave each application's sum right"
    );

    let log = target.audit_log(Some(&w.lyngvik)).unwrap();
    let snapshot = log
        .iter()
        .find(|e| e.field == "snapshot")
        .expect("the old snapshot is logged");
    let old: serde_json::Value = serde_json::from_str(snapshot.old.as_deref().unwrap()).unwrap();
    assert_eq!(old["council"][0]["name"], "Lyngvik nærmiljøutvalg");
    assert_eq!(snapshot.new.as_deref(), Some(outcome.package.sha256.as_str()));
    assert_eq!(log.iter().filter(|e| e.field == "packageImported").count(), 2);

    // The very same package again: nothing is written.
    let before = counts(&target);
    let again = target.import_package(&at(60), &second).unwrap();
    assert_eq!(again.status, ImportStatus::Unchanged);
    let said = format::import_message(Lang::Nb, &again, &second);
    assert!(said.contains("allerede lest inn"), "{said}");
    assert!(
        said.contains(&second.display().to_string()),
        "the file is named: {said}"
    );
    assert_eq!(counts(&target), before);
}

#[test]
fn an_older_package_is_refused_with_both_dates_in_both_files() {
    let mut w = world();
    let older = w.export(10, "1.grendebok");
    let newer = w.export(40, "2.grendebok");

    let mut target = Store::open_in_memory().unwrap();
    target.import_package(&at(50), &newer).unwrap();
    let before = counts(&target);
    let err = target.import_package(&at(60), &older).unwrap_err();
    assert_eq!(err.code(), "conflict");
    let message = err.message(Lang::Nb);
    assert!(
        message.contains("22.11.2026 kl. 11:10") && message.contains("22.11.2026 kl. 11:40"),
        "{message}"
    );
    assert_eq!(counts(&target), before);

    // The secretary's own file remembers its newest export: a package made
    // elsewhere in between is refused there too.
    let manifest = format::Manifest::new(known_version(), &w.lyngvik, "Lyngvik", at(20).at, "Ola");
    let (_, bytes) = format::build(manifest, contents(&w.store.conn, &w.lyngvik).unwrap()).unwrap();
    let between = w.path("between.grendebok");
    std::fs::write(&between, bytes).unwrap();
    let before = counts(&w.store);
    assert_eq!(
        w.store.import_package(&at(70), &between).unwrap_err().code(),
        "conflict"
    );
    assert_eq!(counts(&w.store), before);
    // Its own newest package is simply already there.
    let own = w.store.import_package(&at(70), &newer).unwrap();
    assert_eq!(own.status, ImportStatus::Unchanged);
}

#[test]
fn a_damaged_altered_or_too_new_package_is_refused_whole() {
    let mut w = world();
    let first = w.export(10, "1.grendebok");
    let second = w.export(40, "2.grendebok");
    let mut target = Store::open_in_memory().unwrap();
    target.import_package(&at(20), &first).unwrap();
    let before = counts(&target);
    let bytes = std::fs::read(&second).unwrap();

    let mut refuse = |name: &str, bytes: Vec<u8>| {
        let path = w.path(name);
        std::fs::write(&path, bytes).unwrap();
        let err = target.import_package(&at(50), &path).unwrap_err();
        assert_eq!(counts(&target), before, "{name}: nothing written");
        err
    };

    // One byte of one part changed; the manifest as it was.
    let tampered = rewrite(&bytes, |name, data| {
        if name == "tables/meeting.json" {
            let i = data.iter().position(|b| *b == b'2').unwrap();
            data[i] = b'3';
        }
        true
    });
    assert_eq!(
        bad_package(refuse("tampered.grendebok", tampered)),
        PackageFault::Altered("tables/meeting.json".into())
    );
    let dropped = rewrite(&bytes, |name, _| name != "tables/attendance.json");
    assert_eq!(
        bad_package(refuse("dropped.grendebok", dropped)),
        PackageFault::Missing("tables/attendance.json".into())
    );
    let mut extra = rewrite(&bytes, |_, _| true);
    {
        let mut zip = zip::ZipWriter::new_append(Cursor::new(&mut extra)).unwrap();
        zip.start_file("tables/audit.json", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"[]").unwrap();
        zip.finish().unwrap();
    }
    assert_eq!(
        bad_package(refuse("extra.grendebok", extra)),
        PackageFault::Extra("tables/audit.json".into())
    );

    for cut in [bytes.len() / 2, bytes.len() - 10, 0] {
        let err = refuse("cut.grendebok", bytes[..cut].to_vec());
        assert_eq!(bad_package(err), PackageFault::Unreadable, "cut at {cut}");
    }
    let err = refuse("cut.grendebok", bytes[..bytes.len() / 2].to_vec());
    assert_eq!(err.code(), "bad_package");
    assert!(
        err.message(Lang::Nb).contains("ufullstendig"),
        "{}",
        err.message(Lang::Nb)
    );

    let too_new = rewrite(&bytes, |name, data| {
        if name == "manifest.json" {
            let mut manifest: serde_json::Value = serde_json::from_slice(data).unwrap();
            manifest["schemaVersion"] = (known_version() + 1).into();
            *data = serde_json::to_vec(&manifest).unwrap();
        }
        true
    });
    let err = refuse("too-new.grendebok", too_new);
    assert_eq!(err.code(), "too_new");
    assert!(
        err.message(Lang::Nb).contains("Oppdater Grendebok"),
        "{}",
        err.message(Lang::Nb)
    );
    assert!(err.message(Lang::Nn).contains("Oppdater Grendebok"));
    assert!(err.message(Lang::En).contains("Update Grendebok"));

    // The untouched package still reads in after all that.
    let outcome = target.import_package(&at(60), &second).unwrap();
    assert_eq!(outcome.status, ImportStatus::Replaced);
}

#[test]
fn a_package_cannot_slip_rows_into_another_council_or_take_a_taken_name() {
    let mut w = world();
    let storlia = w.store.find_councils("Storlia").unwrap()[0].id.clone();
    let other = w.path("storlia.grendebok");
    w.store.export_package(&at(10), &storlia, &other).unwrap();
    let mut target = Store::open_in_memory().unwrap();
    target.import_package(&at(20), &other).unwrap();
    let before = counts(&target);

    // Sound packages whose one meeting claims to be Storlia's, or of no council here.
    for owner in [storlia.as_str(), "nowhere"] {
        let mut rows = contents(&w.store.conn, &w.lyngvik).unwrap();
        let meetings = &mut rows.tables.iter_mut().find(|(t, _)| t == "meeting").unwrap().1;
        let column = meetings[0].iter_mut().find(|(c, _)| c == "council_id").unwrap();
        column.1 = rusqlite::types::Value::Text(owner.into());
        let manifest = format::Manifest::new(known_version(), &w.lyngvik, "Lyngvik", at(30).at, "Ola");
        let (_, bytes) = format::build(manifest, rows).unwrap();
        let sly = w.path("sly.grendebok");
        std::fs::write(&sly, bytes).unwrap();
        let fault = bad_package(target.import_package(&at(40), &sly).unwrap_err());
        assert!(
            matches!(&fault, PackageFault::BadPart { part, .. } if part == "tables/meeting.json"),
            "{owner}: {fault:?}"
        );
        assert_eq!(counts(&target), before);
    }

    // Another council here already has Lyngvik's name.
    let input = w.store.council(&w.lyngvik).unwrap().input();
    target.create_council(&at(40), &input).unwrap();
    let before = counts(&target);
    let lyngvik = w.export(50, "lyngvik.grendebok");
    let err = target.import_package(&at(60), &lyngvik).unwrap_err();
    assert!(
        err.message(Lang::Nb).contains("«Lyngvik nærmiljøutvalg»"),
        "{}",
        err.message(Lang::Nb)
    );
    assert_eq!(counts(&target), before);
}

#[test]
fn a_read_only_store_neither_exports_nor_imports() {
    let mut w = world();
    let file = w.export(10, "lyngvik.grendebok");
    let db = w.path("grendebok.sqlite3");
    Store::create(&db).unwrap();
    let mut read_only = Store::open_read_only(&db).unwrap();
    let out = w.path("never.grendebok");
    let err = read_only.export_package(&at(20), &w.lyngvik, &out).unwrap_err();
    assert!(matches!(err, CoreError::ReadOnly), "{err:?}");
    assert!(!out.exists());
    assert!(matches!(
        read_only.import_package(&at(20), &file).unwrap_err(),
        CoreError::ReadOnly
    ));
}

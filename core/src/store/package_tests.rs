//! Hand-over packages: a council out of one file and into another, whole or
//! not at all.

use std::io::{Cursor, Read, Write};

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};

use super::package::contents;
use super::test_fixtures::{self, assert_says, demo_store, table_rows};
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
    let mut store = demo_store(&at(0), today());
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
        .grants_of_council(&lyngvik, None)
        .unwrap()
        .into_iter()
        .flat_map(|(_, applications)| applications)
        .find(|a| a.decision.is_some())
        .expect("the demo decides grants");
    store
        .export_letter(&at(1), &decided.id, &dir.path().join("brev.pdf"))
        .unwrap();
    let statement = store
        .meetings_of_council(&lyngvik)
        .unwrap()
        .into_iter()
        .flat_map(|m| store.meeting_detail(&m.id, Lang::Nb).unwrap().items)
        .find(|i| i.statement.is_some())
        .expect("the demo adopts a statement");
    store
        .export_statement(&at(1), &statement.id, &dir.path().join("uttalelse.pdf"))
        .unwrap();
    let year = today().year();
    store
        .edit_duty(
            &at(1),
            &lyngvik,
            year,
            &DutyKey::from("open_meeting"),
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

/// A new store, as on another machine, that has read in `package` at `minute`.
fn read_in(package: &Path, minute: i64) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.import_package(&at(minute), package, false).unwrap();
    store
}

#[test]
fn a_council_moves_to_an_empty_file_row_for_row_and_byte_for_byte() {
    let mut w = world();
    let file = w.export(10, "lyngvik.grendebok");
    let log = w.store.audit_log(Some(&w.lyngvik)).unwrap();
    assert!(log.iter().any(|e| e.field == "packageExported"), "the export is logged");

    let mut target = Store::open_in_memory().unwrap();
    let outcome = target.import_package(&at(20), &file, false).unwrap();
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
        "agenda_statement",
        "statement_letter",
        "duty",
        "annual_report",
        "account_entry",
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
                 UNION ALL SELECT l.id, l.bytes FROM statement_letter l JOIN agenda_item i ON i.id = l.item_id
                 WHERE i.council_id = ?1
                 UNION ALL SELECT id, bytes FROM annual_report WHERE council_id = ?1 ORDER BY 1",
            )
            .unwrap();
        let rows = stmt.query_map([&w.lyngvik], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    };
    let archived = pdfs(&target);
    assert_eq!(
        archived.len(),
        9,
        "two final minutes and their public versions archived at approval, two exported since, a letter, \
         a statement and the annual report"
    );
    assert!(archived.iter().all(|(_, bytes)| bytes.starts_with(b"%PDF")));
    assert_eq!(archived, pdfs(&w.store));
    assert_eq!(outcome.package.files, 9);
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
    assert!(
        log.iter()
            .all(|e| e.field == "packageImported" || e.field == "installation_id"),
        "{log:?}"
    );
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

    let mut target = read_in(&other, 20);
    target.import_package(&at(20), &first, false).unwrap();
    let people = target.people().unwrap().len();

    // The secretary renames the council and exports again.
    let mut input = w.store.council(&w.lyngvik).unwrap().input();
    input.name = "Lyngvik og Holt nærmiljøutvalg".into();
    w.store.update_council(&at(30), &w.lyngvik, &input).unwrap();
    let second = w.export(40, "2.grendebok");

    let outcome = target.import_package(&at(50), &second, false).unwrap();
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
    let again = target.import_package(&at(60), &second, false).unwrap();
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

    let mut target = read_in(&newer, 50);
    let before = counts(&target);
    let err = target.import_package(&at(60), &older, false).unwrap_err();
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
        w.store.import_package(&at(70), &between, false).unwrap_err().code(),
        "conflict"
    );
    assert_eq!(counts(&w.store), before);
    // Its own newest package is simply already there.
    let own = w.store.import_package(&at(70), &newer, false).unwrap();
    assert_eq!(own.status, ImportStatus::Unchanged);
}

#[test]
fn a_damaged_altered_or_too_new_package_is_refused_whole() {
    let mut w = world();
    let first = w.export(10, "1.grendebok");
    let second = w.export(40, "2.grendebok");
    let mut target = read_in(&first, 20);
    let before = counts(&target);
    let bytes = std::fs::read(&second).unwrap();

    let mut refuse = |name: &str, bytes: Vec<u8>| {
        let path = w.path(name);
        std::fs::write(&path, bytes).unwrap();
        let err = target.import_package(&at(50), &path, false).unwrap_err();
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
    assert_says(&err, "ufullstendig");

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
    assert_says(&err, "Oppdater Grendebok");
    assert!(err.message(Lang::Nn).contains("Oppdater Grendebok"));
    assert!(err.message(Lang::En).contains("Update Grendebok"));

    // The untouched package still reads in after all that.
    let outcome = target.import_package(&at(60), &second, false).unwrap();
    assert_eq!(outcome.status, ImportStatus::Replaced);
}

#[test]
fn a_package_cannot_slip_rows_into_another_council_or_take_a_taken_name() {
    let mut w = world();
    let storlia = w.store.find_councils("Storlia").unwrap()[0].id.clone();
    let other = w.path("storlia.grendebok");
    w.store.export_package(&at(10), &storlia, &other).unwrap();
    let mut target = read_in(&other, 20);
    let before = counts(&target);

    // Sound packages whose one meeting claims to be Storlia's, or of no council here.
    for owner in [storlia.as_str(), "01900000-0000-7000-8000-000000000000"] {
        let mut rows = contents(&w.store.conn, &w.lyngvik).unwrap();
        let meetings = &mut rows.tables.iter_mut().find(|(t, _)| t == "meeting").unwrap().1;
        let column = meetings[0].iter_mut().find(|(c, _)| c == "council_id").unwrap();
        column.1 = rusqlite::types::Value::Text(owner.into());
        let manifest = format::Manifest::new(known_version(), &w.lyngvik, "Lyngvik", at(30).at, "Ola");
        let (_, bytes) = format::build(manifest, rows).unwrap();
        let sly = w.path("sly.grendebok");
        std::fs::write(&sly, bytes).unwrap();
        let fault = bad_package(target.import_package(&at(40), &sly, false).unwrap_err());
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
    let err = target.import_package(&at(60), &lyngvik, false).unwrap_err();
    assert_says(&err, "«Lyngvik nærmiljøutvalg»");
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
        read_only.import_package(&at(20), &file, false).unwrap_err(),
        CoreError::ReadOnly
    ));
}

/// A sound package of Lyngvik, exported at `minutes`, whose rows `change`
/// altered before it was built (its manifest vouches for the altered rows).
fn package_with(w: &World, minutes: i64, name: &str, change: impl FnOnce(&mut format::Contents)) -> PathBuf {
    let mut rows = contents(&w.store.conn, &w.lyngvik).unwrap();
    change(&mut rows);
    let manifest = format::Manifest::new(known_version(), &w.lyngvik, "Lyngvik", at(minutes).at, "Ola");
    let (_, bytes) = format::build(manifest, rows).unwrap();
    let path = w.path(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Sets `column` of the first row of `table` for which `pick` holds.
fn set(rows: &mut format::Contents, table: &str, column: &str, value: Value, pick: impl Fn(&format::Row) -> bool) {
    let table = &mut rows.tables.iter_mut().find(|(t, _)| t == table).unwrap().1;
    let row = table.iter_mut().find(|r| pick(r)).expect("a row to change");
    match row.iter_mut().find(|(c, _)| c == column) {
        Some(cell) => cell.1 = value,
        None => row.push((column.to_owned(), value)),
    }
}

fn value<'a>(row: &'a format::Row, column: &str) -> &'a Value {
    &row.iter().find(|(c, _)| c == column).unwrap().1
}

use rusqlite::types::Value;

#[test]
fn a_package_with_one_bad_row_is_refused_whole_naming_the_table_and_the_row() {
    let w = world();
    let mut target = Store::open_in_memory().unwrap();
    let before = counts(&target);
    let any = |_: &format::Row| true;
    let granted = |r: &format::Row| matches!(value(r, "granted_ore"), Value::Integer(n) if *n > 0);
    type Change = Box<dyn Fn(&mut format::Contents)>;
    let cases: Vec<(&str, Change, &str, &str)> = vec![
        (
            "a meeting on the 45th of the 13th month",
            Box::new(move |r| set(r, "meeting", "date", Value::Text("2026-13-45".into()), any)),
            "meeting",
            "«2026-13-45» er ikke en gyldig dato",
        ),
        (
            "an agenda title with a national identity number",
            Box::new(move |r| {
                set(
                    r,
                    "agenda_item",
                    "title",
                    Value::Text("Søknad fra 010101-00131".into()),
                    any,
                )
            }),
            "agenda_item",
            "fødselsnummer",
        ),
        (
            "a mandate longer than any form takes",
            Box::new(move |r| set(r, "council", "mandate", Value::Text("m".repeat(20_001)), any)),
            "council",
            "20001 tegn",
        ),
        (
            "a negative budget",
            Box::new(move |r| set(r, "grant_scheme", "budget_ore", Value::Integer(-5), any)),
            "grant_scheme",
            "negativt",
        ),
        (
            "a grant beyond the scheme's budget",
            Box::new(move |r| {
                set(
                    r,
                    "grant_application",
                    "granted_ore",
                    Value::Integer(10_000_000_000),
                    granted,
                )
            }),
            "grant_application",
            "kr",
        ),
        (
            "a payout beyond the grant",
            Box::new(move |r| set(r, "grant_payout", "amount_ore", Value::Integer(9_000_000_000), any)),
            "grant_application",
            "kr",
        ),
        (
            "an account entry of nothing",
            Box::new(move |r| set(r, "account_entry", "amount_ore", Value::Integer(0), any)),
            "account_entry",
            "større enn 0",
        ),
        (
            "an account entry owing money to itself",
            Box::new(move |r| set(r, "account_entry", "amount_ore", Value::Integer(-100), any)),
            "account_entry",
            "negativt",
        ),
        (
            "a status no form can set",
            Box::new(move |r| set(r, "meeting", "status", Value::Text("burnt".into()), any)),
            "meeting",
            "",
        ),
        (
            "a meeting ending before it starts",
            Box::new(move |r| set(r, "meeting", "ends_at", Value::Text("00:00:01".into()), any)),
            "meeting",
            "slutte før",
        ),
        (
            "an id that is no id",
            Box::new(move |r| set(r, "attendance", "membership_id", Value::Text("\" OR 1=1".into()), any)),
            "attendance",
            "ikke en gyldig id",
        ),
    ];
    for (i, (what, change, table, said)) in cases.into_iter().enumerate() {
        let file = package_with(&w, 10, &format!("bad-{i}.grendebok"), change);
        let err = target.import_package(&at(20), &file, false).unwrap_err();
        assert_eq!(err.code(), "bad_package", "{what}: {err:?}");
        match bad_package(err) {
            PackageFault::BadRow { table: t, row, id, .. } => {
                assert_eq!(t, table, "{what}");
                assert!(row >= 1, "{what}");
                assert_eq!(
                    id.is_empty(),
                    table == "attendance",
                    "{what}: rows without an id of their own"
                );
            }
            PackageFault::BadPart { part, .. } => assert_eq!(part, format!("tables/{table}.json"), "{what}"),
            other => panic!("{what}: {other:?}"),
        }
        let err = target.import_package(&at(20), &file, false).unwrap_err();
        let message = err.message(Lang::Nb);
        assert!(
            message.contains(said) && message.contains("ingenting"),
            "{what}: {message}"
        );
        for lang in Lang::ALL {
            let message = err.message(lang);
            assert!(
                !message.contains("package.") || message.ends_with("package."),
                "{what}: {message}"
            );
            assert!(!message.contains("validation."), "{what}: {message}");
        }
        assert_eq!(counts(&target), before, "{what}: nothing written");
    }
    let err = target
        .import_package(
            &at(20),
            &package_with(&w, 10, "date.grendebok", |r| {
                set(r, "meeting", "date", Value::Text("2026-13-45".into()), any)
            }),
            false,
        )
        .unwrap_err();
    let message = err.message(Lang::Nb);
    assert!(message.contains("rad 1 i møtene (id "), "{message}");

    // The package as sent reads in, and every screen can read what it wrote.
    let sound = package_with(&w, 10, "sound.grendebok", |_| {});
    target.import_package(&at(20), &sound, false).unwrap();
    for m in target.meetings_of_council(&w.lyngvik).unwrap() {
        target.meeting_detail(&m.id, Lang::Nb).unwrap();
    }
}

#[test]
fn parts_are_read_only_as_far_as_the_manifest_and_the_limits_allow() {
    let mut w = world();
    let file = w.export(10, "lyngvik.grendebok");
    let bytes = std::fs::read(&file).unwrap();
    let mut target = Store::open_in_memory().unwrap();
    let before = counts(&target);
    let mut refuse = |name: &str, bytes: Vec<u8>| {
        let path = w.path(name);
        std::fs::write(&path, bytes).unwrap();
        let err = target.import_package(&at(50), &path, false).unwrap_err();
        assert_eq!(counts(&target), before, "{name}: nothing written");
        bad_package(err)
    };

    // A manifest that claims a part of 400 MB: refused before anything is inflated.
    let claims = rewrite(&bytes, |name, data| {
        if name == "manifest.json" {
            let mut manifest: serde_json::Value = serde_json::from_slice(data).unwrap();
            manifest["parts"][0]["size"] = (400u64 << 20).into();
            *data = serde_json::to_vec(&manifest).unwrap();
        }
        true
    });
    assert_eq!(
        refuse("claims.grendebok", claims),
        PackageFault::TooLarge {
            part: "tables/council.json".into(),
            limit: format::MAX_TABLE_BYTES
        }
    );
    // A part that holds more than the manifest says: cut off there, refused.
    let longer = rewrite(&bytes, |name, data| {
        if name == "tables/meeting.json" {
            data.extend(std::iter::repeat_n(b' ', 3 << 20));
        }
        true
    });
    assert_eq!(
        refuse("longer.grendebok", longer),
        PackageFault::Altered("tables/meeting.json".into())
    );
    // A file larger than any package: refused by its size, unread (a sparse file).
    let huge = w.path("huge.grendebok");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(format::MAX_PACKAGE_BYTES + 1)
        .unwrap();
    let err = target.import_package(&at(50), &huge, false).unwrap_err();
    assert_says(&err, "større enn en Grendebok-pakke kan være");
    assert_eq!(counts(&target), before);

    // The package as made still reads in.
    assert_eq!(
        target.import_package(&at(60), &file, false).unwrap().status,
        ImportStatus::Added
    );
}

/// The coordinator's file with Lyngvik read in from the secretary's package.
fn coordinator(w: &mut World) -> Store {
    let file = w.export(10, "lyngvik.grendebok");
    read_in(&file, 20)
}

#[test]
fn a_council_read_in_is_read_only_here_and_every_write_says_where_it_is_kept() {
    let mut w = world();
    let mut target = coordinator(&mut w);
    let lyngvik = target.council(&w.lyngvik).unwrap();
    let kept = lyngvik.kept_elsewhere.clone().expect("kept in the secretary's file");
    assert_eq!(
        (kept.kept_by.as_str(), kept.file_name.as_str()),
        ("Kari", "lyngvik.grendebok")
    );
    assert_eq!(kept.exported_at, Some(at(10).at));
    assert!(
        w.store.council(&w.lyngvik).unwrap().kept_elsewhere.is_none(),
        "at home it is written"
    );

    let meetings = target.meetings_of_council(&w.lyngvik).unwrap();
    let meeting = meetings
        .iter()
        .find(|m| m.status != MeetingStatus::Approved)
        .unwrap()
        .id
        .clone();
    let detail = target.meeting_detail(&meeting, Lang::Nb).unwrap();
    let item = detail.items.first().map(|i| i.id.clone()).unwrap_or_default();
    let member = target.memberships_of_council(&w.lyngvik).unwrap()[0].clone();
    let application = target
        .grants_of_council(&w.lyngvik, None)
        .unwrap()
        .into_iter()
        .flat_map(|(_, applications)| applications)
        .find(|a| a.decision.is_none() && a.status != ApplicationStatus::Withdrawn)
        .expect("the demo has an application not yet decided")
        .id;
    let day = today();
    // The file follows Øvre Eiker's profile, whose duties are confirmed by hand too.
    target
        .import_profile(
            include_str!("../../../docs/profiles/ovre-eiker.json"),
            at(29).at,
            Lang::Nb,
        )
        .unwrap();
    let before = counts(&target);
    type Write<'a> = Box<dyn FnOnce(&mut Store) -> Result<()> + 'a>;
    let writes: Vec<(&str, Write)> = vec![
        (
            "rename",
            Box::new(|s| {
                let mut input = lyngvik.input();
                input.name = "Nytt navn".into();
                s.update_council(&at(30), &lyngvik.id, &input).map(|_| ())
            }),
        ),
        (
            "add a member",
            Box::new(|s| {
                let input = MembershipInput {
                    council_id: lyngvik.id.clone(),
                    person: PersonChoice::New {
                        person: PersonInput {
                            name: "Ny".into(),
                            email: String::new(),
                            phone: String::new(),
                            gender: None,
                        },
                    },
                    category: SeatCategory::VOLUNTEER,
                    role: Role::Medlem,
                    organisation: String::new(),
                    term_from: day,
                    term_to: None,
                };
                s.add_membership(&at(30), &input).map(|_| ())
            }),
        ),
        (
            "end a seat",
            Box::new(|s| s.end_membership(&at(30), &member.id, day, "Flyttet").map(|_| ())),
        ),
        (
            "plan a meeting",
            Box::new(|s| {
                let mut input = s.meeting(&meeting)?.input();
                input.date = day;
                s.create_meeting(&at(30), &input).map(|_| ())
            }),
        ),
        (
            "move a meeting",
            Box::new(|s| {
                let mut input = s.meeting(&meeting)?.input();
                input.place = "Grendehuset".into();
                s.update_meeting(&at(30), &meeting, &input).map(|_| ())
            }),
        ),
        (
            "add an item",
            Box::new(|s| {
                let input = super::meeting_tests::item(ItemKind::Orientering, "Ny sak");
                s.add_item(&at(30), &meeting, &input).map(|_| ())
            }),
        ),
        (
            "add a statement",
            Box::new(|s| {
                let input = AgendaItemInput {
                    kind: ItemKind::Uttalelse,
                    title: "Høring".into(),
                    background: String::new(),
                    proposal: String::new(),
                    access: Default::default(),
                    statement: Some(StatementInput {
                        case_ref: "26/00001".into(),
                        deadline: Some(day),
                        recipient: String::new(),
                    }),
                };
                s.add_item(&at(30), &meeting, &input).map(|_| ())
            }),
        ),
        (
            "withdraw an item",
            Box::new(|s| s.withdraw_item(&at(30), &item).map(|_| ())),
        ),
        (
            "add a scheme",
            Box::new(|s| {
                let mut input = SchemeInput {
                    council_id: lyngvik.id.clone(),
                    year: 2030,
                    name: "Ny ordning".into(),
                    budget: "1000".into(),
                    deadline: day,
                    report_deadline: day,
                    max_per_application: String::new(),
                    criteria: vec![CriterionInput {
                        name: "Nytte".into(),
                        weight: 1,
                    }],
                    enkeltvedtak: false,
                    appeal_body: String::new(),
                    appeal_address: String::new(),
                    conditions: String::new(),
                };
                input.budget = "2000".into();
                s.create_scheme(&at(30), &input).map(|_| ())
            }),
        ),
        (
            "withdraw an application",
            Box::new(|s| s.withdraw_application(&at(30), &application).map(|_| ())),
        ),
        (
            "waive a duty",
            Box::new(|s| {
                let edit = DutyEdit::Waive {
                    reason: "Stengt".into(),
                };
                s.edit_duty(
                    &at(30),
                    &lyngvik.id,
                    day.year(),
                    &DutyKey::from("fellesmote"),
                    &edit,
                    Lang::Nb,
                )
                .map(|_| ())
            }),
        ),
        (
            "confirm a duty by hand",
            Box::new(|s| {
                let edit = DutyEdit::Confirm {
                    date: Some(day),
                    note: "Dugnad".into(),
                };
                s.edit_duty(
                    &at(30),
                    &lyngvik.id,
                    day.year(),
                    &DutyKey::from("heie"),
                    &edit,
                    Lang::Nb,
                )
                .map(|_| ())
            }),
        ),
    ];
    for (what, write) in writes {
        let err = write(&mut target).unwrap_err();
        assert_eq!(err.code(), "kept_elsewhere", "{what}: {err:?}");
        let message = err.message(Lang::Nb);
        assert!(
            message.starts_with(
                "Endringen ble ikke lagret. Lyngvik nærmiljøutvalg føres av Kari i en annen Grendebok-fil"
            ) && message.contains("lyngvik.grendebok"),
            "{what}: {message}"
        );
        assert!(
            err.message(Lang::En)
                .contains("is kept by Kari in another Grendebok file"),
            "{what}"
        );
        assert_eq!(counts(&target), before, "{what}: nothing written");
    }

    // A statement's facts are the council's rows too: refused by the file itself.
    let err = target
        .conn
        .execute("UPDATE agenda_statement SET case_ref = 'x'", [])
        .unwrap_err();
    assert!(err.to_string().contains("kept_elsewhere"), "{err}");

    // Reading is not writing: its minutes still print here.
    let out = w.path("protokoll.pdf");
    let approved = meetings.iter().find(|m| m.status == MeetingStatus::Approved).unwrap();
    target
        .export_document(&at(40), &approved.id, DocumentKind::Minutes, &out)
        .unwrap();
    // A council made here is written here as ever.
    let mut input = lyngvik.input();
    input.name = "Holt grendeutvalg".into();
    let holt = target.create_council(&at(40), &input).unwrap();
    assert!(holt.kept_elsewhere.is_none());
    target.update_council(&at(41), &holt.id, &input).unwrap();

    // The next package from home still reads in, without a question.
    let mut renamed = w.store.council(&w.lyngvik).unwrap().input();
    renamed.name = "Lyngvik og Holt nærmiljøutvalg".into();
    w.store.update_council(&at(50), &w.lyngvik, &renamed).unwrap();
    let next = w.export(60, "lyngvik-2.grendebok");
    let outcome = target.import_package(&at(70), &next, false).unwrap();
    assert_eq!(outcome.status, ImportStatus::Replaced);
    let kept = target.council(&w.lyngvik).unwrap().kept_elsewhere.unwrap();
    assert_eq!(kept.file_name, "lyngvik-2.grendebok");
}

#[test]
fn an_import_never_silently_discards_changes_made_here_since_the_last_package() {
    let mut w = world();
    let mut target = coordinator(&mut w);
    // A change made to the council's rows here before this version guarded
    // it (as a coordinator could): the fingerprint of the last package tells.
    target
        .conn
        .execute_batch(
            "INSERT INTO package_import (active) VALUES (1);
             UPDATE meeting SET place = 'Kommunehuset' WHERE id = (SELECT min(id) FROM meeting);
             DELETE FROM package_import;",
        )
        .unwrap();
    let next = w.export(40, "lyngvik-2.grendebok");
    let before = counts(&target);
    let err = target.import_package(&at(50), &next, false).unwrap_err();
    assert_eq!(err.code(), "confirm_replace", "{err:?}");
    let message = err.message(Lang::Nb);
    assert!(
        message.contains("er endret i denne filen etter siste pakke (22.11.2026 kl. 11:10)")
            && message.contains("møtene (0 nye, 1 endret, 0 fjernet)")
            && message.contains("lyngvik-2.grendebok"),
        "{message}"
    );
    assert!(err
        .message(Lang::En)
        .contains("the meetings (0 new, 1 changed, 0 removed)"));
    assert_eq!(counts(&target), before, "asked first: nothing written");
    // Confirmed: replaced, and the replaced rows are in the log's snapshot.
    let outcome = target.import_package(&at(50), &next, true).unwrap();
    assert_eq!(outcome.status, ImportStatus::Replaced);
    let log = target.audit_log(Some(&w.lyngvik)).unwrap();
    let snapshot = log.iter().rev().find(|e| e.field == "snapshot").unwrap();
    assert!(snapshot.old.as_deref().unwrap().contains("Kommunehuset"));

    // A file whose fingerprint is gone (a package read in before this
    // version): the audit log's entries since the package are counted.
    target.conn.execute_batch("DELETE FROM snapshot_fingerprint").unwrap();
    target
        .conn
        .execute(
            "INSERT INTO audit (at, who, entity, entity_id, field, old, new)
             VALUES ('2026-11-22T11:30:00.000Z', 'Ola', 'council', ?1, 'area', 'Lyngvik', 'Lyngvik sentrum')",
            [&w.lyngvik],
        )
        .unwrap();
    let third = w.export(60, "lyngvik-3.grendebok");
    let err = target.import_package(&at(70), &third, false).unwrap_err();
    assert_says(&err, "1 endring i loggen");
}

#[test]
fn a_council_is_replaced_in_its_own_home_file_only_when_the_person_confirms() {
    let mut w = world();
    let mut target = coordinator(&mut w);
    // The coordinator's file hands the council back (a re-export names the
    // secretary's file as its home): in the home file it is asked first.
    let back = w.path("tilbake.grendebok");
    target.export_package(&at(30), &w.lyngvik, &back).unwrap();
    let before = counts(&w.store);
    let err = w.store.import_package(&at(40), &back, false).unwrap_err();
    assert_eq!(err.code(), "confirm_replace");
    let message = err.message(Lang::Nb);
    assert!(
        message.starts_with("Lyngvik nærmiljøutvalg føres i denne filen. Pakken")
            && message.contains("ville erstatte utvalget her med kopien i pakken."),
        "{message}"
    );
    assert_eq!(counts(&w.store), before);
    // With changes made here since the last export, they are named too.
    let mut input = w.store.council(&w.lyngvik).unwrap().input();
    input.area = "Lyngvik og Holt".into();
    w.store.update_council(&at(35), &w.lyngvik, &input).unwrap();
    let message = w
        .store
        .import_package(&at(40), &back, false)
        .unwrap_err()
        .message(Lang::Nb);
    assert!(message.contains("utvalget (0 nye, 1 endret, 0 fjernet)"), "{message}");
    // Confirmed, it is replaced and stays at home: still written here.
    let outcome = w.store.import_package(&at(40), &back, true).unwrap();
    assert_eq!(outcome.status, ImportStatus::Replaced);
    let council = w.store.council(&w.lyngvik).unwrap();
    assert!(council.kept_elsewhere.is_none(), "{council:?}");
    w.store.update_council(&at(45), &w.lyngvik, &council.input()).unwrap();
}

#[test]
fn a_package_made_more_than_a_day_ahead_of_the_clock_is_refused() {
    let w = world();
    let mut target = Store::open_in_memory().unwrap();
    let before = counts(&target);
    let ahead = Duration::days(3 * 365).num_minutes();
    let future = package_with(&w, ahead, "fremtid.grendebok", |_| {});
    let err = target.import_package(&at(0), &future, false).unwrap_err();
    assert_eq!(err.code(), "conflict");
    let message = err.message(Lang::Nb);
    assert!(
        message.contains("mer enn ett døgn etter klokken på denne maskinen"),
        "{message}"
    );
    assert!(message.contains("2029"), "{message}");
    assert_eq!(counts(&target), before);
    // 23 hours ahead is a clock a little off: read in.
    let soon = package_with(&w, 23 * 60, "snart.grendebok", |_| {});
    assert_eq!(
        target.import_package(&at(0), &soon, false).unwrap().status,
        ImportStatus::Added
    );
}

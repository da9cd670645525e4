//! The CLI as a coordinator's script runs it: the real binary on a temp file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::*;

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grendebok.sqlite3");
    Db { _dir: dir, path }
}

/// Fills `db` with the demo and hands Lyngvik over as a package beside it.
fn demo_package(db: &Path) -> PathBuf {
    assert!(cli(db, &["demo"]).status.success());
    let package = db.with_file_name("lyngvik.grendebok");
    let out = export(db, "package", &["--council", "Lyngvik"], &package);
    assert!(out.status.success(), "{}", stderr(&out));
    package
}

/// `--json export WHAT ARGS --out OUT`: the record of what was saved.
fn export_json(db: &Path, what: &str, args: &[&str], out: &Path) -> Value {
    let mut all = vec!["--json", "export", what];
    all.extend_from_slice(args);
    all.extend(["--out", out.to_str().unwrap()]);
    json(&cli(db, &all))
}

/// A new database filled with the demo councils.
fn demo_db() -> Db {
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
    db
}

/// The command failed, and said `said` on stderr.
fn assert_refused(out: &Output, said: &str) {
    assert!(!out.status.success(), "refused: {}", stdout(out));
    assert!(stderr(out).contains(said), "{}", stderr(out));
}

#[test]
fn init_creates_an_empty_database_and_never_overwrites() {
    let db = db();
    let out = cli(&db.path, &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Opprettet en tom database"));
    assert!(db.path.is_file());
    assert_eq!(
        json(&cli(&db.path, &["--json", "council", "list"])),
        Value::Array(vec![])
    );

    let again = cli(&db.path, &["init"]);
    assert_eq!(again.status.code(), Some(1));
    assert_says(&stderr(&again), "skriver aldri over");
}

#[test]
fn demo_fills_a_new_database_once() {
    let db = db();
    let out = cli(&db.path, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_says(&stdout(&out), "3 utvalg");
    let again = cli(&db.path, &["--json", "demo"]);
    assert_eq!(again.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&again.stderr).unwrap();
    assert_eq!(report["code"], "conflict");
}

#[test]
fn council_list_json_has_stable_fields_and_the_demo_vacancy() {
    let db = demo_db();
    let list = json(&cli(&db.path, &["--json", "council", "list"]));
    let councils = list.as_array().unwrap();
    assert_eq!(councils.len(), 3);
    for c in councils {
        for field in [
            "id",
            "name",
            "kind",
            "area",
            "seatsPlanned",
            "seatsFilled",
            "seatsVacant",
            "warningCount",
        ] {
            assert!(c.get(field).is_some(), "council list entry lacks {field}: {c}");
        }
    }
    let lyngvik = councils.iter().find(|c| c["name"] == "Lyngvik nærmiljøutvalg").unwrap();
    assert_eq!(
        (lyngvik["seatsPlanned"].as_i64(), lyngvik["seatsVacant"].as_i64()),
        (Some(6), Some(1))
    );
}

#[test]
fn council_show_finds_a_council_by_name_and_shows_its_vacant_seat() {
    let db = demo_db();
    let out = cli(&db.path, &["council", "show", "lyngvik"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Astrid Kvalvik") && text.contains("(ledig plass)"),
        "{text}"
    );
    assert!(text.contains("Frivillighet: 1 ledig plass."), "{text}");

    let detail = json(&cli(&db.path, &["--json", "council", "show", "Storlia grendeutval"]));
    assert_eq!(detail["council"]["malform"], "nynorsk");
    assert_eq!(detail["composition"]["seatsVacant"], 0);

    let missing = cli(&db.path, &["council", "show", "Ingensteds"]);
    assert_eq!(missing.status.code(), Some(1));
    let ambiguous = cli(&db.path, &["council", "show", "utval"]);
    assert_says(&stderr(&ambiguous), "Flere utvalg passer");
}

#[test]
fn check_passes_on_a_sound_file_and_fails_on_a_damaged_one() {
    let db = demo_db();
    let out = cli(&db.path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("Databasen er i orden."));
    let report = json(&cli(&db.path, &["--json", "check"]));
    assert_eq!(report["sound"], true);
    assert_eq!(report["integrity"], serde_json::json!(["ok"]));

    let junk = db.path.with_file_name("junk.sqlite3");
    std::fs::write(&junk, b"this is not a database, just some words in a file").unwrap();
    let out = cli(&junk, &["check"]);
    assert_ne!(out.status.code(), Some(0), "a damaged file must not pass the check");
}

#[test]
fn commands_on_a_missing_file_say_so_and_create_nothing() {
    let db = db();
    let out = cli(&db.path, &["council", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert_says(&stderr(&out), "Det finnes ingen Grendebok-database");
    assert!(!db.path.exists());
}

#[test]
fn messages_follow_the_chosen_language() {
    let db = db();
    let out = cli(&db.path, &["--lang", "en", "council", "list"]);
    assert_says(&stderr(&out), "There is no Grendebok database");
}

#[test]
fn demo_meetings_are_listed_and_their_minutes_export_as_archived_pdf() {
    let db = demo_db();
    let meetings = json(&cli(&db.path, &["--json", "meeting", "list", "--council", "Lyngvik"]));
    let meetings = meetings.as_array().unwrap();
    let statuses: Vec<&str> = meetings.iter().map(|m| m["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["notice_sent", "approved", "approved"], "newest first");

    let approved = meetings[1]["id"].as_str().unwrap();
    let shown = cli(&db.path, &["meeting", "show", approved]);
    assert_says(&stdout(&shown), "Protokollen er komplett.");

    let out = db.path.with_file_name("protokoll.pdf");
    let record = export_json(&db.path, "minutes", &["--meeting", approved], &out);
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(record["kind"], "minutes");
    assert_eq!(record["size"].as_u64(), Some(bytes.len() as u64));
    let again = json(&cli(&db.path, &["--json", "meeting", "show", approved]));
    let documents = again["documents"].as_array().unwrap();
    assert_eq!(
        documents.len(),
        3,
        "the final PDF and its public version archived at approval, and this export"
    );
    assert_eq!(documents[2]["sha256"], record["sha256"], "the export is archived");

    let upcoming = meetings[0]["id"].as_str().unwrap();
    let notice = db.path.with_file_name("innkalling.pdf");
    let out = export(&db.path, "notice", &["--meeting", upcoming], &notice);
    assert!(stdout(&out).starts_with("Innkallingen er lagret i"), "{}", stdout(&out));
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext from poppler-utils");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_public_version_of_minutes_and_notice_withholds_the_exempt_item_and_a_draft_says_utkast() {
    let db = demo_db();
    let meetings = json(&cli(&db.path, &["--json", "meeting", "list", "--council", "Lyngvik"]));
    let approved = meetings[1]["id"].as_str().unwrap();
    let shown = json(&cli(&db.path, &["--json", "meeting", "show", approved]));
    let exempt: Vec<&Value> = shown["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["access"]["exempt"] == true)
        .collect();
    assert_eq!(
        exempt.len(),
        1,
        "the demo's last approved meeting holds one exempt item"
    );
    let title = exempt[0]["title"].as_str().unwrap();
    let decision = exempt[0]["decision"].as_str().unwrap();
    let case = exempt[0]["caseLabel"].as_str().unwrap();

    for kind in ["minutes", "notice"] {
        let out = db.path.with_file_name(format!("{kind} offentlig.pdf"));
        let record = json(&cli(
            &db.path,
            &[
                "--json",
                "export",
                kind,
                "--meeting",
                approved,
                "--public",
                "--out",
                out.to_str().unwrap(),
            ],
        ));
        assert_eq!(record["public"], true, "archived as the public version");
        let text = pdf_text(&out);
        assert!(
            text.contains(case) && text.contains("Unntatt offentlighet: Offentleglova § 13"),
            "{text}"
        );
        assert!(!text.contains(title), "{kind}: the title is withheld:\n{text}");
        assert!(!text.contains(decision), "{kind}: the decision is withheld");
        assert!(!text.contains("UTKAST"), "approved minutes are final");
    }
    let full = db.path.with_file_name("full.pdf");
    let out = export(&db.path, "minutes", &["--meeting", approved], &full);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdf_text(&full).contains(title), "the full minutes keep the title");

    // Minutes not yet approved: the public version is allowed, and says UTKAST too.
    let storlia = json(&cli(&db.path, &["--json", "meeting", "list", "--council", "Storlia"]));
    let held = storlia
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["status"] == "held")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let draft = db.path.with_file_name("utkast.pdf");
    let out = export(&db.path, "minutes", &["--meeting", &held, "--public"], &draft);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Den offentlige versjonen av protokollen er lagret i"),
        "{}",
        stdout(&out)
    );
    let text = pdf_text(&draft);
    assert!(text.contains("UTKAST") && text.contains("Offentleg versjon"), "{text}");
}

#[test]
fn demo_grants_are_listed_and_export_as_ledger_and_letter() {
    let db = demo_db();
    let listed = json(&cli(
        &db.path,
        &["--json", "grant", "list", "--council", "Lyngvik", "--year", "2026"],
    ));
    let scheme = &listed[0]["scheme"];
    let applications = listed[0]["applications"].as_array().unwrap();
    assert_eq!(applications.len(), 12);
    let statuses: std::collections::BTreeSet<&str> =
        applications.iter().map(|a| a["status"].as_str().unwrap()).collect();
    assert_eq!(statuses.len(), 8, "every status in the demo: {statuses:?}");

    let human = stdout(&cli(&db.path, &["grant", "list", "--council", "Lyngvik"]));
    assert!(human.contains("budsjett kr 400 000"), "{human}");
    assert!(human.contains("Mottatt (for sent)"), "{human}");
    assert!(stdout(&cli(
        &db.path,
        &["grant", "list", "--council", "Lyngvik", "--year", "1999"]
    ))
    .contains("ingen tilskuddsordninger"));

    let dir = db.path.parent().unwrap();
    let csv = dir.join("regnskap.csv");
    let out = export(&db.path, "ledger", &["--scheme", scheme["id"].as_str().unwrap()], &csv);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Lyngvik IL;952601814;Ny lysløype rundt Lyngvikvannet;Rapportert;80000,00;60000,00"),
        "{text}"
    );
    let xlsx = dir.join("regnskap.xlsx");
    let out = export(&db.path, "ledger", &["--scheme", scheme["id"].as_str().unwrap()], &xlsx);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK", "an XLSX is a zip file");

    let granted = applications.iter().find(|a| a["organisation"] == "Lyngvik IL").unwrap();
    let pdf = dir.join("tilsagn.pdf");
    let out = cli(
        &db.path,
        &[
            "--json",
            "export",
            "letter",
            "--application",
            granted["id"].as_str().unwrap(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let record = json(&out);
    assert_eq!(record["fileName"], "tilsagn.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // An application still in review has no letter to print.
    let open = applications.iter().find(|a| a["status"] == "received").unwrap();
    let out = export(
        &db.path,
        "letter",
        &["--application", open["id"].as_str().unwrap()],
        &pdf,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_says(&stderr(&out), "ikke avgjort");
}

#[test]
fn an_adopted_statement_goes_to_the_kommune_as_a_letter_and_another_item_is_refused() {
    let db = demo_db();
    let meetings = json(&cli(&db.path, &["--json", "meeting", "list", "--council", "Lyngvik"]));
    let approved = meetings[1]["id"].as_str().unwrap();
    let shown = cli(&db.path, &["meeting", "show", approved]);
    assert_says(&stdout(&shown), "Uttalelse i kommunens sak 26/00417, frist ");
    let detail = json(&cli(&db.path, &["--json", "meeting", "show", approved]));
    let items = detail["items"].as_array().unwrap();
    let statement = items
        .iter()
        .find(|i| i["kind"] == "uttalelse")
        .expect("the demo's statement");
    assert_eq!(statement["statement"]["caseRef"], "26/00417");
    let pdf = db.path.with_file_name("uttalelse.pdf");
    let out = export(
        &db.path,
        "statement",
        &["--item", statement["id"].as_str().unwrap()],
        &pdf,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Uttalelsen er lagret i"), "{}", stdout(&out));
    let text = pdf_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Deres ref.: 26/00417"), "{text}");

    let other = items.iter().find(|i| i["kind"] == "vedtak").unwrap();
    let out = export(&db.path, "statement", &["--item", other["id"].as_str().unwrap()], &pdf);
    assert_eq!(out.status.code(), Some(1));
    assert_says(&stderr(&out), "ikke en uttalelse");
}

#[test]
fn a_damaged_file_is_restored_from_a_backup_and_kept_aside() {
    let db = demo_db();
    let taken = json(&cli(&db.path, &["--json", "backup"]));
    let name = taken["fileName"].as_str().unwrap().to_owned();
    let listed = json(&cli(&db.path, &["--json", "backup", "--list"]));
    assert_eq!(listed[0]["fileName"], name.as_str());

    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.path.display()));
    }
    std::fs::write(&db.path, b"not a database any more").unwrap();
    let check = cli(&db.path, &["check"]);
    assert_ne!(check.status.code(), Some(0));
    assert_says(&stderr(&check), "Gjenopprett");

    let restored = cli(&db.path, &["restore", &name]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert_eq!(cli(&db.path, &["check"]).status.code(), Some(0));
    let aside: Vec<_> = std::fs::read_dir(db.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept, renamed");
}

/// 200 SIGKILLs in the middle of a stream of acknowledged writes: the file is
/// sound after every one, no acknowledged batch is lost, none is half there.
/// (`grendebok-cli crash-test --runs 1000` is the longer run.)
#[test]
fn two_hundred_kills_lose_no_acknowledged_write() {
    let out = Command::new(env!("CARGO_BIN_EXE_grendebok-cli"))
        .args(["crash-test", "--runs", "200"])
        .output()
        .expect("the CLI runs");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.starts_with("crash-test: 200 kills, 200 sound,"), "{text}");
    assert!(text.contains(", 0 lost, 0 partial"), "{text}");
}

#[test]
fn a_council_is_handed_over_as_a_package_and_the_coordinator_exports_a_years_minutes() {
    let db = demo_db();
    let package = db.path.with_file_name("lyngvik.grendebok");
    let exported = export_json(&db.path, "package", &["--council", "Lyngvik"], &package);
    assert_eq!(exported["councilName"], "Lyngvik nærmiljøutvalg");
    assert!(std::fs::read(&package).unwrap().starts_with(b"PK"), "a zip file");

    let kommune = db.path.with_file_name("kommune.sqlite3");
    let out = cli(&kommune, &["import", "package", package.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_says(&stdout(&out), "Lyngvik nærmiljøutvalg er lagt til");
    let again = json(&cli(
        &kommune,
        &["--json", "import", "package", package.to_str().unwrap()],
    ));
    assert_eq!(again["status"], "unchanged");
    let councils = json(&cli(&kommune, &["--json", "council", "list"]));
    assert_eq!(councils.as_array().unwrap().len(), 1);
    assert_eq!(cli(&kommune, &["check"]).status.code(), Some(0));

    // Every held or approved meeting of the demo's year, of every council.
    let mut held = Vec::new();
    for council in ["Lyngvik", "Storlia", "Midtbyen"] {
        let meetings = json(&cli(&db.path, &["--json", "meeting", "list", "--council", council]));
        held.extend(
            meetings
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["status"].as_str() == Some("approved"))
                .map(|m| m["date"].as_str().unwrap().to_owned()),
        );
    }
    let year = held[0][..4].to_owned();
    let expected = held.iter().filter(|date| date.starts_with(&year)).count();
    assert!(expected >= 3, "the demo holds meetings in {year}");
    let dir = db.path.with_file_name("protokoller");
    let out = export(&db.path, "minutes", &["--year", &year, "--all"], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    // Each approved meeting's minutes in full and as the public version.
    let progress: Vec<String> = stderr(&out).lines().map(str::to_owned).collect();
    assert_eq!(progress.len(), 2 * expected, "{progress:?}");
    assert!(
        progress[0].starts_with(&format!("[1/{}] Protokoll ", 2 * expected)),
        "{progress:?}"
    );
    let files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 2 * expected);
    let public = files
        .iter()
        .filter(|f| {
            let name = f.to_string_lossy();
            name.ends_with(" offentlig versjon.pdf") || name.ends_with(" offentleg versjon.pdf")
        })
        .count();
    assert_eq!(public, expected, "one public version per minutes: {files:?}");
    assert!(
        files.iter().all(|f| !f.to_string_lossy().contains("UTKAST")),
        "only approved minutes: {files:?}"
    );
    for file in &files {
        assert!(std::fs::read(file).unwrap().starts_with(b"%PDF"), "{}", file.display());
    }
    assert!(
        stdout(&out).contains("venter på godkjenning"),
        "the held meeting not yet approved is listed as waiting: {}",
        stdout(&out)
    );
    assert_says(&stdout(&out), &format!("{expected} protokoller fra {year}"));
}

/// Ctrl-C during `demo --scale large` stops it at the next council and takes
/// back every row it had written: the file is as empty as before.
#[test]
fn ctrl_c_stops_the_large_demo_and_leaves_the_file_empty() {
    use std::io::Read;
    let db = db();
    let mut child = Command::new(env!("CARGO_BIN_EXE_grendebok-cli"))
        .arg("--db")
        .arg(&db.path)
        .args(["demo", "--scale", "large"])
        .env_remove("GRENDEBOK_DB")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // Wait for the first progress line: a council is written.
    let mut stderr_pipe = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains("[2/") {
        assert_eq!(
            stderr_pipe.read(&mut byte).unwrap(),
            1,
            "stderr ended: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.push(byte[0]);
    }
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let mut rest = String::new();
    stderr_pipe.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "a cancelled demo is not a success");
    assert!(rest.contains("Avbrutt"), "says it was cancelled: {rest}");
    let councils = json(&cli(&db.path, &["--json", "council", "list"]));
    assert_eq!(councils.as_array().map(Vec::len), Some(0), "{councils}");
}

/// `duties --year 2147483647` panicked; `search "हिन्दी"` failed with "fts5:
/// phrase queries are not supported". Both now answer: a refusal naming the
/// years allowed, and a search that simply runs.
#[test]
fn no_year_panics_and_any_script_is_searched() {
    let db = demo_db();
    for year in ["2147483647", "-2147483648", "0", "99999"] {
        let out = cli(&db.path, &["duties", &format!("--year={year}")]);
        assert_eq!(out.status.code(), Some(1), "{year}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("Året må være mellom 1900 og 2200"),
            "{year}: {}",
            stderr(&out)
        );
        let out = cli(
            &db.path,
            &["export", "ics", &format!("--year={year}"), "--out", "/dev/null/x.ics"],
        );
        assert_eq!(out.status.code(), Some(1), "{year}: {}", stderr(&out));
    }
    assert!(cli(&db.path, &["duties", "--year", "2026"]).status.success());
    for text in ["हिन्दी", "العربية", "中文", "e\u{301}", "\"", "🌲", "a\" OR \"b"] {
        let out = cli(&db.path, &["--json", "search", text]);
        assert!(out.status.success(), "{text}: {}", stderr(&out));
        let out = cli(&db.path, &["search", text, "--council", "Lyngvik", "--year=-5"]);
        assert!(out.status.success(), "{text}: {}", stderr(&out));
    }
}

#[path = "../../core/tests/support/zip_bomb.rs"]
mod zip_bomb;
use zip_bomb::{one_entry_zip, zeros_deflated};

/// A package whose meetings part, vouched for by its manifest as the few
/// kilobytes it was, inflates to 400 MB: `import package` refuses it plainly
/// and reads nothing in (core/tests/package_bomb.rs measures what reading it
/// takes; RELIABILITY.md has the figures).
#[test]
fn a_zip_bomb_in_a_package_is_refused_in_little_memory() {
    use std::io::{Cursor, Write};
    let db = db();
    let package = demo_package(&db.path);

    let bomb_part = one_entry_zip("tables/meeting.json", &zeros_deflated(400 << 20), 400 << 20);
    let mut bomb_source = zip::ZipArchive::new(Cursor::new(bomb_part)).unwrap();
    let mut sound = zip::ZipArchive::new(Cursor::new(std::fs::read(&package).unwrap())).unwrap();
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..sound.len() {
        let entry = sound.by_index_raw(i).unwrap();
        if entry.name().unwrap() == "tables/meeting.json" {
            drop(entry);
            writer.raw_copy_file(bomb_source.by_index_raw(0).unwrap()).unwrap();
        } else {
            writer.raw_copy_file(entry).unwrap();
        }
    }
    let bomb = db.path.with_file_name("bomb.grendebok");
    std::fs::File::create(&bomb)
        .unwrap()
        .write_all(&writer.finish().unwrap().into_inner())
        .unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 4 << 20);

    let kommune = db.path.with_file_name("kommune.sqlite3");
    assert!(cli(&kommune, &["init"]).status.success());
    let out = cli(&kommune, &["import", "package", bomb.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_says(&stderr(&out), "Delen tables/meeting.json i pakken");
    assert_says(&stderr(&out), "endret eller skadet");
    assert_eq!(
        json(&cli(&kommune, &["--json", "council", "list"])),
        Value::Array(vec![])
    );
}

/// One home per council, from a terminal: the coordinator's file shows where
/// the council is kept; handed back, the secretary's own file reads it in
/// only with `--replace`, and says so.
#[test]
fn a_council_comes_home_only_with_replace_and_elsewhere_says_where_it_is_kept() {
    let db = db();
    let package = demo_package(&db.path);
    let kommune = db.path.with_file_name("kommune.sqlite3");
    assert!(cli(&kommune, &["import", "package", package.to_str().unwrap()])
        .status
        .success());
    let show = cli(&kommune, &["council", "show", "Lyngvik"]);
    assert_says(&stdout(&show), "føres av");
    assert_says(&stdout(&show), "kan bare leses her");
    let shown = json(&cli(&kommune, &["--json", "council", "show", "Lyngvik"]));
    assert_eq!(shown["council"]["keptElsewhere"]["fileName"], "lyngvik.grendebok");

    // The coordinator's copy handed back to the secretary's own file.
    std::thread::sleep(std::time::Duration::from_millis(5));
    let back = db.path.with_file_name("tilbake.grendebok");
    let out = export(&kommune, "package", &["--council", "Lyngvik"], &back);
    assert!(out.status.success(), "{}", stderr(&out));
    let refused = cli(&db.path, &["import", "package", back.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert_says(&stderr(&refused), "føres i denne filen");
    assert_says(&stderr(&refused), "--replace");
    let report: Value =
        serde_json::from_slice(&cli(&db.path, &["--json", "import", "package", back.to_str().unwrap()]).stderr)
            .unwrap();
    assert_eq!(report["code"], "confirm_replace");
    let replaced = cli(&db.path, &["import", "package", back.to_str().unwrap(), "--replace"]);
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    assert_says(&stdout(&replaced), "Lyngvik nærmiljøutvalg");
    let home = json(&cli(&db.path, &["--json", "council", "show", "Lyngvik"]));
    assert!(home["council"].get("keptElsewhere").is_none(), "{home}");
}

/// Commands that only read open the file on its header and schema, without
/// reading every page first; a read that meets a damaged page says the file
/// is damaged (never a raw SQLite error), a write is refused, and the file
/// is left as it was.
#[test]
fn a_read_that_meets_damage_says_so_and_nothing_is_written() {
    let db = demo_db();
    let listed = json(&cli(&db.path, &["--json", "council", "list"]));
    assert_eq!(listed.as_array().map(Vec::len), Some(3));

    let mut bytes = std::fs::read(&db.path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    // The b-tree headers of pages 2 to 4 (the councils' table among them);
    // the header and the schema on page 1 still read.
    for page in 1..4 {
        for b in &mut bytes[page * page_size..page * page_size + 12] {
            *b ^= 0xA5;
        }
    }
    std::fs::write(&db.path, &bytes).unwrap();

    for args in [&["council", "list"][..], &["meeting", "list", "--council", "Lyngvik"]] {
        let out = cli(&db.path, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("Databasefilen er skadet"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let out = cli(&db.path, &["backup"]);
    assert_eq!(out.status.code(), Some(1));
    assert_says(&stderr(&out), "Databasefilen er skadet");
    assert_eq!(cli(&db.path, &["check"]).status.code(), Some(1));
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        bytes,
        "nothing was written to the damaged file"
    );
}

/// `person erase` says what it keeps and what it erases, and erases only with
/// `--yes`; a sitting member is refused even then.
#[test]
fn erasing_a_person_says_what_is_kept_first_and_refuses_a_sitting_member() {
    let db = demo_db();
    let people = json(&cli(&db.path, &["--json", "person", "list"]));
    let id = people[0]["id"].as_str().unwrap().to_owned();
    let preview = cli(&db.path, &["person", "erase", &id]);
    assert_eq!(preview.status.code(), Some(2), "nothing is erased without --yes");
    let said = stdout(&preview);
    assert!(said.contains("Godkjente protokoller og arkiverte dokumenter"), "{said}");
    assert!(said.contains("--yes"), "{said}");
    let refused = cli(&db.path, &["person", "erase", &id, "--yes"]);
    assert_refused(&refused, "Avslutt plassen først");
}

/// A members' list from a spreadsheet: a bad file is refused whole with
/// every fault by row and column; the corrected one gives every seat.
#[test]
fn members_come_in_from_a_spreadsheet_or_not_at_all() {
    let db = demo_db();
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("medlemmer.csv");
    std::fs::write(
        &list,
        "Navn;E-post;Plass;Rolle;Fra\n\
         Tora Lid;tora@lid.example;Frivillighet;Varamedlem;01.01.2027\n\
         Ulf Lid;ulf.lid.example;Skolen;Medlem;31.02.2027\n",
    )
    .unwrap();
    let council = |name: &str| -> usize {
        let shown = json(&cli(&db.path, &["--json", "council", "show", name]));
        ["current", "upcoming", "former"]
            .iter()
            .map(|k| shown[k].as_array().map(Vec::len).unwrap_or_else(|| panic!("{shown}")))
            .sum()
    };
    let before = council("Lyngvik");
    let refused = cli(
        &db.path,
        &["import", "members", "--council", "Lyngvik", list.to_str().unwrap()],
    );
    assert_eq!(refused.status.code(), Some(1));
    let said = stderr(&refused);
    assert!(said.contains("Ingenting ble lest inn: filen har 3 feil"), "{said}");
    assert!(said.contains("Rad 3, Plass: «Skolen» er ikke en plass."), "{said}");
    assert!(
        said.contains("Rad 3, Fra: 31.02.2027 finnes ikke i kalenderen."),
        "{said}"
    );
    assert!(said.contains("Rad 3, E-post:"), "{said}");
    assert_eq!(council("Lyngvik"), before, "nothing read in");

    std::fs::write(
        &list,
        "Navn;E-post;Plass;Rolle;Fra\n\
         Tora Lid;tora@lid.example;Frivillighet;Varamedlem;01.01.2027\n\
         Ulf Lid;ulf@lid.example;Barnehage og skole;Varamedlem;01.02.2027\n",
    )
    .unwrap();
    let done = json(&cli(
        &db.path,
        &[
            "--json",
            "import",
            "members",
            "--council",
            "Lyngvik",
            list.to_str().unwrap(),
        ],
    ));
    assert_eq!(done["seats"], 2);
    assert_eq!(done["peopleAdded"], 2);
    assert_eq!(council("Lyngvik"), before + 2);
}

/// A web form's export read into a scheme: every application, numbered after
/// those already there, and said how many came in late.
#[test]
fn applications_come_in_from_a_forms_export() {
    let db = demo_db();
    let listed = json(&cli(&db.path, &["--json", "grant", "list", "--council", "Lyngvik"]));
    let scheme = &listed.as_array().unwrap()[0];
    let id = scheme["scheme"]["id"].as_str().unwrap_or_else(|| panic!("{scheme}"));
    let before = scheme["applications"].as_array().unwrap().len();
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("nettskjema.csv");
    std::fs::write(
        &export,
        "Organisasjon;Prosjekt;Søkt beløp;Prosjektbudsjett;Mottatt\n\
         Lyngvik bygdekvinnelag;Kurs i bunadsøm;8 000;10 000;01.02.2026 09:15\n",
    )
    .unwrap();
    let added = json(&cli(
        &db.path,
        &[
            "--json",
            "import",
            "applications",
            "--scheme",
            id,
            export.to_str().unwrap(),
        ],
    ));
    assert_eq!(added.as_array().unwrap().len(), 1);
    assert_eq!(added[0]["number"], before + 1);
    // The same export again adds nothing: the application is known.
    let again = cli(
        &db.path,
        &["import", "applications", "--scheme", id, export.to_str().unwrap()],
    );
    assert_refused(&again, "allerede registrert i ordningen");
    // With a new row beside it, the known one can be left out.
    std::fs::write(
        &export,
        "Organisasjon;Prosjekt;Søkt beløp;Prosjektbudsjett;Mottatt\n\
         Lyngvik bygdekvinnelag;Kurs i bunadsøm;8 000;10 000;01.02.2026 09:15\n\
         Lyngvik skolekorps;Nye noter;5 000;5 000;02.02.2026\n",
    )
    .unwrap();
    let said = stdout(&cli(
        &db.path,
        &[
            "import",
            "applications",
            "--scheme",
            id,
            "--leave-out-bad",
            export.to_str().unwrap(),
        ],
    ));
    assert!(said.contains("1 søknad lest inn i Grendemidler 2026"), "{said}");
    assert!(said.contains("utelatt: rad 2"), "{said}");
}

/// A committee member's review sheet out and back in: the sheet as XLSX, a
/// filled copy read in, the same copy again changes nothing, and a workbook
/// that is not a review sheet is refused.
#[test]
fn a_review_sheet_goes_out_and_comes_back_with_scores() {
    use calamine::{Data, Reader, Xlsx};
    let db = demo_db();
    let listed = json(&cli(
        &db.path,
        &["--json", "grant", "list", "--council", "Lyngvik", "--year", "2026"],
    ));
    let scheme = listed[0]["scheme"]["id"].as_str().unwrap().to_owned();
    let shown = json(&cli(&db.path, &["--json", "council", "show", "Lyngvik"]));
    let astrid = shown["current"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["person"]["name"] == "Astrid Kvalvik")
        .unwrap()["person"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("astrid.xlsx");
    let out = export(&db.path, "review", &["--scheme", &scheme, "--member", &astrid], &sheet);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Vurderingsarket til Astrid Kvalvik med "),
        "{}",
        stdout(&out)
    );

    // Astrid gives 4 in every «Poeng» cell of the first application.
    let mut book: Xlsx<_> = calamine::open_workbook(&sheet).unwrap();
    let names = book.sheet_names().to_vec();
    let mut filled = rust_xlsxwriter::Workbook::new();
    for (i, name) in names.iter().enumerate() {
        let range = book.worksheet_range(name).unwrap();
        let target = filled.add_worksheet();
        target.set_name(name).unwrap();
        let (r0, c0) = range.start().unwrap();
        let mut poeng = Vec::new();
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r0 + r as u32, (c0 + c as u32) as u16);
                match cell {
                    Data::Empty => {}
                    Data::Float(f) => drop(target.write_number(r, c, *f).unwrap()),
                    other => drop(target.write_string(r, c, other.to_string()).unwrap()),
                }
                if i == 0 && matches!(cell, Data::String(s) if s.starts_with("Poeng")) {
                    poeng.push((r + 1, c));
                }
            }
        }
        for (r, c) in poeng {
            target.write_number(r, c, 4).unwrap();
        }
        if i == 1 {
            target.set_hidden(true);
        }
    }
    let returned = dir.path().join("astrid-utfylt.xlsx");
    filled.save(&returned).unwrap();

    let out = cli(&db.path, &["import", "review", returned.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Vurderingsarket fra Astrid Kvalvik er lest inn: "),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains(": 0 poeng"), "{}", stdout(&out));
    let again = cli(&db.path, &["--json", "import", "review", returned.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(json(&again)["unchanged"], true);

    let ledger = dir.path().join("regnskap.xlsx");
    assert!(export(&db.path, "ledger", &["--scheme", &scheme], &ledger)
        .status
        .success());
    let refused = cli(&db.path, &["import", "review", ledger.to_str().unwrap()]);
    assert_refused(&refused, "«regnskap.xlsx» er ikke et vurderingsark fra Grendebok");
}

#[test]
fn the_kommune_profile_goes_out_as_json_and_only_a_newer_sound_one_comes_back_in() {
    let db = db();
    assert!(cli(&db.path, &["init"]).status.success());
    let out = db.path.with_file_name("oppsett.json");
    let exported = cli(&db.path, &["profile", "export", "--out", out.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert_says(&stdout(&exported), "Kommuneoppsettet er lagret som «oppsett.json»");
    let mut profile: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(profile["seatCategories"].as_array().unwrap().len(), 5);
    assert_eq!(profile["duties"][0]["evidence"]["kind"], "meetingOfKind");
    assert_eq!(profile["meetingKinds"][3]["key"], "open");

    // Sør-Odal: one seat per grend and one for the kommune, issued by the kommune.
    profile["kommune"] = "Sør-Odal".into();
    profile["issuedAt"] = "2026-12-01T09:00:00Z".into();
    profile["seatCategories"] = serde_json::json!([
        {"key": "skarnes", "names": {"nb": "Skarnes", "nn": "Skarnes", "en": "Skarnes"}},
        {"key": "kommunen", "names": {"nb": "Kommunen", "nn": "Kommunen", "en": "The municipality"}}
    ]);
    let sor_odal = db.path.with_file_name("sor-odal.json");
    std::fs::write(&sor_odal, profile.to_string()).unwrap();
    let taken = cli(&db.path, &["profile", "import", sor_odal.to_str().unwrap()]);
    assert!(taken.status.success(), "{}", stderr(&taken));
    let said = stdout(&taken);
    assert!(said.contains("Kommuneoppsettet fra Sør-Odal"), "{said}");
    assert!(said.contains("Plasskategori «Kommunen»: lagt til"), "{said}");
    assert!(said.contains("Plasskategori «Senior»: fjernet"), "{said}");

    // The same again, or anything older, is refused.
    let again = cli(&db.path, &["--json", "profile", "import", sor_odal.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&again.stderr).unwrap();
    assert_eq!(report["code"], "profile_not_newer");
    let older = cli(&db.path, &["profile", "import", out.to_str().unwrap()]);
    assert_eq!(older.status.code(), Some(1));
    assert_says(&stderr(&older), "Filen er Grendeboks standardoppsett, som er eldre");

    // A faulty one is refused whole, every fault at its field.
    profile["issuedAt"] = "2026-12-02T09:00:00Z".into();
    profile["seatCategories"][1]["key"] = "skarnes".into();
    profile["duties"][2]["dueDate"] = serde_json::json!({"month": 2, "day": 31});
    let faulty = db.path.with_file_name("feil.json");
    std::fs::write(&faulty, profile.to_string()).unwrap();
    let refused = cli(&db.path, &["profile", "import", faulty.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let said = stderr(&refused);
    assert!(
        said.contains("seatCategories[1].key: Nøkkelen «skarnes» er brukt før"),
        "{said}"
    );
    assert!(said.contains("duties[2].dueDate: 31.2 finnes ikke"), "{said}");

    let kept = json(&cli(
        &db.path,
        &["--json", "profile", "export", "--out", out.to_str().unwrap()],
    ));
    assert_eq!(kept["kommune"], "Sør-Odal");
    assert_eq!(kept["seatCategories"].as_array().unwrap().len(), 2);
    // Never over the database.
    let over = cli(&db.path, &["profile", "export", "--out", db.path.to_str().unwrap()]);
    assert_eq!(over.status.code(), Some(1));
}

#[test]
fn account_prints_the_year_and_enters_an_expense_even_into_a_deficit() {
    use chrono::Datelike;
    let db = demo_db();
    let today = chrono::Local::now().date_naive();
    let (last, this) = ((today.year() - 1).to_string(), today.year().to_string());

    let out = cli(&db.path, &["account", "--council", "Lyngvik", "--year", &last]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "Driftstilskudd fra kommunen",
        "Leie av grendehuset",
        "kr -2 400,00",
        "Utgående saldo   kr 12 799,50",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }

    let day = format!("{:02}.{:02}.{}", today.day(), today.month(), today.year());
    let add = |text: &str, amount: &str| {
        cli(
            &db.path,
            &[
                "account",
                "add",
                "--council",
                "Lyngvik",
                "--date",
                &day,
                "--kind",
                "expense",
                "--text",
                text,
                "--amount",
                amount,
            ],
        )
    };
    let refused = add(" ", "-5");
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(
        err.contains("text: Skriv hva føringen gjelder.") && err.contains("amount: Beløpet kan ikke være negativt."),
        "every fault at once: {err}"
    );
    let added = add("Ny grill", "40 000");
    assert!(added.status.success(), "{}", stderr(&added));
    assert_says(&stdout(&added), "Ført:");

    let year = json(&cli(
        &db.path,
        &["--json", "account", "--council", "Lyngvik", "--year", &this],
    ));
    assert_eq!(year["summary"]["openingOre"], 1_279_950);
    assert_eq!(year["summary"]["deficit"], true, "{year}");
    let shown = stdout(&cli(&db.path, &["account", "--council", "Lyngvik", "--year", &this]));
    assert!(shown.contains("Underskudd"), "{shown}");

    let bad_date = cli(
        &db.path,
        &[
            "account",
            "add",
            "--council",
            "Lyngvik",
            "--date",
            "31.02.2026",
            "--kind",
            "expense",
            "--text",
            "x",
            "--amount",
            "1",
        ],
    );
    assert_eq!(
        bad_date.status.code(),
        Some(2),
        "a day that does not exist is bad usage"
    );
}

/// `grendebok-cli council list | head -1`: the reader goes away, and the CLI
/// ends quietly as other tools do, without a panic about a broken pipe.
#[test]
fn a_closed_pipe_ends_the_cli_quietly() {
    let db = demo_db();
    let mut child = Command::new(env!("CARGO_BIN_EXE_grendebok-cli"))
        .arg("--db")
        .arg(&db.path)
        .args(["council", "list"])
        .env_remove("GRENDEBOK_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    // The reader leaves before the CLI has written a line.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let said = stderr(&out);
    assert!(!said.contains("panicked") && !said.contains("Broken pipe"), "{said}");
}

/// `--out kalender.ics` in the current folder: the message names that folder,
/// never an empty one («lagret i  som …»).
#[test]
fn a_relative_out_path_is_told_by_its_folder() {
    let db = demo_db();
    let here = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_grendebok-cli"))
        .arg("--db")
        .arg(&db.path)
        .args(["export", "ics", "--year", "2026", "--out", "kalender.ics"])
        .env_remove("GRENDEBOK_DB")
        .current_dir(here.path())
        .output()
        .expect("the CLI runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let folder = here.path().file_name().unwrap().to_string_lossy().into_owned();
    let said = stdout(&out);
    assert!(said.contains(&format!("{folder} som «kalender.ics»")), "{said}");
    assert!(here.path().join("kalender.ics").exists());
}

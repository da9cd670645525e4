//! The CLI as a coordinator's script runs it: the real binary on a temp file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grendebok.sqlite3");
    Db { _dir: dir, path }
}

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grendebok-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("GRENDEBOK_DB")
        .output()
        .expect("the CLI runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
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
    assert!(stderr(&again).contains("skriver aldri over"), "{}", stderr(&again));
}

#[test]
fn demo_fills_a_new_database_once() {
    let db = db();
    let out = cli(&db.path, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("3 utvalg"), "{}", stdout(&out));
    let again = cli(&db.path, &["--json", "demo"]);
    assert_eq!(again.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&again.stderr).unwrap();
    assert_eq!(report["code"], "conflict");
}

#[test]
fn council_list_json_has_stable_fields_and_the_demo_vacancy() {
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
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
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
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
    assert!(
        stderr(&ambiguous).contains("Flere utvalg passer"),
        "{}",
        stderr(&ambiguous)
    );
}

#[test]
fn check_passes_on_a_sound_file_and_fails_on_a_damaged_one() {
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
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
    assert!(
        stderr(&out).contains("Det finnes ingen Grendebok-database"),
        "{}",
        stderr(&out)
    );
    assert!(!db.path.exists());
}

#[test]
fn messages_follow_the_chosen_language() {
    let db = db();
    let out = cli(&db.path, &["--lang", "en", "council", "list"]);
    assert!(
        stderr(&out).contains("There is no Grendebok database"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn demo_meetings_are_listed_and_their_minutes_export_as_archived_pdf() {
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
    let meetings = json(&cli(&db.path, &["--json", "meeting", "list", "--council", "Lyngvik"]));
    let meetings = meetings.as_array().unwrap();
    let statuses: Vec<&str> = meetings.iter().map(|m| m["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["notice_sent", "approved", "approved"], "newest first");

    let approved = meetings[1]["id"].as_str().unwrap();
    let shown = cli(&db.path, &["meeting", "show", approved]);
    assert!(
        stdout(&shown).contains("Protokollen er komplett."),
        "{}",
        stdout(&shown)
    );

    let out = db.path.with_file_name("protokoll.pdf");
    let record = json(&cli(
        &db.path,
        &[
            "--json",
            "export",
            "minutes",
            "--meeting",
            approved,
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(record["kind"], "minutes");
    assert_eq!(record["size"].as_u64(), Some(bytes.len() as u64));
    let again = json(&cli(&db.path, &["--json", "meeting", "show", approved]));
    assert_eq!(
        again["documents"][0]["sha256"], record["sha256"],
        "the export is archived"
    );

    let upcoming = meetings[0]["id"].as_str().unwrap();
    let notice = db.path.with_file_name("innkalling.pdf");
    let out = cli(
        &db.path,
        &[
            "export",
            "notice",
            "--meeting",
            upcoming,
            "--out",
            notice.to_str().unwrap(),
        ],
    );
    assert!(stdout(&out).starts_with("Innkallingen er lagret i"), "{}", stdout(&out));
}

#[test]
fn demo_grants_are_listed_and_export_as_ledger_and_letter() {
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
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
    let out = cli(
        &db.path,
        &[
            "export",
            "ledger",
            "--scheme",
            scheme["id"].as_str().unwrap(),
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Lyngvik IL;952601814;Ny lysløype rundt Lyngvikvannet;Rapportert;80000,00;60000,00"),
        "{text}"
    );
    let xlsx = dir.join("regnskap.xlsx");
    let out = cli(
        &db.path,
        &[
            "export",
            "ledger",
            "--scheme",
            scheme["id"].as_str().unwrap(),
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
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
    let out = cli(
        &db.path,
        &[
            "export",
            "letter",
            "--application",
            open["id"].as_str().unwrap(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ikke avgjort"), "{}", stderr(&out));
}

#[test]
fn a_damaged_file_is_restored_from_a_backup_and_kept_aside() {
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
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
    assert!(stderr(&check).contains("Gjenopprett"), "{}", stderr(&check));

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
    let db = db();
    assert!(cli(&db.path, &["demo"]).status.success());
    let package = db.path.with_file_name("lyngvik.grendebok");
    let exported = json(&cli(
        &db.path,
        &[
            "--json",
            "export",
            "package",
            "--council",
            "Lyngvik",
            "--out",
            package.to_str().unwrap(),
        ],
    ));
    assert_eq!(exported["councilName"], "Lyngvik nærmiljøutvalg");
    assert!(std::fs::read(&package).unwrap().starts_with(b"PK"), "a zip file");

    let kommune = db.path.with_file_name("kommune.sqlite3");
    let out = cli(&kommune, &["import", "package", package.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Lyngvik nærmiljøutvalg er lagt til"),
        "{}",
        stdout(&out)
    );
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
                .filter(|m| matches!(m["status"].as_str(), Some("held" | "approved")))
                .map(|m| m["date"].as_str().unwrap().to_owned()),
        );
    }
    let year = held[0][..4].to_owned();
    let expected = held.iter().filter(|date| date.starts_with(&year)).count();
    assert!(expected >= 3, "the demo holds meetings in {year}");
    let dir = db.path.with_file_name("protokoller");
    let out = cli(
        &db.path,
        &[
            "export",
            "minutes",
            "--year",
            &year,
            "--all",
            "--out",
            dir.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let progress: Vec<String> = stderr(&out).lines().map(str::to_owned).collect();
    assert_eq!(progress.len(), expected, "{progress:?}");
    assert!(
        progress[0].starts_with(&format!("[1/{expected}] Protokoll ")),
        "{progress:?}"
    );
    let files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), expected);
    for file in &files {
        assert!(std::fs::read(file).unwrap().starts_with(b"%PDF"), "{}", file.display());
    }
    assert!(
        stdout(&out).contains(&format!("{expected} protokoller fra {year}")),
        "{}",
        stdout(&out)
    );
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

//! The screen data the UI's screen tests and screenshot build play back
//! (`ui/src/dev/fixtures/<scenario>.json`), made here by the real core, so
//! that no rule has to be written again in TypeScript.
//!
//! A scenario is the demo data on a given day, with a few steps taken; its
//! file maps each call of the UI's `Backend` — `method [args]`, the arguments
//! as canonical JSON — to what the app's command answers: `{"ok": value}` or
//! `{"err": ErrorReport}`. A write is recorded with the answer it gives;
//! the UI's fake never computes one. Ids are fixed for the run (see
//! `store::FIXED_IDS`), and the database's folder is written as the user's.
//!
//! The test fails when a committed file is stale; run it with
//! `UPDATE_FIXTURES=1` to rewrite them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use crate::model::*;
use crate::store::backup::{self, BackupKind};
use crate::{Result, Store};

/// Where the fixtures say the database is: a secretary's data folder.
const DB_FOLDER: &str = "/home/kari/.local/share/no.grendebok.app";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/dev/fixtures")
}

/// JSON with object keys sorted and null members left out, as the UI's
/// play-back writes a call's arguments (ui/src/dev/playback.ts, `callKey`).
fn canonical(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().filter(|k| !map[*k].is_null()).collect();
            keys.sort();
            let members: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), canonical(&map[k])))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(canonical).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

/// One scenario's calls and answers, as the app's commands give them.
struct Scenario {
    name: &'static str,
    store: Store,
    /// The folder of the database file, written as [`DB_FOLDER`].
    folder: PathBuf,
    today: NaiveDate,
    lang: Lang,
    answers: BTreeMap<String, Value>,
    /// Holds the database's folder for as long as the scenario lives.
    _keep: tempfile::TempDir,
}

impl Scenario {
    /// The demo data as loaded on `today` by Kari Nordmann, in a database
    /// file of its own, with the backups a week of use leaves.
    fn demo(name: &'static str, today: NaiveDate) -> Scenario {
        crate::store::FIXED_IDS.with(|next| next.set(Some(1)));
        let keep = tempfile::tempdir().expect("a temporary folder");
        let path = keep.path().join("grendebok.sqlite3");
        let mut store = Store::create(&path).expect("a new database");
        let at = noon(today);
        store.save_user_name("Kari Nordmann", at).expect("the user's name");
        let actor = store.actor(at).expect("the actor");
        store.load_demo(&actor, today).expect("the demo data");
        for days in [9, 8, 2, 1] {
            let taken = at - chrono::Duration::days(days);
            backup::take_beside(&path, BackupKind::Auto, taken).expect("a backup");
        }
        Scenario {
            name,
            store,
            folder: keep.path().to_owned(),
            today,
            lang: Lang::Nb,
            answers: BTreeMap::new(),
            _keep: keep,
        }
    }

    fn at(&self) -> DateTime<Utc> {
        noon(self.today)
    }

    /// Records `method(args)` answering `answer`.
    fn put<T: Serialize>(&mut self, method: &str, args: Value, answer: Result<T>) {
        let answer = match answer {
            Ok(value) => json!({ "ok": value }),
            Err(e) => json!({ "err": e.report(self.lang) }),
        };
        let folder = self.folder.display().to_string();
        let text = serde_json::to_string(&answer)
            .expect("answers serialise")
            .replace(&folder, DB_FOLDER);
        let answer: Value = serde_json::from_str(&text).expect("answers parse");
        self.answers.insert(format!("{method} {}", canonical(&args)), answer);
    }

    /// What every screen of the app reads: start-up, settings, every
    /// council, meeting, scheme and application, the duties and charts of
    /// this year and the last, and the overview.
    fn read_everything(&mut self) {
        let (today, lang) = (self.today, self.lang);
        let year = chrono::Datelike::year(&today);
        let path = self.folder.join("grendebok.sqlite3");
        let startup = Startup {
            db_path: path.display().to_string(),
            error: None,
            read_only: false,
            backups: backup::list(&path).unwrap_or_default(),
            clock_warning: None,
        };
        self.put("getStartup", json!([]), Ok(startup));
        self.put("awaitSoundFile", json!([]), Ok(()));
        let settings = self.store.settings();
        self.put("getSettings", json!([]), settings);
        let councils = self.store.council_summaries(today, lang);
        let ids: Vec<String> = councils.iter().flatten().map(|c| c.id.clone()).collect();
        self.put("listCouncils", json!([]), councils);
        let found = self.store.find_people("", 50);
        self.put("findPeople", json!(["", 50]), found);
        for y in [year - 1, year] {
            let overview = self.store.overview(y, today, lang);
            self.put("getOverview", json!([y]), overview);
        }
        for id in ids {
            let detail = self.store.council_detail(&id, today, lang);
            self.put("getCouncil", json!([id]), detail);
            let meetings = self.store.meetings_of_council(&id);
            let meeting_ids: Vec<String> = meetings.iter().flatten().map(|m| m.id.clone()).collect();
            self.put("listMeetings", json!([id]), meetings);
            let bases = self.store.exemption_bases(&id, lang);
            self.put("exemptionBases", json!([id]), bases);
            for y in [year - 1, year] {
                let duties = self.store.duties(&id, y, today, lang);
                self.put("listDuties", json!([id, y]), duties);
                let attendance = self.store.attendance_by_member(&id, y);
                self.put("attendanceByMember", json!([id, y]), attendance);
            }
            for meeting in meeting_ids {
                let detail = self.store.meeting_detail_on(&meeting, lang, today);
                self.put("getMeeting", json!([meeting]), detail);
                let candidates = self.store.approval_candidates(&meeting, lang);
                self.put("listApprovalItems", json!([meeting]), candidates);
            }
            let schemes = self.store.schemes_of_council(&id, today);
            let scheme_ids: Vec<String> = schemes.iter().flatten().map(|s| s.scheme.id.clone()).collect();
            self.put("listSchemes", json!([id]), schemes);
            for scheme in scheme_ids {
                let detail = self.store.scheme_detail(&scheme, today, lang);
                let applications: Vec<String> = detail
                    .iter()
                    .flat_map(|d| d.rows.iter().map(|r| r.application.id.clone()))
                    .collect();
                self.put("getScheme", json!([scheme]), detail);
                for application in applications {
                    let detail = self.store.application_detail(&application, today, lang);
                    self.put("getApplication", json!([application]), detail);
                }
            }
        }
    }

    /// `search(query)` for each text, over every council and year.
    fn search(&mut self, texts: &[&str]) {
        for text in texts {
            let query = SearchQuery {
                text: (*text).to_owned(),
                council_id: None,
                year: None,
            };
            let found = self.store.search(&query, self.lang);
            self.put("search", json!([query]), found);
        }
    }

    fn render(&self) -> String {
        let file = json!({
            "scenario": self.name,
            "today": self.today,
            "answers": self.answers,
        });
        serde_json::to_string_pretty(&file).expect("fixtures serialise") + "\n"
    }
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(11, 0, 0).expect("noon"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Every scenario the UI plays back.
fn scenarios() -> Vec<Scenario> {
    let mut demo = Scenario::demo("demo", day(2026, 11, 22));
    demo.read_everything();
    demo.search(&["dugnad", "benker", "bøkeskogen"]);

    // In January the secretary still closes last year; from March on, this year.
    let mut january = Scenario::demo("january", day(2027, 1, 15));
    january.read_everything();
    let mut march = Scenario::demo("march", day(2027, 3, 2));
    march.read_everything();
    vec![demo, january, march]
}

#[test]
fn committed_ui_fixtures_are_what_the_core_produces() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut stale = Vec::new();
    for scenario in scenarios() {
        let file = dir().join(format!("{}.json", scenario.name));
        let rendered = scenario.render();
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        if committed != rendered {
            if update {
                std::fs::create_dir_all(dir()).expect("the fixtures folder");
                std::fs::write(&file, &rendered).expect("a fixture file");
            } else {
                stale.push(file.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale UI fixtures (run `UPDATE_FIXTURES=1 cargo test -p grendebok-core fixtures`): {stale:?}"
    );
}

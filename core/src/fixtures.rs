//! The screen data the UI's screen tests and screenshot build play back
//! (`ui/src/dev/fixtures/<scenario>.json`), made here by the real core, so
//! that no rule has to be written again in TypeScript.
//!
//! A scenario is the demo data on a given day, with a few steps taken; its
//! file maps each call of the UI's `Backend` — `method [args]`, the arguments
//! as canonical JSON — to what the app's command answers: `{"ok": value}` or
//! `{"err": ErrorReport}`. A write is recorded with the answer it gives and
//! what every screen reads after it: under `after`, by the write's call, the
//! answer and the reads that changed (and the writes after that one); the
//! UI's play-back moves there when the screen makes that call, and never
//! computes an answer itself. Ids are fixed for the run (see
//! `store::FIXED_IDS`), and the database's folder is written as the user's.
//!
//! `Scenario::write` makes a write as the shell's command does (the same store
//! calls, the same answer: a meeting write answers the whole meeting, an
//! export its `SavedFile`…): keep the two alike. A screen test that needs
//! another state adds a path of writes in `scenarios()`; a call the
//! scenario does not answer fails the test and names the call.
//!
//! The test fails when a committed file is stale; run it with
//! `UPDATE_FIXTURES=1` to rewrite them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use crate::model::*;
use crate::progress::NoProgress;
use crate::store::backup::{self, BackupKind};
use crate::{Result, Store};

/// Where the fixtures say the database is: a secretary's data folder.
const DB_FOLDER: &str = "/home/kari/.local/share/no.grendebok.app";
/// Where the fixtures say exports go (the shell asks; here, a folder beside the database).
const DOCUMENTS: &str = "/home/kari/Dokumenter";

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
    /// The name of the council in the package `importPackage` picks.
    incoming: String,
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
            incoming: "Kvelde grendeutvalg".into(),
            answers: BTreeMap::new(),
            _keep: keep,
        }
    }

    fn at(&self) -> DateTime<Utc> {
        noon(self.today)
    }

    /// Records `method(args)` answering `answer`.
    fn put<T: Serialize>(&mut self, method: &str, args: Value, answer: Result<T>) {
        let answer = self.answer(answer);
        self.answers.insert(key(method, &args), answer);
    }

    /// `{"ok": value}` or `{"err": report}`, the database's folder written as the user's.
    fn answer<T: Serialize>(&self, answer: Result<T>) -> Value {
        let answer = match answer {
            Ok(value) => json!({ "ok": value }),
            Err(e) => json!({ "err": e.report(self.lang) }),
        };
        let documents = self.folder.join("Dokumenter").display().to_string();
        let folder = self.folder.display().to_string();
        let text = serde_json::to_string(&answer)
            .expect("answers serialise")
            .replace(&documents, DOCUMENTS)
            .replace(&folder, DB_FOLDER);
        serde_json::from_str(&text).expect("answers parse")
    }

    /// Makes the call `method(args)` as the app's command does, and answers as it does.
    fn write(&mut self, method: &str, args: &Value) -> Value {
        fn arg<T: serde::de::DeserializeOwned>(args: &Value, i: usize) -> T {
            serde_json::from_value(args[i].clone()).unwrap_or_else(|e| panic!("argument {i} of {args}: {e}"))
        }
        let (today, lang) = (self.today, self.lang);
        let actor = self.store.actor(self.at()).expect("the actor");
        let documents = self.folder.join("Dokumenter");
        let s = &mut self.store;
        let answer = match method {
            "saveScores" => {
                let (id, member, scores): (String, String, Vec<ScoreInput>) =
                    (arg(args, 0), arg(args, 1), arg(args, 2));
                s.save_scores(&actor, &id, &member, &scores)
                    .and_then(|a| to_value(s.application_detail(&a.id, today)))
            }
            "decideApplication" => {
                let (id, input): (String, DecisionInput) = (arg(args, 0), arg(args, 1));
                s.decide_application(&actor, &id, &input)
                    .and_then(|a| to_value(s.application_detail(&a.id, today)))
            }
            "addPayout" => {
                let (id, input): (String, PayoutInput) = (arg(args, 0), arg(args, 1));
                s.add_payout(&actor, &id, &input)
                    .and_then(|a| to_value(s.application_detail(&a.id, today)))
            }
            "addAccountEntry" => {
                let (id, input): (String, AccountEntryInput) = (arg(args, 0), arg(args, 1));
                to_value(s.add_account_entry(&actor, &id, &input))
            }
            "updateAccountEntry" => {
                let (id, input): (String, AccountEntryInput) = (arg(args, 0), arg(args, 1));
                to_value(s.update_account_entry(&actor, &id, &input))
            }
            "deleteAccountEntry" => to_value(s.delete_account_entry(&actor, &arg::<String>(args, 0))),
            "addMembership" => to_value(s.add_membership(&actor, &arg::<MembershipInput>(args, 0))),
            "endMembership" => {
                let (id, ended_on, reason): (String, NaiveDate, String) = (arg(args, 0), arg(args, 1), arg(args, 2));
                to_value(s.end_membership(&actor, &id, ended_on, &reason))
            }
            "updateCouncil" => {
                let (id, input): (String, CouncilInput) = (arg(args, 0), arg(args, 1));
                to_value(s.update_council(&actor, &id, &input))
            }
            "editDuty" => {
                let (id, year, kind, edit): (String, i32, DutyKey, DutyEdit) =
                    (arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3));
                to_value(s.edit_duty(&actor, &id, year, &kind, &edit, lang))
            }
            // Meeting writes answer with the whole meeting, as the shell's `meeting_write`.
            "createMeeting" => s
                .create_meeting(&actor, &arg::<MeetingInput>(args, 0))
                .and_then(|m| to_value(s.meeting_detail_on(&m.id, lang, today))),
            "addItem" => {
                let (meeting, input): (String, AgendaItemInput) = (arg(args, 0), arg(args, 1));
                s.add_item(&actor, &meeting, &input)
                    .and_then(|_| to_value(s.meeting_detail_on(&meeting, lang, today)))
            }
            "sendNotice" => {
                let id: String = arg(args, 0);
                s.send_notice(&actor, &id)
                    .and_then(|_| to_value(s.meeting_detail_on(&id, lang, today)))
            }
            // As the shell's `export`, the file going to the suggested name in Dokumenter.
            "exportMinutes" => {
                let id: String = arg(args, 0);
                let kind = DocumentKind::Minutes;
                std::fs::create_dir_all(&documents).expect("the documents folder");
                s.version_file_name(&id, kind, false).and_then(|name| {
                    let path = documents.join(name);
                    let document = s.export_version(&actor, &id, kind, false, &path)?;
                    to_value(Ok(SavedFile::of(lang, &path, &document)))
                })
            }
            // As the shell's hand-over commands, with Dokumenter as the folder chosen.
            "exportPackage" => {
                let id: String = arg(args, 0);
                std::fs::create_dir_all(&documents).expect("the documents folder");
                s.council(&id).and_then(|council| {
                    let path = documents.join(format!("{}.grendebok", council.name));
                    let info = s.export_package(&actor, &id, &path)?;
                    to_value(Ok(SavedFile::of(lang, &path, &info)))
                })
            }
            "exportForKommune" => {
                let (id, year): (String, i32) = (arg(args, 0), arg(args, 1));
                std::fs::create_dir_all(&documents).expect("the documents folder");
                let now = noon(today);
                let done = s.export_for_kommune_with_progress(&id, year, &documents, now, lang, &NoProgress);
                done.and_then(|export| to_value(Ok(SavedFile::of(lang, std::path::Path::new(&export.folder), &export))))
            }
            // The package picked: a council of another installation, named `self.incoming`.
            "importPackage" => {
                let file = documents.join(format!("{}.grendebok", self.incoming));
                if !file.exists() {
                    make_package(&self.incoming, &file, noon(today));
                }
                let replace: bool = arg(args, 0);
                s.import_package_with_progress(&actor, &file, replace, &NoProgress)
                    .and_then(|outcome| {
                        let message = crate::package::import_message(lang, &outcome, &file);
                        to_value(Ok(SavedFile::said(file.display().to_string(), message)))
                    })
            }
            other => panic!("core/src/fixtures.rs makes no call {other} yet: add it to Scenario::write"),
        };
        self.answer(answer)
    }

    /// What every screen of the app reads: start-up, settings, every
    /// council, meeting, scheme and application, the duties and charts of
    /// this year and the last, and the overview.
    fn read_everything(&mut self) {
        let (today, lang) = (self.today, self.lang);
        let year = chrono::Datelike::year(&today);
        self.read_start();
        let councils = self.store.council_summaries(today, lang);
        let ids: Vec<String> = councils.iter().flatten().map(|c| c.id.clone()).collect();
        // The member form's search, as it lists everyone and as a name is typed.
        for query in ["", "ÅSH", "ingen slik"] {
            let found = self.store.find_people(query, 20);
            self.put("findPeople", json!([query, 20]), found);
        }
        for y in [year - 1, year] {
            self.read_overview(y);
        }
        for id in ids {
            self.read_council(&id);
        }
    }

    /// What the overview of `year` reads, as it opens and with the filter
    /// and sort the tests and screenshots choose
    /// (only those behind, then by overdue duties).
    fn read_overview(&mut self, year: i32) {
        let (today, lang) = (self.today, self.lang);
        let behind = OverviewQuery {
            behind_only: true,
            ..OverviewQuery::default()
        };
        let most_overdue = OverviewQuery {
            sort: OverviewSortKey::Overdue,
            dir: SortDir::Descending,
            ..behind.clone()
        };
        for query in [OverviewQuery::default(), behind, most_overdue] {
            let screen = self.store.overview_screen(year, today, lang, &query);
            // A scenario's few councils: the answer carries the year wheel.
            self.put("getOverview", json!([year, query]), screen);
        }
    }

    /// What the council's page, its meetings, scheme and applications read.
    fn read_council(&mut self, id: &str) {
        let (today, lang) = (self.today, self.lang);
        let year = chrono::Datelike::year(&today);
        let id = id.to_owned();
        let detail = self.store.council_detail(&id, today, lang);
        self.put("getCouncil", json!([id]), detail);
        let sections = self.store.council_sections(&id, today, lang);
        self.put("getCouncilSections", json!([id]), sections);
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
            let account = self.store.council_account(&id, y);
            self.put("councilAccount", json!([id, y]), account);
        }
        for meeting in meeting_ids {
            let detail = self.store.meeting_detail_on(&meeting, lang, today);
            self.put("getMeeting", json!([meeting]), detail);
            let candidates = self.store.approval_candidates(&meeting);
            self.put("listApprovalItems", json!([meeting]), candidates);
        }
        let schemes = self.store.schemes_of_council(&id, today);
        let scheme_ids: Vec<String> = schemes.iter().flatten().map(|s| s.scheme.id.clone()).collect();
        self.put("listSchemes", json!([id]), schemes);
        for scheme in scheme_ids {
            let detail = self.store.scheme_detail(&scheme, today);
            let applications: Vec<String> = detail
                .iter()
                .flat_map(|d| d.rows.iter().map(|r| r.application.id.clone()))
                .collect();
            self.put("getScheme", json!([scheme]), detail);
            for application in applications {
                let detail = self.store.application_detail(&application, today);
                self.put("getApplication", json!([application]), detail);
            }
        }
    }

    /// `search(query)` for each text, over every council and year, in
    /// `year` and in each council.
    fn search(&mut self, texts: &[&str], year: i32) {
        let councils: Vec<String> = self
            .store
            .council_summaries(self.today, self.lang)
            .expect("councils")
            .into_iter()
            .map(|c| c.id)
            .collect();
        for text in texts {
            let everywhere = SearchQuery {
                text: (*text).to_owned(),
                council_id: None,
                year: None,
            };
            let mut queries = vec![SearchQuery {
                year: Some(year),
                ..everywhere.clone()
            }];
            queries.extend(councils.iter().map(|c| SearchQuery {
                council_id: Some(c.clone()),
                ..everywhere.clone()
            }));
            queries.push(everywhere);
            for query in queries {
                let found = self.store.search(&query, self.lang);
                self.put("search", json!([query]), found);
            }
        }
    }

    /// What the first screen reads: start-up, settings and the councils.
    fn read_start(&mut self) {
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
        let councils = self.store.council_summaries(self.today, self.lang);
        self.put("listCouncils", json!([]), councils);
        let labels = self.store.profile_labels(self.lang);
        self.put("profileLabels", json!([]), labels);
    }
}

/// An answer as JSON, for the answers of every kind of write in one `match`.
fn to_value<T: Serialize>(answer: Result<T>) -> Result<Value> {
    answer.map(|v| serde_json::to_value(v).expect("answers serialise"))
}

fn key(method: &str, args: &Value) -> String {
    format!("{method} {}", canonical(args))
}

/// A scenario's file: its answers, and after each write what changed.
struct Fixture {
    name: &'static str,
    today: NaiveDate,
    answers: BTreeMap<String, Value>,
    /// The writes a screen test takes from here, each a list of calls made one after the other.
    after: Value,
}

impl Fixture {
    /// `scenario` read whole, and each path of writes taken on a fresh copy
    /// of it (`make` builds one), with what the screens read after each write.
    fn new(make: impl Fn() -> Scenario, paths: &[&[(&str, Value)]]) -> Fixture {
        let base = make();
        let mut after = json!({});
        for path in paths {
            let mut scenario = make();
            let mut seen = base.answers.clone();
            let mut node = &mut after;
            for (method, args) in path.iter() {
                let answer = scenario.write(method, args);
                scenario.answers.clear();
                scenario.read_everything();
                let changed: BTreeMap<&String, &Value> = scenario
                    .answers
                    .iter()
                    .filter(|(k, v)| seen.get(*k) != Some(*v))
                    .collect();
                let step = node
                    .as_object_mut()
                    .expect("an object")
                    .entry(key(method, args))
                    .or_insert_with(|| json!({ "answer": answer, "answers": changed, "after": {} }));
                seen.extend(scenario.answers.clone());
                node = &mut step["after"];
            }
        }
        Fixture {
            name: base.name,
            today: base.today,
            answers: base.answers,
            after,
        }
    }

    fn render(&self) -> String {
        let file = json!({
            "scenario": self.name,
            "today": self.today,
            "answers": self.answers,
            "after": self.after,
        });
        serde_json::to_string_pretty(&file).expect("fixtures serialise") + "\n"
    }
}

/// A package of a council named `name` from another installation, at `file`.
fn make_package(name: &str, file: &std::path::Path, at: DateTime<Utc>) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut other = Store::create(&folder.path().join("annen.sqlite3")).expect("another database");
    other.save_user_name("Per Hagen", at).expect("a name");
    let actor = other.actor(at).expect("the actor");
    let input = CouncilInput {
        kind: CouncilKind::Grendeutvalg,
        area: "Kvelde og Hvarnes".into(),
        ..CouncilInput::named(name, SeatPlan::new(1, 1, 1, 0, 1))
    };
    let council = other.create_council(&actor, &input).expect("the council");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("the documents folder");
    other.export_package(&actor, &council.id, file).expect("the package");
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(11, 0, 0).expect("noon"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Ids of the demo data, found by name (they are the same in every copy).
struct Ids<'a>(&'a Scenario);

impl Ids<'_> {
    fn council(&self, name: &str) -> String {
        let councils = self
            .0
            .store
            .council_summaries(self.0.today, self.0.lang)
            .expect("councils");
        councils
            .into_iter()
            .find(|c| c.name == name)
            .expect("a demo council")
            .id
    }

    fn scheme(&self, council: &str) -> SchemeDetail {
        let schemes = self.0.store.schemes_of_council(&self.council(council), self.0.today);
        let id = &schemes.expect("schemes")[0].scheme.id;
        self.0.store.scheme_detail(id, self.0.today).expect("the scheme")
    }

    /// The application of `organisation` to Lyngvik's scheme.
    fn application(&self, organisation: &str) -> ApplicationDetail {
        let scheme = self.scheme("Lyngvik nærmiljøutvalg");
        let row = scheme.rows.iter().find(|r| r.application.organisation == organisation);
        let id = &row.expect("a demo application").application.id;
        self.0
            .store
            .application_detail(id, self.0.today)
            .expect("the application")
    }
}

/// Every scenario the UI plays back.
fn scenarios() -> Vec<Fixture> {
    let demo = || {
        let mut demo = Scenario::demo("demo", day(2026, 11, 22));
        demo.read_everything();
        demo.search(&["dugnad", "benker", "bøkeskogen"], 2025);
        demo
    };
    let probe = Scenario::demo("probe", day(2026, 11, 22));
    let ids = Ids(&probe);
    // Lyngvik historielag's application, in review; Einar Bråthen has not scored it.
    let historielag = ids.application("Lyngvik historielag");
    let einar = &historielag
        .reviews
        .iter()
        .find(|r| r.person_name == "Einar Bråthen")
        .expect("Einar")
        .membership_id;
    let criteria: Vec<&String> = historielag.scheme.criteria.iter().map(|c| &c.id).collect();
    let id = &historielag.application.id;
    let item = &historielag.decision_items[0].item_id;
    let scores = json!([id, einar, [
        { "criterionId": criteria[0], "score": 4, "comment": "" },
        { "criterionId": criteria[1], "score": 5, "comment": "" },
        { "criterionId": criteria[2], "score": 3, "comment": "" },
    ]]);
    let decide = |granted: &str| json!([id, { "granted": granted, "itemId": item, "reasons": "" }]);
    // What the confirmations' tests do on Lyngvik's pages.
    let lyngvik = ids.council("Lyngvik nærmiljøutvalg");
    let council = probe.store.council(&lyngvik).expect("Lyngvik");
    let mut council_input = serde_json::to_value(&council).expect("a council");
    council_input.as_object_mut().expect("an object").remove("id");
    let meetings = probe.store.meetings_of_council(&lyngvik).expect("meetings");
    let upcoming = &meetings
        .iter()
        .find(|m| m.date > probe.today)
        .expect("the next meeting")
        .id;
    let approved = &meetings
        .iter()
        .find(|m| m.date == day(2026, 11, 1))
        .expect("November's meeting")
        .id;
    let detail = probe
        .store
        .council_detail(&lyngvik, probe.today, probe.lang)
        .expect("Lyngvik");
    let torbjorn = &detail
        .current
        .iter()
        .find(|m| m.person.name == "Torbjørn Leirvåg")
        .expect("Torbjørn")
        .id;
    let pensjonister = ids.application("Lyngvik pensjonistforening").application.id;
    let new_member = |name: &str, category: &str, role: &str| {
        json!([{ "category": category, "councilId": lyngvik, "organisation": "",
                 "person": { "type": "new", "person": { "name": name, "email": "", "phone": "" } },
                 "role": role, "termFrom": "2026-11-22" }])
    };
    let new_meeting = json!([{ "councilId": lyngvik, "date": "2027-01-14", "guests": "", "kind": "ordinary",
                               "kommuneRep": "", "place": "Grendehuset", "startsAt": "18:00" }]);
    let item = |meeting: &str| {
        json!([meeting, { "access": { "basis": "", "exempt": false, "titleWithheld": false }, "background": "",
                          "kind": "vedtak", "proposal": "", "title": "Julegrantenning på torget" }])
    };
    // The meeting made in a copy of the demo gets the same id in every copy.
    let made = {
        let mut copy = demo();
        let answer = copy.write("createMeeting", &new_meeting);
        answer["ok"]["meeting"]["id"]
            .as_str()
            .expect("the new meeting's id")
            .to_owned()
    };
    let demo = Fixture::new(
        demo,
        &[
            &[("saveScores", scores)],
            // Refused: a dot is not how an amount is written; more than was asked.
            &[("decideApplication", decide("12.500"))],
            &[("decideApplication", decide("30 000"))],
            &[("addMembership", new_member("Olav Haugen", "volunteer", "leder"))],
            &[
                ("endMembership", json!([torbjorn, "2026-11-22", ""])),
                ("addMembership", new_member("", "school", "medlem")),
            ],
            &[("updateCouncil", json!([lyngvik, council_input]))],
            &[(
                "editDuty",
                json!([lyngvik, 2026, "joint_meeting", { "action": "waive", "reason": "Ingen møter i år på grunn av ombygging." }]),
            )],
            &[
                ("createMeeting", new_meeting.clone()),
                ("addItem", item(&made)),
                ("sendNotice", json!([made])),
            ],
            &[("addItem", item(upcoming))],
            &[("exportMinutes", json!([approved]))],
            &[(
                "addPayout",
                json!([pensjonister, { "amount": "5000", "date": "2026-11-22" }]),
            )],
            // Read in, then the same package again; Lyngvik handed over twice to the kommune.
            &[("importPackage", json!([false])), ("importPackage", json!([false]))],
            &[
                ("exportPackage", json!([lyngvik])),
                ("exportForKommune", json!([lyngvik, 2026])),
                ("exportForKommune", json!([lyngvik, 2026])),
            ],
        ],
    );
    // A package of another council of the same name as one kept here.
    let samename = || {
        let mut samename = Scenario::demo("samename", day(2026, 11, 22));
        samename.incoming = "Lyngvik nærmiljøutvalg".into();
        samename.read_start();
        samename
    };
    let samename = Fixture::new(samename, &[&[("importPackage", json!([false]))]]);
    // The first start (no name yet), a new empty file, and a file found damaged.
    let empty = |name: &'static str, user: Option<&'static str>| {
        move || {
            crate::store::FIXED_IDS.with(|next| next.set(Some(1)));
            let keep = tempfile::tempdir().expect("a temporary folder");
            let mut store = Store::create(&keep.path().join("grendebok.sqlite3")).expect("a new database");
            let today = day(2026, 11, 22);
            if let Some(user) = user {
                store.save_user_name(user, noon(today)).expect("the user's name");
            }
            let mut scenario = Scenario {
                name,
                store,
                folder: keep.path().to_owned(),
                today,
                lang: Lang::Nb,
                incoming: String::new(),
                answers: BTreeMap::new(),
                _keep: keep,
            };
            scenario.read_start();
            scenario
        }
    };
    let welcome = Fixture::new(empty("welcome", None), &[]);
    let blank = Fixture::new(empty("empty", Some("Kari Nordmann")), &[]);
    let damaged = || {
        let mut damaged = Scenario::demo("damaged", day(2026, 11, 22));
        damaged.read_start();
        let path = damaged.folder.join("grendebok.sqlite3");
        let error = crate::CoreError::Damaged {
            path: path.display().to_string(),
            damage: crate::store::Damage::Corrupt,
            detail: String::new(),
        };
        let startup = Startup {
            db_path: path.display().to_string(),
            error: Some(error.report(damaged.lang)),
            read_only: false,
            backups: backup::list(&path).unwrap_or_default(),
            clock_warning: None,
        };
        damaged.put("getStartup", json!([]), Ok(startup));
        damaged
    };
    let damaged = Fixture::new(damaged, &[]);
    // In January the secretary still closes last year; from March on, this year.
    let month = |name: &'static str, on: NaiveDate| {
        move || {
            let mut scenario = Scenario::demo(name, on);
            scenario.read_everything();
            scenario
        }
    };
    // More hits than a search shows: 55 more items about the dugnad.
    let crowded = || {
        let mut crowded = Scenario::demo("crowded", day(2026, 11, 22));
        let lyngvik = Ids(&crowded).council("Lyngvik nærmiljøutvalg");
        let upcoming = crowded.store.meetings_of_council(&lyngvik).expect("meetings");
        let meeting = upcoming
            .into_iter()
            .find(|m| m.date > crowded.today)
            .expect("the next meeting")
            .id;
        let actor = crowded.store.actor(crowded.at()).expect("the actor");
        for n in 1..=55 {
            let input = AgendaItemInput {
                kind: ItemKind::Orientering,
                title: format!("Dugnad i parken, runde {n}"),
                background: String::new(),
                proposal: String::new(),
                access: Default::default(),
                statement: None,
            };
            crowded.store.add_item(&actor, &meeting, &input).expect("an item");
        }
        crowded.read_start();
        crowded.search(&["dugnad"], 2025);
        crowded
    };
    let crowded = Fixture::new(crowded, &[]);
    // A secretary who reads English: the overview and Lyngvik's page.
    let english = || {
        let mut english = Scenario::demo("english", day(2026, 11, 22));
        english
            .store
            .save_language(Lang::En, english.at())
            .expect("the language");
        english.lang = Lang::En;
        english.read_start();
        let year = chrono::Datelike::year(&english.today);
        english.read_overview(year);
        let lyngvik = Ids(&english).council("Lyngvik nærmiljøutvalg");
        english.read_council(&lyngvik);
        english
    };
    let english = Fixture::new(english, &[]);
    let january = Fixture::new(month("january", day(2027, 1, 15)), &[]);
    let march = Fixture::new(month("march", day(2027, 3, 2)), &[]);
    vec![
        demo, crowded, english, samename, welcome, blank, damaged, january, march,
    ]
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

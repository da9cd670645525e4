//! Store tests: each runs against an in-memory database with every migration
//! applied, or against a file in its own temporary folder.

use chrono::{NaiveDate, TimeZone, Utc};

use super::test_fixtures::row_count as count;
use super::*;
use crate::rules::validate::tests::invalid_fields;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn actor() -> Actor {
    Actor::new("Kari Sekretær", Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap())
}

fn store() -> Store {
    Store::open_in_memory().expect("in-memory store with all migrations")
}

fn stavern() -> CouncilInput {
    CouncilInput {
        area: "Stavern".into(),
        mandate: "Samle ideer for nærmiljøet.".into(),
        contact_name: "Ola Kontakt".into(),
        contact_email: "ola@kommune.example".into(),
        ..CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 1, 1, 2))
    }
}

/// Stavern's council with one new member in it.
fn stavern_with_member(name: &str, category: SeatCategory, role: Role) -> (Store, Council, Membership) {
    let mut store = store();
    let council = store.create_council(&actor(), &stavern()).unwrap();
    let member = store
        .add_membership(&actor(), &new_member(&council.id, name, category, role))
        .unwrap();
    (store, council, member)
}

fn new_member(council_id: &str, name: &str, category: SeatCategory, role: Role) -> MembershipInput {
    let term_from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    MembershipInput {
        term_to: Some(NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()),
        ..test_fixtures::member_input(council_id, name, category, role, term_from)
    }
}

#[test]
fn migrations_are_valid() {
    migrations().validate().expect("migrations validate");
}

#[test]
fn upgrading_a_file_fills_in_what_each_application_has_been_paid_and_indexes_it_anew() {
    // The demo written by a Grendebok of schema 7, before payouts were summed
    // on the application.
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    people::register_fold(&conn).unwrap();
    migrations().to_version(&mut conn, 7).unwrap();
    // Today's code reads where each council is kept (migration 10) with
    // every council: a stand-in table while the demo is written at schema 7.
    // So do the appeal's columns (migration 11) and those of public access
    // (migration 12) and the overruled inhabil (migration 14): added for the
    // demo's writes and dropped again before the file is upgraded.
    conn.execute_batch("CREATE TEMP TABLE council_home (council_id TEXT, home_id TEXT)")
        .unwrap();
    // The seat plan's table and the profile's (migrations 16 and 18): the
    // demo's plans are written to a stand-in table and copied to the five
    // columns of schema 7 (given a default meanwhile) before the upgrade.
    conn.execute_batch(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = replace(sql, 'INTEGER NOT NULL CHECK (seats_', 'INTEGER NOT NULL DEFAULT 0 CHECK (seats_')
         WHERE type = 'table' AND name = 'council';
         PRAGMA writable_schema = RESET;
         CREATE TEMP TABLE council_seat (council_id TEXT, category TEXT, seats INTEGER);
         CREATE TEMP TABLE kommune_profile (id INTEGER, kommune TEXT, issued_at TEXT, body TEXT, saved_at TEXT);
         CREATE TEMP TABLE profile_name (section TEXT, key TEXT, names TEXT, saved_at TEXT);",
    )
    .unwrap();
    // And the chair, minute-taker, the chair's vote and the closed session's ground (migration 15).
    const LATER_COLUMNS: [(&str, &str, &str); 13] = [
        ("grant_scheme", "appeal_address", "TEXT NOT NULL DEFAULT ''"),
        ("grant_inhabil", "overruled", "INTEGER NOT NULL DEFAULT 0"),
        ("grant_amendment", "item_id", "TEXT"),
        ("agenda_item", "exempt", "INTEGER NOT NULL DEFAULT 0"),
        ("agenda_item", "exempt_basis", "TEXT NOT NULL DEFAULT ''"),
        ("agenda_item", "title_withheld", "INTEGER NOT NULL DEFAULT 0"),
        ("document", "public", "INTEGER NOT NULL DEFAULT 0"),
        ("meeting", "chair_id", "TEXT"),
        ("meeting", "minute_taker_id", "TEXT"),
        ("meeting", "minute_taker_name", "TEXT NOT NULL DEFAULT ''"),
        ("agenda_item", "chair_id", "TEXT"),
        ("agenda_item", "chair_vote", "TEXT"),
        ("agenda_item", "closed_ground", "TEXT"),
    ];
    for (table, column, kind) in LATER_COLUMNS {
        conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {kind}"))
            .unwrap();
    }
    // And the decisions inside an item and the arrivals (migration 13), which the demo writes and reads,
    // and the council's account (migration 17).
    conn.execute_batch(
        "CREATE TEMP TABLE item_decision (id TEXT, item_id TEXT, position INTEGER, application_id TEXT, title TEXT,
            proposal TEXT, decision TEXT NOT NULL DEFAULT '', votes_for INTEGER, votes_against INTEGER,
            votes_blank INTEGER, created_at TEXT, updated_at TEXT, chair_id TEXT, chair_vote TEXT);
         CREATE TEMP TABLE alternative_proposal (id TEXT, item_id TEXT, position INTEGER, proposed_by TEXT,
            text TEXT, votes_for INTEGER, votes_against INTEGER, chair_vote TEXT, created_at TEXT, updated_at TEXT);
         CREATE TEMP TABLE decision_recusal (decision_id TEXT, membership_id TEXT, reason TEXT,
            PRIMARY KEY (decision_id, membership_id));
         CREATE TEMP TABLE account_entry (id TEXT PRIMARY KEY, council_id TEXT, date TEXT, kind TEXT, text TEXT,
            amount_ore INTEGER, created_at TEXT, updated_at TEXT);
         CREATE TEMP TABLE agenda_statement (item_id TEXT PRIMARY KEY, case_ref TEXT, deadline TEXT, recipient TEXT,
            created_at TEXT, updated_at TEXT);
         CREATE TEMP TABLE statement_letter (id TEXT PRIMARY KEY, item_id TEXT, file_name TEXT, sha256 TEXT,
            content_sha256 TEXT, bytes BLOB, created_at TEXT, created_by TEXT);
         ALTER TABLE attendance ADD COLUMN from_item TEXT;
         ALTER TABLE attendance ADD COLUMN until_item TEXT;",
    )
    .unwrap();
    let mut store = Store {
        conn,
        path: None,
        _lock: None,
        read_only: false,
        gate: None,
    };
    // The demo's statement to the kommune (migration 20) is an item kind schema 7's CHECK
    // does not know: written past the check, then kept as a vedtak.
    store
        .conn
        .execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    store.load_demo(&actor(), today()).unwrap();
    store
        .conn
        .execute_batch(
            "UPDATE agenda_item SET kind = 'vedtak' WHERE kind = 'uttalelse';
             PRAGMA ignore_check_constraints = OFF;
             DROP TABLE temp.agenda_statement; DROP TABLE temp.statement_letter;
             UPDATE council SET
                 seats_senior = coalesce((SELECT seats FROM temp.council_seat WHERE council_id = council.id AND category = 'senior'), 0),
                 seats_school = coalesce((SELECT seats FROM temp.council_seat WHERE council_id = council.id AND category = 'school'), 0),
                 seats_sports = coalesce((SELECT seats FROM temp.council_seat WHERE council_id = council.id AND category = 'sports'), 0),
                 seats_business = coalesce((SELECT seats FROM temp.council_seat WHERE council_id = council.id AND category = 'business'), 0),
                 seats_volunteer = coalesce((SELECT seats FROM temp.council_seat WHERE council_id = council.id AND category = 'volunteer'), 0);
             DROP TABLE temp.council_seat; DROP TABLE temp.kommune_profile; DROP TABLE temp.profile_name;
             DROP TABLE temp.council_home; DROP TABLE temp.item_decision; DROP TABLE temp.decision_recusal;
             DROP TABLE temp.alternative_proposal; DROP TABLE temp.account_entry;
             ALTER TABLE attendance DROP COLUMN from_item; ALTER TABLE attendance DROP COLUMN until_item;",
        )
        .unwrap();
    for (table, column, _) in LATER_COLUMNS {
        store
            .conn
            .execute_batch(&format!("ALTER TABLE {table} DROP COLUMN {column}"))
            .unwrap();
    }
    let paid_before: i64 = store
        .conn
        .query_row("SELECT sum(amount_ore) FROM grant_payout", [], |r| r.get(0))
        .unwrap();
    assert!(paid_before > 0, "the demo has payouts");

    migrations().to_latest(&mut store.conn).unwrap();
    // The search index is built anew, with every record that was there.
    let found = store
        .search(
            &SearchQuery {
                text: "dugna".into(),
                council_id: None,
                year: None,
            },
            Lang::Nb,
        )
        .unwrap();
    assert!(found.hits.iter().any(|h| h.title == "Dugnad i parken"), "{found:?}");
    assert_eq!(
        test_fixtures::paid_and_disagreeing(&store),
        (paid_before, 0),
        "every application's sum is its payouts'"
    );
    let overview = store.overview(2026, today(), Lang::Nb).unwrap();
    assert_eq!(
        overview.councils.iter().map(|c| c.paid_ore).sum::<i64>(),
        store
            .conn
            .query_row(
                "SELECT sum(p.amount_ore) FROM grant_payout p JOIN grant_application a ON a.id = p.application_id
                 JOIN grant_scheme s ON s.id = a.scheme_id WHERE s.year = 2026",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
    );
}

#[test]
fn a_file_database_gets_wal_full_sync_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("g.sqlite3")).unwrap();
    let pragma = |name: &str| -> String {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .unwrap()
    };
    assert_eq!(pragma("journal_mode"), "wal");
    assert_eq!(pragma("synchronous"), "2", "FULL");
    assert_eq!(pragma("foreign_keys"), "1");
    assert_eq!(pragma("busy_timeout"), "5000");
    assert_eq!(store.schema_version().unwrap(), known_version());
}

#[test]
fn create_refuses_an_existing_file_and_open_existing_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    Store::create(&path).unwrap();
    assert!(matches!(Store::create(&path), Err(CoreError::AlreadyExists(_))));
    let missing = dir.path().join("nope.sqlite3");
    assert!(matches!(Store::open_existing(&missing), Err(CoreError::NoDatabase(_))));
    assert!(!missing.exists(), "opening a missing file must not create it");
}

#[test]
fn a_file_from_a_newer_grendebok_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    drop(Store::create(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open_existing(&path) {
        Err(err @ CoreError::TooNew { found: 99, .. }) => {
            assert_eq!(err.code(), "too_new");
            assert!(err.message(Lang::Nb).contains("Oppdater Grendebok"));
        }
        Err(other) => panic!("expected too_new, got {other:?}"),
        Ok(_) => panic!("expected too_new, the file was opened"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn settings_start_empty_and_remember_the_users_name() {
    let mut store = store();
    assert_eq!(
        store.settings().unwrap(),
        Settings {
            user_name: None,
            language: Lang::Nb
        }
    );
    let err = store.save_user_name("   ", actor().at).unwrap_err();
    assert_eq!(invalid_fields(err), [("name".into(), "validation.name_empty")]);
    let settings = store.save_user_name("  Kari Sekretær ", actor().at).unwrap();
    assert_eq!(settings.user_name.as_deref(), Some("Kari Sekretær"));
    assert_eq!(store.actor(actor().at).unwrap().name, "Kari Sekretær");
    assert_eq!(store.save_language(Lang::Nn, actor().at).unwrap().language, Lang::Nn);
}

#[test]
fn creating_a_council_stores_it_and_audits_every_field() {
    let mut store = store();
    let council = store.create_council(&actor(), &stavern()).unwrap();
    assert_eq!(store.council(&council.id).unwrap(), council);
    assert_eq!(council.input(), stavern());
    assert_eq!(uuid::Uuid::parse_str(&council.id).unwrap().get_version_num(), 7);

    let log = store.audit_log(Some(&council.id)).unwrap();
    let fields: Vec<&str> = log.iter().map(|e| e.field.as_str()).collect();
    assert!(
        fields.contains(&"name") && fields.contains(&"seatPlan.volunteer"),
        "{fields:?}"
    );
    let name = log.iter().find(|e| e.field == "name").unwrap();
    assert_eq!(
        (name.who.as_str(), name.old.as_deref(), name.new.as_deref()),
        ("Kari Sekretær", None, Some("Stavern nærmiljøutvalg"))
    );
    assert_eq!(name.at, "2026-11-22T10:00:00.000Z");
}

#[test]
fn a_council_with_a_blank_name_is_refused_and_nothing_is_written() {
    let mut store = store();
    let input = CouncilInput {
        name: "  ".into(),
        ..stavern()
    };
    let err = store.create_council(&actor(), &input).unwrap_err();
    let report = err.report(Lang::Nb);
    assert_eq!(report.code, "invalid");
    assert_eq!(report.fields[0].field, "name");
    assert_eq!(report.fields[0].message, "Skriv inn et navn.");
    assert_eq!(count(&store, "council"), 0);
    assert_eq!(count(&store, "audit"), 0);
}

#[test]
fn council_names_are_unique_ignoring_case() {
    let mut store = store();
    let first = store.create_council(&actor(), &stavern()).unwrap();
    let again = CouncilInput {
        name: "STAVERN NÆRMILJØUTVALG".into(),
        ..stavern()
    };
    let err = store.create_council(&actor(), &again).unwrap_err();
    assert_eq!(
        err.report(Lang::Nb).fields[0].message,
        "Det finnes allerede et utvalg som heter «STAVERN NÆRMILJØUTVALG»."
    );
    // Renaming a council to its own name in other case is fine.
    store.update_council(&actor(), &first.id, &again).unwrap();
    assert_eq!(count(&store, "council"), 1);
}

#[test]
fn a_negative_seat_count_is_refused() {
    let mut store = store();
    let mut input = stavern();
    input.seat_plan.set(SeatCategory::BUSINESS, -2);
    let err = store.create_council(&actor(), &input).unwrap_err();
    assert_eq!(
        invalid_fields(err),
        [("seatPlan.business".into(), "validation.seats_negative")]
    );
    assert_eq!(count(&store, "council"), 0);
}

#[test]
fn updating_a_council_audits_only_what_changed() {
    let mut store = store();
    let council = store.create_council(&actor(), &stavern()).unwrap();
    let before = store.audit_log(None).unwrap().len();
    let mut input = stavern();
    input.seat_plan.set(SeatCategory::VOLUNTEER, 3);
    input.area = "Stavern sentrum".into();
    let updated = store.update_council(&actor(), &council.id, &input).unwrap();
    assert_eq!(updated.seat_plan.seats(&SeatCategory::VOLUNTEER), 3);
    let log = store.audit_log(Some(&council.id)).unwrap();
    let changes: Vec<(&str, Option<&str>, Option<&str>)> = log[before..]
        .iter()
        .map(|e| (e.field.as_str(), e.old.as_deref(), e.new.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            ("area", Some("Stavern"), Some("Stavern sentrum")),
            ("seatPlan.volunteer", Some("2"), Some("3"))
        ]
    );
    // Saving the same values again changes nothing and logs nothing.
    store.update_council(&actor(), &council.id, &input).unwrap();
    assert_eq!(store.audit_log(None).unwrap().len(), before + 2);
}

#[test]
fn five_members_on_a_six_seat_plan_leave_one_volunteer_seat_vacant() {
    let mut store = store();
    let council = store.create_council(&actor(), &stavern()).unwrap();
    for (name, category, role) in [
        ("Aud Leder", SeatCategory::SENIOR, Role::Leder),
        ("Bjørn Skole", SeatCategory::SCHOOL, Role::Medlem),
        ("Cecilie Idrett", SeatCategory::SPORTS, Role::Medlem),
        ("Dag Næring", SeatCategory::BUSINESS, Role::Medlem),
        ("Eva Frivillig", SeatCategory::VOLUNTEER, Role::Sekretaer),
    ] {
        store
            .add_membership(&actor(), &new_member(&council.id, name, category, role))
            .unwrap();
    }
    let detail = store.council_detail(&council.id, today(), Lang::Nb).unwrap();
    assert_eq!(detail.current.len(), 5);
    assert_eq!(detail.composition.seats_vacant, 1);
    let volunteer = detail
        .composition
        .categories
        .iter()
        .find(|c| c.category == SeatCategory::VOLUNTEER)
        .unwrap();
    assert_eq!((volunteer.planned, volunteer.filled, volunteer.vacant), (2, 1, 1));
    let summary = &store.council_summaries(today(), Lang::Nb).unwrap()[0];
    assert_eq!(
        (summary.seats_planned, summary.seats_filled, summary.seats_vacant),
        (6, 5, 1)
    );
    assert_eq!(summary.warning_count, 1);
}

#[test]
fn an_overlapping_seat_for_the_same_person_is_refused() {
    let (mut store, council, first) = stavern_with_member("Aud", SeatCategory::SENIOR, Role::Leder);
    let again = MembershipInput {
        person: PersonChoice::Existing {
            id: first.person.id.clone(),
        },
        category: SeatCategory::VOLUNTEER,
        term_from: NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
        term_to: None,
        ..new_member(&council.id, "", SeatCategory::VOLUNTEER, Role::Medlem)
    };
    let audit_before = count(&store, "audit");
    let err = store.add_membership(&actor(), &again).unwrap_err();
    assert_eq!(
        err.report(Lang::Nb).fields[0],
        FieldMessage {
            field: "person".into(),
            message: "Aud har allerede en plass i dette utvalget i en periode som overlapper (01.01.2026–31.12.2027)."
                .into()
        }
    );
    assert_eq!(count(&store, "membership"), 1);
    assert_eq!(count(&store, "audit"), audit_before);

    // After the first seat ends, the same person may take another seat.
    store
        .end_membership(
            &actor(),
            &first.id,
            NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
            "Bytter plass",
        )
        .unwrap();
    store.add_membership(&actor(), &again).unwrap();
    assert_eq!(count(&store, "membership"), 2);
}

#[test]
fn a_failed_membership_write_leaves_no_new_person_behind() {
    let mut store = store();
    let input = new_member("no-such-council", "Ola", SeatCategory::SENIOR, Role::Medlem);
    let err = store.add_membership(&actor(), &input).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(count(&store, "person"), 0);
    assert_eq!(count(&store, "audit"), 0);
}

#[test]
fn ending_a_seat_keeps_the_history_and_opens_the_seat() {
    let (mut store, council, m) = stavern_with_member("Eva", SeatCategory::VOLUNTEER, Role::Medlem);
    let early = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let err = store.end_membership(&actor(), &m.id, early, "").unwrap_err();
    assert_eq!(invalid_fields(err), [("endedOn".into(), "validation.end_before_start")]);

    let ended = store.end_membership(&actor(), &m.id, today(), " Flyttet ").unwrap();
    assert_eq!((ended.ended_on, ended.end_reason.as_str()), (Some(today()), "Flyttet"));
    let detail = store.council_detail(&council.id, today(), Lang::Nb).unwrap();
    assert!(detail.current.is_empty());
    assert_eq!(detail.former.len(), 1);
    assert_eq!(detail.composition.seats_vacant, 6);

    let twice = store.end_membership(&actor(), &m.id, today(), "").unwrap_err();
    assert_eq!(twice.code(), "conflict");
    let log = store.audit_log(Some(&m.id)).unwrap();
    assert!(log
        .iter()
        .any(|e| e.field == "endedOn" && e.new.as_deref() == Some("2026-11-22")));
}

#[test]
fn editing_a_seat_updates_the_person_in_the_same_write() {
    let (mut store, council, m) = stavern_with_member("Eva", SeatCategory::VOLUNTEER, Role::Medlem);
    let edit = MembershipEdit {
        person: PersonInput {
            name: "Eva Frivillig".into(),
            email: "eva@example.no".into(),
            phone: "900 00 000".into(),
            gender: Some(Gender::Female),
        },
        category: SeatCategory::VOLUNTEER,
        role: Role::Leder,
        organisation: "Stavern Røde Kors".into(),
        term_from: m.term_from,
        term_to: m.term_to,
    };
    let updated = store.update_membership(&actor(), &m.id, &edit).unwrap();
    assert_eq!(
        (updated.person.name.as_str(), updated.role),
        ("Eva Frivillig", Role::Leder)
    );

    let bad = MembershipEdit {
        person: PersonInput {
            email: "eva.example.no".into(),
            ..edit.person.clone()
        },
        role: Role::Medlem,
        ..edit.clone()
    };
    let err = store.update_membership(&actor(), &m.id, &bad).unwrap_err();
    assert_eq!(
        invalid_fields(err),
        [("person.email".into(), "validation.email_invalid")]
    );
    let unchanged = store.memberships_of_council(&council.id).unwrap();
    assert_eq!(unchanged[0].role, Role::Leder);
}

#[test]
fn upcoming_seats_are_listed_apart() {
    let mut store = store();
    let council = store.create_council(&actor(), &stavern()).unwrap();
    let mut input = new_member(&council.id, "Framtid", SeatCategory::SPORTS, Role::Medlem);
    input.term_from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    store.add_membership(&actor(), &input).unwrap();
    let detail = store.council_detail(&council.id, today(), Lang::Nb).unwrap();
    assert_eq!(
        (detail.current.len(), detail.upcoming.len(), detail.former.len()),
        (0, 1, 0)
    );
}

#[test]
fn demo_data_has_three_councils_a_vacancy_and_a_term_ending_soon() {
    let mut store = store();
    let summary = store.load_demo(&actor(), today()).unwrap();
    assert_eq!(summary.councils, 3);
    let councils = store.council_summaries(today(), Lang::Nb).unwrap();
    assert_eq!(councils.len(), 3);
    let kinds: std::collections::HashSet<_> = councils.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), 3);
    assert!(councils.iter().any(|c| c.seats_vacant > 0));
    let notices: Vec<Notice> = store
        .health(today(), Lang::Nb)
        .unwrap()
        .councils
        .into_iter()
        .flat_map(|c| c.composition.notices)
        .collect();
    assert!(notices.iter().any(|n| n.kind == NoticeKind::TermEnding));
    assert!(notices.iter().any(|n| n.kind == NoticeKind::GenderBalance));

    let again = store.load_demo(&actor(), today()).unwrap_err();
    assert_eq!(again.code(), "conflict");
    assert_eq!(store.councils().unwrap().len(), 3);
}

#[test]
fn health_of_a_sound_file_is_sound() {
    let mut store = store();
    store.load_demo(&actor(), today()).unwrap();
    let health = store.health(today(), Lang::Nb).unwrap();
    assert!(health.sound);
    assert_eq!(health.integrity, ["ok"]);
    assert_eq!(health.foreign_key_violations, 0);
    assert_eq!(health.councils.len(), 3);
}

#[test]
fn councils_are_found_by_id_exact_name_or_part_of_name() {
    let mut store = store();
    store.load_demo(&actor(), today()).unwrap();
    let lyngvik = &store.find_councils("lyngvik nærmiljøutvalg").unwrap()[0];
    assert_eq!(
        store.find_councils(&lyngvik.id).unwrap()[0].name,
        "Lyngvik nærmiljøutvalg"
    );
    assert_eq!(store.find_councils("Storlia").unwrap().len(), 1);
    assert_eq!(store.find_councils("utval").unwrap().len(), 3);
    assert!(store.find_councils("Ingensteds").unwrap().is_empty());
}

#[test]
fn the_member_forms_people_search_ignores_case_keeps_aeoa_apart_and_stops_at_the_limit() {
    let mut store = store();
    let council = store.create_council(&actor(), &stavern()).unwrap();
    for (name, category) in [
        ("Øystein Ås", SeatCategory::SENIOR),
        ("Åse Berg", SeatCategory::SCHOOL),
        ("Aslak Nilsen", SeatCategory::SPORTS),
        ("Berit Bøkeskogen", SeatCategory::BUSINESS),
    ] {
        store
            .add_membership(&actor(), &new_member(&council.id, name, category, Role::Medlem))
            .unwrap();
    }
    let names = |query: &str, limit: usize| -> (Vec<String>, bool) {
        let found = store.find_people(query, limit).unwrap();
        (found.people.into_iter().map(|p| p.name).collect(), found.more)
    };
    assert_eq!(names("øy", 10).0, ["Øystein Ås"]);
    assert_eq!(
        names("ØYSTEIN", 10).0,
        ["Øystein Ås"],
        "upper case finds lower case, ø included"
    );
    assert_eq!(names("bøkeskogen", 10).0, ["Berit Bøkeskogen"]);
    assert_eq!(names("  berg ", 10).0, ["Åse Berg"], "spaces around are ignored");
    assert_eq!(names("as", 10).0, ["Aslak Nilsen"], "a is not å");
    assert_eq!(
        names("å", 10).0,
        ["Øystein Ås", "Åse Berg"],
        "by the Norwegian alphabet: ø before å"
    );
    assert_eq!(
        names("", 2),
        (vec!["Aslak Nilsen".to_owned(), "Berit Bøkeskogen".to_owned()], true)
    );
    assert!(!names("", 4).1, "no more than the four");
    assert_eq!(names("ingen slik", 10), (vec![], false));
}

/// Councils and people are listed in the one Norwegian order: æ, ø and å
/// after z, whatever the case.
#[test]
fn lists_of_names_are_in_norwegian_order() {
    let mut s = store();
    for name in [
        "Åsen grendeutvalg",
        "ørsta nærmiljøutvalg",
        "Berg grendeutvalg",
        "Ærfugl vel",
    ] {
        s.create_council(&actor(), &CouncilInput::named(name, SeatPlan::new(1, 0, 0, 0, 0)))
            .unwrap();
    }
    let names: Vec<String> = s.councils().unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "Berg grendeutvalg",
            "Ærfugl vel",
            "ørsta nærmiljøutvalg",
            "Åsen grendeutvalg"
        ]
    );
}

//! Seat categories follow the kommune profile (migration 18): Sør-Odal's
//! seats set up without code, writes held to the profile, a removed
//! category kept for history, and the migration from every earlier schema.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rusqlite::Connection;

use super::test_fixtures::{meeting_input, member_input, table_rows};
use super::*;
use crate::error::CoreError;
use crate::model::{ProfileEntry, ProfileNames};
use crate::rules::profile as rules;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn coordinator(day: u32) -> Actor {
    Actor::new("Kari Koordinator", at(day))
}

const GRENDER: [(&str, &str); 7] = [
    ("oppstad", "Oppstad"),
    ("sander", "Sander"),
    ("slastad", "Slåstad"),
    ("skarnes", "Skarnes"),
    ("ullern", "Ullern"),
    ("galterud", "Galterud"),
    ("finnholt", "Finnholt"),
];

/// A profile entry named in bokmål, nynorsk and English.
fn entry(key: &str, nb: &str, nn: &str, en: &str) -> ProfileEntry {
    ProfileEntry {
        key: key.into(),
        names: ProfileNames::new(nb, nn, en),
    }
}

/// Saves `profile` as the coordinator on `day` December.
fn save(store: &mut Store, day: u32, profile: &KommuneProfile) {
    store
        .save_profile(&coordinator(day), profile, today(), Lang::Nb)
        .unwrap();
}

/// A council named `name` with `seat_plan`, created by the coordinator on 2 December.
fn create_council(store: &mut Store, name: &str, seat_plan: SeatPlan) -> Result<Council> {
    store.create_council(&coordinator(2), &CouncilInput::named(name, seat_plan))
}

/// Sør-Odal's seats: one per grend and a representative of the kommune.
fn sor_odal() -> KommuneProfile {
    let mut seat_categories: Vec<ProfileEntry> =
        GRENDER.iter().map(|(key, name)| entry(key, name, name, name)).collect();
    seat_categories.push(entry(
        "kommunen",
        "Kommunens representant",
        "Kommunen sin representant",
        "The municipality's representative",
    ));
    KommuneProfile {
        kommune: "Sør-Odal".into(),
        seat_categories,
        ..rules::default_profile()
    }
}

fn sor_odal_plan() -> SeatPlan {
    SeatPlan::of(
        GRENDER
            .iter()
            .map(|(key, _)| (SeatCategory::new(*key), 1))
            .chain([(SeatCategory::new("kommunen"), 1)]),
    )
}

fn fields(err: CoreError) -> Vec<String> {
    err.report(Lang::Nb).fields.into_iter().map(|f| f.field).collect()
}

#[test]
fn sor_odals_seats_are_set_up_without_code_and_the_composition_follows_them() {
    let mut store = Store::open_in_memory().unwrap();
    save(&mut store, 2, &sor_odal());
    let council = create_council(&mut store, "Sør-Odal grendeutvalg", sor_odal_plan()).unwrap();
    assert_eq!(council.seat_plan.total(), 8);
    for (name, key, role) in [
        ("Aud Oppstad", "oppstad", Role::Leder),
        ("Bjørn Skarnes", "skarnes", Role::Medlem),
        ("Kari Kommune", "kommunen", Role::Medlem),
    ] {
        let input = member_input(&council.id, name, SeatCategory::new(key), role, today());
        store.add_membership(&coordinator(2), &input).unwrap();
    }
    let detail = store.council_detail(&council.id, today(), Lang::Nb).unwrap();
    let c = &detail.composition;
    let listed: Vec<&str> = c.categories.iter().map(|s| s.category.key()).collect();
    assert_eq!(
        listed,
        ["oppstad", "sander", "slastad", "skarnes", "ullern", "galterud", "finnholt", "kommunen"],
        "in the profile's order"
    );
    assert_eq!((c.seats_planned, c.seats_filled, c.seats_vacant), (8, 3, 5));
    assert!(
        c.notices.iter().any(|n| n.message == "Slåstad: 1 ledig plass."),
        "{:?}",
        c.notices
    );
    let members: Vec<&str> = detail.current.iter().map(|m| m.category.key()).collect();
    assert_eq!(
        members,
        ["oppstad", "skarnes", "kommunen"],
        "members by the profile's order"
    );
    let labels = store.profile_labels(Lang::Nn).unwrap();
    assert_eq!(labels.seat_category("kommunen"), "Kommunen sin representant");
    assert!(
        labels.seat_categories.iter().all(|l| !l.removed),
        "the built-in five are not held here"
    );
}

#[test]
fn a_seat_or_a_plan_outside_the_profile_is_refused_with_its_field_named() {
    let mut store = Store::open_in_memory().unwrap();
    let err = create_council(&mut store, "Sør-Odal grendeutvalg", sor_odal_plan()).unwrap_err();
    assert_eq!(fields(err).len(), 8, "every category the built-in profile lacks");
    let council = create_council(&mut store, "Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 1, 1, 2)).unwrap();
    let input = member_input(&council.id, "Ola", SeatCategory::new("skarnes"), Role::Medlem, today());
    let err = store.add_membership(&coordinator(2), &input).unwrap_err();
    let report = err.report(Lang::Nb);
    assert_eq!(report.fields[0].field, "category");
    assert!(
        report.fields[0].message.contains("«skarnes»"),
        "{}",
        report.fields[0].message
    );
    assert!(store.memberships_of_council(&council.id).unwrap().is_empty());
}

#[test]
fn a_removed_category_is_kept_for_history_named_by_its_last_name_and_marked() {
    let mut store = Store::open_in_memory().unwrap();
    let council = create_council(&mut store, "Skarnes grendeutvalg", SeatPlan::new(1, 1, 1, 1, 2)).unwrap();
    let input = member_input(&council.id, "Aud", SeatCategory::SENIOR, Role::Leder, today());
    let aud = store.add_membership(&coordinator(2), &input).unwrap();
    // The coordinator renames «Senior» and later removes it.
    let mut renamed = sor_odal();
    renamed
        .seat_categories
        .push(entry("senior", "Eldre", "Eldre", "Elderly"));
    save(&mut store, 3, &renamed);
    save(&mut store, 4, &sor_odal());

    let labels = store.profile_labels(Lang::Nb).unwrap();
    let senior = labels.seat_categories.iter().find(|l| l.key == "senior").unwrap();
    assert_eq!((senior.name.as_str(), senior.removed), ("Eldre (fjernet)", true));
    let keys: Vec<&str> = labels.seat_categories.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(
        keys[8..],
        ["business", "school", "senior", "sports", "volunteer"],
        "removed ones after the profile's"
    );
    let detail = store.council_detail(&council.id, today(), Lang::Nb).unwrap();
    let senior = detail
        .composition
        .categories
        .iter()
        .find(|s| s.category == SeatCategory::SENIOR)
        .expect("a removed category its members hold is still counted");
    assert_eq!((senior.planned, senior.filled), (1, 1));
    assert_eq!(detail.current[0].category, SeatCategory::SENIOR);

    // Aud's seat may be edited and keep its removed category; the plan may
    // keep the seats it has; a new seat in it is refused.
    let edit = MembershipEdit {
        person: PersonInput {
            name: "Aud Ås".into(),
            email: String::new(),
            phone: String::new(),
            gender: None,
        },
        category: SeatCategory::SENIOR,
        role: Role::Leder,
        organisation: String::new(),
        term_from: today(),
        term_to: None,
    };
    store.update_membership(&coordinator(5), &aud.id, &edit).unwrap();
    let mut input = council.input();
    input.mandate = "Nytt mandat".into();
    store.update_council(&coordinator(5), &council.id, &input).unwrap();
    let again = member_input(&council.id, "Berit", SeatCategory::SENIOR, Role::Medlem, today());
    assert_eq!(
        fields(store.add_membership(&coordinator(5), &again).unwrap_err()),
        ["category"]
    );
}

#[test]
fn a_meeting_of_the_profiles_own_kind_is_planned_and_named_and_another_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let mut profile = sor_odal();
    profile
        .meeting_kinds
        .push(entry("grendemote", "Grendemøte", "Grendemøte", "Village meeting"));
    save(&mut store, 2, &profile);
    let council = create_council(&mut store, "Sør-Odal grendeutvalg", sor_odal_plan()).unwrap();
    let mut input = meeting_input(&council.id, NaiveDate::from_ymd_opt(2027, 3, 12).unwrap());
    input.kind = MeetingKind::new("dugnad");
    assert_eq!(
        fields(store.create_meeting(&coordinator(2), &input).unwrap_err()),
        ["kind"]
    );
    input.kind = MeetingKind::new("grendemote");
    let meeting = store.create_meeting(&coordinator(2), &input).unwrap();
    let detail = store.meeting_detail(&meeting.id, Lang::En).unwrap();
    assert_eq!(detail.names.get(Lang::En).meeting_kind("grendemote"), "Village meeting");

    // Removed from the profile, the meeting keeps its kind, named as removed, and may still be edited.
    save(&mut store, 3, &sor_odal());
    let labels = store.profile_labels(Lang::Nb).unwrap();
    assert_eq!(labels.meeting_kind("grendemote"), "Grendemøte (fjernet)");
    input.place = "Skarnes samfunnshus".into();
    store.update_meeting(&coordinator(4), &meeting.id, &input).unwrap();
    let again = meeting_input(&council.id, NaiveDate::from_ymd_opt(2027, 4, 12).unwrap());
    let again = MeetingInput {
        kind: MeetingKind::new("grendemote"),
        ..again
    };
    assert_eq!(
        fields(store.create_meeting(&coordinator(4), &again).unwrap_err()),
        ["kind"]
    );
}

/// Rows a file at schema `version` is filled with before it is opened: two
/// councils with their seat plans and members, and (from migration 2) a
/// joint meeting; (from migration 16) a kommune profile of its own.
fn fill(conn: &Connection, version: usize) {
    conn.execute_batch(
        "INSERT INTO council (id, name, kind, malform, legal_mode, seats_senior, seats_school, seats_sports,
            seats_business, seats_volunteer, created_at, updated_at)
         VALUES ('c1', 'Stavern nærmiljøutvalg', 'naermiljoutvalg', 'bokmal', 'voluntary', 1, 1, 1, 1, 2, 't', 't'),
                ('c2', 'Brunlanes grendeutvalg', 'grendeutvalg', 'nynorsk', 'formal', 0, 2, 0, 0, 3, 't', 't');
         INSERT INTO person (id, name, created_at, updated_at) VALUES ('p1', 'Aud', 't', 't'), ('p2', 'Bjørn', 't', 't');
         INSERT INTO membership (id, council_id, person_id, category, role, term_from, created_at, updated_at)
         VALUES ('m1', 'c1', 'p1', 'senior', 'leder', '2026-01-01', 't', 't'),
                ('m2', 'c2', 'p2', 'volunteer', 'medlem', '2026-01-01', 't', 't');",
    )
    .unwrap();
    if version >= 2 {
        conn.execute_batch(
            "INSERT INTO meeting (id, council_id, kind, date, starts_at, status, created_at, updated_at)
             VALUES ('e1', 'c1', 'joint', '2026-03-12', '18:00:00', 'planned', 't', 't')",
        )
        .unwrap();
    }
    if version >= 16 {
        let mut profile = rules::default_profile();
        profile.kommune = "Larvik".into();
        profile.issued_at = at(1);
        profile.seat_categories[0].names.nb = "Eldre".into();
        conn.execute(
            "INSERT INTO kommune_profile (id, kommune, issued_at, body, saved_at) VALUES (1, 'Larvik', ?1, ?2, 't')",
            [
                crate::store::codec::instant(at(1)),
                serde_json::to_string(&profile).unwrap(),
            ],
        )
        .unwrap();
    }
}

#[test]
fn the_migration_from_every_earlier_schema_loses_no_row_and_lifts_the_fixed_lists() {
    let dir = tempfile::tempdir().unwrap();
    // Every schema before migration 18 (the one that lifts the fixed lists),
    // filled with rows in that schema's shape, opened at the newest.
    assert!(known_version() >= 18);
    for version in 1..18 {
        let path = dir.path().join(format!("v{version}.grendebok"));
        let before: Vec<(String, i64)> = {
            let mut conn = Connection::open(&path).unwrap();
            conn.execute_batch("PRAGMA journal_mode = WAL").unwrap();
            people::register_fold(&conn).unwrap();
            migrations().to_version(&mut conn, version).unwrap();
            fill(&conn, version);
            let mut stmt = conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .unwrap();
            let tables: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            tables
                .into_iter()
                .map(|t| {
                    let n = conn
                        .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                        .unwrap();
                    (t, n)
                })
                .collect()
        };
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("schema {version}: {e}"));
        let after = table_rows(&store);
        for (table, rows) in &before {
            let now = after.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
            assert!(
                now >= Some(*rows),
                "schema {version}: {table} had {rows} rows, now {now:?}"
            );
        }
        let plans: Vec<(String, SeatPlan)> = store
            .councils()
            .unwrap()
            .into_iter()
            .map(|c| (c.name, c.seat_plan))
            .collect();
        assert_eq!(
            plans,
            [
                ("Brunlanes grendeutvalg".to_owned(), SeatPlan::new(0, 2, 0, 0, 3)),
                ("Stavern nærmiljøutvalg".to_owned(), SeatPlan::new(1, 1, 1, 1, 2)),
            ],
            "schema {version}"
        );
        let strict: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' AND strict = 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(strict, 0, "schema {version}: every table STRICT");
        let problems: i64 = store
            .conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(problems, 0, "schema {version}");
        if version >= 16 {
            let labels = store.profile_labels(Lang::Nb).unwrap();
            assert_eq!(labels.seat_category("senior"), "Eldre", "schema {version}");
            let saved: i64 = store
                .conn
                .query_row("SELECT count(*) FROM profile_name", [], |r| r.get(0))
                .unwrap();
            assert_eq!(saved, 13, "schema {version}: 5 categories, 4 duties, 4 kinds");
        }
        // The fixed lists are gone: a profile's own category and kind are stored.
        let mut profile = sor_odal();
        profile.issued_at = at(20);
        save(&mut store, 20, &profile);
        let input = member_input("c1", "Kari", SeatCategory::new("kommunen"), Role::Medlem, today());
        store.add_membership(&coordinator(20), &input).unwrap();
        if version >= 2 {
            store
                .conn
                .execute("UPDATE meeting SET kind = 'grendemote' WHERE id = 'e1'", [])
                .unwrap();
        }
        let labels = store.profile_labels(Lang::Nb).unwrap();
        assert_eq!(
            labels.seat_category("senior"),
            if version >= 16 {
                "Eldre (fjernet)"
            } else {
                "Senior (fjernet)"
            }
        );
    }
}

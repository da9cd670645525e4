//! Access requests and erasure of former members.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;

fn actor() -> Actor {
    Actor::new("Kari", Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_persons_export_holds_their_seats_meetings_and_changes() {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(&actor(), today()).unwrap();
    let astrid = store
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Astrid Kvalvik")
        .unwrap();
    let export = store.person_export(&astrid.id).unwrap();
    assert_eq!(export.council_names, ["Lyngvik nærmiljøutvalg"]);
    assert_eq!(export.memberships.len(), 1);
    assert_eq!(export.attendance.len(), 2, "two held demo meetings");
    assert!(export
        .changes
        .iter()
        .any(|c| c.field == "name" && c.new.as_deref() == Some("Astrid Kvalvik")));
    let json = serde_json::to_string(&export).unwrap();
    assert!(json.contains("astrid.kvalvik@eksempel.no"));
}

#[test]
fn an_erased_former_member_is_gone_from_the_file_its_wal_and_the_newest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grendebok.sqlite3");
    let mut store = Store::create(&path).unwrap();
    store.load_demo(&actor(), today()).unwrap();
    store.backup(backup::BackupKind::Manual, actor().at).unwrap();
    let lyngvik = store.find_councils("Lyngvik").unwrap()[0].id.clone();
    let einar = store
        .memberships_of_council(&lyngvik)
        .unwrap()
        .into_iter()
        .find(|m| m.person.name == "Einar Bråthen")
        .unwrap();

    // A sitting member cannot be erased.
    let err = store.erase_person(&actor(), &einar.person.id, today()).unwrap_err();
    assert_eq!(err.code(), "conflict");

    // Named in a decision, too.
    let meeting = store.meetings_of_council(&lyngvik).unwrap()[0].id.clone();
    let item = store.meeting_detail(&meeting, Lang::Nb).unwrap().items[0].id.clone();
    let record = ItemRecord {
        decision: "Einar Bråthen takker for seg etter mange år.".into(),
        votes: None,
        closed: false,
        closed_basis: String::new(),
    };
    store.record_item(&actor(), &item, &record).unwrap();
    store.end_membership(&actor(), &einar.id, today(), "Flyttet").unwrap();

    let alias = store.erase_person(&actor(), &einar.person.id, today()).unwrap();
    assert!(alias.starts_with("Tidligere medlem "));
    let detail = store.council_detail(&lyngvik, today(), Lang::Nb).unwrap();
    assert_eq!(
        detail.former[0].person.name, alias,
        "the seat's history keeps a pseudonym"
    );
    let decision = &store.meeting_detail(&meeting, Lang::Nb).unwrap().items[0].decision;
    assert_eq!(decision, &format!("{alias} takker for seg etter mange år."));

    let newest = backup::list(&path).unwrap().into_iter().next().unwrap();
    let files = [
        path.clone(),
        PathBuf::from(format!("{}-wal", path.display())),
        PathBuf::from(newest.path),
    ];
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        for secret in ["Einar Bråthen", "einar.brathen@eksempel.no"] {
            assert!(!contains(&bytes, secret), "{secret} is still in {}", file.display());
        }
    }
    drop(store);
    assert!(Store::open(&path).unwrap().health(today(), Lang::Nb).unwrap().sound);
}

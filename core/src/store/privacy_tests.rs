//! Access requests and erasure of former members.

use chrono::{NaiveDate, TimeZone, Utc};

use super::test_fixtures::{assert_says, decided, demo_store};
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
    let store = demo_store(&actor(), today());
    let astrid = astrid(&store);
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

/// The app's "Innsyn i egne opplysninger": the same export as a JSON file,
/// named after the person; never written over the store itself.
#[test]
fn an_access_request_is_saved_as_a_json_file_and_never_over_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grendebok.sqlite3");
    let mut store = Store::create(&path).unwrap();
    store.load_demo(&actor(), today()).unwrap();
    let astrid = astrid(&store);
    let name = store.person_export_file_name(&astrid.id, today(), Lang::Nb).unwrap();
    assert_eq!(name, "Innsyn Astrid Kvalvik 2026-11-22.json");
    let out = dir.path().join(&name);
    let export = store.export_person_data(&astrid.id, &out).unwrap();
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written, serde_json::to_value(&export).unwrap());
    assert_eq!(written["person"]["email"], "astrid.kvalvik@eksempel.no");
    for part in [
        "memberships",
        "attendance",
        "grantContacts",
        "scores",
        "inhabil",
        "mentions",
        "changes",
    ] {
        assert!(written[part].is_array(), "{part} is part of the answer: {written}");
    }

    let before = std::fs::read(&path).unwrap();
    let err = store.export_person_data(&astrid.id, &path).unwrap_err();
    assert_eq!(err.code(), "export_over_store");
    assert_eq!(std::fs::read(&path).unwrap(), before);
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
    let record = decided("Einar Bråthen takker for seg etter mange år.", None);
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

/// A former member of `council` (their seat ended today), by name.
/// Astrid Kvalvik, a member of the demo's Lyngvik council.
fn astrid(store: &Store) -> Person {
    store
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Astrid Kvalvik")
        .unwrap()
}

fn former(store: &mut Store, council: &str, name: &str) -> Person {
    let id = store.find_councils(council).unwrap()[0].id.clone();
    let seat = store
        .memberships_of_council(&id)
        .unwrap()
        .into_iter()
        .find(|m| m.person.name == name)
        .unwrap();
    store.end_membership(&actor(), &seat.id, today(), "Flyttet").unwrap();
    seat.person
}

fn pdf_text(pdf: &[u8]) -> String {
    super::meeting_tests::pdf_text(pdf)
}

#[test]
fn erasing_twice_or_a_sitting_member_is_refused_and_changes_nothing() {
    let mut store = demo_store(&actor(), today());
    let lyngvik = store.find_councils("Lyngvik").unwrap()[0].id.clone();
    let sitting = store.memberships_of_council(&lyngvik).unwrap()[0].person.clone();
    let err = store.erase_person(&actor(), &sitting.id, today()).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_says(&err, "Avslutt plassen først");

    let einar = former(&mut store, "Lyngvik", "Einar Bråthen");
    store.erase_person(&actor(), &einar.id, today()).unwrap();
    let log = store.audit_log(None).unwrap().len();
    let err = store.erase_person(&actor(), &einar.id, today()).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(err.message(Lang::Nb), "Denne personen er allerede slettet.");
    assert_eq!(store.audit_log(None).unwrap().len(), log, "nothing written");
}

#[test]
fn a_formal_bodys_approved_minutes_and_archive_are_kept_and_everything_else_is_erased() {
    let mut store = demo_store(&actor(), today());
    let midtbyen = store.find_councils("Midtbyen").unwrap()[0].clone();
    assert_eq!(midtbyen.legal_mode, LegalMode::Formal);
    let meetings = store.meetings_of_council(&midtbyen.id).unwrap();
    let approved: Vec<&MeetingSummary> = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Approved)
        .collect();
    let archived_before: Vec<(DocumentRecord, Vec<u8>)> = approved
        .iter()
        .map(|m| store.final_minutes(&m.id).unwrap().unwrap())
        .collect();
    let person = store.memberships_of_council(&midtbyen.id).unwrap()[0].person.clone();
    assert!(
        pdf_text(&archived_before[0].1).contains(&person.name),
        "the minutes name them"
    );
    // Named in the upcoming meeting's agenda, a waiver and the council's contact, too.
    let upcoming = meetings.iter().find(|m| m.status == MeetingStatus::NoticeSent).unwrap();
    let item = store.meeting_detail(&upcoming.id, Lang::Nb).unwrap().items[0].clone();
    let input = AgendaItemInput {
        kind: item.kind,
        title: item.title.clone(),
        background: format!("Spørsmål fra {}.", person.name),
        proposal: item.proposal.clone(),
        access: Default::default(),
        statement: None,
    };
    store.update_item(&actor(), &item.id, &input).unwrap();
    store
        .edit_duty(
            &actor(),
            &midtbyen.id,
            2026,
            &DutyKey::from("open_meeting"),
            &DutyEdit::Waive {
                reason: format!("Avtalt med {} i telefon.", person.name),
            },
            Lang::Nb,
        )
        .unwrap();
    let person = former(&mut store, "Midtbyen", &person.name);

    let alias = store.erase_person(&actor(), &person.id, today()).unwrap();
    assert!(alias.starts_with("Tidligere medlem "), "{alias}");
    for ((record, bytes), m) in archived_before.iter().zip(&approved) {
        let (now, now_bytes) = store.final_minutes(&m.id).unwrap().unwrap();
        assert_eq!(
            (&now.sha256, &now_bytes),
            (&record.sha256, bytes),
            "the archived minutes are kept as they were"
        );
    }
    let background = &store.meeting_detail(&upcoming.id, Lang::Nb).unwrap().items[0].background;
    assert_eq!(background, &format!("Spørsmål fra {alias}."));
    let duties = store.duties(&midtbyen.id, 2026, today(), Lang::Nb).unwrap();
    assert!(
        duties.iter().all(|d| !format!("{d:?}").contains(&person.name)),
        "{duties:?}"
    );
    let log = serde_json::to_string(&store.audit_log(None).unwrap()).unwrap();
    assert!(
        !log.contains(&person.name),
        "neither old nor new audit values name them"
    );
    assert!(!log.contains(&person.email));
    let query = SearchQuery {
        text: person.name.clone(),
        council_id: None,
        year: None,
    };
    let found = store.search(&query, Lang::Nb).unwrap();
    assert!(
        found.hits.iter().all(|h| h.parent_id != upcoming.id),
        "the search no longer finds them outside the kept minutes: {found:?}"
    );
}

#[test]
fn a_voluntary_councils_archive_is_laid_out_again_never_left_empty() {
    let mut store = demo_store(&actor(), today());
    let lyngvik = store.find_councils("Lyngvik").unwrap()[0].id.clone();
    let astrid = former(&mut store, "Lyngvik", "Astrid Kvalvik");
    // She is also the contact of an application.
    let (scheme, applications) = store.grants_of_council(&lyngvik, None).unwrap().remove(0);
    let open = applications
        .iter()
        .find(|a| a.decision.is_none() && a.withdrawn.is_none())
        .unwrap();
    let input = ApplicationInput {
        scheme_id: scheme.id.clone(),
        organisation: open.organisation.clone(),
        org_number: open.org_number.clone().unwrap_or_default(),
        contact_name: astrid.name.clone(),
        email: astrid.email.clone(),
        phone: astrid.phone.clone(),
        title: open.title.clone(),
        description: open.description.clone(),
        amount_asked: "1000".into(),
        project_budget: "2000".into(),
        received: open.received,
    };
    store.update_application(&actor(), &open.id, &input).unwrap();
    let export = store.person_export(&astrid.id).unwrap();
    assert_eq!(
        export.grant_contacts.len(),
        1,
        "the access request lists the grant contact"
    );

    let alias = store.erase_person(&actor(), &astrid.id, today()).unwrap();
    let a = store.application(&open.id).unwrap();
    assert_eq!(
        (a.contact_name.as_str(), a.email.as_str(), a.phone.as_str()),
        (alias.as_str(), "", "")
    );
    let mut checked = 0;
    for m in store.meetings_of_council(&lyngvik).unwrap() {
        for d in store.meeting_detail(&m.id, Lang::Nb).unwrap().documents {
            let (_, bytes) = match store.final_minutes(&m.id).unwrap() {
                Some(found) if found.0.id == d.id => found,
                _ => continue,
            };
            assert!(bytes.starts_with(b"%PDF"), "{} is not empty", d.file_name);
            let text = pdf_text(&bytes);
            assert!(!text.contains("Astrid Kvalvik"), "{}:\n{text}", d.file_name);
            assert!(text.contains(&alias), "{}:\n{text}", d.file_name);
            checked += 1;
        }
    }
    assert_eq!(checked, 2, "both approved minutes were laid out again");
    // The public versions were laid out again as public versions: the exempt item stays withheld.
    let mut public = 0;
    for m in store.meetings_of_council(&lyngvik).unwrap() {
        let Some((record, bytes)) = store.final_public_minutes(&m.id).unwrap() else {
            continue;
        };
        let text = pdf_text(&bytes);
        assert!(record.public && text.contains(&alias), "{}:\n{text}", record.file_name);
        for item in store.meeting_detail(&m.id, Lang::Nb).unwrap().items {
            if item.access.exempt {
                assert!(!text.contains(&item.decision), "{}:\n{text}", record.file_name);
                public += 1;
            }
        }
    }
    assert_eq!(public, 1, "the demo's exempt item was checked");
    let json = serde_json::to_string(&store.person_export(&astrid.id).unwrap()).unwrap();
    assert!(
        !json.contains("Astrid Kvalvik") && !json.contains("astrid.kvalvik"),
        "{json}"
    );
}

#[test]
fn a_nynorsk_councils_former_member_gets_a_nynorsk_pseudonym() {
    let mut store = demo_store(&actor(), today());
    let storlia = store.find_councils("Storlia").unwrap()[0].id.clone();
    let name = store.memberships_of_council(&storlia).unwrap()[0].person.name.clone();
    let person = former(&mut store, "Storlia", &name);
    let alias = store.erase_person(&actor(), &person.id, today()).unwrap();
    assert!(alias.starts_with("Tidlegare medlem "), "{alias}");
}

#[test]
fn a_later_package_cannot_bring_an_erased_person_back() {
    let dir = tempfile::tempdir().unwrap();
    // The secretary's file is Lyngvik's home; the coordinator reads its packages.
    let mut secretary = demo_store(&actor(), today());
    let lyngvik = secretary.find_councils("Lyngvik").unwrap()[0].id.clone();
    let einar = former(&mut secretary, "Lyngvik", "Einar Bråthen");
    let first = dir.path().join("first.grendebok");
    secretary.export_package(&actor(), &lyngvik, &first).unwrap();
    let mut coordinator = Store::open_in_memory().unwrap();
    coordinator.import_package(&actor(), &first, false).unwrap();

    // The kommune erases him in its file (an erasure reaches a council kept elsewhere).
    let alias = coordinator.erase_person(&actor(), &einar.id, today()).unwrap();

    // The secretary still has him, and sends a newer package.
    let later = Actor::new("Sekretær", actor().at + chrono::Duration::hours(1));
    let other = secretary
        .memberships_of_council(&lyngvik)
        .unwrap()
        .into_iter()
        .find(|m| m.sits_on(today()))
        .unwrap();
    secretary.end_membership(&later, &other.id, today(), "Flyttet").unwrap();
    let second = dir.path().join("second.grendebok");
    secretary.export_package(&later, &lyngvik, &second).unwrap();
    let at = Actor::new("Kari", actor().at + chrono::Duration::hours(2));
    coordinator.import_package(&at, &second, false).unwrap();

    let back = coordinator.person_export(&einar.id).unwrap().person;
    assert_eq!(
        (back.name.as_str(), back.email.as_str()),
        (alias.as_str(), ""),
        "erased again"
    );
    let everyone = serde_json::to_string(&coordinator.people().unwrap()).unwrap();
    assert!(!everyone.contains("Einar Bråthen"));
}

//! Every PDF Grendebok archives — notice, minutes (draft and final), grant
//! letter, statement letter, annual report — read back as PDF/A-2 and tagged, in the council's
//! målform.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::pdf::archival_tests::{assert_pdfa, assert_tagged, structure_text};

fn demo() -> (Store, Actor) {
    let mut store = Store::open_in_memory().unwrap();
    let actor = Actor::new("Kari Koordinator", Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap());
    store
        .load_demo(&actor, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        .unwrap();
    (store, actor)
}

#[test]
fn every_archived_pdf_is_pdfa_and_tagged_in_the_councils_language() {
    let (store, actor) = demo();
    let mut checked = Vec::new();
    for (query, lang) in [("lyngvik", "nb-NO"), ("storlia", "nn-NO")] {
        let council = store.find_councils(query).unwrap().remove(0);
        let meetings = store.meetings_of_council(&council.id).unwrap();
        let mut pdfs: Vec<(String, Vec<u8>)> = Vec::new();
        // One of each kind: the newest meeting's notice, the newest final minutes, any draft.
        let notice = store
            .render_document(&meetings[0].id, DocumentKind::Notice, actor.at)
            .unwrap();
        pdfs.push((notice.file_name, notice.bytes));
        let approved = meetings.iter().find(|m| m.status == MeetingStatus::Approved).unwrap();
        let (record, bytes) = store
            .final_minutes(&approved.id)
            .unwrap()
            .expect("archived at approval");
        pdfs.push((record.file_name, bytes));
        let (record, bytes) = store
            .final_public_minutes(&approved.id)
            .unwrap()
            .expect("the public version archived at approval");
        pdfs.push((record.file_name, bytes));
        for m in &meetings {
            if m.status == MeetingStatus::Held {
                let draft = store.render_document(&m.id, DocumentKind::Minutes, actor.at).unwrap();
                assert!(draft.file_name.contains("UTKAST"));
                pdfs.push((draft.file_name, draft.bytes));
            }
        }
        for (_, applications) in store.grants_of_council(&council.id, Some(2026)).unwrap() {
            for a in applications.iter().filter(|a| a.decision.is_some()).take(1) {
                let letter = store.render_letter(&a.id, actor.at).unwrap();
                pdfs.push((letter.file_name, letter.bytes));
            }
        }
        for m in meetings.iter().filter(|m| m.status == MeetingStatus::Approved) {
            for item in store.meeting_detail(&m.id, Lang::Nb).unwrap().items {
                if item.statement.is_some() {
                    let letter = store.render_statement(&item.id, actor.at).unwrap();
                    pdfs.push((letter.file_name, letter.bytes));
                }
            }
        }
        let report = store.render_annual_report(&council.id, 2026, actor.at).unwrap();
        pdfs.push((report.file_name, report.bytes));
        for (name, pdf) in &pdfs {
            let title = assert_pdfa(pdf, lang);
            assert_tagged(pdf);
            let structure = structure_text(pdf);
            assert!(structure.trim_start().starts_with("Document"), "{name}: {structure}");
            assert!(structure.contains("H1"), "{name} has a title heading");
            assert!(
                structure.contains(title.split(" – ").next().unwrap_or(&title)),
                "{name}: the title is read first: {structure}"
            );
            checked.push(name.clone());
        }
    }
    for kind in [
        "Innkalling",
        "Protokoll",
        "Protokoll UTKAST",
        "Tilsagn",
        "Uttalelse",
        "Årsmelding",
    ] {
        assert!(
            checked.iter().any(|n| n.starts_with(kind)),
            "a {kind} was checked: {checked:?}"
        );
    }
}

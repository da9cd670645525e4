//! Statements to the kommune: the item form's rules, the facts kept with the
//! item, and the letter, which is never made from a draft.

use super::meeting_tests::{
    actor, assert_contains_all, day, flat, hold_complete_meeting, item, pdf_text, signed_by, world, World,
};
use super::test_fixtures::{decided, votes, write_in_nynorsk};
use super::*;
use chrono::NaiveDate;

fn statement(case_ref: &str, deadline: Option<NaiveDate>, recipient: &str) -> AgendaItemInput {
    AgendaItemInput {
        proposal: "Utvalget støtter planen.".into(),
        statement: Some(StatementInput {
            case_ref: case_ref.into(),
            deadline,
            recipient: recipient.into(),
        }),
        ..item(ItemKind::Uttalelse, "Høring: reguleringsplan for Stavern sentrum")
    }
}

fn fields(err: CoreError) -> Vec<String> {
    match err {
        CoreError::Invalid(issues) => issues.into_iter().map(|i| i.field).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn conflict(err: CoreError) -> &'static str {
    match err {
        CoreError::Conflict(issue) => issue.key,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// A held meeting (12 March 2026) with a statement adopted 4–1; returns (meeting, item).
fn adopted_statement(w: &mut World, deadline: NaiveDate) -> (String, String) {
    let m = hold_complete_meeting(w, day(2026, 3, 12));
    let id = w
        .store
        .add_item(
            &actor(),
            &m,
            &statement("24/01234", Some(deadline), "Larvik kommune, Arealplan v/ Siri Holm"),
        )
        .unwrap();
    let record = decided(
        "Stavern nærmiljøutvalg støtter planforslaget og ber om flere sykkelparkeringer ved torget.",
        Some(votes(4, 1, 0)),
    );
    w.store.record_item(&actor(), &id, &record).unwrap();
    (m, id)
}

#[test]
fn a_statement_needs_the_kommunes_case_number_and_deadline_and_says_every_fault_at_once() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    let before = super::test_fixtures::table_rows(&w.store);
    let bad = AgendaItemInput {
        title: " ".into(),
        ..statement("   ", None, "")
    };
    let err = w.store.add_item(&actor(), &m.id, &bad).unwrap_err();
    let CoreError::Invalid(issues) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        issues.iter().map(|i| i.field.as_str()).collect::<Vec<_>>(),
        ["title", "caseRef", "deadline"]
    );
    assert!(
        issues[1].message(Lang::Nb).contains("saksnummer"),
        "{}",
        issues[1].message(Lang::Nb)
    );
    assert!(
        issues[2].message(Lang::Nn).contains("fråsegna"),
        "{}",
        issues[2].message(Lang::Nn)
    );
    assert_eq!(super::test_fixtures::table_rows(&w.store), before, "nothing written");

    // A statement without its facts at all is refused the same way.
    let none = AgendaItemInput {
        statement: None,
        ..statement("", None, "")
    };
    assert_eq!(
        fields(w.store.add_item(&actor(), &m.id, &none).unwrap_err()),
        ["caseRef", "deadline"]
    );
}

#[test]
fn the_facts_are_kept_trimmed_with_the_item_and_go_when_it_becomes_another_kind() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    // A deadline before the meeting is allowed, and marked late.
    let id = w
        .store
        .add_item(
            &actor(),
            &m.id,
            &statement("  24/01234 ", Some(day(2026, 3, 1)), " Arealplan "),
        )
        .unwrap();
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    let s = detail.items[0].statement.clone().expect("kept with the item");
    assert_eq!(
        (s.case_ref.as_str(), s.deadline, s.recipient.as_str(), s.late),
        ("24/01234", day(2026, 3, 1), "Arealplan", true)
    );

    w.store
        .update_item(&actor(), &id, &statement("24/01234", Some(day(2026, 4, 1)), ""))
        .unwrap();
    let s = w.store.meeting_detail(&m.id, Lang::Nb).unwrap().items[0]
        .statement
        .clone()
        .unwrap();
    assert_eq!((s.deadline, s.late, s.recipient.as_str()), (day(2026, 4, 1), false, ""));

    // Another kind keeps no statement, whatever the form sent along.
    let vedtak = AgendaItemInput {
        kind: ItemKind::Vedtak,
        ..statement("24/01234", Some(day(2026, 4, 1)), "")
    };
    w.store.update_item(&actor(), &id, &vedtak).unwrap();
    assert_eq!(
        w.store.meeting_detail(&m.id, Lang::Nb).unwrap().items[0].statement,
        None
    );
    let rows: i64 = w
        .store
        .conn
        .query_row("SELECT count(*) FROM agenda_statement", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn a_draft_is_never_exported_and_the_approved_statement_is_a_letter_to_the_kommune() {
    let mut w = world();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("Uttalelse.pdf");
    let m = hold_complete_meeting(&mut w, day(2026, 3, 12));
    let open = w
        .store
        .add_item(&actor(), &m, &statement("24/09999", Some(day(2026, 4, 1)), ""))
        .unwrap();
    assert_eq!(
        conflict(w.store.export_statement(&actor(), &open, &out).unwrap_err()),
        "statement.not_adopted"
    );

    let mut w = world();
    let (m, id) = adopted_statement(&mut w, day(2026, 4, 1));
    let err = w.store.export_statement(&actor(), &id, &out).unwrap_err();
    assert_eq!(
        conflict(err),
        "statement.minutes_not_approved",
        "held, not approved: a draft"
    );
    assert!(!out.exists(), "no file is written for a draft");

    w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb).unwrap();
    let letter = w.store.export_statement(&actor(), &id, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(letter.sha256, crate::pdf::sha256_hex(&bytes));
    assert_eq!(letter.file_name, "Uttalelse.pdf");
    let text = pdf_text(&bytes);
    let flat = flat(&text);
    assert_contains_all(
        &flat,
        &[
            "Stavern nærmiljøutvalg",
            "Larvik kommune, Arealplan v/ Siri Holm",
            "Vår ref.: Sak 02/26",
            "Deres ref.: 24/01234",
            "Uttalelse fra Stavern nærmiljøutvalg i sak 24/01234",
            "støtter planforslaget og ber om flere sykkelparkeringer ved torget",
            "4 for, 1 mot – vedtatt",
            "vedtatt i møte i Stavern nærmiljøutvalg 12.03.2026, sak 02/26",
            "Med vennlig hilsen",
        ],
    );
    let detail = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    let s = detail
        .items
        .iter()
        .find(|i| i.id == id)
        .unwrap()
        .statement
        .clone()
        .unwrap();
    assert_eq!(s.letters, std::slice::from_ref(&letter), "archived with its checksums");
    let saved = SavedFile::of(Lang::Nb, &out, &letter);
    assert!(saved.message.contains("Uttalelse.pdf"), "{}", saved.message);
    assert!(
        saved.details.contains(&letter.content_sha256[..12]),
        "{}",
        saved.details
    );
    assert_eq!(
        w.store.statement_file_name(&id).unwrap(),
        "Uttalelse 24-01234.pdf",
        "the kommune's case number names the file"
    );
}

#[test]
fn a_nynorsk_council_writes_its_statement_in_nynorsk() {
    let mut w = world();
    write_in_nynorsk(&mut w.store, &actor(), &w.council);
    let (m, id) = adopted_statement(&mut w, day(2026, 4, 1));
    w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nn).unwrap();
    let rendered = w.store.render_statement(&id, actor().at).unwrap();
    let flat = flat(&pdf_text(&rendered.bytes));
    assert_contains_all(
        &flat,
        &[
            "Fråsegn frå Stavern nærmiljøutvalg i sak 24/01234",
            "Dykkar ref.: 24/01234",
            "sak 02/26",
        ],
    );
}

#[test]
fn the_annual_report_lists_the_years_statements_adopted_or_not() {
    let mut w = world();
    let (m, _) = adopted_statement(&mut w, day(2026, 4, 1));
    let rejected = w
        .store
        .add_item(&actor(), &m, &statement("24/05555", Some(day(2026, 5, 2)), ""))
        .unwrap();
    let record = decided("Forslaget falt.", Some(votes(1, 4, 0)));
    w.store.record_item(&actor(), &rejected, &record).unwrap();
    w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb).unwrap();
    let report = w.store.render_annual_report(&w.council.id, 2026, actor().at).unwrap();
    let flat = flat(&pdf_text(&report.bytes));
    assert!(flat.contains("Uttalelser til kommunen"), "{flat}");
    assert_contains_all(
        &flat,
        &[
            "24/01234 Høring: reguleringsplan for Stavern sentrum 01.04.2026 12.03.2026",
            "24/05555 Høring: reguleringsplan for Stavern sentrum 02.05.2026 ikke vedtatt",
        ],
    );

    // The overview: the adopted one is owed (no letter yet), the other is not.
    let screen = w
        .store
        .overview_screen(2026, day(2026, 4, 15), Lang::Nb, &Default::default())
        .unwrap();
    let ours = &screen.statements.councils[0];
    assert_eq!((ours.open, ours.next_deadline), (1, Some(day(2026, 4, 1))));
    let statuses: Vec<(StatementStatus, bool)> = screen
        .statements
        .statements
        .iter()
        .map(|s| (s.status, s.deadline_passed))
        .collect();
    assert_eq!(
        statuses,
        [(StatementStatus::Adopted, true), (StatementStatus::NotAdopted, false)]
    );
    assert_eq!(screen.statements.statements[0].case_label.as_deref(), Some("Sak 02/26"));
}

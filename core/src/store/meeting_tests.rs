//! Meeting tests against an in-memory store: case numbers, attendance and
//! quorum, the completeness check, approval, locking and amendments.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};

pub(super) use super::test_fixtures::day;
use super::test_fixtures::{assert_says, decided, meeting_input, member_input, stavern, votes, write_in_nynorsk};
use super::*;
use crate::rules::validate::tests::invalid_fields;

pub(super) fn actor() -> Actor {
    Actor::new("Kari Sekretær", Utc.with_ymd_and_hms(2026, 3, 12, 20, 0, 0).unwrap())
}

/// A council of six seats with five members and a varamedlem.
pub(super) struct World {
    pub(super) store: Store,
    pub(super) council: Council,
    pub(super) members: Vec<Membership>,
}

pub(super) fn world() -> World {
    let (mut store, council) = stavern(&actor(), LegalMode::Formal, 2);
    let members = [
        ("Aud", SeatCategory::SENIOR, Role::Leder),
        ("Bjørn", SeatCategory::SCHOOL, Role::Medlem),
        ("Cecilie", SeatCategory::SPORTS, Role::Nestleder),
        ("Dag", SeatCategory::BUSINESS, Role::Medlem),
        ("Eva", SeatCategory::VOLUNTEER, Role::Sekretaer),
        ("Frode", SeatCategory::VOLUNTEER, Role::Varamedlem),
    ]
    .into_iter()
    .map(|(name, category, role)| {
        let input = member_input(&council.id, name, category, role, day(2026, 1, 1));
        store.add_membership(&actor(), &input).unwrap()
    })
    .collect();
    World {
        store,
        council,
        members,
    }
}

impl World {
    /// An ordinary meeting of the council on `date`.
    pub(super) fn meeting(&mut self, date: NaiveDate) -> Meeting {
        self.store
            .create_meeting(&actor(), &meeting_input(&self.council.id, date))
            .unwrap()
    }

    /// A meeting on 12 March 2026 with a vedtak on benches on its agenda,
    /// its notice sent and marked held: the meeting and the item's id.
    fn held_with_benches(&mut self) -> (Meeting, String) {
        let m = self.meeting(day(2026, 3, 12));
        let id = self.item(&m.id, ItemKind::Vedtak, "Benker");
        self.store.send_notice(&actor(), &m.id).unwrap();
        self.store.mark_held(&actor(), &m.id).unwrap();
        (m, id)
    }

    /// Records the seat's attendance at the meeting, meeting for no one.
    fn attend(&mut self, meeting_id: &str, membership_id: &str, status: AttendanceStatus) {
        let input = AttendanceInput {
            membership_id: membership_id.into(),
            status,
            substitute_for: None,
        };
        self.store.set_attendance(&actor(), meeting_id, &input).unwrap();
    }

    /// A new item of `kind` on the meeting's agenda; its id.
    fn item(&mut self, meeting_id: &str, kind: ItemKind, title: &str) -> String {
        self.store.add_item(&actor(), meeting_id, &item(kind, title)).unwrap()
    }
}

pub(super) fn item(kind: ItemKind, title: &str) -> AgendaItemInput {
    AgendaItemInput {
        kind,
        title: title.into(),
        background: String::new(),
        proposal: String::new(),
        access: Default::default(),
        statement: None,
    }
}

fn labels(detail: &MeetingDetail) -> Vec<Option<String>> {
    detail.items.iter().map(|i| i.case_label.clone()).collect()
}

fn conflict_key(err: CoreError) -> &'static str {
    match err {
        CoreError::Conflict(issue) => issue.key,
        CoreError::Invalid(issues) => issues[0].key,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn case_numbers_are_given_at_notice_in_agenda_order_and_never_reused() {
    let mut w = world();
    let m1 = w.meeting(day(2026, 3, 12));
    let first = w.item(&m1.id, ItemKind::Vedtak, "Benker i parken");
    let second = w.item(&m1.id, ItemKind::Orientering, "Nytt fra kommunen");
    w.store.move_item(&actor(), &second, -1).unwrap();
    let planned = w.store.meeting_detail(&m1.id, Lang::Nb).unwrap();
    assert_eq!(labels(&planned), [None, None], "no numbers before the notice");

    w.store.send_notice(&actor(), &m1.id).unwrap();
    let sent = w.store.meeting_detail(&m1.id, Lang::Nb).unwrap();
    assert_eq!(sent.items[0].title, "Nytt fra kommunen");
    assert_eq!(labels(&sent), [Some("Sak 01/26".into()), Some("Sak 02/26".into())]);

    // Added after the notice: numbered at once. Withdrawn: keeps its number.
    let third = w.item(&m1.id, ItemKind::Drofting, "Dugnad");
    w.store.withdraw_item(&actor(), &first).unwrap();
    let detail = w.store.meeting_detail(&m1.id, Lang::Nb).unwrap();
    let withdrawn = detail.items.iter().find(|i| i.id == first).unwrap();
    assert!(withdrawn.withdrawn);
    assert_eq!(withdrawn.case_label.as_deref(), Some("Sak 02/26"));
    assert_eq!(
        detail
            .items
            .iter()
            .find(|i| i.id == third)
            .unwrap()
            .case_label
            .as_deref(),
        Some("Sak 03/26")
    );

    // The next meeting of the year continues; a new year starts again at 1.
    let m2 = w.meeting(day(2026, 5, 7));
    w.item(&m2.id, ItemKind::Vedtak, "Budsjett");
    w.store.send_notice(&actor(), &m2.id).unwrap();
    assert_eq!(
        labels(&w.store.meeting_detail(&m2.id, Lang::Nb).unwrap()),
        [Some("Sak 04/26".into())]
    );
    let m3 = w.meeting(day(2027, 1, 14));
    w.item(&m3.id, ItemKind::Vedtak, "Årsmelding");
    w.store.send_notice(&actor(), &m3.id).unwrap();
    assert_eq!(
        labels(&w.store.meeting_detail(&m3.id, Lang::Nb).unwrap()),
        [Some("Sak 01/27".into())]
    );
}

#[test]
fn an_unnumbered_item_is_simply_removed() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    let id = w.item(&m.id, ItemKind::Vedtak, "Feilført");
    w.store.withdraw_item(&actor(), &id).unwrap();
    assert!(w.store.meeting_detail(&m.id, Lang::Nb).unwrap().items.is_empty());
}

#[test]
fn three_hundred_items_get_three_hundred_numbers() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    for n in 0..300 {
        w.store
            .add_item(
                &actor(),
                &m.id,
                &item(ItemKind::Orientering, &format!("Sak nummer {n}")),
            )
            .unwrap();
    }
    w.store.send_notice(&actor(), &m.id).unwrap();
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    let numbers: Vec<i32> = detail.items.iter().map(|i| i.case_number.unwrap().number).collect();
    assert_eq!(numbers, (1..=300).collect::<Vec<_>>());
    assert_eq!(detail.items[299].case_label.as_deref(), Some("Sak 300/26"));
    let notice = document_text(&w.store, &m.id, DocumentKind::Notice, actor().at);
    assert!(notice.contains("Sak nummer 299") && notice.contains("Sak 300/26"));
}

#[test]
fn an_empty_agenda_prints_plainly() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    w.store.send_notice(&actor(), &m.id).unwrap();
    for kind in [DocumentKind::Notice, DocumentKind::Minutes] {
        let text = document_text(&w.store, &m.id, kind, actor().at);
        assert!(text.contains("Ingen saker er satt opp."), "{text}");
    }
}

#[test]
fn the_lifecycle_moves_forward_only_by_its_steps() {
    let mut w = world();
    let mut input = meeting_input(&w.council.id, day(2026, 3, 12));
    input.place = "  ".into();
    let m = w.store.create_meeting(&actor(), &input).unwrap();
    assert_eq!(
        conflict_key(w.store.mark_held(&actor(), &m.id).unwrap_err()),
        "validation.held_needs_notice"
    );
    assert_eq!(
        conflict_key(w.store.send_notice(&actor(), &m.id).unwrap_err()),
        "validation.place_missing_for_notice"
    );
    w.store
        .update_meeting(&actor(), &m.id, &meeting_input(&w.council.id, day(2026, 3, 12)))
        .unwrap();
    let sent = w.store.send_notice(&actor(), &m.id).unwrap();
    assert_eq!(sent.status, MeetingStatus::NoticeSent);
    assert_eq!(sent.notice_sent.as_ref().unwrap().by, "Kari Sekretær");
    let held = w.store.mark_held(&actor(), &m.id).unwrap();
    assert_eq!(held.status, MeetingStatus::Held);
    assert!(held.held.is_some());
}

#[test]
fn a_status_change_can_be_undone_until_the_next_step_and_numbers_stay() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    w.item(&m.id, ItemKind::Vedtak, "Benker");
    let planned = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    assert_eq!(planned.lifecycle.undo_to, None, "nothing to undo yet");
    assert!(!planned.lifecycle.judged, "a planned meeting's checklist is not judged");
    assert_eq!(
        conflict_key(w.store.undo_status(&actor(), &m.id).unwrap_err()),
        "validation.nothing_to_undo"
    );

    // Held by a double click: undone step by step, back to planned.
    w.store.send_notice(&actor(), &m.id).unwrap();
    w.store.mark_held(&actor(), &m.id).unwrap();
    let held = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    assert_eq!(held.lifecycle.undo_to, Some(MeetingStatus::NoticeSent));
    assert!(held.lifecycle.judged);
    let back = w.store.undo_status(&actor(), &m.id).unwrap();
    assert_eq!((back.status, back.held.is_none()), (MeetingStatus::NoticeSent, true));
    assert!(back.notice_sent.is_some(), "the notice is still sent");
    let back = w.store.undo_status(&actor(), &m.id).unwrap();
    assert_eq!(
        (back.status, back.notice_sent.is_none()),
        (MeetingStatus::Planned, true)
    );
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    assert_eq!(labels(&detail), [Some("Sak 01/26".to_owned())], "the number is kept");

    // Sent again: the same number, not a new one.
    w.store.send_notice(&actor(), &m.id).unwrap();
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    assert_eq!(labels(&detail), [Some("Sak 01/26".to_owned())]);

    // Approved minutes are locked: no undo.
    let approved_id = hold_complete_meeting(&mut w, day(2026, 3, 20));
    w.store
        .approve_minutes(&actor(), &approved_id, &signed_by(&w), Lang::Nb)
        .unwrap();
    let approved = w.store.meeting_detail(&approved_id, Lang::Nb).unwrap();
    assert_eq!(approved.lifecycle.undo_to, None);
    assert!(w.store.undo_status(&actor(), &approved_id).is_err());
}

#[test]
fn the_days_to_the_meeting_are_known_for_the_question_before_marking_it_held() {
    let mut w = world();
    let m = w.meeting(day(2027, 1, 20));
    let on = |today| {
        w.store
            .meeting_detail_on(&m.id, Lang::Nb, today)
            .unwrap()
            .lifecycle
            .days_until
    };
    assert_eq!(on(day(2026, 12, 4)), Some(47));
    assert_eq!(on(day(2027, 1, 20)), Some(0));
    assert_eq!(on(day(2027, 1, 21)), Some(-1));
}

#[test]
fn votes_cannot_outnumber_those_who_could_vote() {
    let mut w = world();
    let (m, id) = w.held_with_benches();
    let first_three: Vec<String> = w.members[..3].iter().map(|m| m.id.clone()).collect();
    for id in first_three {
        w.attend(&m.id, &id, AttendanceStatus::Present);
    }
    let record = |for_: i32| decided("Vedtatt.", Some(votes(for_, 0, 0)));
    let err = w.store.record_item(&actor(), &id, &record(12)).unwrap_err();
    let report = err.report(Lang::Nb);
    assert_eq!(report.fields[0].message, "12 stemmer, men bare 3 kunne stemme.");
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    assert_eq!(detail.items[0].decision, "", "nothing was written");
    w.store.record_item(&actor(), &id, &record(3)).unwrap();
}

#[test]
fn quorum_is_per_item_and_an_inhabil_member_is_counted_out() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    let grant = w.item(&m.id, ItemKind::Vedtak, "Tilskudd til idrettslaget");
    let other = w.item(&m.id, ItemKind::Vedtak, "Benker");
    // Aud, Bjørn and Cecilie present; Dag excused; Eva absent; Frode meets for Dag.
    let [aud, bjorn, cecilie, dag, eva, frode] = &w.members[..] else {
        unreachable!()
    };
    for (m_id, status, substitute_for) in [
        (&aud.id, AttendanceStatus::Present, None),
        (&bjorn.id, AttendanceStatus::Present, None),
        (&cecilie.id, AttendanceStatus::Present, None),
        (&dag.id, AttendanceStatus::Excused, None),
        (&eva.id, AttendanceStatus::Absent, None),
        (&frode.id, AttendanceStatus::Present, Some(dag.id.clone())),
    ] {
        w.store
            .set_attendance(
                &actor(),
                &m.id,
                &AttendanceInput {
                    membership_id: m_id.clone(),
                    status,
                    substitute_for,
                },
            )
            .unwrap();
    }
    w.store
        .set_item_inhabil(&actor(), &grant, &cecilie.id, "Styreleder i idrettslaget")
        .unwrap();
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    let q = |id: &str| detail.items.iter().find(|i| i.id == id).unwrap().quorum;
    assert_eq!((q(&other).voting, q(&other).required, q(&other).quorate), (4, 3, true));
    assert_eq!((q(&grant).voting, q(&grant).inhabil, q(&grant).quorate), (3, 1, true));
    let frode_row = detail.attendance.iter().find(|r| r.membership_id == frode.id).unwrap();
    assert_eq!(frode_row.substitute_for_name.as_deref(), Some("Dag"));

    // A second inhabilitet takes the grant item below quorum.
    w.store
        .set_item_inhabil(&actor(), &grant, &bjorn.id, "Trener på laget")
        .unwrap();
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    let grant_item = detail.items.iter().find(|i| i.id == grant).unwrap();
    assert_eq!((grant_item.quorum.voting, grant_item.quorum.quorate), (2, false));

    // Only those present can leave for an item; only a varamedlem meets for someone.
    assert_eq!(
        conflict_key(w.store.set_item_inhabil(&actor(), &grant, &eva.id, "x").unwrap_err()),
        "validation.inhabil_not_present"
    );
    let bad = AttendanceInput {
        membership_id: bjorn.id.clone(),
        status: AttendanceStatus::Present,
        substitute_for: Some(dag.id.clone()),
    };
    assert_eq!(
        conflict_key(w.store.set_attendance(&actor(), &m.id, &bad).unwrap_err()),
        "validation.substitute_invalid"
    );
}

/// Holds a complete meeting: everyone's attendance, a decision on every item.
pub(super) fn hold_complete_meeting(w: &mut World, date: NaiveDate) -> String {
    let mut input = meeting_input(&w.council.id, date);
    input.ends_at = NaiveTime::from_hms_opt(20, 0, 0);
    let m = w.store.create_meeting(&actor(), &input).unwrap();
    let id = w.item(&m.id, ItemKind::Vedtak, "Godkjenning av innkalling");
    w.store.send_notice(&actor(), &m.id).unwrap();
    w.store.mark_held(&actor(), &m.id).unwrap();
    for member in w.members.clone() {
        let status = if member.role == Role::Varamedlem {
            AttendanceStatus::Absent
        } else {
            AttendanceStatus::Present
        };
        w.attend(&m.id, &member.id, status);
    }
    // Aud (leder) chairs; Eva (sekretær) takes the minutes.
    let roles = MeetingRoles {
        chair_id: Some(w.members[0].id.clone()),
        minute_taker_id: Some(w.members[4].id.clone()),
        minute_taker_name: String::new(),
    };
    w.store.set_meeting_roles(&actor(), &m.id, &roles).unwrap();
    let record = decided("Innkallingen godkjennes.", None);
    w.store.record_item(&actor(), &id, &record).unwrap();
    m.id
}

pub(super) fn signed_by(w: &World) -> Approval {
    Approval::Signatories {
        membership_ids: vec![w.members[0].id.clone(), w.members[4].id.clone()],
    }
}

#[test]
fn incomplete_minutes_are_refused_with_the_list_of_what_is_missing() {
    let mut w = world();
    let (m, _) = w.held_with_benches();
    let err = w
        .store
        .approve_minutes(&actor(), &m.id, &signed_by(&w), Lang::Nb)
        .unwrap_err();
    let message = err.message(Lang::Nb);
    assert!(
        message.starts_with("Protokollen kan ikke godkjennes ennå."),
        "{message}"
    );
    for gap in [
        "Tidspunktet møtet sluttet mangler.",
        "Oppmøte er ikke registrert for Aud.",
        "Sak 01/26 mangler vedtak.",
    ] {
        assert!(message.contains(gap), "{gap} is listed in: {message}");
    }
    assert_eq!(
        w.store.meeting(&m.id).unwrap().status,
        MeetingStatus::Held,
        "nothing changed"
    );
}

#[test]
fn approved_minutes_are_locked_and_corrections_show_in_the_next_minutes() {
    let mut w = world();
    let m = hold_complete_meeting(&mut w, day(2026, 3, 12));
    let detail = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    assert!(detail.missing.is_empty(), "{:?}", detail.missing);

    // Signatories must be two different members who were present.
    let varamedlem = Approval::Signatories {
        membership_ids: vec![w.members[0].id.clone(), w.members[5].id.clone()],
    };
    assert_eq!(
        conflict_key(
            w.store
                .approve_minutes(&actor(), &m, &varamedlem, Lang::Nb)
                .unwrap_err()
        ),
        "validation.signatories"
    );
    let approved = w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb).unwrap();
    assert_eq!(approved.status, MeetingStatus::Approved);
    assert_eq!(approved.approval, Some(signed_by(&w)));

    // Locked: every change is refused with a clear message.
    let item_id = detail.items[0].id.clone();
    let locked = [
        w.store
            .add_item(&actor(), &m, &item(ItemKind::Vedtak, "For sent"))
            .unwrap_err(),
        w.store
            .update_item(&actor(), &item_id, &item(ItemKind::Vedtak, "Endret"))
            .unwrap_err(),
        w.store.withdraw_item(&actor(), &item_id).unwrap_err(),
        w.store
            .update_meeting(&actor(), &m, &meeting_input(&w.council.id, day(2026, 3, 13)))
            .unwrap_err(),
    ];
    for err in locked {
        assert_eq!(err.code(), "conflict");
        assert!(err.message(Lang::Nb).starts_with("Protokollen er godkjent og låst."));
    }

    // A correction is an amendment, reported in the next minutes.
    w.store
        .add_amendment(&actor(), &m, "Eva var til stede fra kl. 18:30.")
        .unwrap();
    assert_eq!(w.store.meeting_detail(&m, Lang::Nb).unwrap().amendments.len(), 1);
    let next = hold_complete_meeting(&mut w, day(2026, 4, 16));
    let next_detail = w.store.meeting_detail(&next, Lang::Nb).unwrap();
    assert_eq!(next_detail.earlier_amendments.len(), 1);
    assert_eq!(
        next_detail.earlier_amendments[0].text,
        "Eva var til stede fra kl. 18:30."
    );
    w.store
        .approve_minutes(&actor(), &next, &signed_by(&w), Lang::Nb)
        .unwrap();
    // Once reported, it does not show again in a third meeting.
    let third = hold_complete_meeting(&mut w, day(2026, 5, 21));
    assert!(w
        .store
        .meeting_detail(&third, Lang::Nb)
        .unwrap()
        .earlier_amendments
        .is_empty());
    assert_eq!(
        w.store
            .meeting_detail(&next, Lang::Nb)
            .unwrap()
            .earlier_amendments
            .len(),
        1
    );
}

#[test]
fn minutes_can_be_approved_by_a_decision_at_a_later_meeting() {
    let mut w = world();
    let first = hold_complete_meeting(&mut w, day(2026, 3, 12));
    let later = hold_complete_meeting(&mut w, day(2026, 4, 16));
    let later_item = w.store.meeting_detail(&later, Lang::Nb).unwrap().items[0].id.clone();
    let earlier_item = w.store.meeting_detail(&first, Lang::Nb).unwrap().items[0].id.clone();
    let wrong = Approval::LaterMeeting { item_id: earlier_item };
    assert_eq!(
        conflict_key(w.store.approve_minutes(&actor(), &first, &wrong, Lang::Nb).unwrap_err()),
        "validation.later_meeting_item"
    );
    let candidates = w.store.approval_candidates(&first).unwrap();
    assert_eq!(candidates.len(), 1);
    assert_eq!(candidates[0].item_id, later_item);
    assert_eq!(
        candidates[0].case_number.map(|c| c.label(Lang::Nb)).as_deref(),
        Some("Sak 02/26")
    );
    let by_decision = Approval::LaterMeeting { item_id: later_item };
    let approved = w
        .store
        .approve_minutes(&actor(), &first, &by_decision, Lang::Nb)
        .unwrap();
    assert_eq!(approved.approval, Some(by_decision));
}

#[test]
fn a_meeting_with_no_one_present_is_not_quorate_said_plainly() {
    let mut w = world();
    let (m, _) = w.held_with_benches();
    for member in w.members.clone() {
        w.attend(&m.id, &member.id, AttendanceStatus::Absent);
    }
    let detail = w.store.meeting_detail(&m.id, Lang::Nb).unwrap();
    assert!(!detail.items[0].quorum.quorate);
    let gap = detail.missing.iter().find(|g| g.kind == MissingKind::Quorum).unwrap();
    assert_eq!(
        gap.message,
        "Sak 01/26 protokolleres som ikke avgjort: utvalget var ikke vedtaksført (0 kunne stemme, 3 trengs). \
         Saken kan settes opp på et senere møte."
    );
    assert!(
        !gap.blocking,
        "an item without quorum is minuted as not decided; it does not stop the minutes"
    );
    assert!(
        !detail.missing.iter().any(|g| g.kind == MissingKind::Decision),
        "no decision is asked for what could not be decided"
    );
}

#[test]
fn every_meeting_change_is_in_the_audit_log() {
    let mut w = world();
    let m = hold_complete_meeting(&mut w, day(2026, 3, 12));
    let log = w.store.audit_log(Some(&m)).unwrap();
    let fields: Vec<&str> = log.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"place") && fields.contains(&"status"), "{fields:?}");
    assert!(fields.iter().any(|f| f.starts_with("attendance.")));
    assert!(log.iter().all(|e| e.who == "Kari Sekretær"));
}

// --- documents ------------------------------------------------------------------

/// The text `pdftotext` (poppler-utils) reads back from a PDF.
pub(super) fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext from poppler-utils (scripts/setup.sh installs it)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// A held meeting with two items, an inhabil member, votes and a follow-up.
fn full_meeting(w: &mut World) -> String {
    let m = hold_complete_meeting(w, day(2026, 3, 12));
    let grant = w
        .store
        .add_item(
            &actor(),
            &m,
            &AgendaItemInput {
                background: "Idrettslaget søker om kr 20 000 til nye mål på Brunlanes kunstgress.".into(),
                proposal: "Idrettslaget får kr 15 000.".into(),
                ..item(ItemKind::Vedtak, "Tilskudd til Stavern idrettslag")
            },
        )
        .unwrap();
    w.store
        .set_item_inhabil(&actor(), &grant, &w.members[2].id, "Styreleder i idrettslaget")
        .unwrap();
    w.store
        .record_item(
            &actor(),
            &grant,
            &decided("Stavern idrettslag får kr 15 000 til nye mål.", Some(votes(3, 1, 0))),
        )
        .unwrap();
    w.store
        .add_follow_up(
            &actor(),
            &grant,
            &FollowUpInput {
                what: "Sende tilsagnsbrev".into(),
                who: "Eva".into(),
                due: Some(day(2026, 3, 26)),
            },
        )
        .unwrap();
    // Dag proposed the whole amount; his proposal fell.
    let alternative = AlternativeInput {
        proposed_by: w.members[3].person.name.clone(),
        text: "Idrettslaget får kr 20 000.".into(),
        votes: Some(votes(1, 3, 0)),
        chair_vote: None,
    };
    w.store.add_alternative(&actor(), &grant, &alternative).unwrap();
    // The chair, Aud, is inhabil for the crossing: Cecilie chairs it, and her
    // vote settles the tie.
    let crossing = w.item(&m, ItemKind::Vedtak, "Gangfelt ved Aud sitt verksted");
    w.store
        .set_item_inhabil(&actor(), &crossing, &w.members[0].id, "Eier verkstedet")
        .unwrap();
    w.store
        .set_item_chair(&actor(), &crossing, Some(&w.members[2].id))
        .unwrap();
    w.store
        .record_item(
            &actor(),
            &crossing,
            &ItemRecord {
                chair_vote: Some(ChairVote::For),
                ..decided("Utvalget ber kommunen om et gangfelt.", Some(votes(2, 2, 0)))
            },
        )
        .unwrap();
    m
}

#[test]
fn the_minutes_need_a_chair_one_for_an_item_the_chair_left_and_the_chairs_vote_on_a_tie() {
    let mut w = world();
    let m = full_meeting(&mut w);
    let crossing = w.store.meeting_detail(&m, Lang::Nb).unwrap().items[2].id.clone();
    let (aud, cecilie, frode) = (
        w.members[0].id.clone(),
        w.members[2].id.clone(),
        w.members[5].id.clone(),
    );
    // Only someone there for the item, and not inhabil for it, can chair it.
    for refused in [&aud, &frode] {
        let err = w.store.set_item_chair(&actor(), &crossing, Some(refused)).unwrap_err();
        assert_eq!(invalid_fields(err), [("chairId".to_owned(), "validation.acting_chair")]);
    }
    // A deputy who did not meet cannot chair the meeting; every fault at once.
    let err = w
        .store
        .set_meeting_roles(
            &actor(),
            &m,
            &MeetingRoles {
                chair_id: Some(frode.clone()),
                minute_taker_id: Some(frode.clone()),
                minute_taker_name: String::new(),
            },
        )
        .unwrap_err();
    assert_eq!(
        invalid_fields(err),
        [
            ("chairId".to_owned(), "validation.chair_not_present"),
            ("minuteTakerId".to_owned(), "validation.minute_taker_not_present")
        ]
    );
    // Without the acting chair and the chair's vote, and without a chair at
    // all, the minutes list each gap; the missing minute-taker is advice.
    w.store.set_item_chair(&actor(), &crossing, None).unwrap();
    let record = decided("Utvalget ber kommunen om et gangfelt.", Some(votes(2, 2, 0)));
    w.store.record_item(&actor(), &crossing, &record).unwrap();
    w.store
        .set_meeting_roles(&actor(), &m, &MeetingRoles::default())
        .unwrap();
    let gaps: Vec<(MissingKind, bool)> = w
        .store
        .meeting_detail(&m, Lang::Nb)
        .unwrap()
        .missing
        .iter()
        .map(|g| (g.kind, g.blocking))
        .collect();
    assert_eq!(
        gaps,
        [
            (MissingKind::Chair, true),
            (MissingKind::MinuteTaker, false),
            (MissingKind::ChairVote, true)
        ]
    );
    // With the chair back, the item he left needs its own chair.
    let roles = MeetingRoles {
        chair_id: Some(aud.clone()),
        minute_taker_id: None,
        minute_taker_name: "Ingrid Haugland".into(),
    };
    w.store.set_meeting_roles(&actor(), &m, &roles).unwrap();
    let detail = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    let kinds: Vec<MissingKind> = detail.missing.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [MissingKind::ItemChair, MissingKind::ChairVote]);
    assert_eq!(detail.minute_taker.as_deref(), Some("Ingrid Haugland"));
    let err = w
        .store
        .approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb)
        .unwrap_err();
    assert_says(&err, "Registrer hvem som ledet saken");
    w.store.set_item_chair(&actor(), &crossing, Some(&cecilie)).unwrap();
    let settled = ItemRecord {
        chair_vote: Some(ChairVote::Against),
        ..record
    };
    w.store.record_item(&actor(), &crossing, &settled).unwrap();
    let item = &w.store.meeting_detail(&m, Lang::Nb).unwrap().items[2];
    assert_eq!(item.outcome, Some(VoteOutcome::RejectedByChair));
    w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb).unwrap();
}

#[test]
fn the_minutes_pdf_holds_every_name_number_and_decision() {
    let mut w = world();
    let m = full_meeting(&mut w);
    w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb).unwrap();
    let rendered = w.store.render_document(&m, DocumentKind::Minutes, actor().at).unwrap();
    let text = pdf_text(&rendered.bytes);
    assert_contains_all(
        &text,
        &[
            "Møteprotokoll – Stavern nærmiljøutvalg",
            "12.03.2026 kl. 18:00–20:00",
            "Grendehuset",
            "Sak 01/26",
            "Sak 02/26",
            "Tilskudd til Stavern idrettslag",
            "Stavern idrettslag får kr 15 000 til nye mål.",
            "3 for, 1 mot – vedtatt",
            "Cecilie fratrådte under behandlingen. Grunn: Styreleder i idrettslaget",
            "Møteleder:",
            "Protokollfører:",
            "Alternativt",
            "Idrettslaget får kr 20 000. (fremmet av Dag)",
            "1 for, 3 mot – falt",
            "Vedtatt forslag:",
            "forslag til vedtak",
            "Ledet saken:",
            "(møtelederen var inhabil eller ikke til stede)",
            "2 for, 2 mot – vedtatt med møteleders dobbeltstemme",
            "Sende tilsagnsbrev",
            "26.03.2026",
            "Protokollen er godkjent av:",
            "Side 1 av",
            &format!("Kontrollnr. {}", &rendered.content_sha256[..12]),
        ],
    );
    for member in &w.members {
        assert!(text.contains(&member.person.name), "{} is listed", member.person.name);
    }
    assert!(!text.contains("Utkast"), "approved minutes are not a draft");
}

/// The text of each page of a PDF, as `pdftotext` reads it.
/// The text of the meeting's `kind` of document, as rendered at `at`.
pub(super) fn document_text(store: &Store, meeting_id: &str, kind: DocumentKind, at: DateTime<Utc>) -> String {
    pdf_text(&store.render_document(meeting_id, kind, at).unwrap().bytes)
}

/// Each of `phrases` stands in `text`.
pub(super) fn assert_contains_all(text: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(text.contains(phrase), "{phrase:?} is missing from:\n{text}");
    }
}

/// `text` with every run of white space as one space.
pub(super) fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let mut pages: Vec<String> = pdf_text(pdf).split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn minutes_say_utkast_on_every_page_until_approved_and_approval_archives_the_final_pdf() {
    let mut w = world();
    let m = full_meeting(&mut w);
    // A long decision, so the draft runs over several pages.
    let long = w.store.meeting_detail(&m, Lang::Nb).unwrap().items[0].id.clone();
    let record = decided(
        "Utvalget drøftet saken grundig og ble enige om veien videre. ".repeat(120),
        None,
    );
    w.store.record_item(&actor(), &long, &record).unwrap();
    let out = tempfile::tempdir().unwrap();
    let name = w.store.document_file_name(&m, DocumentKind::Minutes).unwrap();
    assert_eq!(name, "Protokoll UTKAST Stavern nærmiljøutvalg 2026-03-12.pdf");
    let draft = w
        .store
        .export_document(&actor(), &m, DocumentKind::Minutes, &out.path().join(&name))
        .unwrap();
    let bytes = std::fs::read(out.path().join(&name)).unwrap();
    let pages = pdf_pages(&bytes);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (n, page) in pages.iter().enumerate() {
        assert!(page.contains("UTKAST"), "page {} says UTKAST:\n{page}", n + 1);
    }
    assert!(w.store.final_minutes(&m).unwrap().is_none(), "a draft is not final");

    let documents_before = w.store.meeting_detail(&m, Lang::Nb).unwrap().documents.len();
    w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb).unwrap();
    let (record, final_bytes) = w
        .store
        .final_minutes(&m)
        .unwrap()
        .expect("approving archives the final PDF");
    assert_ne!(record.id, draft.id);
    assert_eq!(record.file_name, "Protokoll Stavern nærmiljøutvalg 2026-03-12.pdf");
    assert_eq!(record.sha256, crate::pdf::sha256_hex(&final_bytes));
    let detail = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    assert_eq!(
        detail.documents.len(),
        documents_before + 2,
        "archived in the approval itself, in full and as the public version"
    );
    for page in pdf_pages(&final_bytes) {
        assert!(!page.contains("UTKAST") && !page.contains("Utkast"), "{page}");
    }
    assert_eq!(
        w.store.document_file_name(&m, DocumentKind::Minutes).unwrap(),
        "Protokoll Stavern nærmiljøutvalg 2026-03-12.pdf"
    );
}

#[test]
fn documents_follow_the_councils_malform() {
    let mut w = world();
    write_in_nynorsk(&mut w.store, &actor(), &w.council);
    let m = full_meeting(&mut w);
    let minutes = document_text(&w.store, &m, DocumentKind::Minutes, actor().at);
    for word in [
        "Stad:",
        "Røysting:",
        "Framlegg",
        "inhabil",
        "protokollen er ikkje godkjend",
    ] {
        assert!(
            minutes.to_lowercase().contains(&word.to_lowercase()),
            "nynorsk {word:?} in:\n{minutes}"
        );
    }
    let notice = document_text(&w.store, &m, DocumentKind::Notice, actor().at);
    assert!(notice.contains("Innkalling til møte i Stavern nærmiljøutvalg") && notice.contains("Innkalla"));
}

#[test]
fn the_notice_lists_who_is_called_and_the_agenda_with_proposals() {
    let mut w = world();
    let m = w.meeting(day(2026, 3, 12));
    let input = AgendaItemInput {
        background: "Beboere ønsker benker.".into(),
        proposal: "Utvalget søker kommunen om fire benker.".into(),
        ..item(ItemKind::Vedtak, "Benker langs strandpromenaden")
    };
    w.store.add_item(&actor(), &m.id, &input).unwrap();
    w.store.send_notice(&actor(), &m.id).unwrap();
    let text = document_text(&w.store, &m.id, DocumentKind::Notice, actor().at);
    assert_contains_all(
        &text,
        &[
            "Innkalling til møte i Stavern nærmiljøutvalg",
            "12.03.2026 kl. 18:00",
            "Saksliste",
            "Sak 01/26",
            "Benker langs strandpromenaden",
            "Beboere ønsker benker.",
            "Utvalget søker kommunen om fire benker.",
            "Frode",
        ],
    );
}

#[test]
fn the_same_record_and_clock_give_the_same_bytes() {
    let mut w = world();
    let m = full_meeting(&mut w);
    let a = w.store.render_document(&m, DocumentKind::Minutes, actor().at).unwrap();
    let b = w.store.render_document(&m, DocumentKind::Minutes, actor().at).unwrap();
    assert_eq!(a.bytes, b.bytes);
    assert_eq!(a.content_sha256, b.content_sha256);
}

#[test]
fn a_ten_thousand_character_decision_loses_no_word_and_odd_text_does_not_panic() {
    let mut w = world();
    let m = full_meeting(&mut w);
    let item_id = w.store.meeting_detail(&m, Lang::Nb).unwrap().items[0].id.clone();
    let mut decision = String::new();
    let mut n = 0;
    while decision.len() < 10_000 {
        n += 1;
        decision.push_str(&format!("vedtaksord{n} "));
    }
    decision.push_str("Fest 🎉 på Café e\u{301}n <script>alert(1)</script>");
    let record = decided(decision.clone(), None);
    w.store.record_item(&actor(), &item_id, &record).unwrap();
    let rendered = w.store.render_document(&m, DocumentKind::Minutes, actor().at).unwrap();
    let text = pdf_text(&rendered.bytes);
    let words: std::collections::HashSet<&str> = text.split_whitespace().collect();
    for i in 1..=n {
        assert!(
            words.contains(format!("vedtaksord{i}").as_str()),
            "vedtaksord{i} is lost"
        );
    }
    assert!(text.contains("Café"), "combining accents are composed");
    assert!(text.contains("<script>alert(1)</script>"), "hostile text is just text");
    assert!(text.contains("Side 2 av"), "the decision runs over several pages");
}

#[test]
fn an_export_is_written_whole_and_archived_with_its_checksums() {
    let mut w = world();
    let m = full_meeting(&mut w);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("protokoll.pdf");
    let record = w
        .store
        .export_document(&actor(), &m, DocumentKind::Minutes, &out)
        .unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(record.sha256, crate::pdf::sha256_hex(&bytes));
    assert_eq!(record.size, bytes.len() as i64);
    assert_eq!(record.file_name, "protokoll.pdf");
    let detail = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    assert_eq!(detail.documents, std::slice::from_ref(&record));
    let found = w
        .store
        .documents_by_content_prefix(&record.content_sha256[..12])
        .unwrap();
    assert_eq!(found, [record]);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");

    // A failed export leaves no file and no archive row.
    let missing_dir = dir.path().join("no-such-folder").join("p.pdf");
    assert!(w
        .store
        .export_document(&actor(), &m, DocumentKind::Notice, &missing_dir)
        .is_err());
    assert_eq!(w.store.meeting_detail(&m, Lang::Nb).unwrap().documents.len(), 1);
}

// --- public access -------------------------------------------------------------

const PERSONAL: &str = "Offentleglova § 13 første ledd, jf. forvaltningsloven § 13 første ledd nr. 1";

/// Marks the grant item of [`full_meeting`] exempt, its title withheld; returns its id.
fn exempt_grant_item(w: &mut World, m: &str) -> String {
    let detail = w.store.meeting_detail(m, Lang::Nb).unwrap();
    let grant = detail.items.iter().find(|i| i.title.starts_with("Tilskudd")).unwrap();
    let input = AgendaItemInput {
        kind: grant.kind,
        title: grant.title.clone(),
        background: grant.background.clone(),
        proposal: grant.proposal.clone(),
        access: ItemAccess {
            exempt: true,
            basis: PERSONAL.into(),
            title_withheld: true,
        },
        statement: None,
    };
    w.store.update_item(&actor(), &grant.id, &input).unwrap();
    grant.id.clone()
}

#[test]
fn marking_an_item_exempt_without_a_basis_is_refused_and_changes_nothing() {
    let mut w = world();
    let m = full_meeting(&mut w);
    let detail = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    let grant = detail.items.iter().find(|i| i.title.starts_with("Tilskudd")).unwrap();
    let audit_before = super::test_fixtures::table_rows(&w.store);
    let input = AgendaItemInput {
        kind: grant.kind,
        title: "  ".into(),
        background: grant.background.clone(),
        proposal: grant.proposal.clone(),
        access: ItemAccess {
            exempt: true,
            basis: " ".into(),
            title_withheld: true,
        },
        statement: None,
    };
    let err = w.store.update_item(&actor(), &grant.id, &input).unwrap_err();
    let CoreError::Invalid(issues) = &err else {
        panic!("{err:?}")
    };
    let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["title", "exemptBasis"], "every fault of the form at once");
    assert!(issues[1].message(Lang::Nb).contains("hjemmelen"));
    assert_eq!(
        super::test_fixtures::table_rows(&w.store),
        audit_before,
        "nothing written"
    );
    let after = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    let kept = after.items.iter().find(|i| i.id == grant.id).unwrap();
    assert_eq!(kept.access, ItemAccess::default());
}

#[test]
fn the_public_minutes_and_notice_withhold_an_exempt_items_title_text_votes_and_names() {
    let mut w = world();
    let m = full_meeting(&mut w);
    let grant = exempt_grant_item(&mut w, &m);
    let saved = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    let saved = saved.items.iter().find(|i| i.id == grant).unwrap();
    assert_eq!(
        saved.access,
        ItemAccess {
            exempt: true,
            basis: PERSONAL.into(),
            title_withheld: true
        }
    );

    // Not yet approved: the public version is allowed, and says UTKAST too.
    let name = w.store.version_file_name(&m, DocumentKind::Minutes, true).unwrap();
    assert_eq!(
        name,
        "Protokoll UTKAST Stavern nærmiljøutvalg 2026-03-12 offentlig versjon.pdf"
    );
    let public = w
        .store
        .render_version(&m, DocumentKind::Minutes, true, actor().at)
        .unwrap();
    assert_eq!(public.file_name, name);
    let text = pdf_text(&public.bytes);
    assert_contains_all(
        &text,
        &[
            "UTKAST",
            "Offentlig versjon: saker unntatt offentlighet er tatt ut.",
            "Sak 02/26",
            "(tittel unntatt offentlighet)",
            "Unntatt offentlighet:",
            "Offentleglova § 13 første ledd",
            // The rest of the minutes stay: other items, who met.
            "Godkjenning av innkalling",
            "Aud",
        ],
    );
    for withheld in [
        "Tilskudd til Stavern idrettslag",
        "Idrettslaget søker",
        "Idrettslaget får kr 15 000",
        "15 000 til nye mål",
        "3 for, 1 mot",
        "Styreleder i idrettslaget",
        "Cecilie fratrådte",
        "Sende tilsagnsbrev",
    ] {
        assert!(
            !text.contains(withheld),
            "the public minutes show {withheld:?}:\n{text}"
        );
    }

    // The full minutes keep everything and say what is exempt.
    let full = w.store.render_document(&m, DocumentKind::Minutes, actor().at).unwrap();
    let full_text = pdf_text(&full.bytes);
    assert_contains_all(
        &full_text,
        &[
            "Tilskudd til Stavern idrettslag",
            "3 for, 1 mot",
            "Unntatt offentlighet:",
        ],
    );
    assert_ne!(full.content_sha256, public.content_sha256);

    // The notice's public version too: the case number stays, the title and background go.
    let notice = w
        .store
        .render_version(&m, DocumentKind::Notice, true, actor().at)
        .unwrap();
    assert_eq!(
        notice.file_name,
        "Innkalling Stavern nærmiljøutvalg 2026-03-12 offentlig versjon.pdf"
    );
    let notice_text = pdf_text(&notice.bytes);
    assert!(notice_text.contains("02/26") && notice_text.contains("Unntatt offentlighet:"));
    assert!(!notice_text.contains("Tilskudd til Stavern") && !notice_text.contains("Idrettslaget søker"));

    // Approval archives the final minutes and their public version at once.
    w.store.approve_minutes(&actor(), &m, &signed_by(&w), Lang::Nb).unwrap();
    let (full_record, _) = w.store.final_minutes(&m).unwrap().unwrap();
    let (public_record, public_bytes) = w.store.final_public_minutes(&m).unwrap().unwrap();
    assert!(!full_record.public && public_record.public);
    assert_eq!(full_record.file_name, "Protokoll Stavern nærmiljøutvalg 2026-03-12.pdf");
    assert_eq!(
        public_record.file_name,
        "Protokoll Stavern nærmiljøutvalg 2026-03-12 offentlig versjon.pdf"
    );
    let final_text = pdf_text(&public_bytes);
    assert!(!final_text.contains("UTKAST") && !final_text.contains("Tilskudd til Stavern"));
    assert!(final_text.contains("Unntatt offentlighet:"));
}

#[test]
fn a_closed_session_item_is_exempt_by_default_with_its_basis() {
    let mut w = world();
    let m = full_meeting(&mut w);
    let detail = w.store.meeting_detail(&m, Lang::Nb).unwrap();
    let grant = detail.items.iter().find(|i| i.title.starts_with("Tilskudd")).unwrap();
    let record = ItemRecord {
        closed: true,
        closed_basis: "Kommuneloven § 11-5 andre ledd bokstav a".into(),
        closed_ground: Some(ClosedGround::Must),
        ..decided("Stavern idrettslag får kr 15 000 til nye mål.", grant.votes)
    };
    w.store.record_item(&actor(), &grant.id, &record).unwrap();
    let public = w
        .store
        .render_version(&m, DocumentKind::Minutes, true, actor().at)
        .unwrap();
    let text = pdf_text(&public.bytes);
    assert!(text.contains("Unntatt offentlighet:"), "{text}");
    assert!(text.contains("Kommuneloven § 11-5 andre ledd bokstav a"), "{text}");
    assert!(
        text.contains("Tilskudd til Stavern idrettslag"),
        "the title is not marked withheld"
    );
    assert!(
        !text.contains("15 000 til nye mål") && !text.contains("3 for, 1 mot"),
        "{text}"
    );
}

#[test]
fn the_demos_public_minutes_show_no_contact_details_and_withhold_the_exempt_item() {
    let mut store = Store::open_in_memory().unwrap();
    let actor = Actor::new("Kari Koordinator", Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap());
    store.load_demo(&actor, day(2026, 12, 1)).unwrap();
    let lyngvik = store.find_councils("lyngvik").unwrap().remove(0);
    let last = store
        .meetings_of_council(&lyngvik.id)
        .unwrap()
        .into_iter()
        .find(|m| m.status == MeetingStatus::Approved)
        .unwrap();
    let detail = store.meeting_detail(&last.id, Lang::Nb).unwrap();
    let exempt: Vec<&AgendaItem> = detail.items.iter().filter(|i| i.access.exempt).collect();
    assert_eq!(
        exempt.len(),
        1,
        "the last approved meeting of Lyngvik holds one exempt item"
    );
    let (_, bytes) = store
        .final_public_minutes(&last.id)
        .unwrap()
        .expect("archived at approval");
    let text = pdf_text(&bytes);
    assert!(!text.contains(&exempt[0].title) && !text.contains(&exempt[0].decision));
    // The annual report is public too: it names the case and its basis, not the matter.
    let report = store.render_annual_report(&lyngvik.id, 2026, actor.at).unwrap();
    let report = pdf_text(&report.bytes).split_whitespace().collect::<Vec<_>>().join(" ");
    let case = exempt[0].case_label.clone().unwrap();
    assert!(report.contains(&case), "{report}");
    assert!(report.contains("Unntatt offentlighet: Offentleglova § 13"), "{report}");
    assert!(
        !report.contains("helsegrunner") && !report.contains("innvilger fritak"),
        "{report}"
    );
    let council = store.council_detail(&lyngvik.id, day(2026, 12, 1), Lang::Nb).unwrap();
    for m in council.current.iter().chain(&council.former) {
        for contact in [&m.person.email, &m.person.phone] {
            assert!(
                contact.is_empty() || !text.contains(contact.as_str()),
                "{contact} is shown"
            );
        }
    }
}

//! Decisions inside an item against an in-memory store: a grant round with one
//! decision per application, who is inhabil for which application, quorum per
//! decision, `decide` refusing a grant voted on by an inhabil member, and the
//! minutes saying per application who left and how the vote went.

use chrono::{TimeZone, Utc};

use super::grant_tests::{application_input, committee, grant_round, scheme_input};
use super::meeting_tests::{assert_contains_all, document_text, flat, item};
use super::test_fixtures::{day, decided, demo_store, meeting_input, stavern, votes};
use super::*;

fn actor() -> Actor {
    Actor::new("Kari Sekretær", Utc.with_ymd_and_hms(2026, 4, 16, 20, 0, 0).unwrap())
}

/// A formal council of four seats — Aud, Bjørn (Stavern skole FAU),
/// Cecilie (Stavern IL), Dag — a grant scheme with three applications, and a
/// held meeting with a grant round item holding one decision per application.
struct Round {
    store: Store,
    members: Vec<Membership>,
    meeting: String,
    item: String,
    /// Stavern IL, Stavern skole FAU, Kystlaget.
    applications: Vec<Application>,
}

fn round(present: [bool; 4]) -> Round {
    let (mut store, council) = stavern(&actor(), LegalMode::Formal, 0);
    let members = committee(&mut store, &actor(), &council.id);
    let scheme = SchemeInput {
        max_per_application: String::new(),
        criteria: vec![CriterionInput {
            name: "Mange deltakere".into(),
            weight: 1,
        }],
        appeal_address: "Postboks 1, 3290 Stavern".into(),
        conditions: String::new(),
        ..scheme_input(&council.id)
    };
    let scheme = store.create_scheme(&actor(), &scheme).unwrap();
    let applications = ["Stavern IL", "Stavern skole FAU", "Kystlaget"]
        .into_iter()
        .map(|organisation| {
            let input = ApplicationInput {
                phone: String::new(),
                title: format!("Sommerleir for {organisation}"),
                description: String::new(),
                amount_asked: "20 000".into(),
                project_budget: "40 000".into(),
                ..application_input(&scheme.id, organisation, "")
            };
            store.add_application(&actor(), &input).unwrap()
        })
        .collect::<Vec<_>>();
    let proposal = "Grendemidlene fordeles etter komiteens innstilling.";
    let (meeting, item) = grant_round(&mut store, &actor(), &council.id, proposal);
    store.mark_held(&actor(), &meeting).unwrap();
    for (m, here) in members.iter().zip(present) {
        let input = AttendanceInput {
            membership_id: m.id.clone(),
            status: if here {
                AttendanceStatus::Present
            } else {
                AttendanceStatus::Excused
            },
            substitute_for: None,
        };
        store.set_attendance(&actor(), &meeting, &input).unwrap();
    }
    // The member who represents no applicant chairs, when there; a clerk takes the minutes.
    let chair = [3, 0, 1, 2].into_iter().find(|i| present[*i]);
    let roles = MeetingRoles {
        chair_id: chair.map(|i| members[i].id.clone()),
        minute_taker_id: None,
        minute_taker_name: "Ingrid Haugland".into(),
    };
    store.set_meeting_roles(&actor(), &meeting, &roles).unwrap();
    for a in &applications {
        let input = ItemDecisionInput {
            title: String::new(),
            proposal: "Komiteens innstilling: 20 000 kr.".into(),
            application_id: Some(a.id.clone()),
        };
        store.add_decision(&actor(), &item, &input).unwrap();
    }
    Round {
        store,
        members,
        meeting,
        item,
        applications,
    }
}

impl Round {
    fn item(&self) -> AgendaItem {
        let detail = self.store.meeting_detail(&self.meeting, Lang::Nb).unwrap();
        detail.items.into_iter().find(|i| i.id == self.item).unwrap()
    }

    fn decision_of(&self, application: usize) -> ItemDecision {
        let id = &self.applications[application].id;
        self.item()
            .decisions
            .into_iter()
            .find(|d| d.application_id.as_ref() == Some(id))
            .unwrap()
    }

    fn leave(&mut self, application: usize, member: usize) {
        let decision = self.decision_of(application).id;
        self.store
            .set_decision_inhabil(&actor(), &decision, &self.members[member].id, "Representerer søkeren")
            .unwrap();
    }

    fn decide(&mut self, application: usize) -> Result<Application> {
        let input = DecisionInput {
            granted: "20 000".into(),
            reasons: "Tiltaket når mange barn og unge.".into(),
            item_id: self.item.clone(),
        };
        let id = self.applications[application].id.clone();
        self.store.decide_application(&actor(), &id, &input)
    }
}

fn names(inhabil_members: &[InhabilMember]) -> Vec<&str> {
    inhabil_members.iter().map(|r| r.person_name.as_str()).collect()
}

#[test]
fn a_member_inhabil_for_one_application_leaves_for_that_decision_only() {
    let mut r = round([true; 4]);
    // Each application is its own decision, titled from the application.
    let item = r.item();
    let titles: Vec<&str> = item.decisions.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Søknad 1: Stavern IL – Sommerleir for Stavern IL",
            "Søknad 2: Stavern skole FAU – Sommerleir for Stavern skole FAU",
            "Søknad 3: Kystlaget – Sommerleir for Kystlaget",
        ]
    );
    // Dag declared himself inhabil for Kystlaget's application in the committee.
    r.store
        .declare_inhabil(
            &actor(),
            &r.applications[2].id,
            &r.members[3].id,
            "Svoger av søkerens leder",
        )
        .unwrap();
    // Who is proposed to leave, per application: whoever represents the
    // applicant, or declared it — and nobody else.
    for (application, proposed, reason) in [
        (0, vec!["Cecilie Ask"], "Representerer søkeren Stavern IL"),
        (1, vec!["Bjørn Berg"], "Representerer søkeren Stavern skole FAU"),
        (2, vec!["Dag Dahl"], "Svoger av søkerens leder"),
    ] {
        let d = r.decision_of(application);
        assert_eq!(names(&d.proposed_inhabil), proposed, "application {application}");
        assert_eq!(d.proposed_inhabil[0].reason, reason);
        assert!(d.inhabil_members.is_empty());
    }
    // Until they are recorded as having left, the minutes cannot be approved.
    let detail = r.store.meeting_detail(&r.meeting, Lang::Nb).unwrap();
    let inhabil: Vec<&str> = detail
        .missing
        .iter()
        .filter(|m| m.kind == MissingKind::InhabilPresent)
        .map(|m| m.message.as_str())
        .collect();
    assert_eq!(inhabil.len(), 3, "{inhabil:?}");
    assert!(inhabil[0].contains("Cecilie Ask er inhabil"), "{inhabil:?}");

    // `decide` refuses a grant voted on by a member inhabil for it …
    let refused = r.decide(0).expect_err("Cecilie Ask was present and did not leave");
    let message = refused.report(Lang::Nb).fields[0].message.clone();
    assert!(
        message.starts_with("Cecilie Ask er inhabil for denne søknaden"),
        "{message}"
    );
    // … and takes it once she left for that decision, while she still votes on the others.
    r.leave(0, 2);
    r.decide(0).unwrap();
    assert!(r.decide(1).is_err(), "Bjørn Berg has not left yet");
    r.leave(1, 1);
    r.leave(2, 3);
    r.decide(1).unwrap();
    r.decide(2).unwrap();
    for (application, left, voting) in [
        (0, vec!["Cecilie Ask"], 3),
        (1, vec!["Bjørn Berg"], 3),
        (2, vec!["Dag Dahl"], 3),
    ] {
        let d = r.decision_of(application);
        assert_eq!(names(&d.inhabil_members), left);
        assert!(d.proposed_inhabil.is_empty());
        assert_eq!((d.quorum.voting, d.quorum.quorate), (voting, true));
    }
}

#[test]
fn quorum_is_counted_per_decision() {
    // (present, who left the whole item, who left the application's decision) → (voting, quorate); 4 seats, 2 needed.
    type Case = ([bool; 4], Vec<usize>, Vec<usize>, (i32, bool));
    let cases: [Case; 5] = [
        ([true; 4], vec![], vec![], (4, true)),
        ([true; 4], vec![], vec![2], (3, true)),
        ([true, true, true, false], vec![], vec![2], (2, true)),
        ([true, true, true, false], vec![0], vec![2], (1, false)),
        ([true, false, true, false], vec![], vec![2], (1, false)),
    ];
    for (present, item_left, decision_left, expected) in cases {
        let mut r = round(present);
        for m in &item_left {
            let id = r.members[*m].id.clone();
            r.store
                .set_item_inhabil(&actor(), &r.item, &id, "Inhabil i hele saken")
                .unwrap();
        }
        for m in &decision_left {
            r.leave(0, *m);
        }
        let q = r.decision_of(0).quorum;
        assert_eq!(
            (q.voting, q.quorate),
            expected,
            "{present:?} {item_left:?} {decision_left:?}"
        );
        // The other decisions count only who left the whole item.
        let other = r.decision_of(2).quorum;
        let present_count = present.iter().filter(|p| **p).count() as i32;
        assert_eq!(other.voting, present_count - item_left.len() as i32);
    }
}

#[test]
fn votes_on_a_decision_cannot_outnumber_those_who_could_vote_on_it() {
    let mut r = round([true; 4]);
    r.leave(0, 2);
    let id = r.decision_of(0).id;
    let record = |n| ItemDecisionRecord {
        chair_vote: None,
        decision: "Stavern IL får 20 000 kr.".into(),
        votes: Some(votes(n, 0, 0)),
    };
    let err = r.store.record_decision(&actor(), &id, &record(4)).unwrap_err();
    assert_eq!(
        err.report(Lang::Nb).fields[0].message,
        "4 stemmer, men bare 3 kunne stemme."
    );
    r.store.record_decision(&actor(), &id, &record(3)).unwrap();
    assert_eq!(r.decision_of(0).votes.unwrap().in_favour, 3);
}

#[test]
fn a_grant_round_is_minuted_per_application_and_approved() {
    let mut r = round([true; 4]);
    for (application, member, text) in [
        (0, 2, "Stavern IL får 20 000 kr."),
        (1, 1, "Stavern skole FAU får 20 000 kr."),
        (2, 3, "Søknaden fra Kystlaget avslås."),
    ] {
        if application != 2 {
            r.leave(application, member);
        }
        let d = r.decision_of(application);
        let voting = d.quorum.voting;
        let record = ItemDecisionRecord {
            chair_vote: None,
            decision: text.into(),
            votes: Some(votes(voting, 0, 0)),
        };
        r.store.record_decision(&actor(), &d.id, &record).unwrap();
    }
    let meeting = r.store.meeting_detail(&r.meeting, Lang::Nb).unwrap().meeting;
    let mut input = meeting.input();
    input.ends_at = chrono::NaiveTime::from_hms_opt(20, 0, 0);
    r.store.update_meeting(&actor(), &r.meeting, &input).unwrap();
    let detail = r.store.meeting_detail(&r.meeting, Lang::Nb).unwrap();
    assert!(detail.missing.iter().all(|m| !m.blocking), "{:?}", detail.missing);
    let text = document_text(&r.store, &r.meeting, DocumentKind::Minutes, actor().at);
    let flat = flat(&text);
    assert_contains_all(
        &flat,
        &[
            "Vedtak 1: Søknad 1: Stavern IL – Sommerleir for Stavern IL",
            "Fratrådte: Cecilie Ask fratrådte under behandlingen. Grunn: Representerer søkeren",
            "Fratrådte: Bjørn Berg fratrådte under behandlingen.",
            "Fratrådte: Ingen",
            "Votering: Enstemmig (3 for)",
            "Votering: Enstemmig (4 for)",
            "Søknaden fra Kystlaget avslås.",
        ],
    );
    let approval = Approval::Signatories {
        membership_ids: vec![r.members[0].id.clone(), r.members[3].id.clone()],
    };
    r.store
        .approve_minutes(&actor(), &r.meeting, &approval, Lang::Nb)
        .unwrap();
    // Approved minutes are locked: no decision can be changed.
    let id = r.decision_of(0).id;
    assert!(r.store.remove_decision(&actor(), &id).is_err());
}

#[test]
fn a_decision_needs_a_title_or_an_application_and_a_vedtak_item() {
    let mut r = round([true; 4]);
    // (title, application) → the field refused. The same application twice
    // in one item is refused too; nothing is written.
    let cases = [
        ("  ", None, "title"),
        ("", Some(r.applications[0].id.clone()), "applicationId"),
    ];
    for (title, application_id, field) in cases {
        let before = super::test_fixtures::table_rows(&r.store);
        let input = ItemDecisionInput {
            title: title.into(),
            proposal: String::new(),
            application_id,
        };
        let err = r.store.add_decision(&actor(), &r.item, &input).unwrap_err();
        assert_eq!(err.report(Lang::Nb).fields[0].field, field);
        assert_eq!(super::test_fixtures::table_rows(&r.store), before, "{field}");
    }
}

#[test]
fn the_demos_grant_round_is_quorate_application_by_application() {
    let store = demo_store(&actor(), day(2026, 4, 20));
    let lyngvik = store.find_councils("Lyngvik").unwrap().remove(0);
    let mut rounds = 0;
    for summary in store.meetings_of_council(&lyngvik.id).unwrap() {
        let detail = store.meeting_detail(&summary.id, Lang::Nb).unwrap();
        for item in detail.items.iter().filter(|i| !i.decisions.is_empty()) {
            rounds += 1;
            assert!(item.inhabil_members.is_empty(), "nobody leaves the whole round");
            assert_eq!(
                item.decisions.len(),
                item.grants.len(),
                "one decision per grant decided"
            );
            let left: usize = item.decisions.iter().map(|d| d.inhabil_members.len()).sum();
            assert!(left >= 2, "members representing applicants leave their own decisions");
            for d in &item.decisions {
                assert!(d.quorum.quorate, "{}: {:?}", d.title, d.quorum);
                assert!(d.proposed_inhabil.is_empty(), "{}", d.title);
                assert!(!d.decision.is_empty() && d.votes.is_some());
            }
        }
        assert!(
            !detail.missing.iter().any(|m| m.kind == MissingKind::Quorum),
            "{:?}",
            detail.missing
        );
    }
    assert_eq!(rounds, 1);
}

#[test]
fn an_election_item_takes_blank_votes_and_a_vedtak_item_does_not() {
    let mut r = round([true; 4]);
    let meeting = r.meeting.clone();
    let election = r
        .store
        .add_item(
            &actor(),
            &meeting,
            &AgendaItemInput {
                proposal: "Dag Dahl velges som nestleder.".into(),
                ..item(ItemKind::Valg, "Valg av nestleder")
            },
        )
        .unwrap();
    let record = |blank| decided("Dag Dahl ble valgt som nestleder.", Some(votes(2, 1, blank)));
    r.store.record_item(&actor(), &election, &record(1)).unwrap();
    let err = r.store.record_item(&actor(), &r.item.clone(), &record(1)).unwrap_err();
    let report = err.report(Lang::Nb);
    assert_eq!(report.fields[0].field, "votes.blank");
    assert!(report.fields[0]
        .message
        .starts_with("Blanke stemmer kan bare gis ved valg"));
    let detail = r.store.meeting_detail(&meeting, Lang::Nb).unwrap();
    let item = detail.items.iter().find(|i| i.id == election).unwrap();
    assert_eq!(item.kind, ItemKind::Valg);
    assert_eq!(item.outcome, Some(VoteOutcome::Adopted));
    // A tie on a decision is settled by the chair, and the minutes say so.
    let decision = r.decision_of(2).id;
    let tie = ItemDecisionRecord {
        chair_vote: None,
        decision: "Søknaden fra Kystlaget avslås.".into(),
        votes: Some(votes(2, 2, 0)),
    };
    r.store.record_decision(&actor(), &decision, &tie).unwrap();
    assert_eq!(r.decision_of(2).outcome, Some(VoteOutcome::TieChairDecides));
    let flat = flat(&document_text(&r.store, &meeting, DocumentKind::Minutes, actor().at));
    assert_contains_all(
        &flat,
        &[
            "Votering: 2 for, 2 mot – stemmelikhet, møtelederens stemme avgjør",
            "Votering: 2 for, 1 mot, 1 blanke – vedtatt",
            "Type: Valg",
        ],
    );
}

#[test]
fn a_decision_without_quorum_is_minuted_as_not_decided_and_grants_nothing() {
    // Two of four seats present: quorate, until Cecilie leaves for her club's application.
    let mut r = round([true, false, true, false]);
    r.leave(0, 2);
    let q = r.decision_of(0).quorum;
    assert_eq!((q.voting, q.required, q.quorate), (1, 2, false));
    assert!(r.decision_of(2).quorum.quorate);
    // `decide` refuses a grant the council could not decide.
    let err = r.decide(0).expect_err("not quorate");
    assert!(err.report(Lang::Nb).fields[0]
        .message
        .starts_with("Søknaden ble ikke avgjort i denne saken"));
    // The other decisions are recorded; this one is left without a decision.
    for application in [1, 2] {
        let id = r.decision_of(application).id;
        let record = ItemDecisionRecord {
            chair_vote: None,
            decision: "Innvilget.".into(),
            votes: None,
        };
        r.store.record_decision(&actor(), &id, &record).unwrap();
    }
    let mut input = r.store.meeting_detail(&r.meeting, Lang::Nb).unwrap().meeting.input();
    input.ends_at = chrono::NaiveTime::from_hms_opt(20, 0, 0);
    r.store.update_meeting(&actor(), &r.meeting, &input).unwrap();
    let detail = r.store.meeting_detail(&r.meeting, Lang::Nb).unwrap();
    let blocking: Vec<&str> = detail
        .missing
        .iter()
        .filter(|m| m.blocking)
        .map(|m| m.message.as_str())
        .collect();
    assert!(blocking.is_empty(), "{blocking:?}");
    let advice: Vec<&str> = detail.missing.iter().map(|m| m.message.as_str()).collect();
    assert_eq!(advice.len(), 1, "one decision without quorum: {advice:?}");
    assert!(advice[0].contains("protokolleres som ikke avgjort"), "{advice:?}");
    let flat = flat(&document_text(&r.store, &r.meeting, DocumentKind::Minutes, actor().at));
    assert!(
        flat.contains("Vedtak: Ikke avgjort Utvalget var ikke vedtaksført i denne saken: 1 kunne stemme, 2 trengs."),
        "{flat}"
    );
    let approval = Approval::Signatories {
        membership_ids: vec![r.members[0].id.clone(), r.members[2].id.clone()],
    };
    r.store
        .approve_minutes(&actor(), &r.meeting, &approval, Lang::Nb)
        .unwrap();
}

#[test]
fn quorum_per_item_follows_who_arrived_late_and_the_minutes_say_so() {
    let mut r = round([true, false, false, true]);
    let meeting = r.meeting.clone();
    let later = r
        .store
        .add_item(&actor(), &meeting, &item(ItemKind::Vedtak, "Benker i parken"))
        .unwrap();
    let dag = r.members[3].id.clone();
    let span = |from: Option<&str>, until: Option<&str>| AttendanceSpan {
        membership_id: dag.clone(),
        from_item: from.map(str::to_owned),
        until_item: until.map(str::to_owned),
    };
    // Leaving after an item before the one arrived at is refused, and so is a span for someone not present.
    let item = r.item.clone();
    let err = r
        .store
        .set_attendance_span(&actor(), &meeting, &span(Some(&later), Some(&item)))
        .unwrap_err();
    assert_eq!(err.report(Lang::Nb).fields[0].field, "untilItem");
    let bjorn = AttendanceSpan {
        membership_id: r.members[1].id.clone(),
        ..span(Some(&later), None)
    };
    assert!(r.store.set_attendance_span(&actor(), &meeting, &bjorn).is_err());
    // Dag met from the second item: the grant round (item 1) had only Aud.
    r.store
        .set_attendance_span(&actor(), &meeting, &span(Some(&later), None))
        .unwrap();
    let detail = r.store.meeting_detail(&meeting, Lang::Nb).unwrap();
    let voting: Vec<(i32, bool)> = detail
        .items
        .iter()
        .map(|i| (i.quorum.voting, i.quorum.quorate))
        .collect();
    assert_eq!(voting, [(1, false), (2, true)]);
    assert!(detail.items[0].decisions.iter().all(|d| d.quorum.voting == 1));
    let row = detail.attendance.iter().find(|a| a.membership_id == dag).unwrap();
    assert_eq!(row.span, "møtte fra sak 02/26");
    let flat = flat(&document_text(&r.store, &meeting, DocumentKind::Minutes, actor().at));
    assert!(flat.contains("Til stede, møtte fra sak 02/26"), "{flat}");
}

#[test]
fn an_item_not_decided_is_put_on_a_later_meeting_and_kept_in_the_first_minutes() {
    let r = round([true, false, false, false]);
    let mut store = r.store;
    assert!(
        !store.meeting_detail(&r.meeting, Lang::Nb).unwrap().items[0]
            .quorum
            .quorate
    );
    let council = store.meeting_detail(&r.meeting, Lang::Nb).unwrap().council.id;
    let earlier = store
        .create_meeting(&actor(), &meeting_input(&council, day(2026, 3, 1)))
        .unwrap();
    let later = store
        .create_meeting(&actor(), &meeting_input(&council, day(2026, 5, 14)))
        .unwrap();
    // (meeting, accepted)
    for (to, accepted) in [(&earlier.id, false), (&r.meeting, false), (&later.id, true)] {
        let before = super::test_fixtures::table_rows(&store);
        let result = store.carry_over_item(&actor(), &r.item, to);
        assert_eq!(result.is_ok(), accepted, "{to}");
        if !accepted {
            assert_eq!(super::test_fixtures::table_rows(&store), before, "nothing written");
        }
    }
    let moved = store.meeting_detail(&later.id, Lang::Nb).unwrap().items.remove(0);
    assert_eq!(moved.title, "Tildeling av grendemidler 2026");
    assert_eq!(moved.proposal, "Grendemidlene fordeles etter komiteens innstilling.");
    assert_eq!(
        moved.background,
        "Utsatt fra møtet 16.04.2026 (Sak 01/26): utvalget var ikke vedtaksført."
    );
    assert_eq!(
        store.meeting_detail(&r.meeting, Lang::Nb).unwrap().items.len(),
        1,
        "the first minutes keep it"
    );
}

#[test]
fn a_proposed_inhabil_overruled_in_the_committee_votes_and_the_minutes_say_why() {
    let mut r = round([true; 4]);
    let (stavern_il, cecilie) = (r.applications[0].id.clone(), r.members[2].id.clone());
    // Without a reason the overruling is refused, in the user's language.
    let refused = r
        .store
        .overrule_inhabil(&actor(), &stavern_il, &cecilie, "  ")
        .expect_err("no reason");
    for (lang, said) in [
        (Lang::Nb, "Skriv hvorfor medlemmet ikke er inhabil."),
        (Lang::Nn, "Skriv kvifor medlemmet ikkje er inhabil."),
        (Lang::En, "Write why the member is not disqualified."),
    ] {
        let report = refused.report(lang);
        assert_eq!(report.fields[0].field, "reason");
        assert!(report.fields[0].message.starts_with(said), "{:?}", report.fields);
    }
    // Only a proposal can be overruled: Aud represents nobody.
    let refused = r
        .store
        .overrule_inhabil(&actor(), &stavern_il, &r.members[0].id, "Ikke inhabil")
        .expect_err("Aud was not proposed inhabil");
    assert!(matches!(refused, CoreError::Conflict(_)), "{refused:?}");

    let reason = "Vanlig medlem i idrettslaget, ikke i styret";
    r.store
        .overrule_inhabil(&actor(), &stavern_il, &cecilie, reason)
        .unwrap();
    // The meeting no longer proposes that she leaves, and says why she votes.
    let d = r.decision_of(0);
    assert!(d.proposed_inhabil.is_empty(), "{:?}", d.proposed_inhabil);
    assert_eq!(names(&d.inhabil_overruled), ["Cecilie Ask"]);
    assert_eq!(d.inhabil_overruled[0].reason, reason);
    assert_eq!(d.quorum.voting, 4);
    // Bjørn is still proposed for his school's application; nobody is overruled there.
    assert!(r.decision_of(1).inhabil_overruled.is_empty());
    // Recorded in the audit log, and withdrawn: the proposal stands again.
    let log = r.store.audit_log(Some(&stavern_il)).unwrap();
    let field = format!("inhabilOverruled.{cecilie}");
    assert!(
        log.iter().any(|e| e.field == field && e.new.as_deref() == Some(reason)),
        "{log:?}"
    );
    r.store.clear_inhabil(&actor(), &stavern_il, &cecilie).unwrap();
    assert_eq!(names(&r.decision_of(0).proposed_inhabil), ["Cecilie Ask"]);
    assert!(r.decision_of(0).inhabil_overruled.is_empty());
    let log = r.store.audit_log(Some(&stavern_il)).unwrap();
    assert!(
        log.iter()
            .any(|e| e.field == field && e.old.as_deref() == Some(reason) && e.new.is_none()),
        "{log:?}"
    );

    // Overruled again, she votes on the grant, and the minutes say why.
    r.store
        .overrule_inhabil(&actor(), &stavern_il, &cecilie, reason)
        .unwrap();
    let d = r.decision_of(0);
    let record = ItemDecisionRecord {
        decision: "Stavern IL får 20 000 kr.".into(),
        votes: Some(votes(4, 0, 0)),
        chair_vote: None,
    };
    r.store.record_decision(&actor(), &d.id, &record).unwrap();
    r.decide(0).unwrap();
    let flat = flat(&document_text(&r.store, &r.meeting, DocumentKind::Minutes, actor().at));
    let expected = format!(
        "Ikke inhabil: Cecilie Ask representerer søkeren, men utvalget fant at medlemmet ikke er inhabil. Grunn: {reason}"
    );
    assert!(flat.contains(&expected), "{expected:?} not in {flat}");
    // Once decided, the committee's finding stands.
    assert!(r.store.clear_inhabil(&actor(), &stavern_il, &cecilie).is_err());
}

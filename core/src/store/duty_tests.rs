//! Yearly duties, the coordinator's overview and the annual report, against
//! an in-memory store with the clock passed in.

use chrono::{Datelike, NaiveDate, TimeZone, Utc};

use super::meeting_tests::{flat, pdf_text};
use super::test_fixtures::{day, demo_store, meeting_input, member_input, names_in, row_count};
use super::*;

fn at(y: i32, m: u32, d: u32) -> Actor {
    Actor::new("Kari Koordinator", Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap())
}

/// An in-memory store with the demo data loaded on 1 December 2026.
fn demo() -> Store {
    demo_store(&at(2026, 12, 1), day(2026, 12, 1))
}

/// Edits a duty of the year 2026 of `council_id`.
fn edit(store: &mut Store, actor: &Actor, council_id: &str, key: &str, edit: &DutyEdit) -> Result<Vec<Duty>> {
    store.edit_duty(actor, council_id, 2026, &DutyKey::from(key), edit, Lang::Nb)
}

fn council(store: &mut Store, name: &str) -> Council {
    store
        .create_council(
            &at(2026, 1, 5),
            &CouncilInput::named(name, SeatPlan::new(1, 1, 1, 1, 2)),
        )
        .unwrap()
}

fn duty<'a>(duties: &'a [Duty], kind: &str) -> &'a Duty {
    duties.iter().find(|d| d.kind == kind).unwrap()
}

fn hold(store: &mut Store, council_id: &str, kind: MeetingKind, date: NaiveDate) -> Meeting {
    let actor = at(2026, 10, 1);
    let meeting = store
        .create_meeting(
            &actor,
            &MeetingInput {
                kind,
                ..meeting_input(council_id, date)
            },
        )
        .unwrap();
    store.send_notice(&actor, &meeting.id).unwrap();
    store.mark_held(&actor, &meeting.id).unwrap();
    store.meeting(&meeting.id).unwrap()
}

#[test]
fn a_council_begun_this_autumn_owes_nothing_that_fell_due_before_it() {
    let mut store = Store::open_in_memory().unwrap();
    let autumn = at(2026, 11, 22);
    let c = store
        .create_council(
            &autumn,
            &CouncilInput::named("Nyby grendeutvalg", SeatPlan::new(1, 1, 1, 1, 2)),
        )
        .unwrap();
    let today = day(2026, 12, 10);
    let overview = store.overview(2026, today, Lang::Nb).unwrap();
    let line = &overview.councils[0];
    let open = duty(&line.duties, "open_meeting");
    assert_eq!(
        open.status,
        DutyStatus::NotApplicable,
        "due 30.06, before the council existed"
    );
    assert!(open.before_council);
    let joint = duty(&line.duties, "joint_meeting");
    assert_eq!(joint.status, DutyStatus::Overdue, "due 30.11, after it began");
    assert!(!joint.before_council);
    assert_eq!((line.duties_overdue, line.days_overdue), (1, 10));

    // A member whose term began years ago: the council existed then.
    let member = member_input(&c.id, "Aud", SeatCategory::SENIOR, Role::Leder, day(2020, 1, 1));
    store.add_membership(&autumn, &member).unwrap();
    let duties = store.duties(&c.id, 2026, today, Lang::Nb).unwrap();
    assert_eq!(duty(&duties, "open_meeting").status, DutyStatus::Overdue);
}

#[test]
fn an_overdue_joint_meeting_is_fulfilled_the_moment_one_is_held() {
    let mut store = Store::open_in_memory().unwrap();
    let c = council(&mut store, "Nordvik grendeutvalg");
    let today = day(2026, 12, 1);

    let overview = store.overview(2026, today, Lang::Nb).unwrap();
    let line = &overview.councils[0];
    let joint = duty(&line.duties, "joint_meeting");
    assert_eq!(joint.status, DutyStatus::Overdue, "due 30.11, nothing held");
    assert_eq!(joint.days_left, -1);
    assert_eq!(duty(&line.duties, "open_meeting").status, DutyStatus::Overdue);
    assert_eq!(duty(&line.duties, "annual_report").status, DutyStatus::Open);
    assert_eq!(
        duty(&line.duties, "grant_report").status,
        DutyStatus::NotApplicable,
        "no grant scheme this year"
    );
    assert_eq!(line.duties_overdue, 2);

    // A planned joint meeting is no evidence; a held one is.
    let meeting = hold(&mut store, &c.id, MeetingKind::JOINT, day(2026, 11, 20));
    let duties = store.duties(&c.id, 2026, today, Lang::Nb).unwrap();
    let joint = duty(&duties, "joint_meeting");
    assert_eq!(joint.status, DutyStatus::Fulfilled);
    let evidence = joint.evidence.as_ref().unwrap();
    assert_eq!(
        (evidence.kind, evidence.id.as_str()),
        (EvidenceKind::Meeting, meeting.id.as_str())
    );
    assert_eq!(evidence.label, "Fellesmøte med kommunen 20.11.2026");
    assert_eq!(
        store.overview(2026, today, Lang::Nb).unwrap().councils[0].duties_overdue,
        1
    );

    // A joint meeting of another year does not count for this one.
    let duties = store.duties(&c.id, 2027, day(2027, 12, 15), Lang::Nb).unwrap();
    assert_eq!(duty(&duties, "joint_meeting").status, DutyStatus::Overdue);
}

#[test]
fn a_waiver_needs_a_reason_and_a_due_date_can_be_moved() {
    let mut store = Store::open_in_memory().unwrap();
    let c = council(&mut store, "Nordvik grendeutvalg");
    let actor = at(2026, 12, 1);
    let audit_before = row_count(&store, "audit");

    for reason in ["", "   "] {
        let waive = DutyEdit::Waive { reason: reason.into() };
        let err = edit(&mut store, &actor, &c.id, "open_meeting", &waive).unwrap_err();
        assert_eq!(err.code(), "invalid");
        assert!(
            err.report(Lang::Nb).message.contains("hvorfor"),
            "{:?}",
            err.report(Lang::Nb)
        );
    }
    assert_eq!(row_count(&store, "duty"), 0, "a refused waiver writes nothing");
    assert_eq!(row_count(&store, "audit"), audit_before);

    let waive = DutyEdit::Waive {
        reason: "Grendehuset var stengt hele våren".into(),
    };
    let duties = edit(&mut store, &actor, &c.id, "open_meeting", &waive).unwrap();
    let open = duty(&duties, "open_meeting");
    assert_eq!(open.status, DutyStatus::Waived);
    assert_eq!(open.waived_reason.as_deref(), Some("Grendehuset var stengt hele våren"));
    assert_eq!(open.waived.as_ref().unwrap().by, "Kari Koordinator");

    let moved = DutyEdit::SetDue {
        due: Some(day(2026, 12, 20)),
    };
    let duties = edit(&mut store, &actor, &c.id, "joint_meeting", &moved).unwrap();
    let joint = duty(&duties, "joint_meeting");
    assert_eq!(
        (joint.due, joint.default_due, joint.status),
        (day(2026, 12, 20), false, DutyStatus::DueSoon)
    );
    let log = store.audit_log(None).unwrap();
    assert!(log
        .iter()
        .any(|e| e.field == "due" && e.new.as_deref() == Some("2026-12-20")));
    assert!(log.iter().any(|e| e.field == "waivedReason"));

    let duties = edit(&mut store, &actor, &c.id, "open_meeting", &DutyEdit::Unwaive).unwrap();
    assert_eq!(duty(&duties, "open_meeting").status, DutyStatus::Overdue);
    let back = DutyEdit::SetDue { due: None };
    let duties = edit(&mut store, &actor, &c.id, "joint_meeting", &back).unwrap();
    assert_eq!(duty(&duties, "joint_meeting").due, day(2026, 11, 30));
    // Another year's duties are untouched.
    let next = store.duties(&c.id, 2027, actor.at.date_naive(), Lang::Nb).unwrap();
    assert!(next.iter().all(|d| d.default_due && d.waived_reason.is_none()));
}

#[test]
fn the_annual_report_shows_the_year_and_its_export_fulfils_the_duty() {
    let mut store = demo();
    let today = day(2026, 12, 1);
    let lyngvik = store.find_councils("lyngvik").unwrap().remove(0);
    let before = store.duties(&lyngvik.id, 2026, today, Lang::Nb).unwrap();
    assert_ne!(duty(&before, "annual_report").status, DutyStatus::Fulfilled);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("arsmelding.pdf");
    let record = store
        .export_annual_report(&at(2026, 12, 1), &lyngvik.id, 2026, &out)
        .unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(record.sha256, crate::pdf::sha256_hex(&bytes));
    assert_eq!(store.annual_reports(&lyngvik.id, 2026).unwrap().len(), 1);
    let after = store.duties(&lyngvik.id, 2026, today, Lang::Nb).unwrap();
    let report = duty(&after, "annual_report");
    assert_eq!(report.status, DutyStatus::Fulfilled);
    assert_eq!(report.evidence.as_ref().unwrap().id, record.id);

    let text = pdf_text(&bytes);
    let flat = flat(&text);
    assert!(flat.contains("Årsmelding 2026 – Lyngvik nærmiljøutvalg"), "{flat}");
    assert!(flat.contains("Medlemmer og plasser"));
    for member in store.memberships_of_council(&lyngvik.id).unwrap() {
        assert!(flat.contains(&member.person.name), "{} is missing", member.person.name);
    }
    assert!(flat.contains("Sak 04/26"), "the meeting that decided the grants");
    assert!(
        flat.contains("Lyngvik IL") && flat.contains("kr 60 000"),
        "a grant awarded and paid"
    );
    assert!(flat.contains("Fellesmøte med kommunen"), "the duties");
    assert!(flat.contains(&format!("Kontrollnr. {}", &record.content_sha256[..12])));

    // The same record and the same clock give the same bytes.
    let again = store
        .render_annual_report(&lyngvik.id, 2026, at(2026, 12, 1).at)
        .unwrap();
    let first = store
        .render_annual_report(&lyngvik.id, 2026, at(2026, 12, 1).at)
        .unwrap();
    assert_eq!(again.bytes, first.bytes);
}

#[test]
fn the_annual_report_of_a_nynorsk_council_is_in_nynorsk() {
    let store = demo();
    let storlia = store.find_councils("storlia").unwrap().remove(0);
    let text = pdf_text(
        &store
            .render_annual_report(&storlia.id, 2026, at(2026, 12, 1).at)
            .unwrap()
            .bytes,
    );
    let flat = flat(&text);
    assert!(flat.contains("Medlemer og plassar"), "{flat}");
    assert!(flat.contains("Plikter overfor kommunen"));
}

#[test]
fn the_overview_sums_each_councils_grants_of_the_year() {
    let store = demo();
    let today = day(2026, 12, 1);
    let overview = store.overview(2026, today, Lang::Nb).unwrap();
    assert_eq!(overview.councils.len(), 3);
    let lyngvik = overview
        .councils
        .iter()
        .find(|c| c.name.starts_with("Lyngvik"))
        .unwrap();
    assert_eq!(
        (
            lyngvik.budget_ore,
            lyngvik.granted_ore,
            lyngvik.paid_ore,
            lyngvik.left_ore
        ),
        (40_000_000, 17_300_000, 9_300_000, 22_700_000)
    );
    assert_eq!((lyngvik.seats_filled, lyngvik.seats_planned), (5, 6));
    assert!(lyngvik.last_approved.is_some());
    assert_eq!(
        duty(&lyngvik.duties, "grant_report").status,
        DutyStatus::Open,
        "applications still open and reports missing, but not due before 31.01.2027"
    );
    // Each line's seats are the council list's, counted the same way.
    for summary in store.council_summaries(today, Lang::Nb).unwrap() {
        let line = overview.councils.iter().find(|c| c.council_id == summary.id).unwrap();
        assert_eq!(
            (line.seats_filled, line.seats_planned),
            (summary.seats_filled, summary.seats_planned),
            "{}",
            summary.name
        );
    }
    // The year wheel: every meeting of the year, in date order, each with its council's name.
    let dates: Vec<NaiveDate> = overview.meetings.iter().map(|m| m.date).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    for meeting in &overview.meetings {
        assert_eq!(meeting.council_name, store.council(&meeting.council_id).unwrap().name);
    }
    assert_eq!(
        overview.meetings.len(),
        overview
            .councils
            .iter()
            .map(|c| store
                .meetings_of_council(&c.council_id)
                .unwrap()
                .iter()
                .filter(|m| m.date.year() == 2026)
                .count())
            .sum::<usize>()
    );
    assert!(overview
        .meetings
        .iter()
        .all(|m| m.date.format("%Y").to_string() == "2026"));
}

#[test]
fn the_folder_for_the_kommune_holds_the_years_minutes_letters_report_and_ledger() {
    let mut store = demo();
    let actor = at(2026, 12, 1);
    let lyngvik = store.find_councils("lyngvik").unwrap().remove(0);
    let dir = tempfile::tempdir().unwrap();
    // One set of minutes exported (and so archived) before: the folder holds those very bytes.
    let held: Vec<MeetingSummary> = store
        .meetings_of_council(&lyngvik.id)
        .unwrap()
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Approved)
        .collect();
    let archived = store
        .export_document(&actor, &held[0].id, DocumentKind::Minutes, &dir.path().join("p.pdf"))
        .unwrap();
    let documents_before = row_count(&store, "document");

    let out = tempfile::tempdir().unwrap();
    let export = store
        .export_for_kommune(&lyngvik.id, 2026, out.path(), actor.at, Lang::Nb)
        .unwrap();
    assert_eq!((export.minutes, export.ledgers, export.annual_report), (2, 1, true));
    let applications = store.grants_of_council(&lyngvik.id, Some(2026)).unwrap()[0].1.clone();
    let sent = applications.iter().filter(|a| a.letter_sent.is_some()).count();
    let unsent: Vec<&Application> = applications
        .iter()
        .filter(|a| a.decision.is_some() && a.letter_sent.is_none())
        .collect();
    assert!(sent > 0 && !unsent.is_empty(), "the demo has letters sent and not");
    assert_eq!(
        export.letters as usize, sent,
        "a letter for every letter sent, no other"
    );
    assert_eq!(export.waiting.len(), unsent.len(), "{:?}", export.waiting);
    for a in &unsent {
        assert!(
            export.waiting.iter().any(|w| w.contains(&a.organisation)),
            "{} is listed as waiting: {:?}",
            a.organisation,
            export.waiting
        );
    }
    assert!(export.message(Lang::Nb).contains("ikke er endelig ennå"));
    let decided = sent;
    let folder = out.path().join("Lyngvik nærmiljøutvalg 2026");
    assert_eq!(export.folder, folder.display().to_string());
    let names = names_in(&folder);
    // Each approved meeting's minutes twice: in full and as the public version.
    assert_eq!(names.len(), 2 * 2 + decided + 1 + 1 + 1, "{names:?}");
    // The document list names every other file with its SHA-256, kind and case numbers.
    let list = std::fs::read_to_string(folder.join("Dokumentliste.csv")).unwrap();
    let mut lines = list.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}Fil;Tittel;Dato;Saksnummer;Dokumenttype;Tilgang;Hjemmel;SHA-256"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    assert_eq!(rows.len(), names.len() - 1, "{list}");
    for row in &rows {
        let bytes = std::fs::read(folder.join(row[0])).unwrap();
        assert_eq!(row[7], crate::pdf::sha256_hex(&bytes), "{row:?}");
    }
    // The last approved minutes hold an item exempt from public access: in
    // full they are exempt, with the basis and the case; their public version is public.
    let exempt: Vec<&Vec<&str>> = rows.iter().filter(|r| r[5] != "Offentlig").collect();
    assert_eq!(exempt.len(), 1, "{list}");
    assert_eq!(exempt[0][5], "Unntatt offentlighet");
    assert!(
        exempt[0][6].starts_with("Offentleglova § 13 første ledd, jf. forvaltningsloven § 13 første ledd nr. 1 ("),
        "{list}"
    );
    assert!(!exempt[0][0].contains("offentlig versjon"));
    let public_name = exempt[0][0].replace(".pdf", " offentlig versjon.pdf");
    let public_row = rows
        .iter()
        .find(|r| r[0] == public_name)
        .expect("the public version is listed");
    assert_eq!((public_row[5], public_row[6]), ("Offentlig", ""));
    let minutes_rows: Vec<&Vec<&str>> = rows.iter().filter(|r| r[4] == "Møteprotokoll").collect();
    assert_eq!(minutes_rows.len(), 4);
    assert_eq!(
        minutes_rows
            .iter()
            .filter(|r| r[0].ends_with("offentlig versjon.pdf"))
            .count(),
        2
    );
    assert!(
        minutes_rows.iter().all(|r| r[3].contains("/26")),
        "case numbers: {list}"
    );
    assert_eq!(rows.iter().filter(|r| r[4] == "Vedtaksbrev").count(), decided);
    assert_eq!(rows.iter().filter(|r| r[4] == "Årsmelding").count(), 1);
    assert_eq!(export.records.len(), rows.len());
    assert!(names.iter().any(|n| n == "Årsmelding Lyngvik nærmiljøutvalg 2026.pdf"));
    assert!(names.iter().any(|n| n.ends_with(".csv")));
    let minutes_name = store.document_file_name(&held[0].id, DocumentKind::Minutes).unwrap();
    let copied = std::fs::read(folder.join(&minutes_name)).unwrap();
    assert_eq!(
        crate::pdf::sha256_hex(&copied),
        archived.sha256,
        "the archived minutes, byte for byte"
    );
    for name in names.iter().filter(|n| n.ends_with(".pdf")) {
        assert!(std::fs::read(folder.join(name)).unwrap().starts_with(b"%PDF"), "{name}");
    }
    assert_eq!(
        row_count(&store, "document"),
        documents_before,
        "sending writes nothing to the database"
    );
    // Nothing but the folder is left behind, and a second send never overwrites it.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
    let again = store
        .export_for_kommune(&lyngvik.id, 2026, out.path(), actor.at, Lang::Nb)
        .unwrap_err();
    assert_eq!(again.code(), "already_exists");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn minutes_not_yet_approved_wait_and_never_reach_the_kommune_or_the_annual_report() {
    let mut store = demo();
    let actor = at(2026, 12, 1);
    let storlia = store.find_councils("storlia").unwrap().remove(0);
    let meetings = store.meetings_of_council(&storlia.id).unwrap();
    let held: Vec<&MeetingSummary> = meetings.iter().filter(|m| m.status == MeetingStatus::Held).collect();
    assert_eq!(held.len(), 1, "the demo holds one meeting awaiting approval");
    let waiting = held[0];
    assert_eq!(
        store.minutes_waiting(Some(&storlia.id), 2026).unwrap(),
        vec![waiting.clone()]
    );

    let out = tempfile::tempdir().unwrap();
    let export = store
        .export_for_kommune(&storlia.id, 2026, out.path(), actor.at, Lang::Nn)
        .unwrap();
    assert_eq!(export.minutes, 1, "only the approved minutes");
    let date = crate::i18n::date(waiting.date);
    assert!(
        export.waiting.iter().any(|w| w.contains(&date)),
        "the held meeting is listed as waiting: {:?}",
        export.waiting
    );
    let folder = std::path::Path::new(&export.folder);
    let names = names_in(folder);
    assert!(
        !names
            .iter()
            .any(|n| n.contains(&waiting.date.format("%Y-%m-%d").to_string())),
        "no file of the waiting meeting: {names:?}"
    );
    for name in &names {
        assert!(!name.contains("UTKAST"), "{name}");
        let bytes = std::fs::read(folder.join(name)).unwrap();
        assert!(!bytes.is_empty(), "{name} is not empty");
    }

    // The batch of the year takes only approved minutes.
    let dir = out.path().join("alle");
    let records = store
        .export_minutes_of_year(&actor, 2026, &dir, &crate::progress::NoProgress)
        .unwrap();
    assert!(records.iter().all(|r| r.meeting_id != waiting.id));
    let approved = store
        .councils()
        .unwrap()
        .iter()
        .flat_map(|c| store.meetings_of_council(&c.id).unwrap())
        .filter(|m| m.status == MeetingStatus::Approved && m.date.year() == 2026)
        .count();
    assert_eq!(records.len(), 2 * approved, "each in full and as the public version");
    let public: Vec<_> = records.iter().filter(|r| r.public).collect();
    assert_eq!(public.len(), approved);
    assert!(
        public
            .iter()
            .all(|r| r.file_name.ends_with(" offentlig versjon.pdf") || r.file_name.ends_with(" offentleg versjon.pdf")),
        "{public:?}"
    );
    // The public versions withhold what is exempt; the full minutes keep it.
    let withheld = public
        .iter()
        .map(|r| pdf_text(&std::fs::read(dir.join(&r.file_name)).unwrap()))
        .filter(|text| text.contains("Unntatt offentlighet"))
        .count();
    assert!(withheld >= 1, "the demo's exempt item is withheld in a public version");

    // The annual report lists the meeting as waiting and none of its decisions.
    let report = store.render_annual_report(&storlia.id, 2026, actor.at).unwrap();
    let text = flat(&pdf_text(&report.bytes));
    assert!(text.contains("Ventar på godkjenning"), "{text}");
    let detail = store.meeting_detail(&waiting.id, Lang::Nn).unwrap();
    let decided = detail
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Vedtak && i.title.contains("enk"))
        .expect("the waiting meeting decided on benches");
    assert!(
        !text.contains(&decided.title),
        "a decision not yet approved is not reported: {text}"
    );
}

#[test]
fn the_overview_screen_shows_the_councils_asked_for_and_a_short_files_wheel_with_them() {
    let mut store = Store::open_in_memory().unwrap();
    let ahead = council(&mut store, "Åsen vel");
    council(&mut store, "Brunla grendeutvalg");
    hold(&mut store, &ahead.id, MeetingKind::JOINT, day(2026, 10, 1));
    let today = day(2026, 12, 1);
    let all = store
        .overview_screen(2026, today, Lang::Nb, &OverviewQuery::default())
        .unwrap();
    let names: Vec<&str> = all.councils.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Brunla grendeutvalg", "Åsen vel"], "å after b");
    assert_eq!(all.total, 2);
    // Both owe the open meeting; only Brunla the joint one, whose meeting
    // is counted in October as held.
    let joint = all.glance.duties.iter().find(|d| d.kind == "joint_meeting").unwrap();
    let count = |s| joint.counts.iter().find(|c| c.status == s).unwrap().count;
    assert_eq!((count(DutyStatus::Overdue), count(DutyStatus::Fulfilled)), (1, 1));
    assert_eq!(all.glance.months[9].held, 1);
    let wheel = all.wheel.expect("two councils: the wheel comes along");
    assert!(wheel.months[9]
        .iter()
        .any(|e| matches!(e, WheelEntry::Meeting { meeting, .. } if meeting.council_id == ahead.id)));

    let behind = OverviewQuery {
        behind_only: true,
        ..OverviewQuery::default()
    };
    let screen = store.overview_screen(2026, today, Lang::Nb, &behind).unwrap();
    assert!(screen.councils.iter().all(|c| c.duties_overdue + c.duties_due_soon > 0));
    let wheel = store.year_wheel(
        2026,
        today,
        Lang::Nb,
        &OverviewQuery {
            name: "brunla".into(),
            ..OverviewQuery::default()
        },
    );
    assert!(wheel
        .unwrap()
        .months
        .iter()
        .flatten()
        .all(|e| !matches!(e, WheelEntry::Meeting { meeting, .. } if meeting.council_id == ahead.id)));
}

const OVRE_EIKER: &str = include_str!("../../../docs/profiles/ovre-eiker.json");

#[test]
fn ovre_eikers_eight_duties_follow_their_evidence_and_a_manual_one_is_confirmed_by_hand() {
    let mut store = Store::open_in_memory().unwrap();
    let c = council(&mut store, "Vestfossen grendeutvalg");
    // Waived under the built-in profile: the row outlives the duty.
    let waive = DutyEdit::Waive {
        reason: "Ingen lokale".into(),
    };
    edit(&mut store, &at(2026, 10, 1), &c.id, "open_meeting", &waive).unwrap();
    store
        .import_profile(
            OVRE_EIKER,
            Utc.with_ymd_and_hms(2026, 11, 3, 9, 0, 0).unwrap(),
            Lang::Nb,
        )
        .unwrap();
    assert_eq!(row_count(&store, "duty"), 1, "a removed duty's rows are kept");
    let profile = store.profile().unwrap();
    assert_eq!(
        crate::rules::duties::name_of(&profile, "open_meeting", Lang::Nb),
        "open_meeting",
        "named by its key once the profile no longer has it"
    );
    assert_eq!(
        crate::rules::duties::name_of(&profile, "heie", Lang::Nn),
        "Heie på lokale initiativ"
    );
    // A joint meeting whose notice went out before it (sent 1 October).
    hold(&mut store, &c.id, MeetingKind::JOINT, day(2026, 10, 20));
    let today = day(2026, 12, 10);
    let duties = store.duties(&c.id, 2026, today, Lang::Nb).unwrap();
    let keys: Vec<&str> = duties.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(
        keys,
        [
            "inkludering",
            "profilere",
            "fellesmote",
            "heie",
            "invitere-kommunen",
            "samarbeide",
            "nye-medlemmer",
            "skape-liv"
        ],
        "the profile's duties in its order; the removed one not owed"
    );
    assert_eq!(duty(&duties, "fellesmote").name, "Delta på fellesmøte med kommunen");
    let status = |duties: &[Duty], key: &str| duty(duties, key).status;
    assert_eq!(status(&duties, "fellesmote"), DutyStatus::Fulfilled);
    assert_eq!(
        status(&duties, "profilere"),
        DutyStatus::Fulfilled,
        "every notice in time"
    );
    assert_eq!(
        status(&duties, "nye-medlemmer"),
        DutyStatus::Overdue,
        "no open meeting by 30 June"
    );
    assert_eq!(status(&duties, "heie"), DutyStatus::DueSoon, "manual, due 31 December");
    assert_eq!(duty(&duties, "heie").evidence_kind, ProfileEvidenceKind::Manual);

    // A meeting held before its notice went out spoils the notices.
    hold(&mut store, &c.id, MeetingKind::ORDINARY, day(2026, 9, 15));
    let duties = store.duties(&c.id, 2026, today, Lang::Nb).unwrap();
    assert_eq!(status(&duties, "profilere"), DutyStatus::DueSoon);

    // Confirmed by hand: a day and a note, both required, then fulfilled.
    let actor = at(2026, 12, 10);
    let too_early = DutyEdit::Confirm {
        date: Some(day(2026, 12, 11)),
        note: " ".into(),
    };
    let refused = edit(&mut store, &actor, &c.id, "heie", &too_early).unwrap_err();
    let CoreError::Invalid(issues) = &refused else {
        panic!("{refused:?}")
    };
    assert_eq!(
        issues.iter().map(|i| (i.field.as_str(), i.key)).collect::<Vec<_>>(),
        [("note", "duty.confirm_needs_note"), ("date", "duty.confirm_in_future")]
    );
    let confirm = DutyEdit::Confirm {
        date: Some(day(2026, 11, 14)),
        note: "Heiet fram dugnaden i parken".into(),
    };
    let duties = edit(&mut store, &actor, &c.id, "heie", &confirm).unwrap();
    let heie = duty(&duties, "heie");
    assert_eq!(heie.status, DutyStatus::Fulfilled);
    let evidence = heie.evidence.as_ref().unwrap();
    assert_eq!(
        (evidence.kind, evidence.label.as_str(), evidence.date),
        (
            EvidenceKind::Confirmation,
            "Heiet fram dugnaden i parken",
            Some(day(2026, 11, 14))
        )
    );
    assert_eq!(heie.confirmation.as_ref().unwrap().confirmed.by, "Kari Koordinator");
    // Only a manual duty is confirmed by hand; a duty not in the profile is refused.
    assert!(edit(&mut store, &actor, &c.id, "fellesmote", &confirm).is_err());
    let gone = edit(&mut store, &actor, &c.id, "joint_meeting", &DutyEdit::Unwaive);
    assert_eq!(gone.unwrap_err().code(), "invalid");
    // Undone: owed again, and the audit log keeps both.
    let duties = edit(&mut store, &actor, &c.id, "heie", &DutyEdit::Unconfirm).unwrap();
    assert_eq!(status(&duties, "heie"), DutyStatus::DueSoon);
    assert_eq!(row_count(&store, "duty_confirmation"), 0);
    let logged: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM audit WHERE entity = 'duty_confirmation'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 4, "date and note recorded, then both undone");
}

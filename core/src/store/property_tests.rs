//! Property tests on what users type: text of any kind and length (NUL,
//! bidi controls, emoji, combining marks, markup), extreme numbers and
//! dates. Every input is either refused with a message, or stored and read
//! back exactly as cleaned (trimmed) — and nothing panics.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use proptest::prelude::*;

use super::test_fixtures::demo_store;
use super::*;

fn actor() -> Actor {
    Actor::new("Prop", Utc.with_ymd_and_hms(2026, 3, 12, 20, 0, 0).unwrap())
}

/// Text a user might paste, or an attacker might try.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[a-zA-ZæøåÆØÅ ]{0,30}",
        Just("\u{0}".to_owned()),
        Just("Kari\u{0}Nordmann".to_owned()),
        Just("\u{202E}gnirts desrever\u{202C}".to_owned()),
        Just("e\u{301}\u{301}\u{301} 🎉👨‍👩‍👧 中文".to_owned()),
        Just("<img src=x onerror=window.__pwn=1> <script>alert(1)</script> javascript:alert(1)".to_owned()),
        Just("'; DROP TABLE council; --".to_owned()),
        Just("x".repeat(10_000)),
        Just("   ".to_owned()),
    ]
}

fn number() -> impl Strategy<Value = i32> {
    prop_oneof![
        Just(i32::MIN),
        Just(i32::MAX),
        Just(-1),
        Just(0),
        Just(1),
        0..100i32,
        any::<i32>()
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        Just(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()),
        Just(NaiveDate::from_ymd_opt(2200, 12, 31).unwrap()),
        (1900i32..2200, 1u32..13, 1u32..29).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    ]
}

fn refused_with_message(err: &CoreError) {
    assert!(
        matches!(err, CoreError::Invalid(_) | CoreError::Conflict(_)),
        "not a refusal: {err:?}"
    );
    for lang in Lang::ALL {
        let report = err.report(lang);
        assert!(!report.message.trim().is_empty());
        assert!(report
            .fields
            .iter()
            .all(|f| !f.message.trim().is_empty() && !f.message.contains("validation.")));
    }
}

fn council_input(name: String, area: String, mandate: String, seats: [i32; 5]) -> CouncilInput {
    CouncilInput {
        name,
        kind: CouncilKind::Grendeutvalg,
        area,
        mandate,
        malform: Malform::Nynorsk,
        legal_mode: LegalMode::Formal,
        contact_name: String::new(),
        contact_email: String::new(),
        contact_phone: String::new(),
        seat_plan: SeatPlan::new(seats[0], seats[1], seats[2], seats[3], seats[4]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn councils_are_refused_or_read_back_exactly(
        name in text(), area in text(), mandate in text(),
        seats in proptest::array::uniform5(number()),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let input = council_input(name, area, mandate, seats);
        match store.create_council(&actor(), &input) {
            Ok(council) => {
                let clean = crate::rules::validate::council(&input).unwrap();
                prop_assert_eq!(store.council(&council.id).unwrap().input(), clean);
            }
            Err(err) => refused_with_message(&err),
        }
    }

    #[test]
    fn people_and_seats_are_refused_or_read_back_exactly(
        name in text(), email in text(), organisation in text(), from in date(), to in proptest::option::of(date()),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let council = store.create_council(&actor(), &council_input("Utval".into(), String::new(), String::new(), [1; 5])).unwrap();
        let input = MembershipInput {
            council_id: council.id,
            person: PersonChoice::New { person: PersonInput { name, email, phone: String::new(), gender: None } },
            category: SeatCategory::VOLUNTEER,
            role: Role::Medlem,
            organisation,
            term_from: from,
            term_to: to,
        };
        match store.add_membership(&actor(), &input) {
            Ok(m) => {
                let PersonChoice::New { person } = crate::rules::validate::membership(&input).unwrap().person else { unreachable!() };
                let back = &store.memberships_of_council(&m.council_id).unwrap()[0];
                prop_assert_eq!(&back.person.name, &person.name);
                prop_assert_eq!(&back.person.email, &person.email);
                prop_assert_eq!(back.organisation.clone(), crate::rules::validate::clean_text(&input.organisation));
                prop_assert_eq!((back.term_from, back.term_to), (from, to));
            }
            Err(err) => {
                refused_with_message(&err);
                prop_assert!(store.people().unwrap().is_empty(), "a refused write leaves nothing behind");
            }
        }
    }

    #[test]
    fn meetings_items_and_decisions_are_refused_or_read_back_exactly(
        place in text(), title in text(), decision in text(), day in date(),
        votes in proptest::option::of(proptest::array::uniform3(number())),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let council = store.create_council(&actor(), &council_input("Utval".into(), String::new(), String::new(), [1; 5])).unwrap();
        let meeting_input = MeetingInput {
            council_id: council.id,
            kind: MeetingKind::OPEN,
            date: day,
            starts_at: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            ends_at: None,
            place,
            guests: String::new(),
            kommune_rep: String::new(),
        };
        let meeting = match store.create_meeting(&actor(), &meeting_input) {
            Ok(m) => m,
            Err(err) => { refused_with_message(&err); return Ok(()); }
        };
        prop_assert_eq!(meeting.place.clone(), crate::rules::validate::clean_text(&meeting_input.place));
        let item_input = AgendaItemInput { kind: ItemKind::Vedtak, title, background: String::new(), proposal: String::new(), access: Default::default(), statement: None };
        let item = match store.add_item(&actor(), &meeting.id, &item_input) {
            Ok(id) => id,
            Err(err) => { refused_with_message(&err); return Ok(()); }
        };
        let record = ItemRecord {
            closed_ground: None,
            chair_vote: None,
            decision,
            votes: votes.map(|[a, b, c]| Votes { in_favour: a, against: b, blank: c }),
            closed: false,
            closed_basis: String::new(),
        };
        match store.record_item(&actor(), &item, &record) {
            Ok(_) => {
                let detail = store.meeting_detail(&meeting.id, Lang::Nb).unwrap();
                prop_assert_eq!(detail.items[0].decision.clone(), crate::rules::validate::clean_text(&record.decision));
                prop_assert_eq!(detail.items[0].votes, record.votes);
                prop_assert_eq!(detail.items[0].title.clone(), crate::rules::validate::clean_text(&item_input.title));
                // And it prints.
                let pdf = store.render_document(&meeting.id, DocumentKind::Minutes, actor().at).unwrap();
                prop_assert!(pdf.bytes.starts_with(b"%PDF-"));
            }
            Err(err) => refused_with_message(&err),
        }
    }
}

/// The demo, with one meeting that has items to move, shared by every case
/// of the year-and-number property test (each case only reads, or moves an item).
struct Demo {
    store: Store,
    council: String,
    item: String,
    dir: tempfile::TempDir,
}

thread_local! {
    static DEMO: std::cell::RefCell<Demo> = std::cell::RefCell::new({
        let mut store = demo_store(&actor(), actor().at.date_naive());
        let council = store.find_councils("Lyngvik").unwrap()[0].id.clone();
        let meeting = store
            .create_meeting(&actor(), &MeetingInput {
                council_id: council.clone(),
                kind: MeetingKind::ORDINARY,
                date: actor().at.date_naive(),
                starts_at: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
                ends_at: None,
                place: String::new(),
                guests: String::new(),
                kommune_rep: String::new(),
            })
            .unwrap();
        let mut items = ["Vei", "Lys"].into_iter().map(|title| {
            let input = AgendaItemInput { kind: ItemKind::Vedtak, title: title.into(), background: String::new(), proposal: String::new(), access: Default::default(), statement: None };
            store.add_item(&actor(), &meeting.id, &input).unwrap()
        }).collect::<Vec<_>>();
        let item = items.remove(0);
        Demo { store, council, item, dir: tempfile::tempdir().unwrap() }
    });
}

/// Answered, or refused with a message a person can read: never a panic,
/// never a database error.
fn answered_or_refused<T>(what: &str, result: Result<T>) {
    if let Err(err) = result {
        assert!(
            matches!(
                err,
                CoreError::Invalid(_) | CoreError::Conflict(_) | CoreError::NotFound { .. }
            ),
            "{what}: {err:?}"
        );
        assert!(!err.message(Lang::Nb).contains("validation."), "{what}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// `duties --year 2147483647` panicked (rules/duties.rs adding a year);
    /// every command that takes a year or a number answers or refuses.
    #[test]
    fn no_command_panics_on_any_year_or_number(year in number(), offset in number(), day in date()) {
        DEMO.with(|demo| {
            let mut d = demo.borrow_mut();
            let (council, item, out) = (d.council.clone(), d.item.clone(), d.dir.path().to_owned());
            let today = actor().at.date_naive();
            let s = &mut d.store;
            answered_or_refused("duties", s.duties(&council, year, today, Lang::Nb));
            answered_or_refused("all duties", s.all_duties(year, today, Lang::Nb));
            answered_or_refused("overview", s.overview(year, day, Lang::Nb));
            answered_or_refused("annual report", s.render_annual_report(&council, year, actor().at));
            answered_or_refused("annual report name", s.annual_report_file_name(&council, year));
            answered_or_refused("annual reports", s.annual_reports(&council, year));
            answered_or_refused("calendar", s.export_calendar(year, Some(&council), &out.join("y.ics"), actor().at, Lang::Nb));
            answered_or_refused("kommune folder", s.export_for_kommune(&council, year, &out, actor().at, Lang::Nb));
            answered_or_refused("attendance", s.attendance_by_member(&council, year));
            answered_or_refused("grants", s.grants_of_council(&council, Some(year)));
            let query = SearchQuery { text: "lys".into(), council_id: Some(council.clone()), year: Some(year) };
            answered_or_refused("search", s.search(&query, Lang::Nb));
            answered_or_refused("move item", s.move_item(&actor(), &item, offset));
            let due = DutyEdit::SetDue { due: Some(day) };
            answered_or_refused("duty due", s.edit_duty(&actor(), &council, year, &DutyKey::from("joint_meeting"), &due, Lang::Nb));
            answered_or_refused("duties on any day", s.duties(&council, 2026, day, Lang::Nb));
        });
    }
}

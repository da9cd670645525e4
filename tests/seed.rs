//! What a test writes into the app's database before the app starts: a
//! council, its members and meetings, through the core as the app would, so
//! that a test begins where a person would already be.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Utc};
use grendebok_core::model::*;
use grendebok_core::Store;

use crate::App;

/// The test's own store and the person writing ("Kari Sekretær").
pub struct Seed {
    pub store: Store,
    pub actor: Actor,
}

/// The day every seeded member's term starts.
pub fn term_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
}

/// A new person joining `council_id` in `category` as `role`, from 2020 on.
pub fn new_member(
    council_id: &str,
    name: &str,
    category: SeatCategory,
    role: Role,
    organisation: &str,
) -> MembershipInput {
    MembershipInput {
        council_id: council_id.into(),
        person: PersonChoice::New {
            person: PersonInput {
                name: name.into(),
                email: String::new(),
                phone: String::new(),
                gender: None,
            },
        },
        category,
        role,
        organisation: organisation.into(),
        term_from: term_start(),
        term_to: None,
    }
}

/// [`new_member`] with no organisation, reached at `email` and `phone`
/// (either may be empty).
pub fn new_member_reached_at(
    council_id: &str,
    name: &str,
    category: SeatCategory,
    role: Role,
    email: &str,
    phone: &str,
) -> MembershipInput {
    let mut input = new_member(council_id, name, category, role, "");
    if let PersonChoice::New { person } = &mut input.person {
        person.email = email.into();
        person.phone = phone.into();
    }
    input
}

/// A grant scheme of `council_id` for `year` with its budget typed as
/// kroner, its two deadlines and its criteria as `(name, weight)`; no
/// maximum, no enkeltvedtak and no appeal (struct update for those).
pub fn new_scheme(
    council_id: &str,
    year: i32,
    name: &str,
    budget: &str,
    deadline: NaiveDate,
    report_deadline: NaiveDate,
    criteria: &[(&str, i32)],
) -> SchemeInput {
    SchemeInput {
        council_id: council_id.into(),
        year,
        name: name.into(),
        budget: budget.into(),
        deadline,
        report_deadline,
        max_per_application: String::new(),
        criteria: criteria
            .iter()
            .map(|(name, weight)| CriterionInput {
                name: (*name).into(),
                weight: *weight,
            })
            .collect(),
        enkeltvedtak: false,
        appeal_body: String::new(),
        appeal_address: String::new(),
        conditions: String::new(),
    }
}

/// An application to `scheme_id` from `organisation` for `title`, asking
/// `amount_asked` of a project costing `project_budget` (kroner as typed),
/// received on `received`; no contact, no description (struct update for those).
pub fn new_application(
    scheme_id: &str,
    organisation: &str,
    title: &str,
    amount_asked: &str,
    project_budget: &str,
    received: NaiveDate,
) -> ApplicationInput {
    ApplicationInput {
        scheme_id: scheme_id.into(),
        organisation: organisation.into(),
        org_number: String::new(),
        contact_name: String::new(),
        email: String::new(),
        phone: String::new(),
        title: title.into(),
        description: String::new(),
        amount_asked: amount_asked.into(),
        project_budget: project_budget.into(),
        received,
    }
}

/// What the minutes say of an item: its decision, in an open meeting, no
/// votes counted.
pub fn new_record(decision: &str) -> ItemRecord {
    ItemRecord {
        closed_ground: None,
        chair_vote: None,
        decision: decision.into(),
        votes: None,
        closed: false,
        closed_basis: String::new(),
    }
}

/// A meeting of `kind` in `council_id` on `date` at 18:00 in `place`.
pub fn new_meeting(council_id: &str, kind: MeetingKind, date: NaiveDate, place: &str) -> MeetingInput {
    MeetingInput {
        council_id: council_id.into(),
        kind,
        date,
        starts_at: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
        ends_at: None,
        place: place.into(),
        guests: String::new(),
        kommune_rep: String::new(),
    }
}

impl Seed {
    /// Opens the app's database as Kari Sekretær: a new one before the app
    /// first starts, or the app's own once it has closed (waiting while the
    /// closing app still holds its lock).
    pub fn open(app: &App) -> Seed {
        Seed::open_as(app, "Kari Sekretær")
    }

    /// Like [`Seed::open`], writing as `user` when the file has no user yet.
    pub fn open_as(app: &App, user: &str) -> Seed {
        Seed::open_file(&app.db, user)
    }

    /// Like [`Seed::open_as`], for a database at `db` that no app of this
    /// test uses (a council's own file elsewhere).
    pub fn open_file(db: &Path, user: &str) -> Seed {
        let mut store = if db.exists() {
            crate::open_store(db)
        } else {
            Store::open(db).unwrap()
        };
        let now = Utc::now();
        if store.settings().unwrap().user_name.is_none() {
            store.save_user_name(user, now).unwrap();
        }
        let actor = store.actor(now).unwrap();
        Seed { store, actor }
    }

    pub fn council(&mut self, input: &CouncilInput) -> Council {
        self.store.create_council(&self.actor, input).unwrap()
    }

    /// Adds each `(name, category, role, organisation)` as a new person.
    pub fn members(&mut self, council_id: &str, members: &[(&str, SeatCategory, Role, &str)]) -> Vec<Membership> {
        members
            .iter()
            .map(|(name, category, role, organisation)| {
                let input = new_member(council_id, name, category.clone(), *role, organisation);
                self.store.add_membership(&self.actor, &input).unwrap()
            })
            .collect()
    }

    /// Stavern nærmiljøutvalg (area Stavern) with `plan` and the first `count`
    /// of its five members: Aslaug (leder, senior), Bror (school), Cathrine
    /// (nestleder, sports), Didrik (business) and Elin (sekretær, volunteer),
    /// each from an organisation of their own.
    pub fn stavern(&mut self, plan: SeatPlan, count: usize) -> (Council, Vec<Membership>) {
        let council = self.council(&CouncilInput {
            area: "Stavern".into(),
            ..CouncilInput::named("Stavern nærmiljøutvalg", plan)
        });
        let all = [
            (
                "Aslaug Fjeldstad",
                SeatCategory::SENIOR,
                Role::Leder,
                "Seniorforeningen",
            ),
            ("Bror Kvamme", SeatCategory::SCHOOL, Role::Medlem, "FAU Brunla skole"),
            (
                "Cathrine Ødegård",
                SeatCategory::SPORTS,
                Role::Nestleder,
                "Stavern idrettslag",
            ),
            (
                "Didrik Åmodt",
                SeatCategory::BUSINESS,
                Role::Medlem,
                "Næringsforeningen",
            ),
            (
                "Elin Sæther",
                SeatCategory::VOLUNTEER,
                Role::Sekretaer,
                "Frivilligsentralen",
            ),
        ];
        let members = self.members(&council.id, &all[..count]);
        (council, members)
    }

    pub fn meeting(&mut self, input: &MeetingInput) -> Meeting {
        self.store.create_meeting(&self.actor, input).unwrap()
    }

    pub fn member(&mut self, input: &MembershipInput) -> Membership {
        self.store.add_membership(&self.actor, input).unwrap()
    }

    /// Puts an item on the meeting's agenda; returns its id.
    pub fn item(&mut self, meeting_id: &str, input: &AgendaItemInput) -> String {
        self.store.add_item(&self.actor, meeting_id, input).unwrap()
    }

    pub fn scheme(&mut self, input: &SchemeInput) -> GrantScheme {
        self.store.create_scheme(&self.actor, input).unwrap()
    }

    pub fn application(&mut self, input: &ApplicationInput) -> Application {
        self.store.add_application(&self.actor, input).unwrap()
    }

    /// Marks the meeting held, with each of `present` (membership ids) there
    /// from the start.
    pub fn hold<'a>(&mut self, meeting_id: &str, present: impl IntoIterator<Item = &'a str>) {
        self.store.mark_held(&self.actor, meeting_id).unwrap();
        for membership_id in present {
            let input = AttendanceInput {
                membership_id: membership_id.into(),
                status: AttendanceStatus::Present,
                substitute_for: None,
            };
            self.store.set_attendance(&self.actor, meeting_id, &input).unwrap();
        }
    }

    /// Who chairs the meeting and who takes its minutes: a member by id, or
    /// someone who is no member by name.
    pub fn roles(&mut self, meeting_id: &str, chair_id: &str, minute_taker: (Option<&str>, &str)) {
        let roles = MeetingRoles {
            chair_id: Some(chair_id.into()),
            minute_taker_id: minute_taker.0.map(Into::into),
            minute_taker_name: minute_taker.1.into(),
        };
        self.store.set_meeting_roles(&self.actor, meeting_id, &roles).unwrap();
    }

    /// Minutes the item's decision (see [`new_record`]).
    pub fn record(&mut self, item_id: &str, record: &ItemRecord) {
        self.store.record_item(&self.actor, item_id, record).unwrap();
    }
}

/// An agenda item of `kind` with a title and nothing more.
pub fn new_item(kind: ItemKind, title: &str) -> AgendaItemInput {
    AgendaItemInput {
        kind,
        title: title.into(),
        background: String::new(),
        proposal: String::new(),
        access: Default::default(),
        statement: None,
    }
}

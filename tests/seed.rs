//! What a test writes into the app's database before the app starts: a
//! council, its members and meetings, through the core as the app would, so
//! that a test begins where a person would already be.

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
        let mut store = if app.db.exists() {
            crate::open_store(&app.db)
        } else {
            Store::open(&app.db).unwrap()
        };
        let now = Utc::now();
        if store.settings().unwrap().user_name.is_none() {
            store.save_user_name("Kari Sekretær", now).unwrap();
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

//! Demo data: a fictional kommune (Fjordvik) with three councils of
//! different kinds and seat plans, one vacant seat and one term ending soon.
//! Every name, organisation and address here is invented.

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::demo_texts::local;
use super::{attendance, councils, items, meetings, memberships, minutes, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::progress::{tick, NoProgress, Progress};

/// What `load_demo` put in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub councils: i32,
    pub memberships: i32,
    pub meetings: i32,
    pub grant_applications: i32,
}

struct Seat(&'static str, Option<Gender>, SeatCategory, Role, &'static str);

pub(super) fn email(name: &str, domain: &str) -> String {
    let ascii: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' => 'e',
            'ø' => 'o',
            'å' => 'a',
            ' ' => '.',
            c => c,
        })
        .collect();
    format!("{ascii}@{domain}")
}

pub fn load(conn: &Connection, actor: &Actor, today: NaiveDate) -> Result<DemoSummary> {
    load_with_progress(conn, actor, today, &NoProgress)
}

/// [`load`], reporting each council whose meetings are written. Cancelled,
/// it returns [`CoreError::Cancelled`], so the caller's transaction is rolled back.
pub fn load_with_progress(
    conn: &Connection,
    actor: &Actor,
    today: NaiveDate,
    progress: &dyn Progress,
) -> Result<DemoSummary> {
    if !councils::all(conn)?.is_empty() {
        return Err(CoreError::Conflict(FieldIssue::new("", "validation.demo_not_empty")));
    }
    let term_from = NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).expect("valid date");
    let term_to = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).expect("valid date");
    let ending_soon = today.checked_add_days(Days::new(45)).expect("valid date");

    use Gender::*;
    use Role::*;
    let councils: [(CouncilInput, Vec<Seat>); 3] = [
        (
            CouncilInput {
                name: "Lyngvik nærmiljøutvalg".into(),
                kind: CouncilKind::Naermiljoutvalg,
                area: "Lyngvik sentrum og Strandåsen".into(),
                mandate: "Samle innbyggernes ønsker og ideer for nærmiljøet, være et bindeledd til kommunen \
                          og holde faste møter som er åpne for alle."
                    .into(),
                malform: Malform::Bokmal,
                legal_mode: LegalMode::Voluntary,
                contact_name: "Ingrid Haugsvær".into(),
                contact_email: "ingrid.haugsvaer@fjordvik.kommune.no".into(),
                contact_phone: "33 12 34 56".into(),
                seat_plan: SeatPlan::new(1, 1, 1, 1, 2),
            },
            vec![
                Seat(
                    "Astrid Kvalvik",
                    Some(Female),
                    SeatCategory::SENIOR,
                    Leder,
                    "Lyngvik pensjonistforening",
                ),
                Seat(
                    "Torbjørn Leirvåg",
                    Some(Male),
                    SeatCategory::SCHOOL,
                    Medlem,
                    "FAU Strandåsen skole",
                ),
                Seat(
                    "Sigrid Hals",
                    Some(Female),
                    SeatCategory::SPORTS,
                    Nestleder,
                    "Lyngvik IL",
                ),
                Seat(
                    "Einar Bråthen",
                    Some(Male),
                    SeatCategory::BUSINESS,
                    Medlem,
                    "Lyngvik næringsforening",
                ),
                Seat(
                    "Hanne Lislerud",
                    Some(Female),
                    SeatCategory::VOLUNTEER,
                    Sekretaer,
                    "Lyngvik frivilligsentral",
                ),
            ],
        ),
        (
            CouncilInput {
                name: "Storlia grendeutval".into(),
                kind: CouncilKind::Grendeutvalg,
                area: "Storlia, Nordbygda og Heimdal".into(),
                mandate: "Grendeutvalet fordeler kulturmidlar frå kommunen, held eit ope møte kvart år \
                          og har eit fellesmøte med kommunen."
                    .into(),
                malform: Malform::Nynorsk,
                legal_mode: LegalMode::Voluntary,
                contact_name: "Ingrid Haugsvær".into(),
                contact_email: "ingrid.haugsvaer@fjordvik.kommune.no".into(),
                contact_phone: "33 12 34 56".into(),
                seat_plan: SeatPlan::new(1, 1, 1, 0, 3),
            },
            vec![
                Seat(
                    "Øystein Fjellvang",
                    Some(Male),
                    SeatCategory::SENIOR,
                    Medlem,
                    "Storlia seniorlag",
                ),
                Seat(
                    "Marit Sandvold",
                    Some(Female),
                    SeatCategory::SCHOOL,
                    Leder,
                    "Storlia oppvekstsenter",
                ),
                Seat(
                    "Kjetil Åsheim",
                    Some(Male),
                    SeatCategory::SPORTS,
                    Medlem,
                    "Storlia skiskyttarlag",
                ),
                Seat(
                    "Ragnhild Tverrå",
                    Some(Female),
                    SeatCategory::VOLUNTEER,
                    Sekretaer,
                    "Storlia bygdekvinnelag",
                ),
                Seat(
                    "Lars Bjørnevik",
                    Some(Male),
                    SeatCategory::VOLUNTEER,
                    Nestleder,
                    "Storlia grendehus SA",
                ),
                Seat(
                    "Solveig Hammerø",
                    Some(Female),
                    SeatCategory::VOLUNTEER,
                    Medlem,
                    "Nordbygda sanitetslag",
                ),
                Seat(
                    "Nils Urdal",
                    None,
                    SeatCategory::VOLUNTEER,
                    Varamedlem,
                    "Heimdal velforening",
                ),
            ],
        ),
        (
            CouncilInput {
                name: "Midtbyen kommunedelsutvalg".into(),
                kind: CouncilKind::Kommunedelsutvalg,
                area: "Midtbyen bydel".into(),
                mandate: "Kommunedelsutvalg etter kommuneloven kapittel 11, med ansvar for nærmiljøtiltak \
                          og tilskudd til lag og foreninger i bydelen."
                    .into(),
                malform: Malform::Bokmal,
                legal_mode: LegalMode::Formal,
                contact_name: "Petter Olaussen".into(),
                contact_email: "petter.olaussen@fjordvik.kommune.no".into(),
                contact_phone: "33 12 35 00".into(),
                seat_plan: SeatPlan::new(2, 1, 1, 2, 2),
            },
            vec![
                Seat(
                    "Ingvild Kroken",
                    Some(Female),
                    SeatCategory::SENIOR,
                    Medlem,
                    "Midtbyen eldreråd",
                ),
                Seat(
                    "Per Ove Stubø",
                    Some(Male),
                    SeatCategory::SENIOR,
                    Medlem,
                    "Fjordvik pensjonistlag",
                ),
                Seat(
                    "Håkon Vestre",
                    Some(Male),
                    SeatCategory::SCHOOL,
                    Medlem,
                    "Midtbyen barnehage SA",
                ),
                Seat(
                    "Anders Myklevoll",
                    Some(Male),
                    SeatCategory::SPORTS,
                    Leder,
                    "Fjordvik turn",
                ),
                Seat(
                    "Terje Skaret",
                    Some(Male),
                    SeatCategory::BUSINESS,
                    Nestleder,
                    "Handelsstanden i Midtbyen",
                ),
                Seat(
                    "Jon Arne Hovland",
                    Some(Male),
                    SeatCategory::BUSINESS,
                    Medlem,
                    "Midtbyen gårdeierforening",
                ),
                Seat(
                    "Bente Sørlie",
                    Some(Female),
                    SeatCategory::VOLUNTEER,
                    Sekretaer,
                    "Midtbyen beboerforening",
                ),
                Seat(
                    "Arvid Løkkeberg",
                    Some(Male),
                    SeatCategory::VOLUNTEER,
                    Medlem,
                    "Fjordvik Røde Kors",
                ),
            ],
        ),
    ];

    let mut count = DemoSummary {
        councils: 0,
        memberships: 0,
        meetings: 0,
        grant_applications: 0,
    };
    for (input, seats) in councils {
        let council = councils::create(conn, actor, &input)?;
        count.councils += 1;
        for Seat(name, gender, category, role, organisation) in seats {
            let membership = MembershipInput {
                council_id: council.id.clone(),
                person: PersonChoice::New {
                    person: PersonInput {
                        name: name.into(),
                        email: email(name, "eksempel.no"),
                        phone: String::new(),
                        gender,
                    },
                },
                category,
                role,
                organisation: organisation.into(),
                term_from,
                // Lyngvik's business seat is up for renewal soon.
                term_to: Some(if name == "Einar Bråthen" { ending_soon } else { term_to }),
            };
            memberships::add(conn, actor, &membership)?;
            count.memberships += 1;
        }
    }

    // History: a member of Midtbyen who left last year, replaced since.
    let midtbyen = councils::all(conn)?
        .into_iter()
        .find(|c| c.kind == CouncilKind::Kommunedelsutvalg)
        .expect("created above");
    let former = memberships::add(
        conn,
        actor,
        &MembershipInput {
            council_id: midtbyen.id,
            person: PersonChoice::New {
                person: PersonInput {
                    name: "Frida Nesbø".into(),
                    email: email("Frida Nesbø", "eksempel.no"),
                    phone: String::new(),
                    gender: Some(Female),
                },
            },
            category: SeatCategory::VOLUNTEER,
            role: Medlem,
            organisation: "Midtbyen speidergruppe".into(),
            term_from,
            term_to: Some(term_to),
        },
    )?;
    let left = NaiveDate::from_ymd_opt(today.year() - 1, 9, 1).expect("valid date");
    memberships::end(conn, actor, &former.id, left, "Flyttet fra bydelen")?;
    count.memberships += 1;

    let all = councils::all(conn)?;
    let total = all.len() as u64;
    tick(progress, 0, total, "")?;
    for (done, council) in all.iter().enumerate() {
        let (meetings, applications) = demo_meetings(conn, actor, council, today)?;
        count.meetings += meetings;
        count.grant_applications += applications;
        tick(progress, done as u64 + 1, total, &council.name)?;
    }
    if let Some(lyngvik) = all.iter().find(|c| c.name.starts_with("Lyngvik")) {
        super::account::demo(conn, actor, &lyngvik.id, today)?;
    }
    Ok(count)
}

struct DemoItem(ItemKind, &'static str, &'static str, &'static str, &'static str);

/// An item of Lyngvik's last approved meeting exempt from public access: a
/// member's personal matter, whose title is withheld too.
const EXEMPT_ITEM: DemoItem = DemoItem(
    ItemKind::Vedtak,
    "Søknad om fritak fra vervet av helsegrunner",
    "Et medlem har søkt om fritak fra vervet ut året av helsegrunner. Legeerklæring er lagt fram.",
    "Utvalget innvilger fritak ut året.",
    "Utvalget innvilger fritak ut året. Første varamedlem møter fast i perioden.",
);

/// Lyngvik's statement to the kommune (a fictional hearing), adopted in its
/// last approved meeting, with the kommune's case number and deadline.
const STATEMENT_ITEM: DemoItem = DemoItem(
    ItemKind::Uttalelse,
    "Høring: trafikksikkerhetsplan for Lyngvik",
    "Kommunen har sendt forslag til trafikksikkerhetsplan på høring. Foreldre ber om fortau langs skoleveien.",
    "Utvalget støtter planen og ber om at fortau langs Skoleveien prioriteres.",
    "Lyngvik nærmiljøutvalg støtter forslaget til trafikksikkerhetsplan. Utvalget ber om at fortau langs Skoleveien \
     prioriteres i første planperiode, og at krysset ved butikken får lavere fartsgrense.",
);

/// The kommune's case number, unit and deadline (days after the meeting) of [`STATEMENT_ITEM`].
const STATEMENT_FACTS: (&str, &str, i64) = ("26/00417", "Lyngvik kommune, Samfunnsutvikling v/ Eirik Solbakk", 10);

/// The vedtak item under which Lyngvik's grants are decided.
const GRANT_ITEM: DemoItem = DemoItem(
    ItemKind::Vedtak,
    "Tildeling av grendemidler",
    "Utvalget har fått søknader om grendemidler. Komiteen har gitt poeng etter kriteriene i ordningen.",
    "Grendemidlene fordeles etter komiteens forslag.",
    "Grendemidlene fordeles som vist under. Begrunnelsene står i vedtaksbrevene.",
);

/// Two held meetings with approved minutes (Storlia's latest still waits for
/// approval) and one upcoming with a sent notice; for Lyngvik, the first also decides the year's grants. Returns the
/// meetings and grant applications made.
fn demo_meetings(conn: &Connection, actor: &Actor, council: &Council, today: NaiveDate) -> Result<(i32, i32)> {
    let with_grants = council.name.starts_with("Lyngvik");
    let mut applications = 0;
    let nynorsk = council.malform == Malform::Nynorsk;
    let members = memberships::of_council(conn, &council.id)?;
    let place = if nynorsk {
        "Storlia grendehus"
    } else {
        "Grendehuset, møterom 1"
    };
    let past: [(i64, Vec<DemoItem>); 2] = [
        (
            -63,
            vec![
                DemoItem(ItemKind::Vedtak, "Godkjenning av innkalling og saksliste", "", "Innkalling og saksliste godkjennes.", "Innkalling og saksliste ble godkjent."),
                DemoItem(
                    ItemKind::Orientering,
                    "Nytt fra kommunen",
                    "Kontaktpersonen orienterer om kommunens planer for nærmiljøet.",
                    "",
                    "Kontaktpersonen orienterte om ny gang- og sykkelvei og om kommunens tilskuddsordning. Utvalget tok orienteringen til etterretning.",
                ),
                DemoItem(
                    ItemKind::Vedtak,
                    "Dugnad i parken",
                    "Parken trenger rydding før sommeren. Velforeningen og skolen vil gjerne være med.",
                    "Utvalget arrangerer dugnad i parken første lørdag i mai.",
                    "Utvalget arrangerer dugnad i parken første lørdag i mai. Sekretæren inviterer lag og foreninger.",
                ),
            ],
        ),
        (
            -21,
            vec![
                DemoItem(ItemKind::Vedtak, "Godkjenning av innkalling og saksliste", "", "Innkalling og saksliste godkjennes.", "Innkalling og saksliste ble godkjent."),
                DemoItem(
                    ItemKind::Drofting,
                    "Møteplasser for unge",
                    "Flere foreldre har spurt etter et sted der ungdom kan møtes på kveldstid.",
                    "",
                    "Utvalget drøftet åpen skole på kveldstid og en fritidsklubb. Saken tas opp igjen når skolen har svart.",
                ),
                DemoItem(
                    ItemKind::Vedtak,
                    "Benker langs turstien",
                    "Eldre beboere ønsker benker å hvile på langs turstien.",
                    "Utvalget søker kommunen om fire benker.",
                    "Utvalget søker kommunen om fire benker langs turstien.",
                ),
            ],
        ),
    ];
    let voters: Vec<&Membership> = members.iter().filter(|m| m.role.holds_seat()).collect();
    let mut made = 0;
    for (offset, items) in past {
        let date = today
            .checked_add_signed(chrono::Duration::days(offset))
            .expect("valid date");
        // Midtbyen's latest meeting is its fellesmøte with the kommune, and
        // Storlia's first its open meeting: so some yearly duties are fulfilled.
        let kind = match (council.name.split(' ').next(), offset) {
            (Some("Midtbyen"), -21) => MeetingKind::JOINT,
            (Some("Storlia"), -63) => MeetingKind::OPEN,
            _ => MeetingKind::ORDINARY,
        };
        let meeting = meetings::create(
            conn,
            actor,
            &MeetingInput {
                kind,
                ..demo_meeting(council, date, place, true)
            },
        )?;
        let mut items = items;
        let grant_round = with_grants && offset == -63;
        if grant_round {
            items.push(GRANT_ITEM);
        }
        if with_grants && offset == -21 {
            items.push(EXEMPT_ITEM);
            items.push(STATEMENT_ITEM);
        }
        let mut ids = Vec::new();
        for DemoItem(kind, title, background, proposal, _) in &items {
            let access = if *title == EXEMPT_ITEM.1 {
                ItemAccess {
                    exempt: true,
                    basis: crate::i18n::t(crate::documents::document_lang(council), "access.basis.personal", &[]),
                    title_withheld: true,
                }
            } else {
                ItemAccess::default()
            };
            let input = AgendaItemInput {
                kind: *kind,
                title: local(nynorsk, title),
                background: local(nynorsk, background),
                proposal: local(nynorsk, proposal),
                access,
                statement: (*kind == ItemKind::Uttalelse).then(|| StatementInput {
                    case_ref: STATEMENT_FACTS.0.to_owned(),
                    deadline: date.checked_add_signed(chrono::Duration::days(STATEMENT_FACTS.2)),
                    recipient: STATEMENT_FACTS.1.to_owned(),
                }),
            };
            ids.push(items::add_item(conn, actor, &meeting.id, &input)?);
        }
        // The notice went out a week before the meeting, as a secretary sends it.
        let noticed = date
            .checked_sub_days(chrono::Days::new(7))
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .map_or(actor.at, |t| t.and_utc().min(actor.at));
        meetings::send_notice(conn, &Actor::new(actor.name.clone(), noticed), &meeting.id)?;
        meetings::mark_held(conn, actor, &meeting.id)?;
        for (i, m) in members.iter().filter(|m| m.sits_on(date)).enumerate() {
            // Everyone meets, but for one excused member; deputies stay home.
            let status = match (m.role, i) {
                (Role::Varamedlem, _) => AttendanceStatus::Absent,
                (_, 1) => AttendanceStatus::Excused,
                _ => AttendanceStatus::Present,
            };
            let input = AttendanceInput {
                membership_id: m.id.clone(),
                status,
                substitute_for: None,
            };
            attendance::set_attendance(conn, actor, &meeting.id, &input)?;
        }
        // The leader chairs (or the first member present); the secretary
        // takes the minutes, or, without one present, the kommune's clerk.
        let here: Vec<AttendanceRow> = attendance::attendance(conn, &meetings::get(conn, &meeting.id)?)?
            .into_iter()
            .filter(|r| r.status == Some(AttendanceStatus::Present) && r.role.holds_seat())
            .collect();
        let chair = here.iter().find(|r| r.role == Role::Leder).or(here.first());
        let taker = here.iter().find(|r| r.role == Role::Sekretaer);
        let roles = MeetingRoles {
            chair_id: chair.map(|r| r.membership_id.clone()),
            minute_taker_id: taker.map(|r| r.membership_id.clone()),
            minute_taker_name: if taker.is_some() {
                String::new()
            } else {
                "Ingrid Haugland".to_owned()
            },
        };
        attendance::set_roles(conn, actor, &meeting.id, &roles)?;
        let voting = here.len() as i32;
        for (id, DemoItem(kind, .., decision)) in ids.iter().zip(&items) {
            let counted = decision.contains("benker") || decision.contains("fritak") || *kind == ItemKind::Uttalelse;
            // The benches were voted on against an alternative of two benches.
            let alternative = decision.contains("benker") && voting >= 3;
            let votes = (kind.decides() && counted).then_some(Votes {
                in_favour: if alternative {
                    voting - 1
                } else {
                    voters.len().saturating_sub(2) as i32
                },
                against: i32::from(alternative),
                blank: 0,
            });
            let record = ItemRecord {
                decision: local(nynorsk, decision),
                votes,
                closed: false,
                closed_basis: String::new(),
                closed_ground: None,
                chair_vote: None,
            };
            items::record_item(conn, actor, id, &record)?;
            if alternative {
                let input = AlternativeInput {
                    proposed_by: here.last().map(|r| r.person_name.clone()).unwrap_or_default(),
                    text: local(nynorsk, "Utvalget søker kommunen om to benker."),
                    votes: Some(Votes {
                        in_favour: 1,
                        against: voting - 1,
                        blank: 0,
                    }),
                    chair_vote: None,
                };
                super::alternatives::add(conn, actor, id, &input)?;
            }
        }
        if grant_round {
            let item = ids.last().expect("the grant item was added");
            applications = super::demo_grants::load(conn, actor, council, &meeting, item, today)?;
        }
        let present: Vec<String> = attendance::attendance(conn, &meetings::get(conn, &meeting.id)?)?
            .into_iter()
            .filter(|r| r.status == Some(AttendanceStatus::Present) && r.role != Role::Varamedlem)
            .map(|r| r.membership_id)
            .take(2)
            .collect();
        let approval = Approval::Signatories {
            membership_ids: present,
        };
        made += 1;
        // Storlia's latest minutes wait for approval at the next meeting.
        if council.name.starts_with("Storlia") && offset == -21 {
            continue;
        }
        minutes::approve(
            conn,
            actor,
            &meeting.id,
            &approval,
            crate::documents::document_lang(council),
        )?;
        super::documents::archive_final_minutes(conn, actor, &meeting.id)?;
    }

    let date = today.checked_add_days(Days::new(14)).expect("valid date");
    let upcoming = meetings::create(conn, actor, &demo_meeting(council, date, place, false))?;
    for (kind, title, background, proposal) in [
        (
            ItemKind::Vedtak,
            "Godkjenning av innkalling og saksliste",
            "",
            "Innkalling og saksliste godkjennes.",
        ),
        (
            ItemKind::Vedtak,
            "Godkjenning av protokoll fra forrige møte",
            "",
            "Protokollen godkjennes.",
        ),
        (
            ItemKind::Orientering,
            "Status for dugnaden",
            "Sekretæren orienterer om hvordan dugnaden gikk og hva som gjenstår.",
            "",
        ),
        (
            ItemKind::Vedtak,
            "Fellesmøte med kommunen",
            "Utvalget skal ha ett fellesmøte med kommunen i året.",
            "Utvalget foreslår fellesmøte med kommunen i november.",
        ),
    ] {
        let input = AgendaItemInput {
            kind,
            title: local(nynorsk, title),
            background: local(nynorsk, background),
            proposal: local(nynorsk, proposal),
            access: Default::default(),
            statement: None,
        };
        items::add_item(conn, actor, &upcoming.id, &input)?;
    }
    meetings::send_notice(conn, actor, &upcoming.id)?;
    Ok((made + 1, applications))
}

fn demo_meeting(council: &Council, date: NaiveDate, place: &str, held: bool) -> MeetingInput {
    let meeting = MeetingInput::ordinary(council.id.clone(), date, place);
    if !held {
        return meeting;
    }
    MeetingInput {
        ends_at: chrono::NaiveTime::from_hms_opt(20, 0, 0),
        kommune_rep: council.contact_name.clone(),
        ..meeting
    }
}

impl super::Store {
    /// [`super::Store::load_demo`], reporting each council filled; cancelled,
    /// nothing of the demo is kept (it is one transaction).
    pub fn load_demo_with_progress(
        &mut self,
        actor: &Actor,
        today: NaiveDate,
        progress: &dyn Progress,
    ) -> Result<DemoSummary> {
        self.write(|tx| load_with_progress(tx, actor, today, progress))
    }
}

impl Store {
    /// Fills an empty database with fictional councils and members, in one
    /// transaction; refuses when there are councils already.
    pub fn load_demo(&mut self, actor: &Actor, today: NaiveDate) -> Result<DemoSummary> {
        self.write(|tx| load(tx, actor, today))
    }
}

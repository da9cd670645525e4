//! Demo data: a fictional kommune (Fjordvik) with three councils of
//! different kinds and seat plans, one vacant seat and one term ending soon.
//! Every name, organisation and address here is invented.

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{councils, memberships};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;

/// What `load_demo` put in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub councils: i32,
    pub memberships: i32,
}

struct Seat(&'static str, Option<Gender>, SeatCategory, Role, &'static str);

fn plan(senior: i32, school: i32, sports: i32, business: i32, volunteer: i32) -> SeatPlan {
    SeatPlan {
        senior,
        school,
        sports,
        business,
        volunteer,
    }
}

fn email(name: &str, domain: &str) -> String {
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
    if !councils::all(conn)?.is_empty() {
        return Err(CoreError::Conflict(FieldIssue::new("", "validation.demo_not_empty")));
    }
    let term_from = NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).expect("valid date");
    let term_to = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).expect("valid date");
    let ending_soon = today.checked_add_days(Days::new(45)).expect("valid date");

    use Gender::*;
    use Role::*;
    use SeatCategory::*;
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
                seat_plan: plan(1, 1, 1, 1, 2),
            },
            vec![
                Seat(
                    "Astrid Kvalvik",
                    Some(Female),
                    Senior,
                    Leder,
                    "Lyngvik pensjonistforening",
                ),
                Seat("Torbjørn Leirvåg", Some(Male), School, Medlem, "FAU Strandåsen skole"),
                Seat("Sigrid Hals", Some(Female), Sports, Nestleder, "Lyngvik IL"),
                Seat("Einar Bråthen", Some(Male), Business, Medlem, "Lyngvik næringsforening"),
                Seat(
                    "Hanne Lislerud",
                    Some(Female),
                    Volunteer,
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
                seat_plan: plan(1, 1, 1, 0, 3),
            },
            vec![
                Seat("Øystein Fjellvang", Some(Male), Senior, Medlem, "Storlia seniorlag"),
                Seat("Marit Sandvold", Some(Female), School, Leder, "Storlia oppvekstsenter"),
                Seat("Kjetil Åsheim", Some(Male), Sports, Medlem, "Storlia skiskyttarlag"),
                Seat(
                    "Ragnhild Tverrå",
                    Some(Female),
                    Volunteer,
                    Sekretaer,
                    "Storlia bygdekvinnelag",
                ),
                Seat(
                    "Lars Bjørnevik",
                    Some(Male),
                    Volunteer,
                    Nestleder,
                    "Storlia grendehus SA",
                ),
                Seat(
                    "Solveig Hammerø",
                    Some(Female),
                    Volunteer,
                    Medlem,
                    "Nordbygda sanitetslag",
                ),
                Seat("Nils Urdal", None, Volunteer, Varamedlem, "Heimdal velforening"),
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
                seat_plan: plan(2, 1, 1, 2, 2),
            },
            vec![
                Seat("Ingvild Kroken", Some(Female), Senior, Medlem, "Midtbyen eldreråd"),
                Seat("Per Ove Stubø", Some(Male), Senior, Medlem, "Fjordvik pensjonistlag"),
                Seat("Håkon Vestre", Some(Male), School, Medlem, "Midtbyen barnehage SA"),
                Seat("Anders Myklevoll", Some(Male), Sports, Leder, "Fjordvik turn"),
                Seat(
                    "Terje Skaret",
                    Some(Male),
                    Business,
                    Nestleder,
                    "Handelsstanden i Midtbyen",
                ),
                Seat(
                    "Jon Arne Hovland",
                    Some(Male),
                    Business,
                    Medlem,
                    "Midtbyen gårdeierforening",
                ),
                Seat(
                    "Bente Sørlie",
                    Some(Female),
                    Volunteer,
                    Sekretaer,
                    "Midtbyen beboerforening",
                ),
                Seat("Arvid Løkkeberg", Some(Male), Volunteer, Medlem, "Fjordvik Røde Kors"),
            ],
        ),
    ];

    let mut count = DemoSummary {
        councils: 0,
        memberships: 0,
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
            category: Volunteer,
            role: Medlem,
            organisation: "Midtbyen speidergruppe".into(),
            term_from,
            term_to: Some(term_to),
        },
    )?;
    let left = NaiveDate::from_ymd_opt(today.year() - 1, 9, 1).expect("valid date");
    memberships::end(conn, actor, &former.id, left, "Flyttet fra bydelen")?;
    count.memberships += 1;
    Ok(count)
}

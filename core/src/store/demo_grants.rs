//! Demo grants: Lyngvik's "Grendemidler" with a dozen applications in every
//! status — received late, in review with scores, granted, partly granted,
//! refused, paid, reported, withdrawn — members inhabil by organisation, each
//! leaving only while their applicant's decision is treated in the grant round,
//! and final reports overdue. Every applicant, number and text is invented
//! (the organisation numbers only carry a valid control digit).

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;

use super::{applications, attendance, decisions, memberships, payouts, schemes, scoring};
use crate::error::Result;
use crate::model::*;
use crate::rules::grants::{ApplicationData, SchemeData};

/// What happens to one demo application.
enum Fate {
    Received,
    InReview {
        proposed: i64,
    },
    Withdrawn,
    /// Decided in the meeting: granted (kroner), letter sent, paid (kroner), report received.
    Decided {
        granted: i64,
        reasons: &'static str,
        letter: bool,
        paid: i64,
        reported: bool,
    },
}

struct DemoApplication {
    organisation: &'static str,
    org_number: &'static str,
    contact: &'static str,
    title: &'static str,
    description: &'static str,
    asked: i64,
    project: i64,
    late: bool,
    fate: Fate,
}

fn applications() -> Vec<DemoApplication> {
    use Fate::*;
    let app = |organisation, org_number, contact, title, description, asked, project, fate| DemoApplication {
        organisation,
        org_number,
        contact,
        title,
        description,
        asked,
        project,
        late: false,
        fate,
    };
    let mut list = vec![
        app(
            "Lyngvik IL",
            "952601814",
            "Kjersti Moldskred",
            "Ny lysløype rundt Lyngvikvannet",
            "Lyskastere og kabel til 1,2 km løype. Medlemmene graver grøft på dugnad.",
            80_000,
            240_000,
            Decided {
                granted: 60_000,
                reasons: "Løypa gir mange deltakere lys i vintermørket. Ordningens ramme gir ikke rom for hele beløpet.",
                letter: true,
                paid: 60_000,
                reported: true,
            },
        ),
        app(
            "FAU Strandåsen skole",
            "959083010",
            "Petter Ulvestad",
            "Trafikkdag for småskolen",
            "Sykkelløype i skolegården, refleksvester og premier.",
            15_000,
            18_000,
            Decided {
                granted: 15_000,
                reasons: "Tiltaket når alle elevene på 1.–4. trinn.",
                letter: true,
                paid: 15_000,
                reported: false,
            },
        ),
        app(
            "Lyngvik pensjonistforening",
            "966131861",
            "Randi Fossheim",
            "Turgruppe med buss til Fjordvik",
            "Fire turer med innleid buss for eldre uten bil.",
            20_000,
            28_000,
            Decided {
                granted: 20_000,
                reasons: "Gir eldre uten bil et sosialt tilbud.",
                letter: true,
                paid: 10_000,
                reported: false,
            },
        ),
        app(
            "Strandåsen velforening",
            "909139090",
            "Ove Kirkerud",
            "Benker og bord i parken",
            "Tre benker og to bord i impregnert furu, satt opp på dugnad.",
            45_000,
            52_000,
            Decided {
                granted: 30_000,
                reasons: "Utvalget prioriterer benker framfor bord. Bordene kan søkes dekket neste år.",
                letter: false,
                paid: 0,
                reported: false,
            },
        ),
        app(
            "Lyngvik skolekorps",
            "996030822",
            "Marit Sandvold",
            "Nye uniformer",
            "Tjue nye uniformer til korpsets 50-årsjubileum.",
            100_000,
            180_000,
            Decided {
                granted: 0,
                reasons: "Uniformer er utstyr for korpsets egne medlemmer og dekkes av kommunens ordning for kulturutstyr. Søknaden når ikke opp mot tiltak som er åpne for alle.",
                letter: true,
                paid: 0,
                reported: false,
            },
        ),
        app(
            "Lyngvik sjakklubb",
            "946281948",
            "Håkon Vetlesen",
            "Sjakk i skolegården",
            "Utendørs sjakkbrett og brikker til skolegården, innviet med turnering.",
            8_000,
            9_500,
            Decided {
                granted: 8_000,
                reasons: "Billig tiltak som brukes av mange barn hver dag.",
                letter: true,
                paid: 8_000,
                reported: true,
            },
        ),
        app(
            "Lyngvik næringsforening",
            "982199352",
            "Stein Aurdal",
            "Julemarked på torget",
            "Boder, lys og scene for lokale lag og produsenter.",
            40_000,
            95_000,
            Decided {
                granted: 40_000,
                reasons: "Julemarkedet samler hele bygda og gir lagene inntekter.",
                letter: true,
                paid: 0,
                reported: false,
            },
        ),
        app(
            "Lyngvik kystlag",
            "918190937",
            "Bodil Straumsnes",
            "Dugnad på naustet",
            "Nytt tak på kystlagets naust.",
            30_000,
            60_000,
            Withdrawn,
        ),
        app(
            "Lyngvik historielag",
            "978657974",
            "Gunnar Hovde",
            "Skilt ved kulturminner",
            "Tolv skilt med historie og bilder langs kyststien.",
            25_000,
            31_000,
            InReview { proposed: 20_000 },
        ),
        app(
            "Strandåsen barnehage SU",
            "954323196",
            "Line Tveito",
            "Gapahuk ved barnehagen",
            "Gapahuk som barnehagen og nabolaget kan bruke, bygget på dugnad.",
            35_000,
            42_000,
            InReview { proposed: 30_000 },
        ),
        app(
            "Ungdomsgruppa Strandåsen",
            "",
            "Jonas Fjellheim",
            "Grillplass ved badestranda",
            "Fast grill og søppeldunker, ungdommene holder plassen ryddig.",
            12_000,
            14_000,
            Received,
        ),
        app(
            "Lyngvik frivilligsentral",
            "",
            "Eli Bakkebø",
            "Språkkafé hver torsdag",
            "Kaffe, vafler og norsktrening for nye innbyggere.",
            10_000,
            16_000,
            Received,
        ),
    ];
    for late in list.iter_mut().rev().take(3) {
        late.late = true;
    }
    list
}

/// Scores of the three weighted criteria, per application order, from three members.
const SCORES: [[i32; 3]; 3] = [[5, 3, 4], [4, 4, 3], [3, 5, 5]];

/// Lyngvik's scheme, decided under `item_id` in `meeting`. Returns how many
/// applications it made.
pub fn load(
    conn: &Connection,
    actor: &Actor,
    council: &Council,
    meeting: &Meeting,
    item_id: &str,
    today: NaiveDate,
) -> Result<i32> {
    let decided_on = meeting.date;
    let before = |days: u64| decided_on.checked_sub_days(Days::new(days)).expect("valid date");
    let scheme = schemes::create_scheme(
        conn,
        actor,
        &SchemeData {
            council_id: council.id.clone(),
            year: decided_on.year(),
            name: format!("Grendemidler {}", decided_on.year()),
            budget_ore: 400_000 * 100,
            deadline: before(21),
            report_deadline: today.checked_sub_days(Days::new(7)).expect("valid date"),
            max_per_application_ore: Some(100_000 * 100),
            criteria: [("Mange deltakere", 3), ("Barn og unge", 2), ("Egeninnsats/dugnad", 1)]
                .map(|(name, weight)| CriterionInput {
                    name: name.into(),
                    weight,
                })
                .to_vec(),
            enkeltvedtak: true,
            appeal_body: "Fjordvik kommunes klagenemnd".into(),
            appeal_address: "Postboks 40, 9990 Fjordvik".into(),
            conditions: "Tiltaket skal være åpent for alle i nærmiljøet. Bruk kommunens logo på plakater og i \
                         sosiale medier."
                .into(),
        },
    )?;
    let committee: Vec<Membership> = memberships::of_council(conn, &council.id)?
        .into_iter()
        .filter(|m| m.role.holds_seat() && m.sits_on(decided_on))
        .collect();
    let list = applications();
    let count = list.len() as i32;
    // Each application is one decision inside the item: a member present who
    // represents the applicant leaves for that decision only.
    let attendance = attendance::attendance(conn, meeting)?;
    let nynorsk = crate::documents::document_lang(council) == Lang::Nn;
    for (i, d) in list.into_iter().enumerate() {
        let received = if d.late {
            today.checked_sub_days(Days::new(3 + i as u64)).expect("valid date")
        } else {
            before(60 - 3 * i as u64)
        };
        let application = applications::add_application(
            conn,
            actor,
            &ApplicationData {
                scheme_id: scheme.id.clone(),
                organisation: d.organisation.into(),
                org_number: (!d.org_number.is_empty()).then(|| d.org_number.into()),
                contact_name: d.contact.into(),
                email: super::demo::email(d.contact, "eksempel.no"),
                phone: String::new(),
                title: d.title.into(),
                description: d.description.into(),
                amount_asked_ore: d.asked * 100,
                project_budget_ore: d.project * 100,
                received,
            },
        )?;
        let id = application.id.as_str();
        let scored = matches!(d.fate, Fate::InReview { .. } | Fate::Decided { .. });
        if scored {
            let scorers = committee
                .iter()
                .filter(|m| !crate::rules::grants::same_organisation(&m.organisation, d.organisation))
                .take(3);
            for (member, values) in scorers.zip(SCORES.iter().cycle().skip(i)) {
                let scores: Vec<ScoreInput> = scheme
                    .criteria
                    .iter()
                    .zip(values)
                    .map(|(c, score)| ScoreInput {
                        criterion_id: c.id.clone(),
                        score: Some(*score),
                        comment: String::new(),
                    })
                    .collect();
                scoring::save_scores(conn, actor, id, &member.id, &scores)?;
            }
        }
        match d.fate {
            Fate::Received => {}
            Fate::Withdrawn => {
                applications::withdraw(conn, actor, id)?;
            }
            Fate::InReview { proposed } => {
                applications::propose(conn, actor, id, Some(proposed * 100))?;
            }
            Fate::Decided {
                granted,
                reasons,
                letter,
                paid,
                reported,
            } => {
                applications::propose(conn, actor, id, Some(granted * 100))?;
                record_decision(conn, actor, &attendance, item_id, &application, granted, nynorsk)?;
                payouts::decide(conn, actor, id, granted * 100, reasons, item_id)?;
                if letter {
                    payouts::mark_letter_sent(conn, actor, id)?;
                }
                if paid > 0 {
                    let paid_on = decided_on.checked_add_days(Days::new(14)).expect("valid date");
                    payouts::add_payout(conn, actor, id, paid_on, paid * 100)?;
                }
                if reported {
                    let report = ReportInput {
                        received: today.checked_sub_days(Days::new(10)).expect("valid date"),
                        summary: "Tiltaket er gjennomført som planlagt. Regnskap er vedlagt.".into(),
                        accepted: true,
                    };
                    payouts::record_report(conn, actor, id, &report)?;
                }
            }
        }
    }
    Ok(count)
}

/// The application's decision inside the grant item: the members inhabil for
/// it leave, the others vote for the committee's proposal unanimously.
fn record_decision(
    conn: &Connection,
    actor: &Actor,
    attendance: &[AttendanceRow],
    item_id: &str,
    application: &Application,
    granted: i64,
    nynorsk: bool,
) -> Result<()> {
    let amount = crate::rules::money::kr(granted * 100);
    let proposal = match (granted > 0, nynorsk) {
        (true, false) => format!("Komiteens innstilling: {amount}."),
        (true, true) => format!("Innstilling frå komiteen: {amount}."),
        (false, false) => "Komiteens innstilling: avslag.".to_owned(),
        (false, true) => "Innstilling frå komiteen: avslag.".to_owned(),
    };
    let input = ItemDecisionInput {
        title: String::new(),
        proposal,
        application_id: Some(application.id.clone()),
    };
    decisions::add(conn, actor, item_id, &input)?;
    let decision = decisions::of_item(conn, item_id)?
        .into_iter()
        .find(|d| d.application_id.as_deref() == Some(application.id.as_str()))
        .expect("the decision was added");
    let voters: Vec<String> = attendance
        .iter()
        .filter(|r| crate::rules::meetings::votes_at_meeting(r))
        .map(|r| r.membership_id.clone())
        .collect();
    let lang = if nynorsk { Lang::Nn } else { Lang::Nb };
    let mut inhabil = scoring::inhabil_members_of(conn, &application.id, &voters)?;
    // Recorded as the meeting's words, in the council's målform.
    crate::views::label_inhabil(&mut inhabil, lang);
    for r in &inhabil {
        decisions::set_decision_inhabil(conn, actor, &decision.id, &r.membership_id, &r.reason)?;
    }
    // A chair inhabil for the application hands the chair to someone who is not.
    let chair = super::meetings::get(conn, &meeting_id_of(conn, item_id)?)?.chair_id;
    if chair
        .as_ref()
        .is_some_and(|c| inhabil.iter().any(|r| &r.membership_id == c))
    {
        let acting = voters
            .iter()
            .find(|v| Some(*v) != chair.as_ref() && !inhabil.iter().any(|r| &r.membership_id == *v));
        if let Some(acting) = acting {
            decisions::set_chair(conn, actor, &decision.id, Some(acting))?;
        }
    }
    let text = match (granted > 0, nynorsk) {
        (true, false) => format!("{} får {amount} i grendemidler.", application.organisation),
        (true, true) => format!("{} får {amount} i grendemidlar.", application.organisation),
        (false, false) => format!("Søknaden fra {} avslås.", application.organisation),
        (false, true) => format!("Søknaden frå {} blir avslått.", application.organisation),
    };
    let record = ItemDecisionRecord {
        decision: text,
        votes: Some(Votes {
            in_favour: (voters.len() - inhabil.len()) as i32,
            against: 0,
            blank: 0,
        }),
        chair_vote: None,
    };
    decisions::record(conn, actor, &decision.id, &record)?;
    Ok(())
}

fn meeting_id_of(conn: &Connection, item_id: &str) -> Result<String> {
    Ok(super::items::item(conn, item_id)?.meeting_id)
}

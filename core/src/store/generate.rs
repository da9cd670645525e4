//! A fictional large kommune for measuring the app at scale: by default 200
//! councils over 20 years — about 50 000 meetings, 500 000 agenda items with
//! decisions, 100 000 grant applications, members with their terms and their
//! attendance. Every name is invented; the same spec and day give the same
//! data (a small deterministic generator, no randomness from the system).
//!
//! Written with prepared statements, one transaction per council, so a
//! generation that is stopped leaves whole councils only; one that is
//! cancelled removes every row it wrote, in one more transaction.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{audit, codec, new_id, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::Actor;
use crate::progress::{tick, Progress};

/// The tables a generation writes to, parents first.
const WRITTEN: &[&str] = &[
    "council",
    "council_seat",
    "person",
    "membership",
    "meeting",
    "agenda_item",
    "attendance",
    "meeting_signatory",
    "grant_scheme",
    "grant_criterion",
    "grant_application",
    "grant_payout",
    "audit",
];

/// The highest rowid of each table in [`WRITTEN`]: what was there before.
fn watermarks(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    WRITTEN
        .iter()
        .map(|table| {
            let mark = conn.query_row(&format!("SELECT coalesce(max(rowid), 0) FROM {table}"), [], |r| {
                r.get(0)
            })?;
            Ok((*table, mark))
        })
        .collect()
}

/// Deletes every row written after `marks`, children first.
fn remove_since(conn: &Connection, marks: &[(&'static str, i64)]) -> Result<()> {
    for (table, mark) in marks.iter().rev() {
        conn.execute(&format!("DELETE FROM {table} WHERE rowid > ?1"), [mark])?;
    }
    Ok(())
}

/// A callback as the older callers pass it, as [`Progress`] (never cancelled).
struct Callback<'a>(std::cell::RefCell<&'a mut dyn FnMut(usize, usize)>);

impl Progress for Callback<'_> {
    fn step(&self, done: u64, total: u64, _what: &str) {
        if done > 0 {
            (self.0.borrow_mut())(done as usize, total as usize);
        }
    }

    fn cancelled(&self) -> bool {
        false
    }
}

/// How large a kommune to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleSpec {
    pub councils: usize,
    pub years: i32,
    /// Meetings per council and year (one of them the joint meeting, one the open meeting).
    pub meetings_per_year: usize,
    pub items_per_meeting: usize,
    pub applications_per_year: usize,
}

impl ScaleSpec {
    /// The large kommune of the benchmarks.
    pub const LARGE: ScaleSpec = ScaleSpec {
        councils: 200,
        years: 20,
        meetings_per_year: 12,
        items_per_meeting: 10,
        applications_per_year: 25,
    };
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerateSummary {
    pub councils: usize,
    pub people: usize,
    pub meetings: usize,
    pub items: usize,
    pub applications: usize,
}

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "Bøkeskogen",
    "Lyngvik",
    "Strandåsen",
    "Furulia",
    "Granheim",
    "Solbakken",
    "Nordvika",
    "Sjøkanten",
    "Heiane",
    "Myrvoll",
    "Elvebakken",
    "Kløverhagen",
    "Bjørkely",
    "Fjellstua",
    "Sandvika",
    "Tjernmyra",
    "Vesleåsen",
    "Havnegata",
    "Åsheim",
    "Rognlia",
    "Kvernhusbekken",
    "Storengen",
    "Lillemo",
    "Fagerli",
    "Øvre Toppen",
];
const SUFFIXES: &[&str] = &["nærmiljøutvalg", "grendeutvalg", "velforum", "bydelsutvalg"];
const FIRST: &[&str] = &[
    "Astrid", "Bjørn", "Cecilie", "Dag", "Eirin", "Frode", "Gunn", "Håkon", "Ingrid", "Jon", "Kari", "Leif", "Marit",
    "Nils", "Oda", "Per", "Ragnhild", "Sindre", "Tone", "Ulrik", "Vigdis", "Åse", "Øystein", "Linnea", "Mats",
];
const LAST: &[&str] = &[
    "Aasen", "Berge", "Dahl", "Eide", "Fjeld", "Grøtte", "Haugland", "Isaksen", "Jordet", "Kvamme", "Lien", "Moen",
    "Nesheim", "Opsahl", "Rønning", "Solberg", "Tveit", "Ulvestad", "Vik", "Østby",
];
const TOPICS: &[&str] = &[
    "Trafikksikkerhet ved {place} skole",
    "Lys i lysløypa på {place}",
    "Dugnad i parken ved {place}",
    "Ny lekeplass på {place}",
    "Benker langs turstien til {place}",
    "Møteplass for ungdom på {place}",
    "Søppel og gjenvinning ved {place} butikk",
    "Vedlikehold av grendehuset på {place}",
    "Julemarked på {place}",
    "Busstilbudet til {place}",
    "Gang- og sykkelvei forbi {place}",
    "Badeplassen ved {place}",
    "Skilting av kulturminner på {place}",
    "Høring om reguleringsplan for {place}",
];
const BACKGROUNDS: &[&str] = &[
    "Beboere har meldt fra til utvalget om saken, og kommunen har bedt om innspill.",
    "Saken ble drøftet i forrige møte. Sekretæren har innhentet pris og tilbud.",
    "Velforeningen og skolen ønsker å samarbeide om tiltaket.",
    "Kommunens kontaktperson orienterer om status og planene videre.",
];
const DECISIONS: &[&str] = &[
    "Utvalget slutter seg til forslaget og ber sekretæren følge opp med kommunen.",
    "Utvalget arrangerer dugnad og inviterer lag og foreninger.",
    "Saken utsettes til neste møte i påvente av svar fra kommunen.",
    "Utvalget søker kommunen om midler og ber om et møte med etaten.",
    "Utvalget tar orienteringen til etterretning.",
];
const ORGANISATIONS: &[&str] = &[
    "{place} IL",
    "{place} velforening",
    "FAU {place} skole",
    "{place} pensjonistforening",
    "{place} skolekorps",
    "{place} historielag",
    "{place} frivilligsentral",
    "Ungdomsgruppa {place}",
    "{place} næringsforening",
];
const PROJECTS: &[&str] = &[
    "Ny gapahuk",
    "Utstyr til dugnad",
    "Sommerfest for alle",
    "Nye benker",
    "Turkart og skilt",
    "Språkkafé",
    "Lysløype",
    "Uniformer",
    "Kurs for frivillige",
    "Trafikkdag for småskolen",
];
const CATEGORIES: [&str; 7] = [
    "senior",
    "school",
    "sports",
    "business",
    "volunteer",
    "volunteer",
    "sports",
];
const ROLES: [&str; 7] = [
    "leder",
    "nestleder",
    "sekretaer",
    "medlem",
    "medlem",
    "medlem",
    "varamedlem",
];

fn fill(template: &str, place: &str) -> String {
    template.replace("{place}", place)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day that exists every year")
}

/// One council's whole history, in one transaction.
fn council(
    conn: &Connection,
    actor: &Actor,
    spec: &ScaleSpec,
    index: usize,
    today: NaiveDate,
    sum: &mut GenerateSummary,
) -> Result<()> {
    let mut rng = Rng(0x5EED_0000 + index as u64);
    let at = codec::instant(actor.at);
    let place = PLACES[index % PLACES.len()];
    let name = format!(
        "{place} {} {}",
        SUFFIXES[(index / PLACES.len()) % SUFFIXES.len()],
        index + 1
    );
    let council_id = new_id();
    let nynorsk = index % 5 == 4;
    conn.execute(
        "INSERT INTO council (id, name, kind, area, mandate, malform, legal_mode, contact_name, contact_email,
            created_at, updated_at)
         VALUES (?1, ?2, 'naermiljoutvalg', ?3, 'Samarbeid mellom innbyggerne og kommunen.', ?4, ?5,
            'Kontaktperson i kommunen', 'kontakt@kommune.example', ?6, ?6)",
        params![
            council_id,
            name,
            format!("{place} og omegn"),
            if nynorsk { "nynorsk" } else { "bokmal" },
            if index.is_multiple_of(7) { "formal" } else { "voluntary" },
            at
        ],
    )?;
    conn.execute(
        "INSERT INTO council_seat (council_id, category, seats)
         VALUES (?1, 'senior', 1), (?1, 'school', 1), (?1, 'sports', 2), (?1, 'business', 1), (?1, 'volunteer', 1)",
        [&council_id],
    )?;
    audit::record(conn, actor, "council", &council_id, "generated", None, Some(&name))?;
    sum.councils += 1;

    let first_year = today.year() - spec.years + 1;
    let mut insert_person = conn.prepare_cached(
        "INSERT INTO person (id, name, email, phone, created_at, updated_at) VALUES (?1, ?2, ?3, '', ?4, ?4)",
    )?;
    let mut insert_membership = conn.prepare_cached(
        "INSERT INTO membership (id, council_id, person_id, category, role, organisation, term_from, term_to,
            created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?;
    // Four-year terms: (membership id, first day, last day) per seat.
    let mut terms: Vec<(String, NaiveDate, NaiveDate)> = Vec::new();
    let mut year = first_year;
    while year <= today.year() + 1 {
        let (from, to) = (day(year, 1, 1), day(year + 3, 12, 31));
        for seat in 0..CATEGORIES.len() {
            let person_id = new_id();
            let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
            let email = format!("medlem{}.{}@eksempel.no", index + 1, sum.people + 1);
            insert_person.execute(params![person_id, person, email, at])?;
            sum.people += 1;
            let id = new_id();
            let organisation = fill(ORGANISATIONS[seat % ORGANISATIONS.len()], place);
            insert_membership.execute(params![
                id,
                council_id,
                person_id,
                CATEGORIES[seat],
                ROLES[seat],
                organisation,
                codec::day(from),
                codec::day(to),
                at
            ])?;
            terms.push((id, from, to));
        }
        year += 4;
    }

    let mut insert_meeting = conn.prepare_cached(
        "INSERT INTO meeting (id, council_id, kind, date, starts_at, ends_at, place, status, notice_sent_at,
            notice_sent_by, held_at, held_by, approved_at, approved_by, approval_mode, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, '18:00:00', ?5, ?6, ?7, ?8, ?9, ?8, ?9, ?8, ?9, ?10, ?11, ?11)",
    )?;
    let mut insert_item = conn.prepare_cached(
        "INSERT INTO agenda_item (id, meeting_id, council_id, position, case_year, case_number, kind, title,
            background, proposal, decision, votes_for, votes_against, votes_blank, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
    )?;
    let mut insert_attendance =
        conn.prepare_cached("INSERT INTO attendance (meeting_id, membership_id, status) VALUES (?1, ?2, ?3)")?;
    let mut insert_signatory =
        conn.prepare_cached("INSERT INTO meeting_signatory (meeting_id, membership_id, position) VALUES (?1, ?2, ?3)")?;
    let mut insert_scheme = conn.prepare_cached(
        "INSERT INTO grant_scheme (id, council_id, year, name, budget_ore, deadline, report_deadline,
            max_per_application_ore, enkeltvedtak, appeal_body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 10000000, ?8, 'kommunens klagenemnd', ?9, ?9)",
    )?;
    let mut insert_criterion = conn.prepare_cached(
        "INSERT INTO grant_criterion (id, scheme_id, position, name, weight) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut insert_application = conn.prepare_cached(
        "INSERT INTO grant_application (id, scheme_id, number, organisation, contact_name, email, title,
            description, amount_asked_ore, project_budget_ore, received, status, reviewing, granted_ore, reasons,
            decision_item_id, decided_at, decided_by, report_received, report_summary, report_accepted,
            report_recorded_at, report_recorded_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            CASE WHEN ?18 IS NULL THEN NULL ELSE ?16 END, CASE WHEN ?18 IS NULL THEN NULL ELSE ?17 END, ?21, ?21)",
    )?;
    let mut insert_payout = conn.prepare_cached(
        "INSERT INTO grant_payout (id, application_id, date, amount_ore, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;

    let meeting_place = format!("{place} grendehus");
    for year in first_year..=today.year() {
        let mut case = 0;
        let mut grant_item: Option<(String, NaiveDate)> = None;
        for n in 0..spec.meetings_per_year {
            // Spread over the year, a month apart; April is the open meeting, October the joint one.
            let date = day(year, (n % 12) as u32 + 1, 10 + (rng.below(12) as u32));
            let kind = match date.month() {
                4 => "open",
                10 => "joint",
                _ => "ordinary",
            };
            let past = date < today;
            let (status, step_at, by, mode) = if past {
                (
                    "approved",
                    Some(format!("{}T20:00:00.000Z", codec::day(date))),
                    Some(actor.name.as_str()),
                    Some("signatories"),
                )
            } else {
                ("planned", None, None, None)
            };
            let meeting_id = new_id();
            insert_meeting.execute(params![
                meeting_id,
                council_id,
                kind,
                codec::day(date),
                past.then_some("20:00:00"),
                meeting_place,
                status,
                step_at,
                by,
                mode,
                at
            ])?;
            sum.meetings += 1;
            for position in 0..spec.items_per_meeting {
                let title = fill(rng.pick(TOPICS), rng.pick(PLACES));
                let vedtak = position % 3 != 1;
                let number = past.then(|| {
                    case += 1;
                    case
                });
                let decision = if past { rng.pick(DECISIONS) } else { "" };
                let votes = (past && vedtak && position % 4 == 0).then_some(6);
                let item_id = new_id();
                insert_item.execute(params![
                    item_id,
                    meeting_id,
                    council_id,
                    position as i64,
                    number.map(|_| year),
                    number,
                    if vedtak { "vedtak" } else { "orientering" },
                    title,
                    rng.pick(BACKGROUNDS),
                    if vedtak {
                        "Utvalget slutter seg til forslaget."
                    } else {
                        ""
                    },
                    decision,
                    votes,
                    votes.map(|_| 0),
                    votes.map(|_| 0),
                    at
                ])?;
                sum.items += 1;
                if past && date.month() == 6 && position == spec.items_per_meeting - 1 {
                    grant_item = Some((item_id, date));
                }
            }
            if past {
                // Everyone sitting meets but one in ten; the first two present sign the minutes.
                let mut signed = 0;
                for (membership_id, _, _) in terms.iter().filter(|(_, from, to)| *from <= date && date <= *to) {
                    let present = rng.below(10) != 0;
                    insert_attendance.execute(params![
                        meeting_id,
                        membership_id,
                        if present { "present" } else { "excused" }
                    ])?;
                    if present && signed < 2 {
                        insert_signatory.execute(params![meeting_id, membership_id, signed])?;
                        signed += 1;
                    }
                }
            }
        }

        // The year's grant scheme, decided at the June meeting once it is held.
        let scheme_id = new_id();
        let budget: i64 = (200_000 + 50_000 * rng.below(7) as i64) * 100;
        insert_scheme.execute(params![
            scheme_id,
            council_id,
            year,
            format!("Grendemidler {year}"),
            budget,
            codec::day(day(year, 3, 1)),
            codec::day(day(year, 11, 30)),
            index.is_multiple_of(2),
            at
        ])?;
        for (position, (criterion, weight)) in [("Mange deltakere", 3), ("Barn og unge", 2), ("Egeninnsats/dugnad", 1)]
            .into_iter()
            .enumerate()
        {
            insert_criterion.execute(params![new_id(), scheme_id, position as i64, criterion, weight])?;
        }
        let mut left = budget;
        for number in 1..=spec.applications_per_year {
            let asked: i64 = (5_000 + 1_000 * rng.below(46) as i64) * 100;
            let organisation = fill(rng.pick(ORGANISATIONS), rng.pick(PLACES));
            let title = rng.pick(PROJECTS);
            let received = codec::day(day(year, 2, 1 + rng.below(28) as u32));
            let id = new_id();
            let decided = grant_item.as_ref();
            let granted = decided.map(|_| {
                let g = if rng.below(5) == 0 { 0 } else { asked.min(left) };
                left -= g;
                g
            });
            let reported = decided.is_some_and(|(_, d)| d.year() < today.year()) && granted.unwrap_or(0) > 0;
            let status = match (granted, reported) {
                (None, _) => "in_review",
                (Some(0), _) => "refused",
                (Some(_), true) => "reported",
                (Some(g), false) if g < asked => "partly_granted",
                (Some(_), false) => "granted",
            };
            let decided_at = decided.map(|(_, d)| format!("{}T20:00:00.000Z", codec::day(*d)));
            insert_application.execute(params![
                id,
                scheme_id,
                number as i64,
                organisation,
                format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
                format!("soker{}@eksempel.no", number),
                title,
                format!("{title} for beboerne på {place}."),
                asked,
                asked + 100_000,
                received,
                status,
                granted,
                if granted.is_some() {
                    "Etter kriteriene i ordningen."
                } else {
                    ""
                },
                decided.map(|(item, _)| item.as_str()),
                decided_at,
                decided.map(|_| actor.name.as_str()),
                reported.then(|| codec::day(day(year, 11, 15))),
                if reported { "Tiltaket er gjennomført." } else { "" },
                reported.then_some(1),
                at,
            ])?;
            sum.applications += 1;
            if reported {
                insert_payout.execute(params![
                    new_id(),
                    id,
                    codec::day(day(year, 8, 1)),
                    granted,
                    at,
                    actor.name
                ])?;
            }
        }
    }
    Ok(())
}

impl Store {
    /// Fills an empty database with a fictional large kommune, council by
    /// council (one transaction each), calling `progress(done, total)`.
    pub fn generate(
        &mut self,
        actor: &Actor,
        spec: &ScaleSpec,
        today: NaiveDate,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<GenerateSummary> {
        self.generate_with_progress(actor, spec, today, &Callback(std::cell::RefCell::new(progress)))
    }

    /// [`Store::generate`], reporting each council written. Cancelled, it
    /// removes every row it wrote (one more transaction) before it answers
    /// [`CoreError::Cancelled`].
    pub fn generate_with_progress(
        &mut self,
        actor: &Actor,
        spec: &ScaleSpec,
        today: NaiveDate,
        progress: &dyn Progress,
    ) -> Result<GenerateSummary> {
        self.writable()?;
        let existing: i64 = self.conn.query_row("SELECT count(*) FROM council", [], |r| r.get(0))?;
        if existing > 0 {
            return Err(CoreError::Conflict(FieldIssue::new("", "validation.demo_not_empty")));
        }
        let marks = watermarks(&self.conn)?;
        let total = spec.councils as u64;
        let mut sum = GenerateSummary::default();
        let written = (|| {
            tick(progress, 0, total, "")?;
            for index in 0..spec.councils {
                let mut part = GenerateSummary::default();
                self.write(|tx| council(tx, actor, spec, index, today, &mut part))?;
                sum.councils += part.councils;
                sum.people += part.people;
                sum.meetings += part.meetings;
                sum.items += part.items;
                sum.applications += part.applications;
                tick(progress, index as u64 + 1, total, "")?;
            }
            Ok(())
        })();
        if let Err(e) = written {
            if matches!(e, CoreError::Cancelled) {
                self.write(|tx| remove_since(tx, &marks))?;
            }
            return Err(e);
        }
        self.conn
            .execute_batch("PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(sum)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::{Lang, MeetingStatus};

    #[test]
    fn a_small_generated_kommune_is_sound_and_as_large_as_asked() {
        let mut store = Store::open_in_memory().unwrap();
        let actor = Actor::new("Generator", Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let spec = ScaleSpec {
            councils: 3,
            years: 3,
            meetings_per_year: 12,
            items_per_meeting: 4,
            applications_per_year: 5,
        };
        let mut seen = Vec::new();
        let sum = store
            .generate(&actor, &spec, today, &mut |done, total| seen.push((done, total)))
            .unwrap();
        assert_eq!(seen, vec![(1, 3), (2, 3), (3, 3)]);
        assert_eq!(
            (sum.councils, sum.meetings, sum.items, sum.applications),
            (3, 108, 432, 45)
        );
        let health = store.health(today, Lang::Nb).unwrap();
        assert!(health.sound, "{health:?}");

        let overview = store.overview(2026, today, Lang::Nb).unwrap();
        assert_eq!(overview.councils.len(), 3);
        for line in &overview.councils {
            assert!(line.granted_ore <= line.budget_ore);
            assert_eq!(line.seats_planned, 6);
        }
        // Past meetings are approved with numbered items; the December one is still planned.
        let first = &overview.councils[0];
        let meetings = store.meetings_of_council(&first.council_id).unwrap();
        assert!(meetings.iter().any(|m| m.status == MeetingStatus::Planned));
        let held = meetings.iter().find(|m| m.status == MeetingStatus::Approved).unwrap();
        let detail = store.meeting_detail(&held.id, Lang::Nb).unwrap();
        assert!(detail.items.iter().all(|i| i.case_label.is_some()));
        assert!(detail.attendance.iter().any(|r| r.status.is_some()));

        // A second run on a filled file is refused and adds nothing.
        let err = store.generate(&actor, &spec, today, &mut |_, _| {}).unwrap_err();
        assert_eq!(err.code(), "conflict");
        assert_eq!(store.councils().unwrap().len(), 3);
    }
}

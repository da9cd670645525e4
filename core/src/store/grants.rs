//! Queries of the grant tables: schemes and criteria, applications with their
//! status, the committee's scores and inhabilitet, decisions, amendments,
//! payouts, final reports and archived letters.
//!
//! The money rules are checked here with the figures in the message (see
//! [`crate::rules::grants`]), and held again by the schema's triggers.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, codec, councils, meetings, memberships, new_id};
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::*;
use crate::rules::grants::{self as rules, ApplicationData, GrantFigures, SchemeData, StatusFacts};

fn not_found(entity: &'static str, id: &str) -> CoreError {
    CoreError::NotFound {
        entity,
        id: id.to_owned(),
    }
}

fn conflict(field: &str, key: &'static str) -> CoreError {
    CoreError::Conflict(FieldIssue::new(field, key))
}

fn case_label(lang: Lang, year: Option<i32>, number: Option<i32>) -> Option<String> {
    year.zip(number)
        .map(|(year, number)| t(lang, "case.label", &[("number", &CaseNumber { year, number }.short())]))
}

// --- schemes ----------------------------------------------------------------

const SCHEME_COLUMNS: &str = "id, council_id, year, name, budget_ore, deadline, report_deadline, \
     max_per_application_ore, enkeltvedtak, appeal_body, conditions, appeal_address";

fn scheme_from_row(r: &Row) -> rusqlite::Result<GrantScheme> {
    Ok(GrantScheme {
        id: r.get(0)?,
        council_id: r.get(1)?,
        year: r.get(2)?,
        name: r.get(3)?,
        budget_ore: r.get(4)?,
        deadline: codec::parse_day(5, &r.get::<_, String>(5)?)?,
        report_deadline: codec::parse_day(6, &r.get::<_, String>(6)?)?,
        max_per_application_ore: r.get(7)?,
        criteria: Vec::new(),
        enkeltvedtak: r.get(8)?,
        appeal_body: r.get(9)?,
        conditions: r.get(10)?,
        appeal_address: r.get(11)?,
    })
}

pub fn scheme(conn: &Connection, id: &str) -> Result<GrantScheme> {
    let mut scheme = conn
        .query_row(
            &format!("SELECT {SCHEME_COLUMNS} FROM grant_scheme WHERE id = ?1"),
            [id],
            scheme_from_row,
        )
        .optional()?
        .ok_or_else(|| not_found("grant_scheme", id))?;
    scheme.criteria = criteria(conn, id)?;
    Ok(scheme)
}

fn criteria(conn: &Connection, scheme_id: &str) -> Result<Vec<Criterion>> {
    let mut stmt =
        conn.prepare("SELECT id, name, weight FROM grant_criterion WHERE scheme_id = ?1 ORDER BY position, id")?;
    let rows = stmt.query_map([scheme_id], |r| {
        Ok(Criterion {
            id: r.get(0)?,
            name: r.get(1)?,
            weight: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn insert_criteria(conn: &Connection, scheme_id: &str, criteria: &[CriterionInput]) -> Result<()> {
    for (position, c) in criteria.iter().enumerate() {
        conn.execute(
            "INSERT INTO grant_criterion (id, scheme_id, position, name, weight) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new_id(), scheme_id, position as i64, c.name, c.weight],
        )?;
    }
    Ok(())
}

pub fn create_scheme(conn: &Connection, actor: &Actor, data: &SchemeData) -> Result<GrantScheme> {
    councils::get(conn, &data.council_id)?;
    let id = new_id();
    let at = codec::instant(actor.at);
    conn.execute(
        "INSERT INTO grant_scheme (id, council_id, year, name, budget_ore, deadline, report_deadline,
            max_per_application_ore, enkeltvedtak, appeal_body, conditions, created_at, updated_at, appeal_address)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)",
        params![
            id,
            data.council_id,
            data.year,
            data.name,
            data.budget_ore,
            codec::day(data.deadline),
            codec::day(data.report_deadline),
            data.max_per_application_ore,
            data.enkeltvedtak,
            data.appeal_body,
            data.conditions,
            at,
            data.appeal_address
        ],
    )?;
    insert_criteria(conn, &id, &data.criteria)?;
    audit::record_diff(conn, actor, "grant_scheme", &id, None, data)?;
    scheme(conn, &id)
}

fn scheme_data(s: &GrantScheme) -> SchemeData {
    SchemeData {
        council_id: s.council_id.clone(),
        year: s.year,
        name: s.name.clone(),
        budget_ore: s.budget_ore,
        deadline: s.deadline,
        report_deadline: s.report_deadline,
        max_per_application_ore: s.max_per_application_ore,
        criteria: s
            .criteria
            .iter()
            .map(|c| CriterionInput {
                name: c.name.clone(),
                weight: c.weight,
            })
            .collect(),
        enkeltvedtak: s.enkeltvedtak,
        appeal_body: s.appeal_body.clone(),
        appeal_address: s.appeal_address.clone(),
        conditions: s.conditions.clone(),
    }
}

fn scoring_started(conn: &Connection, scheme_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM grant_score s JOIN grant_application a ON a.id = s.application_id
                        WHERE a.scheme_id = ?1)",
        [scheme_id],
        |r| r.get(0),
    )?)
}

pub fn update_scheme(conn: &Connection, actor: &Actor, id: &str, data: &SchemeData) -> Result<GrantScheme> {
    let old = scheme(conn, id)?;
    let before = scheme_data(&old);
    // A scheme stays with its council.
    let data = SchemeData {
        council_id: old.council_id.clone(),
        ..data.clone()
    };
    if before == data {
        return Ok(old);
    }
    let budget = budget(conn, &old)?;
    if data.budget_ore < budget.granted_ore {
        return Err(CoreError::invalid(
            FieldIssue::new("budget", "validation.budget_below_granted")
                .with("granted", crate::rules::money::kr(budget.granted_ore)),
        ));
    }
    if before.criteria != data.criteria {
        if scoring_started(conn, id)? {
            return Err(conflict("criteria", "validation.criteria_locked"));
        }
        conn.execute("DELETE FROM grant_criterion WHERE scheme_id = ?1", [id])?;
        insert_criteria(conn, id, &data.criteria)?;
    }
    conn.execute(
        "UPDATE grant_scheme SET year = ?2, name = ?3, budget_ore = ?4, deadline = ?5, report_deadline = ?6,
            max_per_application_ore = ?7, enkeltvedtak = ?8, appeal_body = ?9, conditions = ?10, updated_at = ?11,
            appeal_address = ?12
         WHERE id = ?1",
        params![
            id,
            data.year,
            data.name,
            data.budget_ore,
            codec::day(data.deadline),
            codec::day(data.report_deadline),
            data.max_per_application_ore,
            data.enkeltvedtak,
            data.appeal_body,
            data.conditions,
            codec::instant(actor.at),
            data.appeal_address
        ],
    )?;
    audit::record_diff(conn, actor, "grant_scheme", id, Some(&before), &data)?;
    scheme(conn, id)
}

/// The budget bar of a scheme.
pub fn budget(conn: &Connection, scheme: &GrantScheme) -> Result<BudgetStatus> {
    let (granted, proposed): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(granted_ore), 0),
                coalesce(sum(CASE WHEN granted_ore IS NULL AND withdrawn_at IS NULL THEN proposed_ore END), 0)
         FROM grant_application WHERE scheme_id = ?1",
        [&scheme.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let paid: i64 = conn.query_row(
        "SELECT coalesce(sum(p.amount_ore), 0) FROM grant_payout p
         JOIN grant_application a ON a.id = p.application_id WHERE a.scheme_id = ?1",
        [&scheme.id],
        |r| r.get(0),
    )?;
    Ok(BudgetStatus {
        budget_ore: scheme.budget_ore,
        granted_ore: granted,
        paid_ore: paid,
        left_ore: scheme.budget_ore - granted,
        proposed_ore: proposed,
    })
}

pub fn schemes_of_council(conn: &Connection, council_id: &str, today: NaiveDate) -> Result<Vec<SchemeSummary>> {
    councils::get(conn, council_id)?;
    let ids: Vec<String> = {
        let mut stmt =
            conn.prepare("SELECT id FROM grant_scheme WHERE council_id = ?1 ORDER BY year DESC, name, id")?;
        let rows = stmt.query_map([council_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Counted in SQL, as `reminders` would find them, so a council with twenty
    // years of schemes does not read every application to list them.
    let mut counts = conn.prepare_cached(
        "SELECT count(*), count(CASE WHEN withdrawn_at IS NULL AND report_received IS NULL AND granted_ore > 0
                                     THEN 1 END)
         FROM grant_application WHERE scheme_id = ?1",
    )?;
    ids.iter()
        .map(|id| {
            let scheme = scheme(conn, id)?;
            let (count, unreported): (i32, i32) = counts.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(SchemeSummary {
                budget: budget(conn, &scheme)?,
                application_count: count,
                reports_overdue: if today > scheme.report_deadline { unreported } else { 0 },
                scheme,
            })
        })
        .collect()
}

// --- applications -------------------------------------------------------------

const APPLICATION_COLUMNS: &str = "a.id, a.scheme_id, a.number, a.organisation, a.org_number, a.contact_name, \
     a.email, a.phone, a.title, a.description, a.amount_asked_ore, a.project_budget_ore, a.received, a.status, \
     a.proposed_ore, a.granted_ore, a.reasons, a.decision_item_id, a.decided_at, a.decided_by, a.letter_sent_at, \
     a.letter_sent_by, a.report_received, a.report_summary, a.report_accepted, a.report_recorded_at, \
     a.report_recorded_by, a.withdrawn_at, a.withdrawn_by, s.deadline, i.meeting_id, m.date, i.case_year, \
     i.case_number, i.title";

const APPLICATION_FROM: &str = "grant_application a JOIN grant_scheme s ON s.id = a.scheme_id \
     LEFT JOIN agenda_item i ON i.id = a.decision_item_id LEFT JOIN meeting m ON m.id = i.meeting_id";

fn step(r: &Row, at: usize) -> rusqlite::Result<Option<Step>> {
    let when: Option<String> = r.get(at)?;
    let who: Option<String> = r.get(at + 1)?;
    Ok(when.map(|at| Step {
        at,
        by: who.unwrap_or_default(),
    }))
}

fn application_from_row(r: &Row, lang: Lang) -> rusqlite::Result<Application> {
    let received = codec::parse_day(12, &r.get::<_, String>(12)?)?;
    let deadline = codec::parse_day(29, &r.get::<_, String>(29)?)?;
    let granted: Option<i64> = r.get(15)?;
    let decision = match (granted, r.get::<_, Option<String>>(17)?) {
        (Some(granted_ore), Some(item_id)) => Some(GrantDecision {
            granted_ore,
            reasons: r.get(16)?,
            item_id,
            meeting_id: r.get::<_, Option<String>>(30)?.unwrap_or_default(),
            meeting_date: codec::parse_day(31, &r.get::<_, Option<String>>(31)?.unwrap_or_default())?,
            case_label: case_label(lang, r.get(32)?, r.get(33)?),
            item_title: r.get::<_, Option<String>>(34)?.unwrap_or_default(),
            decided: step(r, 18)?.unwrap_or(Step {
                at: String::new(),
                by: String::new(),
            }),
        }),
        _ => None,
    };
    let report_received: Option<String> = r.get(22)?;
    let report = match report_received {
        Some(day) => Some(FinalReport {
            received: codec::parse_day(22, &day)?,
            summary: r.get(23)?,
            accepted: r.get::<_, Option<bool>>(24)?.unwrap_or(false),
            recorded: step(r, 25)?.unwrap_or(Step {
                at: String::new(),
                by: String::new(),
            }),
        }),
        None => None,
    };
    Ok(Application {
        id: r.get(0)?,
        scheme_id: r.get(1)?,
        number: r.get(2)?,
        organisation: r.get(3)?,
        org_number: r.get(4)?,
        contact_name: r.get(5)?,
        email: r.get(6)?,
        phone: r.get(7)?,
        title: r.get(8)?,
        description: r.get(9)?,
        amount_asked_ore: r.get(10)?,
        project_budget_ore: r.get(11)?,
        received,
        late: received > deadline,
        status: codec::parse(13, &r.get::<_, String>(13)?)?,
        proposed_ore: r.get(14)?,
        decision,
        letter_sent: step(r, 20)?,
        paid_ore: 0,
        payouts: Vec::new(),
        report,
        amendments: Vec::new(),
        withdrawn: step(r, 27)?,
    })
}

/// Adds the payouts and amendments to applications read from their rows.
fn complete(conn: &Connection, application: &mut Application, lang: Lang) -> Result<()> {
    application.payouts = {
        let mut stmt = conn.prepare(
            "SELECT id, date, amount_ore, recorded_at, recorded_by FROM grant_payout
             WHERE application_id = ?1 ORDER BY date, recorded_at",
        )?;
        let rows = stmt.query_map([&application.id], |r| {
            Ok(Payout {
                id: r.get(0)?,
                date: codec::parse_day(1, &r.get::<_, String>(1)?)?,
                amount_ore: r.get(2)?,
                recorded: Step {
                    at: r.get(3)?,
                    by: r.get(4)?,
                },
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    application.paid_ore = application.payouts.iter().map(|p| p.amount_ore).sum();
    application.amendments = {
        let mut stmt = conn.prepare(
            "SELECT g.id, g.old_ore, g.new_ore, g.reason, g.recorded_at, g.recorded_by, m.date, i.case_year,
                i.case_number
             FROM grant_amendment g LEFT JOIN agenda_item i ON i.id = g.item_id
             LEFT JOIN meeting m ON m.id = i.meeting_id
             WHERE g.application_id = ?1 ORDER BY g.recorded_at, g.id",
        )?;
        let rows = stmt.query_map([&application.id], |r| {
            let meeting_date = match r.get::<_, Option<String>>(6)? {
                Some(day) => Some(codec::parse_day(6, &day)?),
                None => None,
            };
            Ok(GrantAmendment {
                id: r.get(0)?,
                old_ore: r.get(1)?,
                new_ore: r.get(2)?,
                reason: r.get(3)?,
                recorded: Step {
                    at: r.get(4)?,
                    by: r.get(5)?,
                },
                case_label: case_label(lang, r.get(7)?, r.get(8)?),
                meeting_date,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    Ok(())
}

pub fn application(conn: &Connection, id: &str, lang: Lang) -> Result<Application> {
    let mut application = conn
        .query_row(
            &format!("SELECT {APPLICATION_COLUMNS} FROM {APPLICATION_FROM} WHERE a.id = ?1"),
            [id],
            |r| application_from_row(r, lang),
        )
        .optional()?
        .ok_or_else(|| not_found("application", id))?;
    complete(conn, &mut application, lang)?;
    Ok(application)
}

pub fn applications_of(conn: &Connection, scheme_id: &str, lang: Lang) -> Result<Vec<Application>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM {APPLICATION_FROM} WHERE a.scheme_id = ?1 ORDER BY a.number"
    ))?;
    let rows = stmt.query_map([scheme_id], |r| application_from_row(r, lang))?;
    let mut applications: Vec<Application> = rows.collect::<rusqlite::Result<_>>()?;
    for application in &mut applications {
        complete(conn, application, lang)?;
    }
    Ok(applications)
}

/// The grants decided under an agenda item, as the minutes list them.
pub fn of_item(conn: &Connection, item_id: &str) -> Result<Vec<ItemGrant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, organisation, title, amount_asked_ore, granted_ore FROM grant_application
         WHERE decision_item_id = ?1 ORDER BY number",
    )?;
    let rows = stmt.query_map([item_id], |r| {
        Ok(ItemGrant {
            application_id: r.get(0)?,
            organisation: r.get(1)?,
            title: r.get(2)?,
            asked_ore: r.get(3)?,
            granted_ore: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn application_data(a: &Application) -> ApplicationData {
    ApplicationData {
        scheme_id: a.scheme_id.clone(),
        organisation: a.organisation.clone(),
        org_number: a.org_number.clone(),
        contact_name: a.contact_name.clone(),
        email: a.email.clone(),
        phone: a.phone.clone(),
        title: a.title.clone(),
        description: a.description.clone(),
        amount_asked_ore: a.amount_asked_ore,
        project_budget_ore: a.project_budget_ore,
        received: a.received,
    }
}

/// Writes the status the record gives the application, and audits a change.
fn refresh_status(conn: &Connection, actor: &Actor, id: &str) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    let reviewing: bool = conn.query_row("SELECT reviewing FROM grant_application WHERE id = ?1", [id], |r| {
        r.get(0)
    })?;
    let status = rules::status(StatusFacts {
        withdrawn: a.withdrawn.is_some(),
        reviewing,
        asked_ore: a.amount_asked_ore,
        granted_ore: a.decision.as_ref().map(|d| d.granted_ore),
        paid_ore: a.paid_ore,
        reported: a.report.is_some(),
    });
    if status != a.status {
        conn.execute(
            "UPDATE grant_application SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, codec::name(&status), codec::instant(actor.at)],
        )?;
        audit::record(
            conn,
            actor,
            "grant_application",
            id,
            "status",
            Some(&codec::name(&a.status)),
            Some(&codec::name(&status)),
        )?;
    }
    application(conn, id, Lang::Nb)
}

pub fn add_application(conn: &Connection, actor: &Actor, data: &ApplicationData) -> Result<Application> {
    scheme(conn, &data.scheme_id)?;
    let id = new_id();
    let number: i32 = conn.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM grant_application WHERE scheme_id = ?1",
        [&data.scheme_id],
        |r| r.get(0),
    )?;
    let at = codec::instant(actor.at);
    conn.execute(
        "INSERT INTO grant_application (id, scheme_id, number, organisation, org_number, contact_name, email, phone,
            title, description, amount_asked_ore, project_budget_ore, received, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'received', ?14, ?14)",
        params![
            id,
            data.scheme_id,
            number,
            data.organisation,
            data.org_number,
            data.contact_name,
            data.email,
            data.phone,
            data.title,
            data.description,
            data.amount_asked_ore,
            data.project_budget_ore,
            codec::day(data.received),
            at
        ],
    )?;
    audit::record_diff(conn, actor, "grant_application", &id, None, data)?;
    audit::record(conn, actor, "grant_application", &id, "status", None, Some("received"))?;
    application(conn, &id, Lang::Nb)
}

/// Refuses a change to an application that is decided or withdrawn.
fn check_open(a: &Application) -> Result<()> {
    if a.withdrawn.is_some() {
        return Err(conflict("", "validation.application_withdrawn"));
    }
    if a.decision.is_some() {
        return Err(conflict("", "validation.application_decided"));
    }
    Ok(())
}

pub fn update_application(conn: &Connection, actor: &Actor, id: &str, data: &ApplicationData) -> Result<Application> {
    let old = application(conn, id, Lang::Nb)?;
    check_open(&old)?;
    let before = application_data(&old);
    let data = ApplicationData {
        scheme_id: old.scheme_id.clone(),
        ..data.clone()
    };
    if before == data {
        return Ok(old);
    }
    conn.execute(
        "UPDATE grant_application SET organisation = ?2, org_number = ?3, contact_name = ?4, email = ?5, phone = ?6,
            title = ?7, description = ?8, amount_asked_ore = ?9, project_budget_ore = ?10, received = ?11,
            updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            data.organisation,
            data.org_number,
            data.contact_name,
            data.email,
            data.phone,
            data.title,
            data.description,
            data.amount_asked_ore,
            data.project_budget_ore,
            codec::day(data.received),
            codec::instant(actor.at)
        ],
    )?;
    audit::record_diff(conn, actor, "grant_application", id, Some(&before), &data)?;
    refresh_status(conn, actor, id)
}

pub fn withdraw(conn: &Connection, actor: &Actor, id: &str) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    if a.decision.is_some() {
        return Err(conflict("", "validation.withdraw_decided"));
    }
    if a.withdrawn.is_some() {
        return Ok(a);
    }
    conn.execute(
        "UPDATE grant_application SET withdrawn_at = ?2, withdrawn_by = ?3, proposed_ore = NULL, updated_at = ?2
         WHERE id = ?1",
        params![id, codec::instant(actor.at), actor.name],
    )?;
    audit::record(conn, actor, "grant_application", id, "withdrawn", None, Some("true"))?;
    refresh_status(conn, actor, id)
}

/// Received → in review: the committee has started on it.
pub fn start_review(conn: &Connection, actor: &Actor, id: &str) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    check_open(&a)?;
    let changed = conn.execute(
        "UPDATE grant_application SET reviewing = 1 WHERE id = ?1 AND reviewing = 0",
        [id],
    )?;
    if changed > 0 {
        audit::record(conn, actor, "grant_application", id, "reviewing", None, Some("true"))?;
    }
    refresh_status(conn, actor, id)
}

pub fn propose(conn: &Connection, actor: &Actor, id: &str, proposed: Option<i64>) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    check_open(&a)?;
    if let Some(amount) = proposed {
        if amount > a.amount_asked_ore {
            return Err(CoreError::invalid(
                FieldIssue::new("proposed", "validation.grant_above_asked")
                    .with("granted", crate::rules::money::kr(amount))
                    .with("asked", crate::rules::money::kr(a.amount_asked_ore)),
            ));
        }
    }
    if a.proposed_ore == proposed {
        return Ok(a);
    }
    conn.execute(
        "UPDATE grant_application SET proposed_ore = ?2, reviewing = 1, updated_at = ?3 WHERE id = ?1",
        params![id, proposed, codec::instant(actor.at)],
    )?;
    audit::record(
        conn,
        actor,
        "grant_application",
        id,
        "proposedOre",
        a.proposed_ore.map(|p| p.to_string()).as_deref(),
        proposed.map(|p| p.to_string()).as_deref(),
    )?;
    refresh_status(conn, actor, id)
}

// --- the committee's review ---------------------------------------------------

/// The members of the committee on `day`: the council's members with a seat.
pub(super) fn reviewers(conn: &Connection, council_id: &str, day: NaiveDate) -> Result<Vec<Membership>> {
    let mut members: Vec<Membership> = memberships::of_council(conn, council_id)?
        .into_iter()
        .filter(|m| m.role.holds_seat() && m.sits_on(day))
        .collect();
    members.sort_by_key(|m| crate::rules::names::sort_key(&m.person.name));
    Ok(members)
}

/// What the committee recorded for a member and an application: a declared
/// inhabilitet, or a proposed one overruled — each with its reason.
fn finding(conn: &Connection, application_id: &str, membership_id: &str) -> Result<Option<(String, bool)>> {
    Ok(conn
        .query_row(
            "SELECT reason, overruled FROM grant_inhabil WHERE application_id = ?1 AND membership_id = ?2",
            [application_id, membership_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Whether `member` is inhabil for `application`: declared, or by
/// representing the applicant unless the committee overruled that.
pub(super) fn inhabil_of(conn: &Connection, application: &Application, member: &Membership) -> Result<Option<Inhabil>> {
    let inhabil = |source, reason: String| Inhabil {
        membership_id: member.id.clone(),
        person_name: member.person.name.clone(),
        source,
        reason,
    };
    Ok(match finding(conn, &application.id, &member.id)? {
        Some((reason, false)) => Some(inhabil(InhabilSource::Declared, reason)),
        Some((_, true)) => None,
        None if rules::same_organisation(&member.organisation, &application.organisation) => {
            Some(inhabil(InhabilSource::Organisation, member.organisation.clone()))
        }
        None => None,
    })
}

/// The overruled proposal of inhabilitet for `member`, while it still stands
/// (the member still represents the applicant).
fn overruling_of(
    conn: &Connection,
    application: &Application,
    member: &Membership,
) -> Result<Option<InhabilOverruled>> {
    Ok(match finding(conn, &application.id, &member.id)? {
        Some((reason, true)) if rules::same_organisation(&member.organisation, &application.organisation) => {
            Some(InhabilOverruled {
                membership_id: member.id.clone(),
                person_name: member.person.name.clone(),
                organisation: member.organisation.clone(),
                reason,
            })
        }
        _ => None,
    })
}

/// The members of `members` proposed inhabil for an application whom the
/// committee found not inhabil, with its reason, as a meeting shows them.
pub(super) fn overruled_of(conn: &Connection, application_id: &str, members: &[String]) -> Result<Vec<Recusal>> {
    let a = application(conn, application_id, Lang::Nb)?;
    let mut found = Vec::new();
    for id in members {
        let member = memberships::get(conn, id)?;
        if let Some(o) = overruling_of(conn, &a, &member)? {
            found.push(Recusal {
                membership_id: o.membership_id,
                person_name: o.person_name,
                reason: o.reason,
            });
        }
    }
    Ok(found)
}

/// The members of `members` inhabil for an application, as recusals a meeting
/// proposes: declared in the committee (with its reason), or representing the
/// applicant (said in `lang`).
pub(super) fn inhabil_recusals(
    conn: &Connection,
    application_id: &str,
    members: &[String],
    lang: Lang,
) -> Result<Vec<Recusal>> {
    let a = application(conn, application_id, lang)?;
    let mut found = Vec::new();
    for id in members {
        let member = memberships::get(conn, id)?;
        if let Some(inhabil) = inhabil_of(conn, &a, &member)? {
            let reason = match (inhabil.source, inhabil.reason.trim()) {
                (InhabilSource::Organisation, _) => t(
                    lang,
                    "decision.inhabil_organisation",
                    &[("organisation", &a.organisation)],
                ),
                (InhabilSource::Declared, "") => t(lang, "decision.inhabil_declared", &[]),
                (InhabilSource::Declared, reason) => reason.to_owned(),
            };
            found.push(Recusal {
                membership_id: inhabil.membership_id,
                person_name: inhabil.person_name,
                reason,
            });
        }
    }
    Ok(found)
}

pub(super) fn scores_of(conn: &Connection, application_id: &str, membership_id: &str) -> Result<Vec<Score>> {
    let mut stmt = conn.prepare(
        "SELECT s.criterion_id, s.score, s.comment FROM grant_score s
         JOIN grant_criterion c ON c.id = s.criterion_id
         WHERE s.application_id = ?1 AND s.membership_id = ?2 ORDER BY c.position",
    )?;
    let rows = stmt.query_map([application_id, membership_id], |r| {
        Ok(Score {
            criterion_id: r.get(0)?,
            score: r.get(1)?,
            comment: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Members who have scored an application but no longer sit still count.
fn reviews(
    conn: &Connection,
    scheme: &GrantScheme,
    application: &Application,
    committee: &[Membership],
) -> Result<Vec<Review>> {
    let mut members: Vec<Membership> = committee.to_vec();
    let scorers: Vec<String> = {
        let mut stmt = conn.prepare("SELECT DISTINCT membership_id FROM grant_score WHERE application_id = ?1")?;
        let rows = stmt.query_map([&application.id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in scorers {
        if !members.iter().any(|m| m.id == id) {
            members.push(memberships::get(conn, &id)?);
        }
    }
    members
        .iter()
        .map(|m| {
            let scores = scores_of(conn, &application.id, &m.id)?;
            Ok(Review {
                membership_id: m.id.clone(),
                person_name: m.person.name.clone(),
                organisation: m.organisation.clone(),
                inhabil: inhabil_of(conn, application, m)?,
                overruled: overruling_of(conn, application, m)?,
                weighted: rules::weighted(&scheme.criteria, &scores),
                scores,
            })
        })
        .collect()
}

fn committee_score(reviews: &[Review]) -> (Option<f64>, i32) {
    let complete: Vec<f64> = reviews
        .iter()
        .filter(|r| r.inhabil.is_none())
        .filter_map(|r| r.weighted)
        .collect();
    (rules::committee_score(&complete), complete.len() as i32)
}

/// The membership, checked to belong to the scheme's council.
fn committee_member(conn: &Connection, scheme: &GrantScheme, membership_id: &str) -> Result<Membership> {
    let member = memberships::get(conn, membership_id)?;
    if member.council_id != scheme.council_id {
        return Err(CoreError::invalid(FieldIssue::new(
            "membershipId",
            "validation.reviewer_not_member",
        )));
    }
    Ok(member)
}

pub fn declare_inhabil(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<Application> {
    let a = application(conn, application_id, Lang::Nb)?;
    check_open(&a)?;
    let scheme = scheme(conn, &a.scheme_id)?;
    committee_member(conn, &scheme, membership_id)?;
    conn.execute(
        "INSERT INTO grant_inhabil (application_id, membership_id, reason) VALUES (?1, ?2, ?3)
         ON CONFLICT (application_id, membership_id) DO UPDATE SET reason = excluded.reason, overruled = 0",
        params![application_id, membership_id, reason],
    )?;
    audit::record(
        conn,
        actor,
        "grant_application",
        application_id,
        &format!("inhabil.{membership_id}"),
        None,
        Some(reason),
    )?;
    // An inhabil member's scores do not count: they are removed, and the removal audited.
    remove_scores(conn, actor, application_id, membership_id)?;
    refresh_status(conn, actor, application_id)
}

/// Withdraws what the committee recorded for a member: a declared
/// inhabilitet, or the overruling of a proposed one — then the proposal
/// stands again and the member's scores, which no longer count, are removed.
pub fn clear_inhabil(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
) -> Result<Application> {
    let a = application(conn, application_id, Lang::Nb)?;
    check_open(&a)?;
    let old: Option<(String, bool)> = conn
        .query_row(
            "DELETE FROM grant_inhabil WHERE application_id = ?1 AND membership_id = ?2 RETURNING reason, overruled",
            [application_id, membership_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match old {
        Some((old, false)) => audit::record(
            conn,
            actor,
            "grant_application",
            application_id,
            &format!("inhabil.{membership_id}"),
            Some(&old),
            None,
        )?,
        Some((old, true)) => {
            audit::record(
                conn,
                actor,
                "grant_application",
                application_id,
                &format!("inhabilOverruled.{membership_id}"),
                Some(&old),
                None,
            )?;
            remove_scores(conn, actor, application_id, membership_id)?;
        }
        None => {}
    }
    refresh_status(conn, actor, application_id)
}

/// Removes a member's scores of an application, which no longer count, and audits it.
fn remove_scores(conn: &Connection, actor: &Actor, application_id: &str, membership_id: &str) -> Result<()> {
    let removed = conn.execute(
        "DELETE FROM grant_score WHERE application_id = ?1 AND membership_id = ?2",
        params![application_id, membership_id],
    )?;
    if removed > 0 {
        audit::record(
            conn,
            actor,
            "grant_application",
            application_id,
            &format!("scores.{membership_id}"),
            Some(&removed.to_string()),
            None,
        )?;
    }
    Ok(())
}

/// Finds a member proposed inhabil (they represent the applicant) not
/// inhabil after all, for `reason`: they may then score the application and
/// vote on its decision. Refused without a reason, and for a member not
/// proposed inhabil.
pub fn overrule_inhabil(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<Application> {
    let a = application(conn, application_id, Lang::Nb)?;
    check_open(&a)?;
    let scheme = scheme(conn, &a.scheme_id)?;
    let member = committee_member(conn, &scheme, membership_id)?;
    let proposed = matches!(
        inhabil_of(conn, &a, &member)?,
        Some(Inhabil {
            source: InhabilSource::Organisation,
            ..
        })
    );
    rules::check_overrule(proposed, reason)?;
    conn.execute(
        "INSERT INTO grant_inhabil (application_id, membership_id, reason, overruled) VALUES (?1, ?2, ?3, 1)",
        params![application_id, membership_id, reason],
    )?;
    audit::record(
        conn,
        actor,
        "grant_application",
        application_id,
        &format!("inhabilOverruled.{membership_id}"),
        None,
        Some(reason),
    )?;
    refresh_status(conn, actor, application_id)
}

/// Saves one member's scores of one application, all criteria at once. A
/// criterion without a score clears that member's score for it.
pub fn save_scores(
    conn: &Connection,
    actor: &Actor,
    application_id: &str,
    membership_id: &str,
    scores: &[ScoreInput],
) -> Result<Application> {
    let a = application(conn, application_id, Lang::Nb)?;
    check_open(&a)?;
    let scheme = scheme(conn, &a.scheme_id)?;
    let member = committee_member(conn, &scheme, membership_id)?;
    if let Some(inhabil) = inhabil_of(conn, &a, &member)? {
        return Err(CoreError::Conflict(
            FieldIssue::new("scores", "validation.score_inhabil").with("name", inhabil.person_name),
        ));
    }
    let mut issues = Vec::new();
    for (i, s) in scores.iter().enumerate() {
        if !scheme.criteria.iter().any(|c| c.id == s.criterion_id) {
            return Err(not_found("criterion", &s.criterion_id));
        }
        if let Some(score) = s.score {
            if let Err(CoreError::Invalid(mut found)) = rules::check_score(&format!("scores.{i}.score"), score) {
                issues.append(&mut found);
            }
        }
        let comment = crate::rules::validate::clean_text(&s.comment);
        issues.extend(crate::rules::validate::text_issues(
            &format!("scores.{i}.comment"),
            &comment,
        ));
    }
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    for s in scores {
        let comment = crate::rules::validate::clean_text(&s.comment);
        let old: Option<(i32, String)> = conn
            .query_row(
                "SELECT score, comment FROM grant_score
                 WHERE application_id = ?1 AND membership_id = ?2 AND criterion_id = ?3",
                [application_id, membership_id, &s.criterion_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let new = s.score.map(|score| (score, comment.clone()));
        if old == new {
            continue;
        }
        match &new {
            Some((score, comment)) => conn.execute(
                "INSERT INTO grant_score (application_id, membership_id, criterion_id, score, comment)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (application_id, membership_id, criterion_id)
                 DO UPDATE SET score = excluded.score, comment = excluded.comment",
                params![application_id, membership_id, s.criterion_id, score, comment],
            )?,
            None => conn.execute(
                "DELETE FROM grant_score WHERE application_id = ?1 AND membership_id = ?2 AND criterion_id = ?3",
                params![application_id, membership_id, s.criterion_id],
            )?,
        };
        let text = |v: &Option<(i32, String)>| v.as_ref().map(|(score, comment)| format!("{score} {comment}"));
        audit::record(
            conn,
            actor,
            "grant_application",
            application_id,
            &format!("score.{membership_id}.{}", s.criterion_id),
            text(&old).as_deref().map(str::trim_end),
            text(&new).as_deref().map(str::trim_end),
        )?;
    }
    conn.execute(
        "UPDATE grant_application SET reviewing = 1 WHERE id = ?1 AND reviewing = 0",
        [application_id],
    )?;
    refresh_status(conn, actor, application_id)
}

// --- decision, letter, amendments, payouts, report -------------------------------

fn granted_elsewhere(conn: &Connection, scheme_id: &str, application_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(granted_ore), 0) FROM grant_application WHERE scheme_id = ?1 AND id <> ?2",
        [scheme_id, application_id],
        |r| r.get(0),
    )?)
}

fn figures(conn: &Connection, scheme: &GrantScheme, a: &Application) -> Result<GrantFigures> {
    Ok(GrantFigures {
        asked_ore: a.amount_asked_ore,
        max_per_application_ore: scheme.max_per_application_ore,
        budget_ore: scheme.budget_ore,
        granted_elsewhere_ore: granted_elsewhere(conn, &scheme.id, &a.id)?,
        paid_ore: a.paid_ore,
    })
}

/// Refuses an agenda item that cannot carry a grant decision of this scheme.
fn check_decision_item(conn: &Connection, scheme: &GrantScheme, item_id: &str) -> Result<()> {
    let found: Option<(String, String, bool, String)> = conn
        .query_row(
            "SELECT m.council_id, i.kind, i.withdrawn, m.status FROM agenda_item i
             JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?1",
            [item_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    match found {
        Some((council, kind, false, status))
            if council == scheme.council_id && kind == "vedtak" && status != "approved" =>
        {
            Ok(())
        }
        _ => Err(CoreError::invalid(FieldIssue::new(
            "itemId",
            "validation.decision_item_invalid",
        ))),
    }
}

pub fn decide(
    conn: &Connection,
    actor: &Actor,
    id: &str,
    granted: i64,
    reasons: &str,
    item_id: &str,
) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    if a.withdrawn.is_some() {
        return Err(conflict("", "validation.application_withdrawn"));
    }
    if a.letter_sent.is_some() {
        return Err(conflict("granted", "validation.grant_letter_sent"));
    }
    let scheme = scheme(conn, &a.scheme_id)?;
    rules::check_grant("granted", granted, figures(conn, &scheme, &a)?)?;
    rules::check_reasons(reasons, scheme.enkeltvedtak, granted, a.amount_asked_ore)?;
    check_decision_item(conn, &scheme, item_id)?;
    super::decisions::check_no_inhabil_voted(conn, item_id, id)?;
    let old = a.decision.as_ref();
    conn.execute(
        "UPDATE grant_application SET granted_ore = ?2, reasons = ?3, decision_item_id = ?4, decided_at = ?5,
            decided_by = ?6, updated_at = ?5
         WHERE id = ?1",
        params![id, granted, reasons, item_id, codec::instant(actor.at), actor.name],
    )?;
    for (field, before, after) in [
        (
            "grantedOre",
            old.map(|d| d.granted_ore.to_string()),
            granted.to_string(),
        ),
        ("reasons", old.map(|d| d.reasons.clone()), reasons.to_owned()),
        ("decisionItemId", old.map(|d| d.item_id.clone()), item_id.to_owned()),
    ] {
        if before.as_deref() != Some(after.as_str()) {
            audit::record(
                conn,
                actor,
                "grant_application",
                id,
                field,
                before.as_deref(),
                Some(&after),
            )?;
        }
    }
    refresh_status(conn, actor, id)
}

pub fn mark_letter_sent(conn: &Connection, actor: &Actor, id: &str) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    if a.decision.is_none() {
        return Err(conflict("", "validation.not_decided"));
    }
    if a.letter_sent.is_some() {
        return Ok(a);
    }
    conn.execute(
        "UPDATE grant_application SET letter_sent_at = ?2, letter_sent_by = ?3, updated_at = ?2 WHERE id = ?1",
        params![id, codec::instant(actor.at), actor.name],
    )?;
    audit::record(conn, actor, "grant_application", id, "letterSent", None, Some("true"))?;
    refresh_status(conn, actor, id)
}

/// Changes a grant whose letter is sent. For an enkeltvedtak the change is a
/// new decision: `item_id` must be a vedtak item of a meeting whose minutes
/// are open, as for the first decision; the next letter is the amended one.
pub fn amend(
    conn: &Connection,
    actor: &Actor,
    id: &str,
    granted: i64,
    reason: &str,
    item_id: &str,
) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    let Some(decision) = &a.decision else {
        return Err(conflict("", "validation.not_decided"));
    };
    if a.letter_sent.is_none() {
        return Err(conflict("granted", "validation.amend_before_letter"));
    }
    let scheme = scheme(conn, &a.scheme_id)?;
    // Every fault of the form at once.
    let mut issues = Vec::new();
    if reason.is_empty() {
        issues.push(FieldIssue::new("reason", "validation.reason_empty"));
    }
    if scheme.enkeltvedtak && item_id.is_empty() {
        issues.push(FieldIssue::new("itemId", "validation.amend_needs_decision"));
    }
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    rules::check_grant("granted", granted, figures(conn, &scheme, &a)?)?;
    let item_id = if scheme.enkeltvedtak {
        check_decision_item(conn, &scheme, item_id)?;
        Some(item_id)
    } else {
        None
    };
    if granted == decision.granted_ore {
        return Ok(a);
    }
    conn.execute(
        "INSERT INTO grant_amendment (id, application_id, old_ore, new_ore, reason, recorded_at, recorded_by,
            item_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            new_id(),
            id,
            decision.granted_ore,
            granted,
            reason,
            codec::instant(actor.at),
            actor.name,
            item_id
        ],
    )?;
    conn.execute(
        "UPDATE grant_application SET granted_ore = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, granted, codec::instant(actor.at)],
    )?;
    audit::record(
        conn,
        actor,
        "grant_application",
        id,
        "grantedOre",
        Some(&decision.granted_ore.to_string()),
        Some(&granted.to_string()),
    )?;
    refresh_status(conn, actor, id)
}

fn check_granted(a: &Application) -> Result<i64> {
    match &a.decision {
        Some(d) if d.granted_ore > 0 => Ok(d.granted_ore),
        _ => Err(conflict("", "validation.not_granted")),
    }
}

pub fn add_payout(conn: &Connection, actor: &Actor, id: &str, date: NaiveDate, amount: i64) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    let granted = check_granted(&a)?;
    rules::check_payout(amount, a.paid_ore, granted)?;
    let payout_id = new_id();
    conn.execute(
        "INSERT INTO grant_payout (id, application_id, date, amount_ore, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            payout_id,
            id,
            codec::day(date),
            amount,
            codec::instant(actor.at),
            actor.name
        ],
    )?;
    audit::record(
        conn,
        actor,
        "grant_application",
        id,
        &format!("payout.{}", codec::day(date)),
        None,
        Some(&amount.to_string()),
    )?;
    refresh_status(conn, actor, id)
}

pub fn record_report(conn: &Connection, actor: &Actor, id: &str, report: &ReportInput) -> Result<Application> {
    let a = application(conn, id, Lang::Nb)?;
    check_granted(&a)?;
    let before = a.report.as_ref().map(|r| (r.received, r.summary.clone(), r.accepted));
    let after = (report.received, report.summary.clone(), report.accepted);
    if before.as_ref() == Some(&after) {
        return Ok(a);
    }
    conn.execute(
        "UPDATE grant_application SET report_received = ?2, report_summary = ?3, report_accepted = ?4,
            report_recorded_at = ?5, report_recorded_by = ?6, updated_at = ?5
         WHERE id = ?1",
        params![
            id,
            codec::day(report.received),
            report.summary,
            report.accepted,
            codec::instant(actor.at),
            actor.name
        ],
    )?;
    let text = |r: &(NaiveDate, String, bool)| format!("{} {} {}", codec::day(r.0), r.2, r.1);
    audit::record(
        conn,
        actor,
        "grant_application",
        id,
        "report",
        before.as_ref().map(text).as_deref(),
        Some(&text(&after)),
    )?;
    refresh_status(conn, actor, id)
}

// --- views ---------------------------------------------------------------------

/// Final reports due by the scheme's deadline and not received by `today`.
pub fn reminders(scheme: &GrantScheme, applications: &[Application], today: NaiveDate) -> Vec<ReportReminder> {
    if today <= scheme.report_deadline {
        return Vec::new();
    }
    applications
        .iter()
        .filter(|a| a.withdrawn.is_none() && a.report.is_none())
        .filter(|a| a.decision.as_ref().is_some_and(|d| d.granted_ore > 0))
        .map(|a| ReportReminder {
            application_id: a.id.clone(),
            number: a.number,
            organisation: a.organisation.clone(),
            title: a.title.clone(),
            contact_name: a.contact_name.clone(),
            email: a.email.clone(),
            due: scheme.report_deadline,
            days_overdue: (today - scheme.report_deadline).num_days() as i32,
        })
        .collect()
}

pub fn scheme_detail(conn: &Connection, id: &str, today: NaiveDate, lang: Lang) -> Result<SchemeDetail> {
    let scheme = scheme(conn, id)?;
    let council = councils::get(conn, &scheme.council_id)?;
    let committee = reviewers(conn, &scheme.council_id, today)?;
    let applications = applications_of(conn, id, lang)?;
    let reminders = reminders(&scheme, &applications, today);
    let rows = applications
        .into_iter()
        .map(|application| {
            let reviews = reviews(conn, &scheme, &application, &committee)?;
            let (weighted_score, reviews_complete) = committee_score(&reviews);
            Ok(CommitteeRow {
                overruled: reviews.iter().filter_map(|r| r.overruled.clone()).collect(),
                inhabil: reviews.into_iter().filter_map(|r| r.inhabil).collect(),
                weighted_score,
                reviews_complete,
                application,
            })
        })
        .collect::<Result<_>>()?;
    let mut returned = super::review::returns(conn, id)?;
    Ok(SchemeDetail {
        budget: budget(conn, &scheme)?,
        reviewers: committee
            .into_iter()
            .map(|m| Reviewer {
                sheet_returned: returned.remove(&m.id).map(|(step, _)| step),
                membership_id: m.id,
                person_id: m.person.id,
                person_name: m.person.name,
                organisation: m.organisation,
            })
            .collect(),
        rows,
        reminders,
        scoring_started: scoring_started(conn, id)?,
        council,
        scheme,
    })
}

/// Vedtak items of the council's meetings whose minutes are not approved yet.
fn decision_items(conn: &Connection, council_id: &str, lang: Lang) -> Result<Vec<ApprovalCandidate>> {
    let mut stmt = conn.prepare(
        "SELECT i.id, m.id, m.date, i.case_year, i.case_number, i.title
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
         WHERE m.council_id = ?1 AND m.status <> 'approved' AND i.withdrawn = 0 AND i.kind = 'vedtak'
         ORDER BY m.date, i.position",
    )?;
    let rows = stmt.query_map([council_id], |r| {
        Ok(ApprovalCandidate {
            item_id: r.get(0)?,
            meeting_id: r.get(1)?,
            meeting_date: codec::parse_day(2, &r.get::<_, String>(2)?)?,
            case_label: case_label(lang, r.get(3)?, r.get(4)?),
            title: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn application_detail(conn: &Connection, id: &str, today: NaiveDate, lang: Lang) -> Result<ApplicationDetail> {
    let application = application(conn, id, lang)?;
    let scheme = scheme(conn, &application.scheme_id)?;
    let council = councils::get(conn, &scheme.council_id)?;
    let committee = reviewers(conn, &scheme.council_id, today)?;
    let reviews = reviews(conn, &scheme, &application, &committee)?;
    let (weighted_score, _) = committee_score(&reviews);
    let held_here = application.decision.as_ref().map_or(0, |d| d.granted_ore);
    let available_ore = budget(conn, &scheme)?.left_ore + held_here;
    Ok(ApplicationDetail {
        decision_items: decision_items(conn, &scheme.council_id, lang)?,
        missing_scores: rules::missing_scores(&reviews),
        letters: letters_of(conn, id)?,
        available_ore,
        weighted_score,
        reviews,
        council,
        scheme,
        application,
    })
}

pub fn ledger(conn: &Connection, scheme_id: &str, lang: Lang) -> Result<Vec<LedgerRow>> {
    Ok(applications_of(conn, scheme_id, lang)?
        .into_iter()
        .map(|a| LedgerRow {
            number: a.number,
            organisation: a.organisation,
            org_number: a.org_number,
            title: a.title,
            status: a.status,
            asked_ore: a.amount_asked_ore,
            granted_ore: a.decision.as_ref().map_or(0, |d| d.granted_ore),
            paid_ore: a.paid_ore,
            report_received: a.report.as_ref().map(|r| r.received),
            case_label: a.decision.and_then(|d| d.case_label),
        })
        .collect())
}

/// Schemes of a council in a year, with their applications: `grant list`.
pub fn of_council_year(
    conn: &Connection,
    council_id: &str,
    year: Option<i32>,
    lang: Lang,
) -> Result<Vec<(GrantScheme, Vec<Application>)>> {
    councils::get(conn, council_id)?;
    let ids: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT id FROM grant_scheme WHERE council_id = ?1 AND (?2 IS NULL OR year = ?2)
             ORDER BY year DESC, name, id",
        )?;
        let rows = stmt.query_map(params![council_id, year], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    ids.iter()
        .map(|id| Ok((scheme(conn, id)?, applications_of(conn, id, lang)?)))
        .collect()
}

// --- letters ---------------------------------------------------------------------

const LETTER_COLUMNS: &str =
    "id, application_id, file_name, sha256, content_sha256, length(bytes), created_at, created_by";

fn letter_from_row(r: &Row) -> rusqlite::Result<LetterRecord> {
    Ok(LetterRecord {
        id: r.get(0)?,
        application_id: r.get(1)?,
        file_name: r.get(2)?,
        sha256: r.get(3)?,
        content_sha256: r.get(4)?,
        size: r.get(5)?,
        created: Step {
            at: r.get(6)?,
            by: r.get(7)?,
        },
    })
}

pub fn letters_of(conn: &Connection, application_id: &str) -> Result<Vec<LetterRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LETTER_COLUMNS} FROM grant_letter WHERE application_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([application_id], letter_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub struct NewLetter<'a> {
    pub application_id: &'a str,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub content_sha256: &'a str,
    pub bytes: &'a [u8],
}

pub fn archive_letter(conn: &Connection, actor: &Actor, letter: &NewLetter) -> Result<LetterRecord> {
    let id = new_id();
    conn.execute(
        "INSERT INTO grant_letter (id, application_id, file_name, sha256, content_sha256, bytes, created_at,
            created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            letter.application_id,
            letter.file_name,
            letter.sha256,
            letter.content_sha256,
            letter.bytes,
            codec::instant(actor.at),
            actor.name
        ],
    )?;
    audit::record(conn, actor, "grant_letter", &id, "sha256", None, Some(letter.sha256))?;
    Ok(conn.query_row(
        &format!("SELECT {LETTER_COLUMNS} FROM grant_letter WHERE id = ?1"),
        [&id],
        letter_from_row,
    )?)
}

/// The meeting a decision was made in, for the letter.
pub fn decision_meeting(conn: &Connection, decision: &GrantDecision) -> Result<Meeting> {
    meetings::get(conn, &decision.meeting_id)
}

//! Grant schemes: their rows, criteria and budget.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{applications, audit, codec, councils, new_id, scoring, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::rules::grants::{self as rules, SchemeData};

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
        .ok_or_else(|| applications::not_found("grant_scheme", id))?;
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

/// What a scheme's data writes, for its INSERT and its UPDATE.
fn values<'a>(data: &'a SchemeData, actor: &Actor) -> codec::Named<'a> {
    codec::Named::default()
        .with(":year", data.year)
        .with(":name", &data.name)
        .with(":budget_ore", data.budget_ore)
        .with(":deadline", codec::day(data.deadline))
        .with(":report_deadline", codec::day(data.report_deadline))
        .with(":max_per_application_ore", data.max_per_application_ore)
        .with(":enkeltvedtak", data.enkeltvedtak)
        .with(":appeal_body", &data.appeal_body)
        .with(":conditions", &data.conditions)
        .with(":appeal_address", &data.appeal_address)
        .with(":at", codec::instant(actor.at))
}

pub fn create_scheme(conn: &Connection, actor: &Actor, data: &SchemeData) -> Result<GrantScheme> {
    councils::get(conn, &data.council_id)?;
    let id = new_id();
    values(data, actor)
        .with(":id", id.clone())
        .with(":council_id", data.council_id.clone())
        .execute(
            conn,
            "INSERT INTO grant_scheme (id, council_id, year, name, budget_ore, deadline, report_deadline,
                max_per_application_ore, enkeltvedtak, appeal_body, conditions, created_at, updated_at,
                appeal_address)
             VALUES (:id, :council_id, :year, :name, :budget_ore, :deadline, :report_deadline,
                :max_per_application_ore, :enkeltvedtak, :appeal_body, :conditions, :at, :at, :appeal_address)",
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
            return Err(applications::conflict("criteria", "validation.criteria_locked"));
        }
        conn.execute("DELETE FROM grant_criterion WHERE scheme_id = ?1", [id])?;
        insert_criteria(conn, id, &data.criteria)?;
    }
    values(&data, actor).with(":id", id.to_owned()).execute(
        conn,
        "UPDATE grant_scheme SET year = :year, name = :name, budget_ore = :budget_ore, deadline = :deadline,
            report_deadline = :report_deadline, max_per_application_ore = :max_per_application_ore,
            enkeltvedtak = :enkeltvedtak, appeal_body = :appeal_body, conditions = :conditions, updated_at = :at,
            appeal_address = :appeal_address
         WHERE id = :id",
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

pub fn scheme_detail(conn: &Connection, id: &str, today: NaiveDate) -> Result<SchemeDetail> {
    let scheme = scheme(conn, id)?;
    let council = councils::get(conn, &scheme.council_id)?;
    let committee = scoring::reviewers(conn, &scheme.council_id, today)?;
    let applications = applications::applications_of(conn, id)?;
    let reminders = rules::report_reminders(&scheme, &applications, today);
    let rows = applications
        .into_iter()
        .map(|application| {
            let reviews = scoring::reviews(conn, &scheme, &application, &committee)?;
            let (weighted_score, reviews_complete) = scoring::committee_score(&reviews);
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
pub(super) fn decision_items(conn: &Connection, council_id: &str) -> Result<Vec<ApprovalCandidate>> {
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
            case_number: CaseNumber::of(r.get(3)?, r.get(4)?),
            title: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn create_scheme(&mut self, actor: &Actor, input: &SchemeInput) -> Result<GrantScheme> {
        let data = rules::scheme(input)?;
        self.write(|tx| create_scheme(tx, actor, &data))
    }

    pub fn update_scheme(&mut self, actor: &Actor, id: &str, input: &SchemeInput) -> Result<GrantScheme> {
        let data = rules::scheme(input)?;
        self.write(|tx| update_scheme(tx, actor, id, &data))
    }

    pub fn scheme(&self, id: &str) -> Result<GrantScheme> {
        scheme(&self.conn, id)
    }

    /// A council's schemes, newest year first, with their budget bars.
    pub fn schemes_of_council(&self, council_id: &str, today: NaiveDate) -> Result<Vec<SchemeSummary>> {
        schemes_of_council(&self.conn, council_id, today)
    }

    /// The scheme page: budget bar, the committee's side-by-side view, reports overdue on `today`.
    pub fn scheme_detail(&self, id: &str, today: NaiveDate) -> Result<SchemeDetail> {
        scheme_detail(&self.conn, id, today)
    }
}

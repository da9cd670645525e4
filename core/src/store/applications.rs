//! Grant applications: their rows, status and intake from a form's export.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, codec, councils, letters, new_id, schemes, scoring, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::intake::applications::{self as intake_apps, ApplicationField, ApplicationsImported, CheckedRows};
use crate::intake::Sheet;
use crate::model::*;
use crate::rules::grants::{self as rules, ApplicationData, StatusFacts};

pub(super) fn not_found(entity: &'static str, id: &str) -> CoreError {
    CoreError::NotFound {
        entity,
        id: id.to_owned(),
    }
}

pub(super) fn conflict(field: &str, key: &'static str) -> CoreError {
    CoreError::Conflict(FieldIssue::new(field, key))
}

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

fn application_from_row(r: &Row) -> rusqlite::Result<Application> {
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
            case_number: CaseNumber::of(r.get(32)?, r.get(33)?),
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
fn complete(conn: &Connection, application: &mut Application) -> Result<()> {
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
                case_number: CaseNumber::of(r.get(7)?, r.get(8)?),
                meeting_date,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    Ok(())
}

pub fn application(conn: &Connection, id: &str) -> Result<Application> {
    let mut application = conn
        .query_row(
            &format!("SELECT {APPLICATION_COLUMNS} FROM {APPLICATION_FROM} WHERE a.id = ?1"),
            [id],
            application_from_row,
        )
        .optional()?
        .ok_or_else(|| not_found("application", id))?;
    complete(conn, &mut application)?;
    Ok(application)
}

pub fn applications_of(conn: &Connection, scheme_id: &str) -> Result<Vec<Application>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM {APPLICATION_FROM} WHERE a.scheme_id = ?1 ORDER BY a.number"
    ))?;
    let rows = stmt.query_map([scheme_id], application_from_row)?;
    let mut applications: Vec<Application> = rows.collect::<rusqlite::Result<_>>()?;
    for application in &mut applications {
        complete(conn, application)?;
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
pub(super) fn refresh_status(conn: &Connection, actor: &Actor, id: &str) -> Result<Application> {
    let a = application(conn, id)?;
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
    application(conn, id)
}

/// What an application's data writes, for its INSERT and its UPDATE.
fn values<'a>(data: &'a ApplicationData, actor: &Actor) -> codec::Named<'a> {
    codec::Named::default()
        .with(":organisation", &data.organisation)
        .with(":org_number", &data.org_number)
        .with(":contact_name", &data.contact_name)
        .with(":email", &data.email)
        .with(":phone", &data.phone)
        .with(":title", &data.title)
        .with(":description", &data.description)
        .with(":amount_asked_ore", data.amount_asked_ore)
        .with(":project_budget_ore", data.project_budget_ore)
        .with(":received", codec::day(data.received))
        .with(":at", codec::instant(actor.at))
}

pub fn add_application(conn: &Connection, actor: &Actor, data: &ApplicationData) -> Result<Application> {
    schemes::scheme(conn, &data.scheme_id)?;
    let id = new_id();
    let number: i32 = conn.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM grant_application WHERE scheme_id = ?1",
        [&data.scheme_id],
        |r| r.get(0),
    )?;
    values(data, actor)
        .with(":id", id.clone())
        .with(":scheme_id", data.scheme_id.clone())
        .with(":number", number)
        .execute(
            conn,
            "INSERT INTO grant_application (id, scheme_id, number, organisation, org_number, contact_name, email,
                phone, title, description, amount_asked_ore, project_budget_ore, received, status, created_at,
                updated_at)
             VALUES (:id, :scheme_id, :number, :organisation, :org_number, :contact_name, :email, :phone, :title,
                :description, :amount_asked_ore, :project_budget_ore, :received, 'received', :at, :at)",
        )?;
    audit::record_diff(conn, actor, "grant_application", &id, None, data)?;
    audit::record(conn, actor, "grant_application", &id, "status", None, Some("received"))?;
    application(conn, &id)
}

/// Refuses a change to an application that is decided or withdrawn.
pub(super) fn check_open(a: &Application) -> Result<()> {
    rules::check_open(a.withdrawn.is_some(), a.decision.is_some())
}

pub fn update_application(conn: &Connection, actor: &Actor, id: &str, data: &ApplicationData) -> Result<Application> {
    let old = application(conn, id)?;
    check_open(&old)?;
    let before = application_data(&old);
    let data = ApplicationData {
        scheme_id: old.scheme_id.clone(),
        ..data.clone()
    };
    if before == data {
        return Ok(old);
    }
    values(&data, actor).with(":id", id.to_owned()).execute(
        conn,
        "UPDATE grant_application SET organisation = :organisation, org_number = :org_number,
            contact_name = :contact_name, email = :email, phone = :phone, title = :title, description = :description,
            amount_asked_ore = :amount_asked_ore, project_budget_ore = :project_budget_ore, received = :received,
            updated_at = :at
         WHERE id = :id",
    )?;
    audit::record_diff(conn, actor, "grant_application", id, Some(&before), &data)?;
    refresh_status(conn, actor, id)
}

pub fn withdraw(conn: &Connection, actor: &Actor, id: &str) -> Result<Application> {
    let a = application(conn, id)?;
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
    let a = application(conn, id)?;
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
    let a = application(conn, id)?;
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

pub fn application_detail(conn: &Connection, id: &str, today: NaiveDate) -> Result<ApplicationDetail> {
    let application = application(conn, id)?;
    let scheme = schemes::scheme(conn, &application.scheme_id)?;
    let council = councils::get(conn, &scheme.council_id)?;
    let committee = scoring::reviewers(conn, &scheme.council_id, today)?;
    let reviews = scoring::reviews(conn, &scheme, &application, &committee)?;
    let (weighted_score, _) = scoring::committee_score(&reviews);
    let held_here = application.decision.as_ref().map_or(0, |d| d.granted_ore);
    let available_ore = schemes::budget(conn, &scheme)?.left_ore + held_here;
    Ok(ApplicationDetail {
        decision_items: schemes::decision_items(conn, &scheme.council_id)?,
        missing_scores: rules::missing_scores(&reviews),
        letters: letters::letters_of(conn, id)?,
        available_ore,
        weighted_score,
        reviews,
        council,
        scheme,
        application,
    })
}

impl Store {
    pub fn application(&self, id: &str) -> Result<Application> {
        application(&self.conn, id)
    }

    pub fn application_detail(&self, id: &str, today: NaiveDate) -> Result<ApplicationDetail> {
        application_detail(&self.conn, id, today)
    }

    /// Checks an application form without saving it: every broken rule at
    /// once, so a form whose date the UI could not read still hears about
    /// its other fields in the same round.
    pub fn check_application(&self, input: &ApplicationInput) -> Result<()> {
        rules::application(input).map(|_| ())
    }

    /// Applications from a web form's export or a spreadsheet (XLSX or CSV,
    /// see [`crate::intake`]) into `scheme_id`: every row held to the form's
    /// rules first and every fault reported at once; then all added in one
    /// transaction, numbered in the file's order, or none. Late ones are
    /// flagged as late, as typed ones are.
    /// Applications from a form's export with its headings as they are: every
    /// row good, or nothing written.
    pub fn import_applications(&mut self, actor: &Actor, scheme_id: &str, path: &Path) -> Result<Vec<Application>> {
        Ok(self
            .import_applications_mapped(actor, scheme_id, path, None, false, &crate::progress::NoProgress)?
            .added)
    }

    /// The rows of a form's export held to the form's rules, read through
    /// `columns` (the recognised headings when `None`): each known
    /// application of the scheme is a fault of its row.
    pub(crate) fn check_application_sheet(
        &self,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
    ) -> Result<(Sheet, Vec<Option<ApplicationField>>, Result<CheckedRows>)> {
        let sheet = crate::intake::read_sheet(path)?;
        let columns = columns.unwrap_or_else(|| intake_apps::suggested_columns(&sheet.headings));
        let existing: Vec<(String, String)> = applications_of(&self.conn, scheme_id)?
            .iter()
            .map(|a| intake_apps::same_application_key(&a.organisation, &a.title))
            .collect();
        let checked = intake_apps::check_rows(&sheet, scheme_id, &columns, &existing);
        Ok((sheet, columns, checked))
    }

    /// Reads a form's export into `scheme_id` through `columns`. A bad row
    /// refuses the whole file unless `leave_out_bad`, which reads the good
    /// rows and reports the others; either way in one transaction, which a
    /// cancel rolls back whole.
    pub fn import_applications_mapped(
        &mut self,
        actor: &Actor,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
        leave_out_bad: bool,
        progress: &dyn crate::progress::Progress,
    ) -> Result<ApplicationsImported> {
        let (_, _, checked) = self.check_application_sheet(scheme_id, path, columns)?;
        let checked = checked?;
        if !checked.faults.is_empty() && !leave_out_bad {
            return Err(CoreError::BadRows(checked.faults));
        }
        if checked.good.is_empty() {
            return Err(CoreError::BadRows(checked.faults));
        }
        let total = checked.good.len() as u64;
        let added = self.write(|tx| {
            let mut added = Vec::with_capacity(checked.good.len());
            for (i, (_, data)) in checked.good.iter().enumerate() {
                if i % 100 == 0 {
                    crate::progress::tick(progress, i as u64, total, "")?;
                }
                added.push(add_application(tx, actor, data)?);
            }
            crate::progress::tick(progress, total, total, "")?;
            Ok(added)
        })?;
        Ok(ApplicationsImported {
            added,
            left_out: checked.faults,
        })
    }

    pub fn add_application(&mut self, actor: &Actor, input: &ApplicationInput) -> Result<Application> {
        let data = rules::application(input)?;
        self.write(|tx| add_application(tx, actor, &data))
    }

    /// Corrects an application; refused once it is decided or withdrawn.
    pub fn update_application(&mut self, actor: &Actor, id: &str, input: &ApplicationInput) -> Result<Application> {
        let data = rules::application(input)?;
        self.write(|tx| update_application(tx, actor, id, &data))
    }

    pub fn withdraw_application(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| withdraw(tx, actor, id))
    }

    pub fn start_review(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| start_review(tx, actor, id))
    }

    /// The committee's proposed amount (kroner as typed; empty clears it).
    pub fn propose_amount(&mut self, actor: &Actor, id: &str, amount: &str) -> Result<Application> {
        let proposed = match amount.trim() {
            "" => None,
            text => Some(rules::amount("proposed", text, false)?),
        };
        self.write(|tx| propose(tx, actor, id, proposed))
    }
}

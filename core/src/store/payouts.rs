//! A grant after its review: decision, amendments, payouts, final report, ledger.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{applications, audit, codec, councils, new_id, schemes, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::rules::grants::{self as rules, GrantFigures};

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
    let a = applications::application(conn, id)?;
    if a.withdrawn.is_some() {
        return Err(applications::conflict("", "validation.application_withdrawn"));
    }
    if a.letter_sent.is_some() {
        return Err(applications::conflict("granted", "validation.grant_letter_sent"));
    }
    let scheme = schemes::scheme(conn, &a.scheme_id)?;
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
    applications::refresh_status(conn, actor, id)
}

pub fn mark_letter_sent(conn: &Connection, actor: &Actor, id: &str) -> Result<Application> {
    let a = applications::application(conn, id)?;
    if a.decision.is_none() {
        return Err(applications::conflict("", "validation.not_decided"));
    }
    if a.letter_sent.is_some() {
        return Ok(a);
    }
    conn.execute(
        "UPDATE grant_application SET letter_sent_at = ?2, letter_sent_by = ?3, updated_at = ?2 WHERE id = ?1",
        params![id, codec::instant(actor.at), actor.name],
    )?;
    audit::record(conn, actor, "grant_application", id, "letterSent", None, Some("true"))?;
    applications::refresh_status(conn, actor, id)
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
    let a = applications::application(conn, id)?;
    let Some(decision) = &a.decision else {
        return Err(applications::conflict("", "validation.not_decided"));
    };
    if a.letter_sent.is_none() {
        return Err(applications::conflict("granted", "validation.amend_before_letter"));
    }
    let scheme = schemes::scheme(conn, &a.scheme_id)?;
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
    applications::refresh_status(conn, actor, id)
}

fn check_granted(a: &Application) -> Result<i64> {
    rules::check_granted(a.decision.as_ref().map(|d| d.granted_ore))
}

pub fn add_payout(conn: &Connection, actor: &Actor, id: &str, date: NaiveDate, amount: i64) -> Result<Application> {
    let a = applications::application(conn, id)?;
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
    applications::refresh_status(conn, actor, id)
}

pub fn record_report(conn: &Connection, actor: &Actor, id: &str, report: &ReportInput) -> Result<Application> {
    let a = applications::application(conn, id)?;
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
    applications::refresh_status(conn, actor, id)
}

pub fn ledger(conn: &Connection, scheme_id: &str) -> Result<Vec<LedgerRow>> {
    Ok(applications::applications_of(conn, scheme_id)?
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
            case_number: a.decision.and_then(|d| d.case_number),
        })
        .collect())
}

/// Schemes of a council in a year, with their applications: `grant list`.
pub fn of_council_year(
    conn: &Connection,
    council_id: &str,
    year: Option<i32>,
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
        .map(|id| Ok((schemes::scheme(conn, id)?, applications::applications_of(conn, id)?)))
        .collect()
}

impl Store {
    /// The decision: the amount granted (0 refuses) with reasons, tied to a vedtak item.
    pub fn decide_application(&mut self, actor: &Actor, id: &str, input: &DecisionInput) -> Result<Application> {
        let granted = rules::amount("granted", &input.granted, false)?;
        let reasons = crate::rules::validate::free_text("reasons", &input.reasons)?;
        self.write(|tx| decide(tx, actor, id, granted, &reasons, &input.item_id))
    }

    /// The decision letter was sent: from now on the grant changes only by an amendment.
    pub fn mark_letter_sent(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| mark_letter_sent(tx, actor, id))
    }

    pub fn amend_grant(&mut self, actor: &Actor, id: &str, input: &GrantAmendmentInput) -> Result<Application> {
        let granted = rules::amount("granted", &input.granted, false)?;
        let reason = crate::rules::validate::free_text("reason", &input.reason)?;
        self.write(|tx| amend(tx, actor, id, granted, &reason, input.item_id.trim()))
    }

    pub fn add_payout(&mut self, actor: &Actor, id: &str, input: &PayoutInput) -> Result<Application> {
        let amount = rules::amount("amount", &input.amount, true)?;
        if !crate::rules::validate::date_in_range(input.date) {
            return Err(CoreError::invalid(FieldIssue::new(
                "date",
                "validation.date_out_of_range",
            )));
        }
        self.write(|tx| add_payout(tx, actor, id, input.date, amount))
    }

    pub fn record_report(&mut self, actor: &Actor, id: &str, input: &ReportInput) -> Result<Application> {
        if !crate::rules::validate::date_in_range(input.received) {
            return Err(CoreError::invalid(FieldIssue::new(
                "received",
                "validation.date_out_of_range",
            )));
        }
        let report = ReportInput {
            summary: crate::rules::validate::free_text("summary", &input.summary)?,
            ..input.clone()
        };
        self.write(|tx| record_report(tx, actor, id, &report))
    }

    /// A scheme's ledger: one row per application.
    pub fn ledger(&self, scheme_id: &str) -> Result<Vec<LedgerRow>> {
        ledger(&self.conn, scheme_id)
    }

    /// Schemes of a council (of one year, if given) with their applications.
    pub fn grants_of_council(
        &self,
        council_id: &str,
        year: Option<i32>,
    ) -> Result<Vec<(GrantScheme, Vec<Application>)>> {
        let year = year.map(crate::rules::validate::year).transpose()?;
        of_council_year(&self.conn, council_id, year)
    }

    /// Writes a scheme's ledger as CSV or XLSX to `out` (temporary file, then rename).
    pub fn export_ledger(&self, scheme_id: &str, format: LedgerFormat, out: &Path, lang: Lang) -> Result<usize> {
        let scheme = schemes::scheme(&self.conn, scheme_id)?;
        let rows = ledger(&self.conn, scheme_id)?;
        let bytes = match format {
            LedgerFormat::Csv => crate::ledger::csv(&scheme, &rows, lang),
            LedgerFormat::Xlsx => crate::ledger::xlsx(&scheme, &rows, lang)?,
        };
        self.export_target(out)?;
        crate::pdf::write_atomically(out, &bytes)?;
        Ok(rows.len())
    }

    /// The file name a ledger is offered under.
    pub fn ledger_file_name(&self, scheme_id: &str, format: LedgerFormat, lang: Lang) -> Result<String> {
        let scheme = schemes::scheme(&self.conn, scheme_id)?;
        Ok(crate::ledger::file_name(&scheme, format, lang))
    }
}

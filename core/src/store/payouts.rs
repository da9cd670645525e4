//! A grant after its review: decision, amendments, payouts, final report, ledger.

use std::path::Path;

use super::grants;
use super::Store;
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::rules;

impl Store {
    /// The decision: the amount granted (0 refuses) with reasons, tied to a vedtak item.
    pub fn decide_application(&mut self, actor: &Actor, id: &str, input: &DecisionInput) -> Result<Application> {
        let granted = rules::grants::amount("granted", &input.granted, false)?;
        let reasons = rules::validate::free_text("reasons", &input.reasons)?;
        self.write(|tx| grants::decide(tx, actor, id, granted, &reasons, &input.item_id))
    }

    /// The decision letter was sent: from now on the grant changes only by an amendment.
    pub fn mark_letter_sent(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| grants::mark_letter_sent(tx, actor, id))
    }

    pub fn amend_grant(&mut self, actor: &Actor, id: &str, input: &GrantAmendmentInput) -> Result<Application> {
        let granted = rules::grants::amount("granted", &input.granted, false)?;
        let reason = rules::validate::free_text("reason", &input.reason)?;
        self.write(|tx| grants::amend(tx, actor, id, granted, &reason, input.item_id.trim()))
    }

    pub fn add_payout(&mut self, actor: &Actor, id: &str, input: &PayoutInput) -> Result<Application> {
        let amount = rules::grants::amount("amount", &input.amount, true)?;
        if !rules::validate::date_in_range(input.date) {
            return Err(CoreError::invalid(FieldIssue::new(
                "date",
                "validation.date_out_of_range",
            )));
        }
        self.write(|tx| grants::add_payout(tx, actor, id, input.date, amount))
    }

    pub fn record_report(&mut self, actor: &Actor, id: &str, input: &ReportInput) -> Result<Application> {
        if !rules::validate::date_in_range(input.received) {
            return Err(CoreError::invalid(FieldIssue::new(
                "received",
                "validation.date_out_of_range",
            )));
        }
        let report = ReportInput {
            summary: rules::validate::free_text("summary", &input.summary)?,
            ..input.clone()
        };
        self.write(|tx| grants::record_report(tx, actor, id, &report))
    }

    /// A scheme's ledger: one row per application.
    pub fn ledger(&self, scheme_id: &str, lang: Lang) -> Result<Vec<LedgerRow>> {
        grants::ledger(&self.conn, scheme_id, lang)
    }

    /// Schemes of a council (of one year, if given) with their applications.
    pub fn grants_of_council(
        &self,
        council_id: &str,
        year: Option<i32>,
        lang: Lang,
    ) -> Result<Vec<(GrantScheme, Vec<Application>)>> {
        let year = year.map(rules::validate::year).transpose()?;
        grants::of_council_year(&self.conn, council_id, year, lang)
    }

    /// Writes a scheme's ledger as CSV or XLSX to `out` (temporary file, then rename).
    pub fn export_ledger(&self, scheme_id: &str, format: LedgerFormat, out: &Path, lang: Lang) -> Result<usize> {
        let scheme = grants::scheme(&self.conn, scheme_id)?;
        let rows = grants::ledger(&self.conn, scheme_id, lang)?;
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
        let scheme = grants::scheme(&self.conn, scheme_id)?;
        Ok(crate::ledger::file_name(&scheme, format, lang))
    }
}

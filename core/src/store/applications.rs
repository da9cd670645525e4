//! Grant applications: their rows, status and intake from a form's export.

use std::path::Path;

use chrono::NaiveDate;

use super::grants;
use super::Store;
use crate::error::{CoreError, Result};
use crate::intake::applications::{
    self as intake_apps, ApplicationField, ApplicationsImported, ApplicationsPreview, CheckedRows,
};
use crate::intake::Sheet;
use crate::model::*;
use crate::rules;

impl Store {
    pub fn application(&self, id: &str, lang: Lang) -> Result<Application> {
        grants::application(&self.conn, id, lang)
    }

    pub fn application_detail(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<ApplicationDetail> {
        grants::application_detail(&self.conn, id, today, lang)
    }

    /// Checks an application form without saving it: every broken rule at
    /// once, so a form whose date the UI could not read still hears about
    /// its other fields in the same round.
    pub fn check_application(&self, input: &ApplicationInput) -> Result<()> {
        rules::grants::application(input).map(|_| ())
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
    fn check_application_sheet(
        &self,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
    ) -> Result<(Sheet, Vec<Option<ApplicationField>>, Result<CheckedRows>)> {
        let sheet = crate::intake::read_sheet(path)?;
        let columns = columns.unwrap_or_else(|| intake_apps::suggested_columns(&sheet.headings));
        let existing: Vec<(String, String)> = grants::applications_of(&self.conn, scheme_id, Lang::Nb)?
            .iter()
            .map(|a| intake_apps::same_application_key(&a.organisation, &a.title))
            .collect();
        let checked = intake_apps::check_rows(&sheet, scheme_id, &columns, &existing);
        Ok((sheet, columns, checked))
    }

    /// What reading a form's export into `scheme_id` would do, written
    /// nowhere: the columns and the fields they go to, the good rows and every
    /// fault.
    pub fn preview_applications(
        &self,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
        lang: Lang,
    ) -> Result<ApplicationsPreview> {
        let deadline = self.scheme(scheme_id)?.deadline;
        let (sheet, columns, checked) = self.check_application_sheet(scheme_id, path, columns)?;
        intake_apps::preview(lang, &path.display().to_string(), &sheet, &columns, checked, deadline)
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
                added.push(grants::add_application(tx, actor, data)?);
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
        let data = rules::grants::application(input)?;
        self.write(|tx| grants::add_application(tx, actor, &data))
    }

    /// Corrects an application; refused once it is decided or withdrawn.
    pub fn update_application(&mut self, actor: &Actor, id: &str, input: &ApplicationInput) -> Result<Application> {
        let data = rules::grants::application(input)?;
        self.write(|tx| grants::update_application(tx, actor, id, &data))
    }

    pub fn withdraw_application(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| grants::withdraw(tx, actor, id))
    }

    pub fn start_review(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| grants::start_review(tx, actor, id))
    }

    /// The committee's proposed amount (kroner as typed; empty clears it).
    pub fn propose_amount(&mut self, actor: &Actor, id: &str, amount: &str) -> Result<Application> {
        let proposed = match amount.trim() {
            "" => None,
            text => Some(rules::grants::amount("proposed", text, false)?),
        };
        self.write(|tx| grants::propose(tx, actor, id, proposed))
    }
}

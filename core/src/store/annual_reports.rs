//! The archived annual reports (årsmeldinger): what a council's report of a
//! year shows, its export, and the record that fulfils the year's duty.

use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection};

use super::duties::of_council;
use super::{codec, councils, meetings, memberships, payouts, Store};
use crate::error::Result;
use crate::model::*;
use crate::rules;

const REPORT_COLUMNS: &str =
    "id, council_id, year, file_name, sha256, content_sha256, length(bytes), created_at, created_by";

fn report_from_row(r: &rusqlite::Row) -> rusqlite::Result<AnnualReportRecord> {
    Ok(AnnualReportRecord {
        id: r.get(0)?,
        council_id: r.get(1)?,
        year: r.get(2)?,
        file_name: r.get(3)?,
        sha256: r.get(4)?,
        content_sha256: r.get(5)?,
        size: r.get(6)?,
        created: Step {
            at: r.get(7)?,
            by: r.get(8)?,
        },
    })
}

/// A council's exported annual reports of `year`, oldest first.
pub fn reports_of(conn: &Connection, council_id: &str, year: i32) -> Result<Vec<AnnualReportRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {REPORT_COLUMNS} FROM annual_report WHERE council_id = ?1 AND year = ?2 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map(params![council_id, year], report_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn archive_report(
    conn: &Connection,
    actor: &Actor,
    council_id: &str,
    year: i32,
    file_name: &str,
    rendered: &crate::documents::Rendered,
    sha256: &str,
) -> Result<AnnualReportRecord> {
    let owner = codec::Named::default()
        .with(":council_id", council_id)
        .with(":year", year);
    let file = super::documents::KeptFile {
        file_name,
        sha256,
        content_sha256: &rendered.content_sha256,
        bytes: &rendered.bytes,
    };
    let id = super::documents::keep(conn, actor, "annual_report", owner, &file)?;
    Ok(conn.query_row(
        &format!("SELECT {REPORT_COLUMNS} FROM annual_report WHERE id = ?1"),
        [&id],
        report_from_row,
    )?)
}

/// Everything the annual report of a council and year shows.
pub(super) fn report_facts(
    conn: &Connection,
    council_id: &str,
    year: i32,
    today: NaiveDate,
) -> Result<crate::annual::ReportFacts> {
    let year = rules::validate::year(year)?;
    let council = councils::get(conn, council_id)?;
    let lang = crate::documents::document_lang(&council);
    let day = |month, day| {
        NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| rules::validate::year(i32::MIN).unwrap_err())
    };
    let (first, last) = (day(1, 1)?, day(12, 31)?);
    let members = memberships::of_council(conn, council_id)?
        .into_iter()
        .filter(|m| m.term_from <= last && m.last_day().is_none_or(|d| d >= first))
        .collect();
    let meetings = meetings::of_council(conn, council_id)?
        .into_iter()
        .filter(|m| m.date.year() == year && m.status >= MeetingStatus::Held)
        .rev()
        .map(|m| meetings::labelled(conn, &m.id, lang))
        .collect::<Result<Vec<_>>>()?;
    let grants = payouts::of_council_year(conn, council_id, Some(year))?;
    let mut duties: Vec<_> = of_council(conn, &council, year, today)?
        .into_iter()
        .filter(|d| d.evidence_kind != ProfileEvidenceKind::AnnualReportExported)
        .collect();
    // A document: its duties named in the council's målform.
    crate::views::label_duties(&mut duties, &super::profile::current(conn)?, lang);
    let account = super::account::account(conn, council_id, year)?.summary;
    Ok(crate::annual::ReportFacts {
        council,
        year,
        members,
        meetings,
        grants,
        duties,
        account,
        names: super::profile::labels_by_lang(conn)?,
    })
}

impl Store {
    /// Lays out the annual report of a council and year in its målform.
    pub fn render_annual_report(
        &self,
        council_id: &str,
        year: i32,
        created: DateTime<Utc>,
    ) -> Result<crate::documents::Rendered> {
        let year = rules::validate::year(year)?;
        let facts = report_facts(&self.conn, council_id, year, created.date_naive())?;
        Ok(crate::annual::annual_report(&facts, created))
    }

    /// The file name an annual report is offered under.
    pub fn annual_report_file_name(&self, council_id: &str, year: i32) -> Result<String> {
        let year = rules::validate::year(year)?;
        let council = councils::get(&self.conn, council_id)?;
        Ok(crate::annual::file_name(&council, year))
    }

    /// Exports the annual report to `out` (temporary file, then rename) and
    /// archives it: from then on the årsmelding duty of that year is fulfilled.
    pub fn export_annual_report(
        &mut self,
        actor: &Actor,
        council_id: &str,
        year: i32,
        out: &Path,
    ) -> Result<AnnualReportRecord> {
        self.writable()?;
        let rendered = self.render_annual_report(council_id, year, actor.at)?;
        self.save_and_archive(out, &rendered, |tx, file_name, sha256| {
            archive_report(tx, actor, council_id, year, file_name, &rendered, sha256)
        })
    }

    pub fn annual_reports(&self, council_id: &str, year: i32) -> Result<Vec<AnnualReportRecord>> {
        reports_of(&self.conn, council_id, rules::validate::year(year)?)
    }
}

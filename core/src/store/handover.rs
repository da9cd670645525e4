//! "Send to the kommune": a plain folder with a council's year as PDFs and a
//! CSV, for a kommune archive that has no Grendebok. Archived PDFs are
//! copied as they were exported (so their checksums still match); a
//! meeting's minutes or the annual report never exported are laid out fresh.
//! Nothing in the database is written, so a read-only file can send too.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{councils, grants, meetings, Store};
use crate::documents::safe_file_name;
use crate::error::{CoreError, Result};
use crate::model::{DocumentKind, Lang, LedgerFormat, MeetingStatus};

/// What a folder for the kommune holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KommuneExport {
    pub folder: String,
    pub minutes: i32,
    pub letters: i32,
    pub annual_report: bool,
    pub ledgers: i32,
}

impl KommuneExport {
    /// What a person is told after the folder is made.
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::t(
            lang,
            "export.kommune_saved",
            &[
                ("folder", &self.folder),
                ("minutes", &self.minutes.to_string()),
                ("letters", &self.letters.to_string()),
                ("ledgers", &self.ledgers.to_string()),
            ],
        )
    }
}

fn newest_blob(conn: &Connection, sql: &str, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    Ok(conn
        .query_row(sql, params![id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

impl Store {
    /// Writes `<council> <year>/` into `parent`: the minutes of every held
    /// meeting of the year, every decision letter sent, the annual report and
    /// a CSV ledger of each grant scheme. Built in a temporary folder and
    /// renamed, so the folder is there whole or not at all; an existing
    /// folder of that name is never overwritten.
    pub fn export_for_kommune(
        &self,
        council_id: &str,
        year: i32,
        parent: &Path,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<KommuneExport> {
        let council = councils::get(&self.conn, council_id)?;
        let folder = parent.join(safe_file_name(&format!("{} {year}", council.name)));
        if folder.exists() {
            return Err(CoreError::AlreadyExists(folder.display().to_string()));
        }
        let staging = parent.join(format!(".{}.partial", uuid::Uuid::now_v7()));
        let result = self.fill_kommune_folder(&council.id, year, &staging, now, lang);
        match result {
            Ok(mut summary) => {
                std::fs::rename(&staging, &folder).inspect_err(|_| {
                    let _ = std::fs::remove_dir_all(&staging);
                })?;
                summary.folder = folder.display().to_string();
                Ok(summary)
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staging);
                Err(e)
            }
        }
    }

    fn fill_kommune_folder(
        &self,
        council_id: &str,
        year: i32,
        dir: &PathBuf,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<KommuneExport> {
        std::fs::create_dir_all(dir)?;
        let write = |name: &str, bytes: &[u8]| crate::pdf::write_atomically(&dir.join(safe_file_name(name)), bytes);
        let mut summary = KommuneExport {
            folder: String::new(),
            minutes: 0,
            letters: 0,
            annual_report: false,
            ledgers: 0,
        };
        for m in meetings::of_council(&self.conn, council_id)? {
            if m.date.year() != year || m.status < MeetingStatus::Held {
                continue;
            }
            let name = self.document_file_name(&m.id, DocumentKind::Minutes)?;
            let archived = newest_blob(
                &self.conn,
                "SELECT file_name, bytes FROM document WHERE meeting_id = ?1 AND kind = 'minutes'
                 ORDER BY created_at DESC, id DESC LIMIT 1",
                &m.id,
            )?;
            let bytes = match archived {
                Some((_, bytes)) => bytes,
                None => self.render_document(&m.id, DocumentKind::Minutes, now)?.bytes,
            };
            write(&name, &bytes)?;
            summary.minutes += 1;
        }
        for (scheme, applications) in grants::of_council_year(&self.conn, council_id, Some(year), lang)? {
            for a in &applications {
                let letter = newest_blob(
                    &self.conn,
                    "SELECT file_name, bytes FROM grant_letter WHERE application_id = ?1
                     ORDER BY created_at DESC, id DESC LIMIT 1",
                    &a.id,
                )?;
                // A decided application's letter as sent, or laid out now if it never was exported.
                let bytes = match letter {
                    Some((_, bytes)) => bytes,
                    None if a.decision.is_some() => self.render_letter(&a.id, now)?.bytes,
                    None => continue,
                };
                write(&self.letter_file_name(&a.id)?, &bytes)?;
                summary.letters += 1;
            }
            let rows = grants::ledger(&self.conn, &scheme.id, lang)?;
            write(
                &crate::ledger::file_name(&scheme, LedgerFormat::Csv, lang),
                &crate::ledger::csv(&scheme, &rows, lang),
            )?;
            summary.ledgers += 1;
        }
        let report = self.annual_reports(council_id, year)?.pop();
        let bytes = match report {
            Some(r) => newest_blob(
                &self.conn,
                "SELECT file_name, bytes FROM annual_report WHERE id = ?1",
                &r.id,
            )?
            .map(|(_, b)| b)
            .unwrap_or_default(),
            None => self.render_annual_report(council_id, year, now)?.bytes,
        };
        write(&self.annual_report_file_name(council_id, year)?, &bytes)?;
        summary.annual_report = true;
        Ok(summary)
    }
}

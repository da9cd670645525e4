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
use crate::progress::{tick, NoProgress, Progress};

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

/// One file of the kommune's folder, planned before any is written so the
/// job can say "3 av 12 filer".
enum Planned {
    Minutes(String),
    Letter { application_id: String, sent: bool },
    Ledger(crate::model::GrantScheme),
    AnnualReport,
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
        self.export_for_kommune_with_progress(council_id, year, parent, now, lang, &NoProgress)
    }

    /// [`Store::export_for_kommune`], reporting each file written. Cancelled,
    /// it removes the temporary folder: the folder for the kommune is not made.
    pub fn export_for_kommune_with_progress(
        &self,
        council_id: &str,
        year: i32,
        parent: &Path,
        now: DateTime<Utc>,
        lang: Lang,
        progress: &dyn Progress,
    ) -> Result<KommuneExport> {
        let council = councils::get(&self.conn, council_id)?;
        let folder = parent.join(safe_file_name(&format!("{} {year}", council.name)));
        if folder.exists() {
            return Err(CoreError::AlreadyExists(folder.display().to_string()));
        }
        let staging = parent.join(format!(".{}.partial", uuid::Uuid::now_v7()));
        let result = self.fill_kommune_folder(&council.id, year, &staging, now, lang, progress);
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

    /// The files of the folder, in the order they are written.
    fn plan_kommune_folder(&self, council_id: &str, year: i32, lang: Lang) -> Result<Vec<Planned>> {
        let mut plan = Vec::new();
        for m in meetings::of_council(&self.conn, council_id)? {
            if m.date.year() == year && m.status >= MeetingStatus::Held {
                plan.push(Planned::Minutes(m.id));
            }
        }
        for (scheme, applications) in grants::of_council_year(&self.conn, council_id, Some(year), lang)? {
            for a in &applications {
                let sent: bool = self.conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM grant_letter WHERE application_id = ?1)",
                    params![a.id],
                    |r| r.get(0),
                )?;
                // A decided application's letter as sent, or laid out now if it never was exported.
                if sent || a.decision.is_some() {
                    plan.push(Planned::Letter {
                        application_id: a.id.clone(),
                        sent,
                    });
                }
            }
            plan.push(Planned::Ledger(scheme));
        }
        plan.push(Planned::AnnualReport);
        Ok(plan)
    }

    fn fill_kommune_folder(
        &self,
        council_id: &str,
        year: i32,
        dir: &PathBuf,
        now: DateTime<Utc>,
        lang: Lang,
        progress: &dyn Progress,
    ) -> Result<KommuneExport> {
        let plan = self.plan_kommune_folder(council_id, year, lang)?;
        let total = plan.len() as u64;
        tick(progress, 0, total, "")?;
        std::fs::create_dir_all(dir)?;
        let write = |name: &str, bytes: &[u8]| crate::pdf::write_atomically(&dir.join(safe_file_name(name)), bytes);
        let mut summary = KommuneExport {
            folder: String::new(),
            minutes: 0,
            letters: 0,
            annual_report: false,
            ledgers: 0,
        };
        for (done, planned) in plan.into_iter().enumerate() {
            let written = match planned {
                Planned::Minutes(meeting_id) => {
                    let name = self.document_file_name(&meeting_id, DocumentKind::Minutes)?;
                    let archived = newest_blob(
                        &self.conn,
                        "SELECT file_name, bytes FROM document WHERE meeting_id = ?1 AND kind = 'minutes'
                         ORDER BY created_at DESC, id DESC LIMIT 1",
                        &meeting_id,
                    )?;
                    let bytes = match archived {
                        Some((_, bytes)) => bytes,
                        None => self.render_document(&meeting_id, DocumentKind::Minutes, now)?.bytes,
                    };
                    write(&name, &bytes)?;
                    summary.minutes += 1;
                    name
                }
                Planned::Letter { application_id, sent } => {
                    let letter = if sent {
                        newest_blob(
                            &self.conn,
                            "SELECT file_name, bytes FROM grant_letter WHERE application_id = ?1
                             ORDER BY created_at DESC, id DESC LIMIT 1",
                            &application_id,
                        )?
                    } else {
                        None
                    };
                    let bytes = match letter {
                        Some((_, bytes)) => bytes,
                        None => self.render_letter(&application_id, now)?.bytes,
                    };
                    let name = self.letter_file_name(&application_id)?;
                    write(&name, &bytes)?;
                    summary.letters += 1;
                    name
                }
                Planned::Ledger(scheme) => {
                    let rows = grants::ledger(&self.conn, &scheme.id, lang)?;
                    let name = crate::ledger::file_name(&scheme, LedgerFormat::Csv, lang);
                    write(&name, &crate::ledger::csv(&scheme, &rows, lang))?;
                    summary.ledgers += 1;
                    name
                }
                Planned::AnnualReport => {
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
                    let name = self.annual_report_file_name(council_id, year)?;
                    write(&name, &bytes)?;
                    summary.annual_report = true;
                    name
                }
            };
            tick(progress, done as u64 + 1, total, &safe_file_name(&written))?;
        }
        Ok(summary)
    }
}

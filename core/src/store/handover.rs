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

use super::{applications, councils, documents, meetings, payouts, Store};
use crate::documents::safe_file_name;
use crate::error::{CoreError, Result};
use crate::model::{DocumentKind, Lang, LedgerFormat, MeetingStatus};
use crate::progress::{tick, NoProgress, Progress};
use crate::records::{EntryKind, FolderEntry};

/// What a folder for the kommune holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KommuneExport {
    pub folder: String,
    pub minutes: i32,
    /// The public version of each of those minutes, beside it.
    pub public_minutes: i32,
    pub letters: i32,
    pub annual_report: bool,
    pub ledgers: i32,
    /// What is not final yet and so is not in the folder: held meetings whose
    /// minutes wait for approval, decided applications whose letter is not sent.
    pub waiting: Vec<String>,
    /// Every file of the folder as its document list (`Dokumentliste.csv`) lists it.
    pub records: Vec<FolderEntry>,
}

fn newest_blob(conn: &Connection, sql: &str, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    Ok(conn
        .query_row(sql, params![id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// One file of the kommune's folder, planned before any is written so the
/// job can say "3 av 12 filer".
enum Planned {
    /// The full minutes (`false`) or their public version (`true`).
    Minutes(String, bool),
    Letter(String),
    Ledger(crate::model::GrantScheme),
    AnnualReport,
}

/// Whether full minutes with these items are public, and if not, on what
/// bases: `Offentleglova § 13 … (03/26)`, one per exempt item, `; ` between.
fn exempt_items(items: &[crate::model::AgendaItem]) -> (bool, String) {
    let bases: Vec<String> = items
        .iter()
        .filter(|i| !i.withdrawn)
        .filter_map(|i| {
            let exemption = crate::rules::access::exemption(i)?;
            Some(match i.case_number {
                Some(n) => format!("{} ({})", exemption.basis, n.short()),
                None => exemption.basis,
            })
        })
        .collect();
    (bases.is_empty(), bases.join("; "))
}

impl Store {
    /// Writes `<council> <year>/` into `parent`: the minutes of every held
    /// meeting of the year, in full and as the public version («… offentlig
    /// versjon»), every decision letter sent, the annual report and
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
        self.export_target(&folder)?;
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
    /// Only what is final goes in: approved minutes and sent letters. A held
    /// meeting whose minutes are not approved, or a decision whose letter is
    /// not sent, is listed as waiting instead.
    fn plan_kommune_folder(&self, council_id: &str, year: i32, lang: Lang) -> Result<(Vec<Planned>, Vec<String>)> {
        let year = crate::rules::validate::year(year)?;
        let mut plan = Vec::new();
        let mut waiting = Vec::new();
        let mut held: Vec<_> = meetings::of_council(&self.conn, council_id)?
            .into_iter()
            .filter(|m| m.date.year() == year && m.status >= MeetingStatus::Held)
            .collect();
        held.reverse();
        for m in held {
            if m.status == MeetingStatus::Approved {
                plan.push(Planned::Minutes(m.id.clone(), false));
                plan.push(Planned::Minutes(m.id, true));
            } else {
                let date = crate::i18n::date(m.date);
                waiting.push(crate::i18n::t(lang, "export.waiting_minutes", &[("date", &date)]));
            }
        }
        for (scheme, applications) in payouts::of_council_year(&self.conn, council_id, Some(year))? {
            for a in &applications {
                if a.letter_sent.is_some() {
                    plan.push(Planned::Letter(a.id.clone()));
                } else if a.decision.is_some() {
                    waiting.push(crate::i18n::t(
                        lang,
                        "export.waiting_letter",
                        &[("applicant", &a.organisation)],
                    ));
                }
            }
            plan.push(Planned::Ledger(scheme));
        }
        plan.push(Planned::AnnualReport);
        Ok((plan, waiting))
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
        let (plan, waiting) = self.plan_kommune_folder(council_id, year, lang)?;
        let total = plan.len() as u64;
        tick(progress, 0, total, "")?;
        std::fs::create_dir_all(dir)?;
        let write = |name: &str, bytes: &[u8]| crate::pdf::write_atomically(&dir.join(name), bytes);
        let mut summary = KommuneExport {
            folder: String::new(),
            minutes: 0,
            public_minutes: 0,
            letters: 0,
            annual_report: false,
            ledgers: 0,
            waiting,
            records: Vec::new(),
        };
        let council = councils::get(&self.conn, council_id)?;
        let doc_lang = crate::documents::document_lang(&council);
        let mut records: Vec<FolderEntry> = Vec::new();
        let mut names = std::collections::BTreeSet::new();
        // Two documents of one day would share a name: the second gets " (2)".
        let mut unique = |name: String| -> String {
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s).to_owned();
            let ext = name.rsplit_once('.').map_or("", |(_, e)| e).to_owned();
            (1..)
                .map(|n| {
                    if n == 1 {
                        name.clone()
                    } else {
                        format!("{stem} ({n}).{ext}")
                    }
                })
                .find(|candidate| names.insert(safe_file_name(candidate)))
                .map(|n| safe_file_name(&n))
                .expect("some name is free")
        };
        for (done, planned) in plan.into_iter().enumerate() {
            // Public unless the document holds what is exempt from public access.
            let mut access = (true, String::new());
            let (name, bytes, kind, date, cases) = match planned {
                Planned::Minutes(meeting_id, public) => {
                    let detail = meetings::labelled(&self.conn, &meeting_id, doc_lang)?;
                    // The final PDF archived at approval (or exported since); laid out now
                    // only for minutes approved without one.
                    let archived = documents::final_minutes(&self.conn, &meeting_id, public)?;
                    let bytes = match archived {
                        Some((_, bytes)) if !bytes.is_empty() => bytes,
                        _ => {
                            self.render_version(&meeting_id, DocumentKind::Minutes, public, now)?
                                .bytes
                        }
                    };
                    if public {
                        summary.public_minutes += 1;
                    } else {
                        summary.minutes += 1;
                        access = exempt_items(&detail.items);
                    }
                    let cases: Vec<String> = detail
                        .items
                        .iter()
                        .filter_map(|i| i.case_number.map(|n| n.short()))
                        .collect();
                    (
                        self.version_file_name(&meeting_id, DocumentKind::Minutes, public)?,
                        bytes,
                        EntryKind::Minutes,
                        detail.meeting.date,
                        cases.join(", "),
                    )
                }
                Planned::Letter(application_id) => {
                    let letter = newest_blob(
                        &self.conn,
                        "SELECT file_name, bytes FROM grant_letter WHERE application_id = ?1
                         ORDER BY created_at DESC, id DESC LIMIT 1",
                        &application_id,
                    )?;
                    // The letter as archived when it was exported; laid out now if it was
                    // marked sent without an export.
                    let bytes = match letter {
                        Some((_, bytes)) if !bytes.is_empty() => bytes,
                        _ => self.render_letter(&application_id, now)?.bytes,
                    };
                    summary.letters += 1;
                    let application = applications::application(&self.conn, &application_id)?;
                    let sent = application
                        .letter_sent
                        .as_ref()
                        .and_then(|s| chrono::NaiveDate::parse_from_str(s.at.get(..10)?, "%Y-%m-%d").ok())
                        .unwrap_or_else(|| now.date_naive());
                    let case = application
                        .decision
                        .as_ref()
                        .and_then(|d| d.case_number)
                        .map(|c| c.label(doc_lang))
                        .unwrap_or_default();
                    (
                        self.letter_file_name(&application_id)?,
                        bytes,
                        EntryKind::Letter,
                        sent,
                        case,
                    )
                }
                Planned::Ledger(scheme) => {
                    let rows = payouts::ledger(&self.conn, &scheme.id)?;
                    summary.ledgers += 1;
                    (
                        crate::ledger::file_name(&scheme, LedgerFormat::Csv, lang),
                        crate::ledger::csv(&scheme, &rows, lang),
                        EntryKind::Ledger,
                        now.date_naive(),
                        String::new(),
                    )
                }
                Planned::AnnualReport => {
                    let report = self.annual_reports(council_id, year)?.pop();
                    let archived = match &report {
                        Some(r) => newest_blob(
                            &self.conn,
                            "SELECT file_name, bytes FROM annual_report WHERE id = ?1",
                            &r.id,
                        )?,
                        None => None,
                    };
                    // Never an empty file: laid out now if none was archived.
                    let (bytes, date) = match archived {
                        Some((_, bytes)) if !bytes.is_empty() => {
                            let at = report.as_ref().map(|r| r.created.at.clone()).unwrap_or_default();
                            let date = chrono::NaiveDate::parse_from_str(at.get(..10).unwrap_or(""), "%Y-%m-%d")
                                .unwrap_or_else(|_| now.date_naive());
                            (bytes, date)
                        }
                        _ => (
                            self.render_annual_report(council_id, year, now)?.bytes,
                            now.date_naive(),
                        ),
                    };
                    summary.annual_report = true;
                    (
                        self.annual_report_file_name(council_id, year)?,
                        bytes,
                        EntryKind::AnnualReport,
                        date,
                        String::new(),
                    )
                }
            };
            if bytes.is_empty() {
                return Err(CoreError::Io(std::io::Error::other(format!("{name} would be empty"))));
            }
            let name = unique(name);
            write(&name, &bytes)?;
            records.push(FolderEntry {
                title: name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s).to_owned(),
                file: name.clone(),
                date,
                cases,
                kind,
                public: access.0,
                basis: access.1,
                sha256: crate::pdf::sha256_hex(&bytes),
            });
            tick(progress, done as u64 + 1, total, &name)?;
        }
        // The list of what the folder holds, for the archive to register it.
        write(
            &crate::records::file_name(doc_lang),
            &crate::records::csv(&records, doc_lang),
        )?;
        summary.records = records;
        Ok(summary)
    }
}

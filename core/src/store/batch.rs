//! The coordinator's batch: every council's approved minutes of a year as PDFs in one
//! folder, each archived. Long, so it reports each file and can be
//! cancelled; cancelled, nothing is left of it — neither a file in the
//! folder nor an archive row.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::Datelike;

use super::{documents, Store};
use crate::error::Result;
use crate::model::{Actor, DocumentKind, DocumentRecord, MeetingStatus, MeetingSummary};
use crate::progress::{check, tick, Progress};

impl Store {
    /// The meetings of `year` whose minutes are approved, council by council,
    /// each in date order. Held meetings not yet approved wait
    /// ([`Store::minutes_waiting`]): a draft never goes out as final.
    fn approved_meetings_of_year(&self, year: i32) -> Result<Vec<MeetingSummary>> {
        let mut meetings = Vec::new();
        for council in self.councils()? {
            let mut held: Vec<_> = self
                .meetings_of_council(&council.id)?
                .into_iter()
                .filter(|m| m.date.year() == year && m.status == MeetingStatus::Approved)
                .collect();
            held.sort_by_key(|m| (m.date, m.starts_at));
            meetings.extend(held);
        }
        Ok(meetings)
    }

    /// Every approved meeting's minutes of `year`, of every council,
    /// one PDF per meeting in `dir`, reporting each file. The PDFs are laid
    /// out in a temporary folder inside `dir` first; only when all are there
    /// are they archived, in one write, and then moved in. Cancelled, or
    /// failed, the temporary folder is removed, nothing is archived and the
    /// files already in `dir` are as they were.
    pub fn export_minutes_of_year(
        &mut self,
        actor: &Actor,
        year: i32,
        dir: &Path,
        progress: &dyn Progress,
    ) -> Result<Vec<DocumentRecord>> {
        self.writable()?;
        self.export_target(dir)?;
        let year = crate::rules::validate::year(year)?;
        let meetings = self.approved_meetings_of_year(year)?;
        let total = meetings.len() as u64;
        tick(progress, 0, total, "")?;
        std::fs::create_dir_all(dir)?;
        let staging = dir.join(format!(".{}.partial", uuid::Uuid::now_v7()));
        std::fs::create_dir(&staging)?;
        let laid_out = self.lay_out_minutes(&meetings, actor, &staging, progress);
        let result = laid_out.and_then(|rendered| {
            check(progress)?;
            self.move_in_and_archive(actor, &staging, dir, rendered)
        });
        let _ = std::fs::remove_dir_all(&staging);
        result
    }

    /// Writes each meeting's minutes into `staging` under a name of its own.
    fn lay_out_minutes(
        &self,
        meetings: &[MeetingSummary],
        actor: &Actor,
        staging: &Path,
        progress: &dyn Progress,
    ) -> Result<Vec<(String, String, crate::documents::Rendered)>> {
        let total = meetings.len() as u64;
        let mut names = BTreeSet::new();
        let mut rendered = Vec::new();
        for (i, meeting) in meetings.iter().enumerate() {
            let name = self.document_file_name(&meeting.id, DocumentKind::Minutes)?;
            // Two meetings of a council on one day would share a name.
            let stem = name.trim_end_matches(".pdf").to_owned();
            let name = (1..)
                .map(|n| {
                    if n == 1 {
                        name.clone()
                    } else {
                        format!("{stem} ({n}).pdf")
                    }
                })
                .find(|candidate| names.insert(candidate.clone()))
                .expect("some name is free");
            let document = self.render_document(&meeting.id, DocumentKind::Minutes, actor.at)?;
            crate::pdf::write_atomically(&staging.join(&name), &document.bytes)?;
            tick(progress, i as u64 + 1, total, &name)?;
            rendered.push((meeting.id.clone(), name, document));
        }
        Ok(rendered)
    }

    /// Archives the laid-out files all in one write, then renames them into
    /// `dir`; if archiving fails, nothing in `dir` has been touched.
    fn move_in_and_archive(
        &mut self,
        actor: &Actor,
        staging: &Path,
        dir: &Path,
        rendered: Vec<(String, String, crate::documents::Rendered)>,
    ) -> Result<Vec<DocumentRecord>> {
        let records = self.write(|tx| {
            rendered
                .iter()
                .map(|(meeting_id, name, document)| {
                    documents::archive(
                        tx,
                        actor,
                        &documents::NewDocument {
                            kind: DocumentKind::Minutes,
                            public: false,
                            meeting_id,
                            file_name: name,
                            sha256: &crate::pdf::sha256_hex(&document.bytes),
                            content_sha256: &document.content_sha256,
                            bytes: &document.bytes,
                        },
                    )
                })
                .collect()
        })?;
        for (_, name, _) in &rendered {
            std::fs::rename(staging.join(name), dir.join(name))?;
        }
        if let Ok(folder) = std::fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(records)
    }
}

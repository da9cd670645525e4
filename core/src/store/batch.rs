//! The coordinator's batch: every council's approved minutes of a year as PDFs in one
//! folder, each in full and as its public version («… offentlig versjon»), each archived. Long, so it reports each file and can be
//! cancelled; cancelled, nothing is left of it — neither a file in the
//! folder nor an archive row.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::Datelike;

use super::{documents, Store};
use crate::error::Result;
use crate::model::{Actor, DocumentKind, DocumentRecord, MeetingStatus, MeetingSummary};
use crate::progress::{check, tick, Progress};

/// One PDF laid out in the staging folder, not yet archived.
struct LaidOut {
    meeting_id: String,
    /// The public version; else the full minutes.
    public: bool,
    name: String,
    document: crate::documents::Rendered,
}

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
    /// two PDFs per meeting in `dir` — the full minutes and their public
    /// version, in which exempt items are withheld — reporting each file. The PDFs are laid
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

    /// Writes each meeting's minutes, in full and as the public version,
    /// into `staging` under a name of its own.
    fn lay_out_minutes(
        &self,
        meetings: &[MeetingSummary],
        actor: &Actor,
        staging: &Path,
        progress: &dyn Progress,
    ) -> Result<Vec<LaidOut>> {
        let versions: Vec<(&MeetingSummary, bool)> = meetings.iter().flat_map(|m| [(m, false), (m, true)]).collect();
        let total = versions.len() as u64;
        let mut names = BTreeSet::new();
        let mut rendered = Vec::new();
        for (i, (meeting, public)) in versions.into_iter().enumerate() {
            let name = self.version_file_name(&meeting.id, DocumentKind::Minutes, public)?;
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
            let document = self.render_version(&meeting.id, DocumentKind::Minutes, public, actor.at)?;
            crate::pdf::write_atomically(&staging.join(&name), &document.bytes)?;
            tick(progress, i as u64 + 1, total, &name)?;
            rendered.push(LaidOut {
                meeting_id: meeting.id.clone(),
                public,
                name,
                document,
            });
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
        rendered: Vec<LaidOut>,
    ) -> Result<Vec<DocumentRecord>> {
        let records = self.write(|tx| {
            rendered
                .iter()
                .map(|laid| {
                    documents::archive(
                        tx,
                        actor,
                        &documents::NewDocument {
                            kind: DocumentKind::Minutes,
                            public: laid.public,
                            meeting_id: &laid.meeting_id,
                            file_name: &laid.name,
                            sha256: &crate::pdf::sha256_hex(&laid.document.bytes),
                            content_sha256: &laid.document.content_sha256,
                            bytes: &laid.document.bytes,
                        },
                    )
                })
                .collect()
        })?;
        for laid in &rendered {
            std::fs::rename(staging.join(&laid.name), dir.join(&laid.name))?;
        }
        if let Ok(folder) = std::fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(records)
    }
}

//! The archive of exported PDFs: each export is kept with its bytes, the
//! SHA-256 of the file and of the content it was made from.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};

use super::{audit, codec, councils, meetings, memberships, new_id, Store};
use crate::error::{CoreError, Result};
use crate::model::*;

const COLUMNS: &str =
    "id, kind, meeting_id, file_name, sha256, content_sha256, length(bytes), created_at, created_by, public";

fn from_row(r: &Row) -> rusqlite::Result<DocumentRecord> {
    Ok(DocumentRecord {
        id: r.get(0)?,
        kind: codec::parse(1, &r.get::<_, String>(1)?)?,
        public: r.get(9)?,
        meeting_id: r.get(2)?,
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

pub struct NewDocument<'a> {
    pub kind: DocumentKind,
    pub public: bool,
    pub meeting_id: &'a str,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub content_sha256: &'a str,
    pub bytes: &'a [u8],
}

/// An exported file as every archive keeps it: its name, its bytes and the
/// SHA-256 of the file and of the content it was made from.
pub struct KeptFile<'a> {
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub content_sha256: &'a str,
    pub bytes: &'a [u8],
}

/// Keeps `file` in the archive `table` (document, grant_letter,
/// annual_report, statement_letter) beside its owner's columns (`owner`, one
/// `:column` value each), with the export in the audit log; the row's id.
pub(super) fn keep(
    conn: &Connection,
    actor: &Actor,
    table: &'static str,
    owner: codec::Named,
    file: &KeptFile,
) -> Result<String> {
    let id = new_id();
    owner
        .with(":id", id.as_str())
        .with(":file_name", file.file_name)
        .with(":sha256", file.sha256)
        .with(":content_sha256", file.content_sha256)
        .with(":bytes", file.bytes)
        .with(":created_at", codec::instant(actor.at))
        .with(":created_by", actor.name.as_str())
        .insert(conn, table)?;
    audit::record(conn, actor, table, &id, "sha256", None, Some(file.sha256))?;
    Ok(id)
}

pub fn archive(conn: &Connection, actor: &Actor, doc: &NewDocument) -> Result<DocumentRecord> {
    let owner = codec::Named::default()
        .with(":kind", codec::name(&doc.kind))
        .with(":meeting_id", doc.meeting_id)
        .with(":public", doc.public);
    let file = KeptFile {
        file_name: doc.file_name,
        sha256: doc.sha256,
        content_sha256: doc.content_sha256,
        bytes: doc.bytes,
    };
    get(conn, &keep(conn, actor, "document", owner, &file)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<DocumentRecord> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM document WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity: "document",
            id: id.to_owned(),
        })
}

pub fn of_meeting(conn: &Connection, meeting_id: &str) -> Result<Vec<DocumentRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM document WHERE meeting_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([meeting_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Archived documents whose content checksum starts with `prefix` (as printed in a footer).
pub fn by_content_prefix(conn: &Connection, prefix: &str) -> Result<Vec<DocumentRecord>> {
    let pattern = format!("{}%", prefix.trim().to_lowercase());
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM document WHERE content_sha256 LIKE ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([pattern], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Lays out the final minutes of an approved meeting and their public
/// version, and archives both: done in the approval's own transaction, so
/// approved minutes are never without their final PDFs. The file names are
/// the ones the PDFs are offered under. Returns the full version.
pub fn archive_final_minutes(conn: &Connection, actor: &Actor, meeting_id: &str) -> Result<DocumentRecord> {
    let meeting = super::meetings::get(conn, meeting_id)?;
    let council = super::councils::get(conn, &meeting.council_id)?;
    let lang = crate::documents::document_lang(&council);
    let detail = super::meetings::labelled(conn, meeting_id, lang)?;
    let mut archived = Vec::new();
    for public in [false, true] {
        let rendered = crate::documents::render(DocumentKind::Minutes, public, &detail, None, actor.at);
        archived.push(archive(
            conn,
            actor,
            &NewDocument {
                kind: DocumentKind::Minutes,
                public,
                meeting_id,
                file_name: &rendered.file_name,
                sha256: &crate::pdf::sha256_hex(&rendered.bytes),
                content_sha256: &rendered.content_sha256,
                bytes: &rendered.bytes,
            },
        )?);
    }
    Ok(archived.swap_remove(0))
}

/// The newest archived minutes of a meeting made once it was approved (the
/// final PDF), in full or the public version, with its bytes; `None` while
/// the minutes are a draft, or for minutes approved without an archived PDF
/// (e.g. a generated kommune, or approved before public versions existed).
pub fn final_minutes(conn: &Connection, meeting_id: &str, public: bool) -> Result<Option<(DocumentRecord, Vec<u8>)>> {
    let found = conn
        .query_row(
            &format!(
                "SELECT {COLUMNS}, bytes FROM document
                 WHERE meeting_id = ?1 AND kind = 'minutes' AND public = ?2
                   AND created_at >= (SELECT approved_at FROM meeting WHERE id = ?1 AND status = 'approved')
                 ORDER BY created_at DESC, id DESC LIMIT 1"
            ),
            rusqlite::params![meeting_id, public],
            |r| Ok((from_row(r)?, r.get::<_, Vec<u8>>(10)?)),
        )
        .optional()?;
    Ok(found)
}

impl Store {
    /// The final minutes of an approved meeting as archived (record and
    /// bytes); `None` while they are a draft.
    pub fn final_minutes(&self, meeting_id: &str) -> Result<Option<(DocumentRecord, Vec<u8>)>> {
        final_minutes(&self.conn, meeting_id, false)
    }

    /// The public version of an approved meeting's minutes as archived at
    /// approval (record and bytes); `None` while they are a draft.
    pub fn final_public_minutes(&self, meeting_id: &str) -> Result<Option<(DocumentRecord, Vec<u8>)>> {
        final_minutes(&self.conn, meeting_id, true)
    }

    /// Lays out a meeting's notice or minutes in the council's målform, dated
    /// `created` (the same record and the same `created` give the same bytes).
    pub fn render_document(
        &self,
        meeting_id: &str,
        kind: DocumentKind,
        created: DateTime<Utc>,
    ) -> Result<crate::documents::Rendered> {
        self.render_version(meeting_id, kind, false, created)
    }

    /// [`Store::render_document`] in full (`public` false) or as the public
    /// version, in which every item exempt from public access is withheld.
    pub fn render_version(
        &self,
        meeting_id: &str,
        kind: DocumentKind,
        public: bool,
        created: DateTime<Utc>,
    ) -> Result<crate::documents::Rendered> {
        let meeting = meetings::get(&self.conn, meeting_id)?;
        let council = councils::get(&self.conn, &meeting.council_id)?;
        let detail = meetings::labelled(&self.conn, meeting_id, crate::documents::document_lang(&council))?;
        let secretary = notice_secretary(&self.conn, &detail)?;
        Ok(crate::documents::render(
            kind,
            public,
            &detail,
            secretary.as_ref(),
            created,
        ))
    }

    /// Exports a meeting's notice or minutes to `out`: written to a temporary
    /// file and renamed, so a failed export never leaves half a file, then
    /// archived in the database with its checksums. If archiving fails, the
    /// file is removed again, so the archive and the disk agree.
    pub fn export_document(
        &mut self,
        actor: &Actor,
        meeting_id: &str,
        kind: DocumentKind,
        out: &Path,
    ) -> Result<DocumentRecord> {
        self.export_version(actor, meeting_id, kind, false, out)
    }

    /// [`Store::export_document`] in full (`public` false) or as the public
    /// version; either is archived, marked as what it is. Minutes not yet
    /// approved say UTKAST in either version.
    pub fn export_version(
        &mut self,
        actor: &Actor,
        meeting_id: &str,
        kind: DocumentKind,
        public: bool,
        out: &Path,
    ) -> Result<DocumentRecord> {
        // Read-only: refused before the file is written, as the archive row could not be.
        self.writable()?;
        let rendered = self.render_version(meeting_id, kind, public, actor.at)?;
        self.save_and_archive(out, &rendered, |tx, file_name, sha256| {
            archive(
                tx,
                actor,
                &NewDocument {
                    kind,
                    public,
                    meeting_id,
                    file_name,
                    sha256,
                    content_sha256: &rendered.content_sha256,
                    bytes: &rendered.bytes,
                },
            )
        })
    }

    /// The file name a document of a meeting is offered under, e.g.
    /// `Protokoll Lyngvik nærmiljøutvalg 2026-03-12.pdf`.
    pub fn document_file_name(&self, meeting_id: &str, kind: DocumentKind) -> Result<String> {
        self.version_file_name(meeting_id, kind, false)
    }

    /// [`Store::document_file_name`] of the full or the public version
    /// (`… 2026-03-12 offentlig versjon.pdf`).
    pub fn version_file_name(&self, meeting_id: &str, kind: DocumentKind, public: bool) -> Result<String> {
        let meeting = meetings::get(&self.conn, meeting_id)?;
        let council = councils::get(&self.conn, &meeting.council_id)?;
        Ok(crate::documents::version_file_name(kind, public, &council, &meeting))
    }

    /// Archived PDFs whose content checksum starts with `prefix`, as printed in a footer.
    pub fn documents_by_content_prefix(&self, prefix: &str) -> Result<Vec<DocumentRecord>> {
        by_content_prefix(&self.conn, prefix)
    }

    /// The notice of a meeting as an e-mail draft (`.eml`) to everyone who
    /// sits on the council that day and has an e-mail address, with the
    /// notice PDF attached and a short text in the council's målform naming
    /// whom to tell of an absence. Returns the draft's file name and bytes.
    pub fn notice_draft(&self, meeting_id: &str, now: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let meeting = meetings::get(&self.conn, meeting_id)?;
        let council = councils::get(&self.conn, &meeting.council_id)?;
        let lang = crate::documents::document_lang(&council);
        let rendered = self.render_document(meeting_id, DocumentKind::Notice, now)?;
        let sitting: Vec<Membership> = memberships::of_council(&self.conn, &council.id)?
            .into_iter()
            .filter(|m| m.sits_on(meeting.date))
            .collect();
        // An absence is told to the secretary, else to the council's contact.
        let (who, how) = match sitting.iter().find(|m| m.role == Role::Sekretaer) {
            Some(s) => (s.person.name.clone(), [&s.person.phone, &s.person.email]),
            None => (
                council.contact_name.clone(),
                [&council.contact_phone, &council.contact_email],
            ),
        };
        let how: Vec<&str> = how.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        let excuse = if who.trim().is_empty() {
            crate::i18n::t(lang, "mail.notice.excuse_council", &[("council", &council.name)])
        } else {
            let who = if how.is_empty() {
                who
            } else {
                format!("{who} ({})", how.join(", "))
            };
            crate::i18n::t(lang, "mail.notice.excuse", &[("who", &who)])
        };
        let date = crate::i18n::date(meeting.date);
        let time = meeting.starts_at.format("%H:%M").to_string();
        let draft = crate::mail::Draft {
            to: sitting
                .iter()
                .map(|m| (m.person.name.clone(), m.person.email.clone()))
                .collect(),
            subject: crate::i18n::t(
                lang,
                "mail.notice.subject",
                &[("council", &council.name), ("date", &date)],
            ),
            body: crate::i18n::t(
                lang,
                "mail.notice.body",
                &[
                    ("council", &council.name),
                    ("date", &date),
                    ("time", &time),
                    ("place", &meeting.place),
                    ("excuse", &excuse),
                ],
            ),
            file_name: rendered.file_name.clone(),
            pdf: rendered.bytes,
        };
        Ok((eml_name(&rendered.file_name), crate::mail::eml(&draft, now)))
    }
}

/// Whom a notice tells to send word when one cannot come: the council's
/// secretary among those called to the meeting, if it has one.
pub(crate) fn notice_secretary(conn: &Connection, detail: &MeetingDetail) -> Result<Option<Person>> {
    match detail.attendance.iter().find(|r| r.role == Role::Sekretaer) {
        Some(row) => Ok(Some(memberships::get(conn, &row.membership_id)?.person)),
        None => Ok(None),
    }
}

/// `Innkalling … .pdf` → `Innkalling … .eml`.
pub(super) fn eml_name(pdf_name: &str) -> String {
    format!("{}.eml", pdf_name.strip_suffix(".pdf").unwrap_or(pdf_name))
}

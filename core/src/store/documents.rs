//! The archive of exported PDFs: each export is kept with its bytes, the
//! SHA-256 of the file and of the content it was made from.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, codec, new_id};
use crate::error::{CoreError, Result};
use crate::model::{Actor, DocumentKind, DocumentRecord, Step};

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

pub fn archive(conn: &Connection, actor: &Actor, doc: &NewDocument) -> Result<DocumentRecord> {
    let id = new_id();
    conn.execute(
        "INSERT INTO document (id, kind, meeting_id, file_name, sha256, content_sha256, bytes, created_at, created_by,
            public)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            codec::name(&doc.kind),
            doc.meeting_id,
            doc.file_name,
            doc.sha256,
            doc.content_sha256,
            doc.bytes,
            codec::instant(actor.at),
            actor.name,
            doc.public
        ],
    )?;
    audit::record(conn, actor, "document", &id, "sha256", None, Some(doc.sha256))?;
    get(conn, &id)
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
    let detail = super::meetings::detail(conn, meeting_id, lang)?;
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

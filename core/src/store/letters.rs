//! Decision letters: the facts they show, their drafts and their archive.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row};

use super::{applications, codec, councils, documents, meetings, memberships, schemes, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;

const LETTER_COLUMNS: &str =
    "id, application_id, file_name, sha256, content_sha256, length(bytes), created_at, created_by";

fn letter_from_row(r: &Row) -> rusqlite::Result<LetterRecord> {
    Ok(LetterRecord {
        id: r.get(0)?,
        application_id: r.get(1)?,
        file_name: r.get(2)?,
        sha256: r.get(3)?,
        content_sha256: r.get(4)?,
        size: r.get(5)?,
        created: Step {
            at: r.get(6)?,
            by: r.get(7)?,
        },
    })
}

pub fn letters_of(conn: &Connection, application_id: &str) -> Result<Vec<LetterRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LETTER_COLUMNS} FROM grant_letter WHERE application_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([application_id], letter_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub struct NewLetter<'a> {
    pub application_id: &'a str,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub content_sha256: &'a str,
    pub bytes: &'a [u8],
}

pub fn archive_letter(conn: &Connection, actor: &Actor, letter: &NewLetter) -> Result<LetterRecord> {
    let owner = codec::Named::default().with(":application_id", letter.application_id);
    let file = documents::KeptFile {
        file_name: letter.file_name,
        sha256: letter.sha256,
        content_sha256: letter.content_sha256,
        bytes: letter.bytes,
    };
    let id = documents::keep(conn, actor, "grant_letter", owner, &file)?;
    Ok(conn.query_row(
        &format!("SELECT {LETTER_COLUMNS} FROM grant_letter WHERE id = ?1"),
        [&id],
        letter_from_row,
    )?)
}

/// The meeting a decision was made in, for the letter.
pub fn decision_meeting(conn: &Connection, decision: &GrantDecision) -> Result<Meeting> {
    meetings::get(conn, &decision.meeting_id)
}

impl Store {
    /// Lays out an application's decision letter in the council's målform, dated `created`.
    pub fn render_letter(&self, application_id: &str, created: DateTime<Utc>) -> Result<crate::documents::Rendered> {
        let facts = self.letter_facts(application_id)?;
        Ok(crate::letters::grant_letter(&facts, created))
    }

    fn letter_facts(&self, application_id: &str) -> Result<crate::letters::LetterFacts> {
        letter_facts(&self.conn, application_id)
    }

    /// An application's decision letter as an e-mail draft to the applicant.
    pub fn letter_draft(&self, application_id: &str, now: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let facts = self.letter_facts(application_id)?;
        let lang = crate::documents::document_lang(&facts.council);
        let rendered = crate::letters::grant_letter(&facts, now);
        let a = &facts.application;
        let name = if a.contact_name.is_empty() {
            a.organisation.clone()
        } else {
            a.contact_name.clone()
        };
        let draft = crate::mail::Draft {
            to: vec![(name, a.email.clone())],
            subject: crate::i18n::t(lang, "mail.letter.subject", &[("title", &a.title)]),
            body: crate::i18n::t(
                lang,
                "mail.letter.body",
                &[("title", &a.title), ("council", &facts.council.name)],
            ),
            file_name: rendered.file_name.clone(),
            pdf: rendered.bytes,
        };
        Ok((documents::eml_name(&rendered.file_name), crate::mail::eml(&draft, now)))
    }

    /// The file name a decision letter is offered under.
    pub fn letter_file_name(&self, application_id: &str) -> Result<String> {
        Ok(crate::letters::file_name(&self.letter_facts(application_id)?))
    }

    /// Exports an application's decision letter to `out` (temporary file, then
    /// rename) and archives it with its checksums, like the minutes.
    pub fn export_letter(&mut self, actor: &Actor, application_id: &str, out: &Path) -> Result<LetterRecord> {
        let rendered = self.render_letter(application_id, actor.at)?;
        self.save_and_archive(out, &rendered, |tx, file_name, sha256| {
            archive_letter(
                tx,
                actor,
                &NewLetter {
                    application_id,
                    file_name,
                    sha256,
                    content_sha256: &rendered.content_sha256,
                    bytes: &rendered.bytes,
                },
            )
        })
    }
}

/// What an application's decision letter shows, gathered from the record.
pub(super) fn letter_facts(conn: &Connection, application_id: &str) -> Result<crate::letters::LetterFacts> {
    let application = applications::application(conn, application_id)?;
    let scheme = schemes::scheme(conn, &application.scheme_id)?;
    let council = councils::get(conn, &scheme.council_id)?;
    let Some(decision) = application.decision.clone() else {
        return Err(CoreError::Conflict(FieldIssue::new("", "validation.not_decided")));
    };
    let meeting = decision_meeting(conn, &decision)?;
    let leader = memberships::of_council(conn, &council.id)?
        .into_iter()
        .find(|m| m.role == Role::Leder && m.sits_on(meeting.date))
        .map(|m| m.person.name);
    Ok(crate::letters::LetterFacts {
        application,
        decision,
        scheme,
        council,
        meeting,
        leader,
    })
}

//! Statements to the kommune: the facts of an item of kind `uttalelse`, the
//! letters exported from them and the list the annual report and the
//! overview show.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, codec, councils, items, meetings, memberships, Store};
use crate::error::{CoreError, Result};
use crate::model::*;

/// Writes (or, for an item of another kind, removes) an item's statement facts.
pub(super) fn write(conn: &Connection, actor: &Actor, item_id: &str, input: Option<&StatementInput>) -> Result<()> {
    let old = facts(conn, item_id)?;
    match (input, input.and_then(|s| s.deadline)) {
        (Some(s), Some(deadline)) => {
            conn.execute(
                "INSERT INTO agenda_statement (item_id, case_ref, deadline, recipient, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                 ON CONFLICT (item_id) DO UPDATE SET case_ref = ?2, deadline = ?3, recipient = ?4, updated_at = ?5",
                params![
                    item_id,
                    s.case_ref,
                    codec::day(deadline),
                    s.recipient,
                    codec::instant(actor.at)
                ],
            )?;
            let new = StatementInput {
                case_ref: s.case_ref.clone(),
                deadline: Some(deadline),
                recipient: s.recipient.clone(),
            };
            if old.as_ref() != Some(&new) {
                audit::record_diff(conn, actor, "agenda_statement", item_id, old.as_ref(), &new)?;
            }
        }
        _ => {
            if old.is_some() {
                conn.execute("DELETE FROM agenda_statement WHERE item_id = ?1", [item_id])?;
                audit::record(conn, actor, "agenda_statement", item_id, "deleted", None, None)?;
            }
        }
    }
    Ok(())
}

/// The statement facts as the item form holds them, if the item has any.
pub(super) fn facts(conn: &Connection, item_id: &str) -> Result<Option<StatementInput>> {
    Ok(conn
        .query_row(
            "SELECT case_ref, deadline, recipient FROM agenda_statement WHERE item_id = ?1",
            [item_id],
            |r| {
                Ok(StatementInput {
                    case_ref: r.get(0)?,
                    deadline: Some(codec::parse_day(1, &r.get::<_, String>(1)?)?),
                    recipient: r.get(2)?,
                })
            },
        )
        .optional()?)
}

const LETTER_COLUMNS: &str = "id, item_id, file_name, sha256, content_sha256, length(bytes), created_at, created_by";

fn letter_from_row(r: &Row) -> rusqlite::Result<StatementLetter> {
    Ok(StatementLetter {
        id: r.get(0)?,
        item_id: r.get(1)?,
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

/// An item's statement with its archived letters, if it has one.
pub(super) fn of_item(conn: &Connection, item_id: &str) -> Result<Option<Statement>> {
    let Some(input) = facts(conn, item_id)? else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LETTER_COLUMNS} FROM statement_letter WHERE item_id = ?1 ORDER BY created_at, id"
    ))?;
    let letters = stmt
        .query_map([item_id], letter_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Statement {
        case_ref: input.case_ref,
        deadline: input.deadline.expect("read from a NOT NULL column"),
        recipient: input.recipient,
        late: false,
        letters,
    }))
}

/// Every fact a statement letter shows, from the record; refused unless the
/// statement was adopted and its minutes approved.
pub(super) fn statement_facts(conn: &Connection, item_id: &str) -> Result<crate::statements::StatementFacts> {
    let item = items::item(conn, item_id)?;
    let meeting = meetings::get(conn, &item.meeting_id)?;
    let council = councils::get(conn, &meeting.council_id)?;
    let lang = crate::documents::document_lang(&council);
    let item = find_item(&meetings::labelled(conn, &meeting.id, lang)?, item_id)?.clone();
    crate::rules::statements::exportable(&item, &meeting)?;
    let statement = item.statement.clone().expect("checked by exportable");
    let leader = memberships::of_council(conn, &council.id)?
        .into_iter()
        .find(|m| m.role == Role::Leder && m.sits_on(meeting.date))
        .map(|m| m.person.name);
    Ok(crate::statements::StatementFacts {
        council,
        meeting,
        item,
        statement,
        leader,
    })
}

fn archive(
    conn: &Connection,
    actor: &Actor,
    item_id: &str,
    file_name: &str,
    sha256: &str,
    rendered: &crate::documents::Rendered,
) -> Result<StatementLetter> {
    let owner = codec::Named::default().with(":item_id", item_id);
    let file = super::documents::KeptFile {
        file_name,
        sha256,
        content_sha256: &rendered.content_sha256,
        bytes: &rendered.bytes,
    };
    let id = super::documents::keep(conn, actor, "statement_letter", owner, &file)?;
    Ok(conn.query_row(
        &format!("SELECT {LETTER_COLUMNS} FROM statement_letter WHERE id = ?1"),
        [&id],
        letter_from_row,
    )?)
}

/// The statements to the kommune of `year` (their meeting or their deadline
/// in it) of the councils `councils` (id and name, in the overview's order),
/// as the overview shows them on `today`.
pub(super) fn overview(
    conn: &Connection,
    year: i32,
    today: NaiveDate,
    councils: &[(String, String)],
) -> Result<StatementOverview> {
    let names: std::collections::HashMap<&str, &str> =
        councils.iter().map(|(id, name)| (id.as_str(), name.as_str())).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT s.item_id, i.meeting_id, i.council_id, i.case_year, i.case_number, i.title, s.case_ref,
                s.deadline, m.date, m.status, i.withdrawn,
                EXISTS (SELECT 1 FROM statement_letter l WHERE l.item_id = s.item_id)
         FROM agenda_statement s JOIN agenda_item i ON i.id = s.item_id JOIN meeting m ON m.id = i.meeting_id
         WHERE substr(m.date, 1, 4) = ?1 OR substr(s.deadline, 1, 4) = ?1",
    )?;
    type Found = (StatementBrief, bool, bool);
    let found = stmt
        .query_map([year.to_string()], |r| {
            let case_year: Option<i32> = r.get(3)?;
            let number: Option<i32> = r.get(4)?;
            let status: MeetingStatus = codec::parse(9, &r.get::<_, String>(9)?)?;
            let withdrawn: bool = r.get(10)?;
            let council_id: String = r.get(2)?;
            Ok((
                StatementBrief {
                    item_id: r.get(0)?,
                    meeting_id: r.get(1)?,
                    council_name: String::new(),
                    council_id,
                    case_label: None,
                    case_number: CaseNumber::of(case_year, number),
                    title: r.get(5)?,
                    case_ref: r.get(6)?,
                    deadline: codec::parse_day(7, &r.get::<_, String>(7)?)?,
                    meeting_date: codec::parse_day(8, &r.get::<_, String>(8)?)?,
                    status: StatementStatus::Open,
                    deadline_passed: false,
                },
                status == MeetingStatus::Approved && !withdrawn,
                r.get::<_, bool>(11)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<Found>>>()?;
    let mut statements = Vec::with_capacity(found.len());
    // Whether a statement was adopted is worked out from the votes and who
    // was there, as the meeting page does, only for approved minutes: one
    // page a meeting, however many statements it holds.
    let mut pages: std::collections::HashMap<String, MeetingDetail> = std::collections::HashMap::new();
    for (mut brief, approved, sent) in found {
        let Some(name) = names.get(brief.council_id.as_str()) else {
            continue;
        };
        brief.council_name = (*name).to_owned();
        let adopted = approved && {
            if !pages.contains_key(&brief.meeting_id) {
                pages.insert(brief.meeting_id.clone(), meetings::detail(conn, &brief.meeting_id)?);
            }
            crate::rules::statements::adopted(find_item(&pages[&brief.meeting_id], &brief.item_id)?)
        };
        brief.status = crate::rules::statements::status(approved, adopted, sent);
        statements.push(brief);
    }
    Ok(crate::rules::statements::overview(councils, statements, today))
}

/// The item `item_id` of a meeting's page, its outcome worked out.
fn find_item<'a>(detail: &'a MeetingDetail, item_id: &str) -> Result<&'a AgendaItem> {
    detail
        .items
        .iter()
        .find(|i| i.id == item_id)
        .ok_or_else(|| CoreError::NotFound {
            entity: "agenda_item",
            id: item_id.to_owned(),
        })
}

impl Store {
    /// The statements of `year` of the councils `councils` (id and name, in
    /// the overview's order), as the overview shows them on `today`; their
    /// case labels are added by `crate::views`.
    pub fn statement_overview(
        &self,
        year: i32,
        today: NaiveDate,
        councils: &[(String, String)],
    ) -> Result<StatementOverview> {
        overview(&self.conn, year, today, councils)
    }

    /// Lays out an adopted statement's letter to the kommune, dated `created`;
    /// refused before the statement is adopted and its minutes approved.
    pub fn render_statement(
        &self,
        item_id: &str,
        created: chrono::DateTime<chrono::Utc>,
    ) -> Result<crate::documents::Rendered> {
        let facts = statement_facts(&self.conn, item_id)?;
        Ok(crate::statements::statement_letter(&facts, created))
    }

    /// The file name a statement letter is offered under.
    pub fn statement_file_name(&self, item_id: &str) -> Result<String> {
        Ok(crate::statements::file_name(&statement_facts(&self.conn, item_id)?))
    }

    /// Exports a statement letter to `out` (temporary file, then rename) and
    /// archives it with its checksums, like the minutes.
    pub fn export_statement(&mut self, actor: &Actor, item_id: &str, out: &Path) -> Result<StatementLetter> {
        let rendered = self.render_statement(item_id, actor.at)?;
        self.save_and_archive(out, &rendered, |tx, file_name, sha256| {
            archive(tx, actor, item_id, file_name, sha256, &rendered)
        })
    }
}

//! A person's data on request: everything Grendebok holds about one person,
//! as JSON; and the erasure of a former member, whose name, e-mail and phone
//! are replaced by a pseudonym everywhere in the file, so minutes and grant
//! records keep their shape but no longer name them.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{audit, codec, memberships, people};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{Actor, AuditEntry, Membership, Person};

/// One meeting a person's seat was recorded at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceRecord {
    pub meeting_id: String,
    pub council_name: String,
    pub date: NaiveDate,
    pub status: String,
    pub recused_from: Vec<String>,
}

/// Everything about one person, for an access request (GDPR art. 15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonExport {
    pub person: Person,
    pub memberships: Vec<Membership>,
    pub council_names: Vec<String>,
    pub attendance: Vec<AttendanceRecord>,
    pub changes: Vec<AuditEntry>,
}

fn memberships_of(conn: &Connection, person_id: &str) -> Result<Vec<Membership>> {
    let ids: Vec<String> = {
        let mut stmt = conn.prepare("SELECT DISTINCT council_id FROM membership WHERE person_id = ?1")?;
        let rows = stmt.query_map([person_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut all = Vec::new();
    for council in ids {
        all.extend(
            memberships::of_council(conn, &council)?
                .into_iter()
                .filter(|m| m.person.id == person_id),
        );
    }
    Ok(all)
}

pub fn export(conn: &Connection, person_id: &str) -> Result<PersonExport> {
    let person = people::get(conn, person_id)?;
    let memberships = memberships_of(conn, person_id)?;
    let mut council_names = Vec::new();
    for m in &memberships {
        let name = super::councils::get(conn, &m.council_id)?.name;
        if !council_names.contains(&name) {
            council_names.push(name);
        }
    }
    let mut attendance = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT a.meeting_id, c.name, m.date, a.status, a.membership_id
             FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN council c ON c.id = m.council_id
             JOIN membership s ON s.id = a.membership_id
             WHERE s.person_id = ?1 ORDER BY m.date",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                codec::parse_day(2, &r.get::<_, String>(2)?)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (meeting_id, council_name, date, status, membership_id) = row?;
            let mut recused = conn.prepare(
                "SELECT i.title FROM recusal x JOIN agenda_item i ON i.id = x.item_id
                 WHERE x.membership_id = ?1 AND i.meeting_id = ?2",
            )?;
            let recused_from = recused
                .query_map([&membership_id, &meeting_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            attendance.push(AttendanceRecord {
                meeting_id,
                council_name,
                date,
                status,
                recused_from,
            });
        }
    }
    let mut changes = audit::entries(conn, Some(person_id))?;
    for m in &memberships {
        changes.extend(audit::entries(conn, Some(&m.id))?);
    }
    Ok(PersonExport {
        person,
        memberships,
        council_names,
        attendance,
        changes,
    })
}

/// The pseudonym an erased person is shown by: "Tidligere medlem 3F2A".
pub fn pseudonym(person_id: &str) -> String {
    let tail: String = person_id.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let tail = &tail[tail.len().saturating_sub(4)..];
    format!("Tidligere medlem {}", tail.to_uppercase())
}

/// Text columns that may mention a person by name, table by table.
const TEXT_COLUMNS: &[(&str, &[&str])] = &[
    ("council", &["mandate", "contact_name", "area"]),
    ("membership", &["organisation", "end_reason"]),
    (
        "meeting",
        &[
            "guests",
            "kommune_rep",
            "place",
            "notice_sent_by",
            "held_by",
            "approved_by",
        ],
    ),
    (
        "agenda_item",
        &["title", "background", "proposal", "decision", "closed_basis"],
    ),
    ("recusal", &["reason"]),
    ("follow_up", &["what", "who"]),
    ("amendment", &["text", "recorded_by"]),
    ("audit", &["old", "new", "who"]),
    ("document", &["created_by"]),
    ("settings", &["value"]),
];

/// Erases a former member: no current or future seat is allowed. Their name,
/// e-mail and phone are replaced everywhere in the file (records, free text,
/// the audit log) by a pseudonym; archived PDFs that could name them lose
/// their bytes but keep their checksums.
pub fn erase(conn: &Connection, actor: &Actor, person_id: &str, today: NaiveDate) -> Result<String> {
    let person = people::get(conn, person_id)?;
    let seats = memberships_of(conn, person_id)?;
    if seats.iter().any(|m| m.sits_on(today) || m.term_from > today) {
        return Err(CoreError::Conflict(FieldIssue::new(
            "personId",
            "validation.erase_sitting",
        )));
    }
    let alias = pseudonym(person_id);
    let secrets: Vec<&str> = [person.name.as_str(), person.email.as_str(), person.phone.as_str()]
        .into_iter()
        .filter(|s| s.len() >= 3)
        .collect();
    for (table, columns) in TEXT_COLUMNS {
        for column in *columns {
            for secret in &secrets {
                conn.execute(
                    &format!("UPDATE {table} SET {column} = replace({column}, ?1, ?2) WHERE instr({column}, ?1) > 0"),
                    params![secret, alias],
                )?;
            }
        }
    }
    conn.execute(
        "UPDATE person SET name = ?2, email = '', phone = '', gender = NULL, updated_at = ?3 WHERE id = ?1",
        params![person_id, alias, codec::instant(actor.at)],
    )?;
    // Minutes and notices of meetings where the person had a seat may name them.
    conn.execute(
        "UPDATE document SET bytes = zeroblob(0)
         WHERE meeting_id IN (SELECT m.id FROM meeting m JOIN membership s ON s.council_id = m.council_id
                              WHERE s.person_id = ?1)",
        [person_id],
    )?;
    audit::record(conn, actor, "person", person_id, "erased", None, Some(&alias))?;
    Ok(alias)
}

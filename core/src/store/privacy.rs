//! A person's data on request: everything Grendebok holds about one person,
//! as JSON; and the erasure of a former member, whose name, e-mail and phone
//! are replaced by a pseudonym everywhere in the file but in what the
//! archive keeps (a formal body's approved minutes and archived PDFs), so
//! records keep their shape but no longer name them, and no archived PDF is
//! left empty.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{audit, backup, codec, documents, home, letters, memberships, people, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::{Actor, AuditEntry, DocumentKind, Lang, LegalMode, Malform, MeetingStatus, Membership, Person};

/// One meeting a person's seat was recorded at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceRecord {
    pub meeting_id: String,
    pub council_name: String,
    pub date: NaiveDate,
    pub status: String,
    pub inhabil_in: Vec<String>,
}

/// An application the person is the contact of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GrantContactRecord {
    pub application_id: String,
    pub organisation: String,
    pub title: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
}

/// A score the person gave an application, as a committee member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScoreRecord {
    pub application_id: String,
    pub organisation: String,
    pub criterion: String,
    pub score: i32,
    pub comment: String,
}

/// An application the person was inhabil for, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InhabilRecord {
    pub application_id: String,
    pub organisation: String,
    pub reason: String,
    /// The committee found the person not inhabil after all (`reason` says why).
    pub overruled: bool,
}

/// Free text that names the person: an item's text, a follow-up, an amendment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    /// What holds the text: `agenda_item`, `follow_up`, `amendment`, `grant_application`.
    pub source: String,
    pub id: String,
    pub text: String,
}

/// Everything about one person, for an access request (GDPR art. 15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonExport {
    pub person: Person,
    pub memberships: Vec<Membership>,
    pub council_names: Vec<String>,
    pub attendance: Vec<AttendanceRecord>,
    pub grant_contacts: Vec<GrantContactRecord>,
    pub scores: Vec<ScoreRecord>,
    pub inhabil: Vec<InhabilRecord>,
    /// Follow-ups, item texts, amendments and applications that name the person.
    pub mentions: Vec<Mention>,
    pub changes: Vec<AuditEntry>,
}

/// Rows of `sql` (with `?1`, `?2`, `?3` the person's name, e-mail and phone,
/// and `?4` their id) read by `map`.
fn about<T>(
    conn: &Connection,
    person: &Person,
    sql: &str,
    map: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    // Too short to tell the person by (an empty e-mail, "Bo"): a value no text holds.
    let never = format!("\u{1}{}\u{1}", person.id);
    let blank = |s: &str| {
        if s.trim().chars().count() < 3 {
            never.clone()
        } else {
            s.to_owned()
        }
    };
    let mut stmt = conn.prepare(sql)?;
    let values = [
        blank(&person.name),
        blank(&person.email),
        blank(&person.phone),
        person.id.clone(),
    ];
    // SQLite counts parameters up to the highest it sees: bind that many.
    let used = stmt.parameter_count();
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter().take(used)), map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
            let mut inhabil_titles = conn.prepare(
                "SELECT i.title FROM recusal x JOIN agenda_item i ON i.id = x.item_id
                 WHERE x.membership_id = ?1 AND i.meeting_id = ?2
                 UNION ALL
                 SELECT i.title || ' – ' || d.title FROM decision_recusal x
                 JOIN item_decision d ON d.id = x.decision_id JOIN agenda_item i ON i.id = d.item_id
                 WHERE x.membership_id = ?1 AND i.meeting_id = ?2",
            )?;
            let inhabil_in = inhabil_titles
                .query_map([&membership_id, &meeting_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            attendance.push(AttendanceRecord {
                meeting_id,
                council_name,
                date,
                status,
                inhabil_in,
            });
        }
    }
    let grant_contacts = about(
        conn,
        &person,
        "SELECT id, organisation, title, contact_name, email, phone FROM grant_application
         WHERE contact_name = ?1 OR email = ?2 OR phone = ?3 ORDER BY id",
        |r| {
            Ok(GrantContactRecord {
                application_id: r.get(0)?,
                organisation: r.get(1)?,
                title: r.get(2)?,
                contact_name: r.get(3)?,
                email: r.get(4)?,
                phone: r.get(5)?,
            })
        },
    )?;
    let scores = about(
        conn,
        &person,
        "SELECT s.application_id, a.organisation, c.name, s.score, s.comment FROM grant_score s
         JOIN grant_application a ON a.id = s.application_id JOIN grant_criterion c ON c.id = s.criterion_id
         JOIN membership m ON m.id = s.membership_id WHERE m.person_id = ?4 ORDER BY a.id, c.position",
        |r| {
            Ok(ScoreRecord {
                application_id: r.get(0)?,
                organisation: r.get(1)?,
                criterion: r.get(2)?,
                score: r.get(3)?,
                comment: r.get(4)?,
            })
        },
    )?;
    let inhabil = about(
        conn,
        &person,
        "SELECT x.application_id, a.organisation, x.reason, x.overruled FROM grant_inhabil x
         JOIN grant_application a ON a.id = x.application_id JOIN membership m ON m.id = x.membership_id
         WHERE m.person_id = ?4 ORDER BY a.id",
        |r| {
            Ok(InhabilRecord {
                application_id: r.get(0)?,
                organisation: r.get(1)?,
                reason: r.get(2)?,
                overruled: r.get(3)?,
            })
        },
    )?;
    let mentions = about(
        conn,
        &person,
        "SELECT 'agenda_item', id, title || char(10) || background || char(10) || proposal || char(10) || decision
           FROM agenda_item WHERE instr(title || background || proposal || decision, ?1) > 0
         UNION ALL SELECT 'item_decision', id, title || char(10) || proposal || char(10) || decision
           FROM item_decision WHERE instr(title || proposal || decision, ?1) > 0
         UNION ALL SELECT 'alternative_proposal', id, proposed_by || ': ' || text FROM alternative_proposal
           WHERE instr(proposed_by || text, ?1) > 0
         UNION ALL SELECT 'follow_up', id, what || ' – ' || who FROM follow_up
           WHERE instr(what || who, ?1) > 0
         UNION ALL SELECT 'meeting', id, minute_taker_name FROM meeting WHERE instr(minute_taker_name, ?1) > 0
         UNION ALL SELECT 'amendment', id, text FROM amendment WHERE instr(text, ?1) > 0
         UNION ALL SELECT 'account_entry', id, text FROM account_entry WHERE instr(text, ?1) > 0
         UNION ALL SELECT 'grant_application', id, description || char(10) || reasons || char(10) || report_summary
           FROM grant_application WHERE instr(description || reasons || report_summary, ?1) > 0
         ORDER BY 1, 2",
        |r| {
            Ok(Mention {
                source: r.get(0)?,
                id: r.get(1)?,
                text: r.get(2)?,
            })
        },
    )?;
    let mut changes = audit::entries(conn, Some(person_id))?;
    for m in &memberships {
        changes.extend(audit::entries(conn, Some(&m.id))?);
    }
    Ok(PersonExport {
        person,
        memberships,
        council_names,
        attendance,
        grant_contacts,
        scores,
        inhabil,
        mentions,
        changes,
    })
}

/// The pseudonym an erased person is shown by, in the målform of the
/// council they sat in: "Tidligere medlem 3F2A" (nynorsk "Tidlegare medlem").
pub fn pseudonym(person_id: &str, malform: Malform) -> String {
    let tail: String = person_id.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let tail = &tail[tail.len().saturating_sub(4)..];
    let lang = match malform {
        Malform::Bokmal => Lang::Nb,
        Malform::Nynorsk => Lang::Nn,
    };
    t(lang, "privacy.pseudonym", &[("code", &tail.to_uppercase())])
}

/// The minutes kept as they are when a person is erased: the approved
/// minutes of a formal body, which the kommune must archive (GDPR art.
/// 17(3)(b) lets the archive duty stand before erasure).
const KEPT_MEETINGS: &str = "SELECT m.id FROM meeting m JOIN council c ON c.id = m.council_id
     WHERE c.legal_mode = 'formal' AND m.status = 'approved'";

/// Text columns that may mention a person, table by table, with the rows
/// they are rewritten in (`""`: all of them). Rows of kept minutes are left.
fn text_columns() -> Vec<(&'static str, &'static [&'static str], String)> {
    let not_kept_meeting = format!("meeting_id NOT IN ({KEPT_MEETINGS})");
    let not_kept_item = format!("item_id NOT IN (SELECT id FROM agenda_item WHERE meeting_id IN ({KEPT_MEETINGS}))");
    vec![
        (
            "council",
            &["mandate", "contact_name", "contact_email", "contact_phone", "area"][..],
            String::new(),
        ),
        ("membership", &["organisation", "end_reason"], String::new()),
        (
            "meeting",
            &[
                "guests",
                "kommune_rep",
                "minute_taker_name",
                "place",
                "notice_sent_by",
                "held_by",
                "approved_by",
            ],
            format!("id NOT IN ({KEPT_MEETINGS})"),
        ),
        (
            "agenda_item",
            &["title", "background", "proposal", "decision", "closed_basis"],
            not_kept_meeting.clone(),
        ),
        ("recusal", &["reason"], not_kept_item.clone()),
        (
            "item_decision",
            &["title", "proposal", "decision"],
            not_kept_item.clone(),
        ),
        (
            "decision_recusal",
            &["reason"],
            format!(
                "decision_id NOT IN (SELECT id FROM item_decision WHERE {})",
                not_kept_item.replace("item_id NOT IN", "item_id IN")
            ),
        ),
        ("alternative_proposal", &["proposed_by", "text"], not_kept_item.clone()),
        ("follow_up", &["what", "who"], not_kept_item),
        ("amendment", &["text", "recorded_by"], not_kept_meeting),
        (
            "grant_application",
            &[
                "contact_name",
                "email",
                "phone",
                "description",
                "reasons",
                "report_summary",
                "decided_by",
                "letter_sent_by",
                "report_recorded_by",
                "withdrawn_by",
            ],
            String::new(),
        ),
        ("grant_inhabil", &["reason"], String::new()),
        ("grant_score", &["comment"], String::new()),
        ("grant_amendment", &["reason", "recorded_by"], String::new()),
        ("grant_payout", &["recorded_by"], String::new()),
        ("account_entry", &["text"], String::new()),
        ("duty", &["waived_reason", "waived_by"], String::new()),
        ("audit", &["old", "new", "who"], String::new()),
        ("document", &["created_by"], String::new()),
        ("grant_letter", &["created_by"], String::new()),
        ("statement_letter", &["created_by"], String::new()),
        ("annual_report", &["created_by"], String::new()),
        ("package_snapshot", &["exported_by", "recorded_by"], String::new()),
        ("settings", &["value"], String::new()),
    ]
}

/// Whether the person was erased here before (the audit log's "erased" row
/// is the erasure marker: an import that brings the person back is erased again).
pub fn is_erased(conn: &Connection, person_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit WHERE entity = 'person' AND entity_id = ?1 AND field = 'erased')",
        [person_id],
        |r| r.get(0),
    )?)
}

/// Erases a former member: no current or future seat is allowed, and a
/// person is erased once. Their name, e-mail and phone are replaced
/// everywhere in the file — records, free text, grant contacts, council
/// contacts, waivers, the audit log's old and new values — by a pseudonym,
/// except in what the archive keeps: the approved minutes of a formal body
/// and the PDFs archived for one stay as they are. A voluntary council's
/// archived PDFs that could name the person are laid out again from the
/// erased record, so none is left empty.
pub fn erase(conn: &Connection, actor: &Actor, person_id: &str, today: NaiveDate) -> Result<String> {
    if is_erased(conn, person_id)? {
        return Err(CoreError::Conflict(FieldIssue::new(
            "personId",
            "validation.erase_twice",
        )));
    }
    let seats = memberships_of(conn, person_id)?;
    if seats.iter().any(|m| m.sits_on(today) || m.term_from > today) {
        return Err(CoreError::Conflict(FieldIssue::new(
            "personId",
            "validation.erase_sitting",
        )));
    }
    erase_unchecked(conn, actor, person_id)
}

/// [`erase`] without its checks: also for a person erased here before whom
/// an imported package brought back.
pub(super) fn erase_unchecked(conn: &Connection, actor: &Actor, person_id: &str) -> Result<String> {
    let person = people::get(conn, person_id)?;
    let seats = memberships_of(conn, person_id)?;
    let malform = match seats.first() {
        Some(m) => super::councils::get(conn, &m.council_id)?.malform,
        None => Malform::Bokmal,
    };
    let alias = pseudonym(person_id, malform);
    let replacements: Vec<(&str, &str)> = [
        (person.name.as_str(), alias.as_str()),
        (person.email.as_str(), ""),
        (person.phone.as_str(), ""),
    ]
    .into_iter()
    .filter(|(secret, _)| secret.chars().count() >= 3 && *secret != alias)
    .collect();
    for (table, columns, rows) in text_columns() {
        let rows = if rows.is_empty() {
            String::new()
        } else {
            format!(" AND {rows}")
        };
        for column in columns {
            for (secret, with) in &replacements {
                conn.execute(
                    &format!(
                        "UPDATE {table} SET {column} = replace({column}, ?1, ?2) WHERE instr({column}, ?1) > 0{rows}"
                    ),
                    params![secret, with],
                )?;
            }
        }
    }
    conn.execute(
        "UPDATE person SET name = ?2, email = '', phone = '', gender = NULL, updated_at = ?3 WHERE id = ?1",
        params![person_id, alias, codec::instant(actor.at)],
    )?;
    let councils: Vec<String> = seats.iter().map(|m| m.council_id.clone()).collect();
    relay_voluntary_documents(conn, actor, &councils)?;
    audit::record(conn, actor, "person", person_id, "erased", None, Some(&alias))?;
    Ok(alias)
}

/// Lays out again, from the erased record, every PDF archived for the
/// voluntary councils among `council_ids` (the formal bodies' archive is
/// kept as it is). A draft stays a draft; the row keeps its id, name and
/// date, with the new bytes and checksums.
fn relay_voluntary_documents(conn: &Connection, actor: &Actor, council_ids: &[String]) -> Result<()> {
    for council_id in council_ids {
        let council = super::councils::get(conn, council_id)?;
        if council.legal_mode == LegalMode::Formal {
            continue;
        }
        let lang = crate::documents::document_lang(&council);
        let docs: Vec<(String, String, String, String, bool)> = {
            let mut stmt = conn.prepare(
                "SELECT d.id, d.kind, d.meeting_id, d.created_at, d.public FROM document d
                 JOIN meeting m ON m.id = d.meeting_id
                 WHERE m.council_id = ?1",
            )?;
            let rows = stmt.query_map([council_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // Each document laid out again as the version it is: a public version stays public.
        for (id, kind, meeting_id, created_at, public) in docs {
            let mut detail = super::meetings::labelled(conn, &meeting_id, lang)?;
            let rendered = if kind == "notice" {
                crate::documents::render(
                    DocumentKind::Notice,
                    public,
                    &detail,
                    documents::notice_secretary(conn, &detail)?.as_ref(),
                    actor.at,
                )
            } else {
                // Archived before approval: a draft, and laid out as one again.
                let approved_at = detail.meeting.approved.as_ref().map(|s| s.at.clone());
                if approved_at.is_none_or(|at| created_at < at) {
                    detail.meeting.status = MeetingStatus::Held;
                }
                crate::documents::render(DocumentKind::Minutes, public, &detail, None, actor.at)
            };
            replace_bytes(conn, "document", &id, &rendered)?;
        }
        let letters: Vec<(String, String)> = {
            let mut stmt = conn.prepare(
                "SELECT l.id, l.application_id FROM grant_letter l JOIN grant_application a ON a.id = l.application_id
                 JOIN grant_scheme s ON s.id = a.scheme_id WHERE s.council_id = ?1",
            )?;
            let rows = stmt.query_map([council_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, application_id) in letters {
            let facts = letters::letter_facts(conn, &application_id)?;
            replace_bytes(
                conn,
                "grant_letter",
                &id,
                &crate::letters::grant_letter(&facts, actor.at),
            )?;
        }
        let statements: Vec<(String, String)> = {
            let mut stmt = conn.prepare(
                "SELECT l.id, l.item_id FROM statement_letter l JOIN agenda_item i ON i.id = l.item_id
                 WHERE i.council_id = ?1",
            )?;
            let rows = stmt.query_map([council_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, item_id) in statements {
            let facts = super::statements::statement_facts(conn, &item_id)?;
            replace_bytes(
                conn,
                "statement_letter",
                &id,
                &crate::statements::statement_letter(&facts, actor.at),
            )?;
        }
        let reports: Vec<(String, i32)> = {
            let mut stmt = conn.prepare("SELECT id, year FROM annual_report WHERE council_id = ?1")?;
            let rows = stmt.query_map([council_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, year) in reports {
            let facts = super::annual_reports::report_facts(conn, council_id, year, actor.at.date_naive())?;
            replace_bytes(
                conn,
                "annual_report",
                &id,
                &crate::annual::annual_report(&facts, actor.at),
            )?;
        }
    }
    Ok(())
}

fn replace_bytes(conn: &Connection, table: &str, id: &str, rendered: &crate::documents::Rendered) -> Result<()> {
    conn.execute(
        &format!("UPDATE {table} SET bytes = ?2, sha256 = ?3, content_sha256 = ?4 WHERE id = ?1"),
        params![
            id,
            rendered.bytes,
            crate::pdf::sha256_hex(&rendered.bytes),
            rendered.content_sha256
        ],
    )?;
    Ok(())
}

/// Erases again, after an import, everyone erased here before whom the
/// package brought back under their own name.
pub(super) fn erase_again(conn: &Connection, actor: &Actor) -> Result<Vec<String>> {
    let back: Vec<(String, String)> = {
        let mut stmt = conn.prepare(
            "SELECT p.id, a.new FROM person p JOIN audit a ON a.entity = 'person' AND a.entity_id = p.id
             AND a.field = 'erased'",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default()))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut again = Vec::new();
    for (id, alias) in back {
        let person = people::get(conn, &id)?;
        if person.name != alias || !person.email.is_empty() || !person.phone.is_empty() {
            again.push(erase_unchecked(conn, actor, &id)?);
        }
    }
    Ok(again)
}

impl Store {
    /// Everything the file holds about one person, for an access request.
    pub fn person_export(&self, person_id: &str) -> Result<PersonExport> {
        export(&self.conn, person_id)
    }

    /// The file name an access request is offered under:
    /// `Innsyn Kari Nordmann 2026-12-01.json` (in `lang`).
    pub fn person_export_file_name(&self, person_id: &str, today: NaiveDate, lang: Lang) -> Result<String> {
        let person = export(&self.conn, person_id)?.person;
        let word = crate::i18n::t(lang, "file.access_request", &[]);
        Ok(crate::documents::safe_file_name(&format!(
            "{word} {} {}.json",
            person.name,
            today.format("%Y-%m-%d")
        )))
    }

    /// Writes everything the file holds about one person (an access request,
    /// GDPR art. 15) to `out` as JSON: written beside it and renamed, so a
    /// failed write leaves no half file; never over the store or its backups.
    /// Reads only, so a read-only file can answer an access request too.
    pub fn export_person_data(&self, person_id: &str, out: &Path) -> Result<PersonExport> {
        self.export_target(out)?;
        let export = export(&self.conn, person_id)?;
        let json = serde_json::to_vec_pretty(&export).map_err(|e| CoreError::Io(std::io::Error::other(e)))?;
        crate::pdf::write_atomically(out, &json)?;
        Ok(export)
    }

    /// Erases a former member (see [`erase`]), then makes sure the
    /// old values are gone from the file and its WAL too: freed space is
    /// zeroed (`secure_delete`), the file is rebuilt, the WAL truncated, and
    /// a fresh backup replaces the newest one. Returns the pseudonym.
    pub fn erase_person(&mut self, actor: &Actor, person_id: &str, today: NaiveDate) -> Result<String> {
        self.writable()?;
        self.conn.execute_batch("PRAGMA secure_delete = ON")?;
        // An erasure reaches the person's rows in councils kept elsewhere too.
        let alias = self.write(|tx| {
            let alias = home::unguarded(tx, || erase(tx, actor, person_id, today))?;
            home::erasure_is_not_local_work(tx)?;
            Ok(alias)
        })?;
        // The search index merges its segments, so no erased word stays behind in it.
        self.conn.execute_batch(
            "INSERT INTO search_fts (search_fts) VALUES ('optimize'); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
        )?;
        if self.path.is_some() {
            self.backup(backup::BackupKind::Manual, actor.at)?;
        }
        Ok(alias)
    }
}

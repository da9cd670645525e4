//! The minutes after the meeting: approval, which locks them, and
//! amendments to approved minutes, reported in the next ones.

use rusqlite::{params, Connection, Row};

use super::{audit, codec, councils, documents, items, meetings, new_id, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::rules::meetings as rules;

/// Held → approved, when nothing blocking is missing and the approval is valid.
pub fn approve(conn: &Connection, actor: &Actor, id: &str, approval: &Approval, lang: Lang) -> Result<()> {
    let detail = meetings::labelled(conn, id, lang)?;
    let meeting = &detail.meeting;
    rules::check_unlocked(meeting)?;
    let blocking: Vec<&Missing> = detail.missing.iter().filter(|m| m.blocking).collect();
    if !blocking.is_empty() {
        let list: Vec<&str> = blocking.iter().map(|m| m.message.as_str()).collect();
        return Err(CoreError::Conflict(
            FieldIssue::new("", "validation.minutes_incomplete")
                .with("count", blocking.len().to_string())
                .with("list", list.join(" ")),
        ));
    }
    rules::require_status(meeting, MeetingStatus::Held, "validation.held_needs_notice")?;
    match approval {
        Approval::Signatories { membership_ids } => {
            let mut ids = membership_ids.clone();
            ids.sort();
            ids.dedup();
            let all_present = ids.iter().all(|id| {
                detail
                    .attendance
                    .iter()
                    .any(|r| &r.membership_id == id && r.status == Some(AttendanceStatus::Present))
            });
            if ids.len() != 2 || !all_present {
                return Err(CoreError::invalid(FieldIssue::new(
                    "signatories",
                    "validation.signatories",
                )));
            }
            for (position, membership_id) in membership_ids.iter().enumerate() {
                conn.execute(
                    "INSERT INTO meeting_signatory (meeting_id, membership_id, position) VALUES (?1, ?2, ?3)",
                    params![id, membership_id, position as i64],
                )?;
            }
            conn.execute("UPDATE meeting SET approval_mode = 'signatories' WHERE id = ?1", [id])?;
            audit::record(
                conn,
                actor,
                "meeting",
                id,
                "signatories",
                None,
                Some(&membership_ids.join(",")),
            )?;
        }
        Approval::LaterMeeting { item_id } => {
            let approving = items::item(conn, item_id)?;
            let later = meetings::get(conn, &approving.meeting_id)?;
            let valid = later.council_id == meeting.council_id
                && later.date > meeting.date
                && !approving.decision.trim().is_empty();
            if !valid {
                return Err(CoreError::invalid(FieldIssue::new(
                    "itemId",
                    "validation.later_meeting_item",
                )));
            }
            conn.execute(
                "UPDATE meeting SET approval_mode = 'later_meeting', approved_in_item = ?2 WHERE id = ?1",
                [id, item_id],
            )?;
            audit::record(conn, actor, "meeting", id, "approvedInItem", None, Some(item_id))?;
        }
    }
    // The corrections to earlier minutes that these minutes report are now settled.
    for amendment in &detail.earlier_amendments {
        conn.execute(
            "UPDATE amendment SET reported_in = ?2 WHERE id = ?1",
            [&amendment.id, id],
        )?;
    }
    meetings::set_status(conn, actor, meeting, MeetingStatus::Approved, "approved")
}

/// Items with a decision in later meetings of the same council: each can
/// approve `meeting_id`'s minutes.
pub fn approval_candidates(conn: &Connection, meeting_id: &str) -> Result<Vec<ApprovalCandidate>> {
    let meeting = meetings::get(conn, meeting_id)?;
    let mut stmt = conn.prepare(
        "SELECT i.id, m.id, m.date, i.case_year, i.case_number, i.title
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
         WHERE m.council_id = ?1 AND m.date > ?2 AND i.withdrawn = 0 AND i.decision <> ''
         ORDER BY m.date, i.position",
    )?;
    let rows = stmt.query_map(params![meeting.council_id, codec::day(meeting.date)], |r| {
        Ok(ApprovalCandidate {
            item_id: r.get(0)?,
            meeting_id: r.get(1)?,
            meeting_date: codec::parse_day(2, &r.get::<_, String>(2)?)?,
            case_number: CaseNumber::of(r.get(3)?, r.get(4)?),
            title: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records a correction to approved minutes; it is reported in the next minutes.
pub fn add_amendment(conn: &Connection, actor: &Actor, meeting_id: &str, text: &str) -> Result<()> {
    let meeting = meetings::get(conn, meeting_id)?;
    if meeting.status != MeetingStatus::Approved {
        return Err(CoreError::Conflict(FieldIssue::new(
            "text",
            "validation.amendment_not_approved",
        )));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(CoreError::invalid(FieldIssue::new(
            "text",
            "validation.amendment_empty",
        )));
    }
    let id = new_id();
    conn.execute(
        "INSERT INTO amendment (id, meeting_id, text, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, meeting_id, text, codec::instant(actor.at), actor.name],
    )?;
    audit::record(conn, actor, "amendment", &id, "text", None, Some(text))
}

fn amendment_from_row(r: &Row) -> rusqlite::Result<Amendment> {
    Ok(Amendment {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        meeting_date: codec::parse_day(2, &r.get::<_, String>(2)?)?,
        text: r.get(3)?,
        recorded: Step {
            at: r.get(4)?,
            by: r.get(5)?,
        },
    })
}

const AMENDMENT_SELECT: &str = "SELECT a.id, a.meeting_id, m.date, a.text, a.recorded_at, a.recorded_by
     FROM amendment a JOIN meeting m ON m.id = a.meeting_id";

pub(super) fn amendments_where(conn: &Connection, condition: &str, params: &[&str]) -> Result<Vec<Amendment>> {
    let mut stmt = conn.prepare(&format!(
        "{AMENDMENT_SELECT} WHERE {condition} ORDER BY a.recorded_at, a.id"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), amendment_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Corrections to earlier minutes that `meeting`'s minutes report: those
/// already settled into them, or, while they are open, every unreported
/// correction to an earlier meeting of the council.
pub(super) fn earlier_amendments(conn: &Connection, meeting: &Meeting) -> Result<Vec<Amendment>> {
    if meeting.status == MeetingStatus::Approved {
        return amendments_where(conn, "a.reported_in = ?1", &[&meeting.id]);
    }
    amendments_where(
        conn,
        "a.reported_in IS NULL AND m.council_id = ?1 AND m.date < ?2 AND m.id <> ?3",
        &[&meeting.council_id, &codec::day(meeting.date), &meeting.id],
    )
}

impl Store {
    /// Held → approved, when the minutes are complete; the protocol is then
    /// locked, and its final PDF is laid out and archived in the same write.
    pub fn approve_minutes(&mut self, actor: &Actor, id: &str, approval: &Approval, lang: Lang) -> Result<Meeting> {
        self.write(|tx| {
            approve(tx, actor, id, approval, lang)?;
            documents::archive_final_minutes(tx, actor, id)?;
            meetings::get(tx, id)
        })
    }

    /// Held meetings whose minutes are not yet approved, of one council (or
    /// all) in `year`, oldest first: they wait, and never go out as final.
    pub fn minutes_waiting(&self, council_id: Option<&str>, year: i32) -> Result<Vec<MeetingSummary>> {
        let councils = match council_id {
            Some(id) => vec![councils::get(&self.conn, id)?],
            None => self.councils()?,
        };
        let mut waiting = Vec::new();
        for council in councils {
            let mut held: Vec<MeetingSummary> = meetings::of_council(&self.conn, &council.id)?
                .into_iter()
                .filter(|m| chrono::Datelike::year(&m.date) == year && m.status == MeetingStatus::Held)
                .collect();
            held.reverse();
            waiting.extend(held);
        }
        Ok(waiting)
    }

    /// Items of later meetings whose decision can approve this meeting's minutes.
    pub fn approval_candidates(&self, meeting_id: &str) -> Result<Vec<ApprovalCandidate>> {
        approval_candidates(&self.conn, meeting_id)
    }

    /// A correction to approved minutes, reported in the next minutes.
    pub fn add_amendment(&mut self, actor: &Actor, meeting_id: &str, text: &str) -> Result<()> {
        let text = crate::rules::validate::free_text("text", text)?;
        self.write(|tx| add_amendment(tx, actor, meeting_id, &text))
    }
}

//! Attendance: who was called, who came, and when they arrived and left by item.

use rusqlite::{params, Connection};

use super::{audit, codec, items, meetings, memberships, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::rules::meetings as rules;

/// Who was at the meeting for `item`: those who arrived later or left
/// earlier count as absent for it (`rules::attendance_for_item`).
pub(super) fn attendance_for(conn: &Connection, meeting: &Meeting, item: &AgendaItem) -> Result<Vec<AttendanceRow>> {
    let all = attendance(conn, meeting)?;
    let items = items::items_of(conn, &meeting.id)?;
    Ok(rules::attendance_for_item(&all, item.position, |id| {
        items.iter().find(|i| i.id == id).map(|i| i.position)
    }))
}

/// Records when a member present arrived and left, by agenda item.
pub fn set_span(conn: &Connection, actor: &Actor, meeting_id: &str, span: &AttendanceSpan) -> Result<()> {
    let meeting = meetings::get(conn, meeting_id)?;
    rules::check_unlocked(&meeting)?;
    let rows = attendance(conn, &meeting)?;
    let row = rows
        .iter()
        .find(|r| r.membership_id == span.membership_id && r.status == Some(AttendanceStatus::Present))
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("membershipId", "validation.span_not_present")))?;
    let items = items::items_of(conn, meeting_id)?;
    let position = |field: &'static str, id: &Option<String>| -> Result<Option<i32>> {
        match id {
            None => Ok(None),
            Some(id) => items
                .iter()
                .find(|i| &i.id == id)
                .map(|i| Some(i.position))
                .ok_or_else(|| CoreError::invalid(FieldIssue::new(field, "validation.span_item"))),
        }
    };
    rules::span(
        position("fromItem", &span.from_item)?,
        position("untilItem", &span.until_item)?,
    )?;
    conn.execute(
        "UPDATE attendance SET from_item = ?3, until_item = ?4 WHERE meeting_id = ?1 AND membership_id = ?2",
        params![meeting_id, span.membership_id, span.from_item, span.until_item],
    )?;
    for (field, old, new) in [
        ("from", &row.from_item, &span.from_item),
        ("until", &row.until_item, &span.until_item),
    ] {
        if old != new {
            audit::record(
                conn,
                actor,
                "meeting",
                meeting_id,
                &format!("attendance.{}.{field}", span.membership_id),
                old.as_deref(),
                new.as_deref(),
            )?;
        }
    }
    Ok(())
}

/// Records who chaired the meeting and who took the minutes.
pub fn set_roles(conn: &Connection, actor: &Actor, meeting_id: &str, input: &MeetingRoles) -> Result<()> {
    let meeting = meetings::get(conn, meeting_id)?;
    rules::check_unlocked(&meeting)?;
    let rows = attendance(conn, &meeting)?;
    let roles = rules::roles(input, &rows)?;
    conn.execute(
        "UPDATE meeting SET chair_id = ?2, minute_taker_id = ?3, minute_taker_name = ?4, updated_at = ?5 WHERE id = ?1",
        params![
            meeting_id,
            roles.chair_id,
            roles.minute_taker_id,
            roles.minute_taker_name,
            codec::instant(actor.at)
        ],
    )?;
    let old = MeetingRoles {
        chair_id: meeting.chair_id.clone(),
        minute_taker_id: meeting.minute_taker_id.clone(),
        minute_taker_name: meeting.minute_taker_name.clone(),
    };
    audit::record_diff(conn, actor, "meeting", meeting_id, Some(&old), &roles)
}

/// Every member who sits on the meeting date (and anyone with a recorded
/// attendance), with what was recorded for them.
pub fn attendance(conn: &Connection, meeting: &Meeting) -> Result<Vec<AttendanceRow>> {
    let members = memberships::of_council(conn, &meeting.council_id)?;
    type Recorded = (String, AttendanceStatus, Option<String>, Option<String>, Option<String>);
    let recorded: Vec<Recorded> = {
        let mut stmt = conn.prepare(
            "SELECT membership_id, status, substitute_for, from_item, until_item FROM attendance WHERE meeting_id = ?1",
        )?;
        let rows = stmt.query_map([&meeting.id], |r| {
            Ok((
                r.get(0)?,
                codec::parse(1, &r.get::<_, String>(1)?)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let name_of = |id: &str| members.iter().find(|m| m.id == id).map(|m| m.person.name.clone());
    let mut rows: Vec<AttendanceRow> = members
        .iter()
        .filter(|m| m.sits_on(meeting.date) || recorded.iter().any(|(id, ..)| *id == m.id))
        .map(|m| {
            let (status, substitute_for, from_item, until_item) = match recorded.iter().find(|(id, ..)| *id == m.id) {
                Some((_, status, sub, from, until)) => (Some(*status), sub.clone(), from.clone(), until.clone()),
                None => (None, None, None, None),
            };
            AttendanceRow {
                membership_id: m.id.clone(),
                person_name: m.person.name.clone(),
                category: m.category.clone(),
                role: m.role,
                status,
                substitute_for_name: substitute_for.as_deref().and_then(name_of),
                substitute_for,
                from_item,
                until_item,
                span: String::new(),
            }
        })
        .collect();
    let rank = super::profile::seat_rank(conn)?;
    rows.sort_by_key(|r| {
        (
            r.role == Role::Varamedlem,
            rank(&r.category),
            r.category.clone(),
            crate::rules::names::sort_key(&r.person_name),
        )
    });
    Ok(rows)
}

pub fn set_attendance(conn: &Connection, actor: &Actor, meeting_id: &str, input: &AttendanceInput) -> Result<()> {
    let meeting = meetings::get(conn, meeting_id)?;
    rules::check_unlocked(&meeting)?;
    let rows = attendance(conn, &meeting)?;
    let row = rows
        .iter()
        .find(|r| r.membership_id == input.membership_id)
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("membershipId", "validation.not_a_member_at_meeting")))?;
    let substitute_for = if input.status == AttendanceStatus::Present {
        input.substitute_for.clone()
    } else {
        None
    };
    if let Some(for_id) = &substitute_for {
        let target = rows.iter().find(|r| &r.membership_id == for_id);
        let valid = row.role == Role::Varamedlem
            && target.is_some_and(|t| t.role != Role::Varamedlem && t.membership_id != row.membership_id);
        if !valid {
            return Err(CoreError::invalid(FieldIssue::new(
                "substituteFor",
                "validation.substitute_invalid",
            )));
        }
    }
    conn.execute(
        "INSERT INTO attendance (meeting_id, membership_id, status, substitute_for) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (meeting_id, membership_id) DO UPDATE SET status = excluded.status,
            substitute_for = excluded.substitute_for",
        params![
            meeting_id,
            input.membership_id,
            codec::name(&input.status),
            substitute_for
        ],
    )?;
    let field = format!("attendance.{}", input.membership_id);
    let old = row.status.map(|s| codec::name(&s));
    audit::record(
        conn,
        actor,
        "meeting",
        meeting_id,
        &field,
        old.as_deref(),
        Some(&codec::name(&input.status)),
    )
}

impl Store {
    /// Records when a member present arrived and left, by agenda item
    /// ("møtte fra sak 05/26"); quorum per item counts only who was there.
    pub fn set_attendance_span(&mut self, actor: &Actor, meeting_id: &str, span: &AttendanceSpan) -> Result<()> {
        self.write(|tx| set_span(tx, actor, meeting_id, span))
    }

    pub fn set_attendance(&mut self, actor: &Actor, meeting_id: &str, input: &AttendanceInput) -> Result<()> {
        self.write(|tx| set_attendance(tx, actor, meeting_id, input))
    }
}

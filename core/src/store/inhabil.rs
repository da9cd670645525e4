//! A member inhabil for an agenda item, or for one decision inside it: the
//! one shape both keep — who, why, audited on the item or the decision — so
//! items.rs and decisions.rs share it. (The tables keep their first names,
//! `recusal` and `decision_recusal`, as does the audit's field,
//! `recusal.<membership>`, which logs already written carry.)

use rusqlite::{params, Connection, OptionalExtension};

use super::audit;
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{Actor, AttendanceRow, AttendanceStatus, InhabilAbout, InhabilMember};

/// Where an inhabilitet is kept: its table, the column naming what it is for,
/// and the entity the audit log records it on.
pub(super) struct Place {
    table: &'static str,
    key: &'static str,
    entity: &'static str,
}

pub(super) const ITEM: Place = Place {
    table: "recusal",
    key: "item_id",
    entity: "agenda_item",
};

pub(super) const DECISION: Place = Place {
    table: "decision_recusal",
    key: "decision_id",
    entity: "item_decision",
};

/// The members inhabil at `place` for `id`, named from the attendance, in
/// the Norwegian order of names.
pub(super) fn of(
    conn: &Connection,
    place: &Place,
    id: &str,
    attendance: &[AttendanceRow],
) -> Result<Vec<InhabilMember>> {
    let Place { table, key, .. } = place;
    let mut stmt = conn.prepare_cached(&format!("SELECT membership_id, reason FROM {table} WHERE {key} = ?1"))?;
    let rows = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut members = Vec::new();
    for row in rows {
        let (membership_id, reason) = row?;
        let person_name = attendance
            .iter()
            .find(|a| a.membership_id == membership_id)
            .map(|a| a.person_name.clone())
            .unwrap_or_default();
        members.push(InhabilMember {
            membership_id,
            person_name,
            reason,
            about: InhabilAbout::Own,
        });
    }
    members.sort_by(|a, b| crate::rules::names::compare(&a.person_name, &b.person_name));
    Ok(members)
}

/// The member who leaves: one called to the meeting and recorded as present.
pub(super) fn present<'a>(attendance: &'a [AttendanceRow], membership_id: &str) -> Result<&'a AttendanceRow> {
    let row = attendance
        .iter()
        .find(|r| r.membership_id == membership_id)
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("membershipId", "validation.not_a_member_at_meeting")))?;
    if row.status != Some(AttendanceStatus::Present) {
        return Err(CoreError::invalid(
            FieldIssue::new("membershipId", "validation.inhabil_not_present").with("name", row.person_name.clone()),
        ));
    }
    Ok(row)
}

/// Records a member inhabil at `place` for `id` with `reason` (or changes the
/// reason), audited.
pub(super) fn set(
    conn: &Connection,
    actor: &Actor,
    place: &Place,
    id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<()> {
    let Place { table, key, entity } = place;
    let old: Option<String> = conn
        .query_row(
            &format!("SELECT reason FROM {table} WHERE {key} = ?1 AND membership_id = ?2"),
            [id, membership_id],
            |r| r.get(0),
        )
        .optional()?;
    conn.execute(
        &format!(
            "INSERT INTO {table} ({key}, membership_id, reason) VALUES (?1, ?2, ?3)
             ON CONFLICT ({key}, membership_id) DO UPDATE SET reason = excluded.reason"
        ),
        params![id, membership_id, reason],
    )?;
    let field = format!("recusal.{membership_id}");
    audit::record(conn, actor, entity, id, &field, old.as_deref(), Some(reason))?;
    Ok(())
}

/// Takes a member's inhabilitet at `place` back, audited; nothing if there was none.
pub(super) fn remove(conn: &Connection, actor: &Actor, place: &Place, id: &str, membership_id: &str) -> Result<()> {
    let Place { table, key, entity } = place;
    let old: Option<String> = conn
        .query_row(
            &format!("DELETE FROM {table} WHERE {key} = ?1 AND membership_id = ?2 RETURNING reason"),
            [id, membership_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(old) = old {
        let field = format!("recusal.{membership_id}");
        audit::record(conn, actor, entity, id, &field, Some(&old), None)?;
    }
    Ok(())
}

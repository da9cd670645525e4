//! Duties confirmed by hand (evidence `manual` in the kommune profile): the
//! `duty_confirmation` table, one row per council, year and duty key, with
//! the day the duty was done and a note. Undoing deletes the row; the audit
//! log keeps both.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{audit, codec, new_id};
use crate::error::Result;
use crate::model::{Actor, DutyConfirmation, DutyKey, Step};

/// The confirmations of a year: per council, per duty key, the row's id and the confirmation.
pub(super) type Confirmations = HashMap<String, HashMap<String, (String, DutyConfirmation)>>;

/// The duties confirmed by hand in `year`, of one council or all.
pub(super) fn of_year(conn: &Connection, year: i32, council_id: Option<&str>) -> Result<Confirmations> {
    let mut stmt = conn.prepare_cached(
        "SELECT council_id, duty_key, id, done_on, note, confirmed_at, confirmed_by FROM duty_confirmation
         WHERE year = ?1 AND (?2 IS NULL OR council_id = ?2)",
    )?;
    let mut found: Confirmations = HashMap::new();
    for row in stmt.query_map(params![year, council_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            (
                r.get::<_, String>(2)?,
                DutyConfirmation {
                    date: codec::parse_day(3, &r.get::<_, String>(3)?)?,
                    note: r.get(4)?,
                    confirmed: Step {
                        at: r.get(5)?,
                        by: r.get(6)?,
                    },
                },
            ),
        ))
    })? {
        let (council, key, confirmation) = row?;
        found.entry(council).or_default().insert(key, confirmation);
    }
    Ok(found)
}

/// Records a duty confirmed by hand (already checked), or undoes it; the
/// audit log keeps both.
pub(super) fn put(
    conn: &Connection,
    actor: &Actor,
    council_id: &str,
    year: i32,
    key: &DutyKey,
    done: Option<(NaiveDate, &str)>,
) -> Result<()> {
    let old = of_year(conn, year, Some(council_id))?
        .remove(council_id)
        .and_then(|mut c| c.remove(key.as_str()));
    let old_day = old.as_ref().map(|(_, c)| codec::day(c.date));
    let old_note = old.as_ref().map(|(_, c)| c.note.clone());
    match done {
        Some((date, note)) => {
            let at = codec::instant(actor.at);
            let id = old.as_ref().map(|(id, _)| id.clone()).unwrap_or_else(new_id);
            conn.execute(
                "INSERT INTO duty_confirmation (id, council_id, year, duty_key, done_on, note, confirmed_at, confirmed_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (council_id, year, duty_key) DO UPDATE SET done_on = excluded.done_on,
                     note = excluded.note, confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by",
                params![id, council_id, year, key.as_str(), codec::day(date), note, at, actor.name],
            )?;
            let day = codec::day(date);
            if old_day.as_deref() != Some(day.as_str()) {
                audit::record(
                    conn,
                    actor,
                    "duty_confirmation",
                    &id,
                    "date",
                    old_day.as_deref(),
                    Some(&day),
                )?;
            }
            if old_note.as_deref() != Some(note) {
                audit::record(
                    conn,
                    actor,
                    "duty_confirmation",
                    &id,
                    "note",
                    old_note.as_deref(),
                    Some(note),
                )?;
            }
        }
        None => {
            if let Some((id, _)) = &old {
                conn.execute("DELETE FROM duty_confirmation WHERE id = ?1", [id])?;
                audit::record(conn, actor, "duty_confirmation", id, "date", old_day.as_deref(), None)?;
                audit::record(conn, actor, "duty_confirmation", id, "note", old_note.as_deref(), None)?;
            }
        }
    }
    Ok(())
}

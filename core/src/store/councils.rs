//! Queries of the `council` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::Store;
use super::{audit, codec, new_id};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::*;
use crate::rules;

const COLUMNS: &str = "id, name, kind, area, mandate, malform, legal_mode, contact_name, contact_email, \
     contact_phone";

/// The council's columns, then where it is kept when that is another file
/// (migration 10): the newest package of it read in here.
const SELECT: &str = "SELECT c.id, c.name, c.kind, c.area, c.mandate, c.malform, c.legal_mode, c.contact_name,
            c.contact_email, c.contact_phone, h.council_id IS NOT NULL, s.exported_by, s.file_name, s.exported_at
     FROM council c LEFT JOIN council_home h ON h.council_id = c.id
     LEFT JOIN package_snapshot s ON h.council_id IS NOT NULL AND s.sha256 = (
         SELECT sha256 FROM package_snapshot WHERE council_id = c.id AND direction = 'import'
         ORDER BY exported_at DESC LIMIT 1)";

fn from_row(r: &Row) -> rusqlite::Result<Council> {
    Ok(Council {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: codec::parse(2, &r.get::<_, String>(2)?)?,
        area: r.get(3)?,
        mandate: r.get(4)?,
        malform: codec::parse(5, &r.get::<_, String>(5)?)?,
        legal_mode: codec::parse(6, &r.get::<_, String>(6)?)?,
        contact_name: r.get(7)?,
        contact_email: r.get(8)?,
        contact_phone: r.get(9)?,
        // Filled from `council_seat` by `with_seats`.
        seat_plan: SeatPlan::default(),
        kept_elsewhere: if r.get(10)? {
            Some(KeptElsewhere {
                kept_by: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                file_name: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
                exported_at: r.get::<_, Option<String>>(13)?.and_then(|at| at.parse().ok()),
            })
        } else {
            None
        },
    })
}

/// The seat plans of the councils `selection` (a condition on `council_id`,
/// `?1` bound to `arg`) picks, by council.
fn seat_plans(conn: &Connection, selection: &str, arg: &str) -> Result<std::collections::HashMap<String, SeatPlan>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT council_id, category, seats FROM council_seat WHERE {selection}"
    ))?;
    let mut plans: std::collections::HashMap<String, SeatPlan> = std::collections::HashMap::new();
    let mut rows = stmt.query([arg])?;
    while let Some(r) = rows.next()? {
        plans
            .entry(r.get(0)?)
            .or_default()
            .set(SeatCategory::new(r.get::<_, String>(1)?), r.get(2)?);
    }
    Ok(plans)
}

pub fn get(conn: &Connection, id: &str) -> Result<Council> {
    let mut council = conn
        .query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity: "council",
            id: id.to_owned(),
        })?;
    council.seat_plan = seat_plans(conn, "council_id = ?1", id)?.remove(id).unwrap_or_default();
    Ok(council)
}

pub fn all(conn: &Connection) -> Result<Vec<Council>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY c.name COLLATE gb_norsk, c.id"))?;
    let rows = stmt.query_map([], from_row)?;
    let mut councils: Vec<Council> = rows.collect::<rusqlite::Result<_>>()?;
    let mut plans = seat_plans(conn, "?1 = ?1", "")?;
    for council in &mut councils {
        council.seat_plan = plans.remove(&council.id).unwrap_or_default();
    }
    Ok(councils)
}

/// Council names are unique, ignoring case, so a name finds one council.
/// Compared in Rust: SQLite's `lower()` folds only ASCII, and "Æ" must match "æ".
fn check_name_free(conn: &Connection, name: &str, except_id: Option<&str>) -> Result<()> {
    let wanted = name.to_lowercase();
    let taken = all(conn)?
        .into_iter()
        .any(|c| Some(c.id.as_str()) != except_id && c.name.to_lowercase() == wanted);
    if taken {
        return Err(CoreError::invalid(
            FieldIssue::new("name", "validation.council_name_taken").with("name", name),
        ));
    }
    Ok(())
}

/// Writes `input` (already validated) under `id`, inserting or updating.
fn write(conn: &Connection, actor: &Actor, id: &str, input: &CouncilInput, insert: bool) -> Result<()> {
    let at = codec::instant(actor.at);
    let values = params![
        id,
        input.name,
        codec::name(&input.kind),
        input.area,
        input.mandate,
        codec::name(&input.malform),
        codec::name(&input.legal_mode),
        input.contact_name,
        input.contact_email,
        input.contact_phone,
        at,
    ];
    let sql = if insert {
        format!("INSERT INTO council ({COLUMNS}, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)")
    } else {
        "UPDATE council SET name = ?2, kind = ?3, area = ?4, mandate = ?5, malform = ?6, legal_mode = ?7,
            contact_name = ?8, contact_email = ?9, contact_phone = ?10, updated_at = ?11
         WHERE id = ?1"
            .to_owned()
    };
    conn.execute(&sql, values)?;
    write_seats(conn, id, &input.seat_plan)
}

/// Replaces the council's seat plan: a row per category given seats. A
/// category with none has no row (the plan reads it as none).
fn write_seats(conn: &Connection, id: &str, plan: &SeatPlan) -> Result<()> {
    conn.execute("DELETE FROM council_seat WHERE council_id = ?1", [id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO council_seat (council_id, category, seats) VALUES (?1, ?2, ?3)")?;
    for (category, seats) in plan.entries().filter(|(_, n)| *n > 0) {
        insert.execute(params![id, category.key(), seats])?;
    }
    Ok(())
}

/// A plan's categories must be the profile's; an edit may keep the seats
/// of a category the profile has since removed.
fn check_categories(conn: &Connection, plan: &SeatPlan, before: Option<&SeatPlan>) -> Result<()> {
    let profile = super::profile::current(conn)?;
    let mut allowed: Vec<&str> = profile.seat_categories.iter().map(|c| c.key.as_str()).collect();
    if let Some(before) = before {
        allowed.extend(before.entries().filter(|(_, n)| *n > 0).map(|(c, _)| c.key()));
    }
    rules::validate::seat_plan_categories(plan, &allowed)
}

pub fn create(conn: &Connection, actor: &Actor, input: &CouncilInput) -> Result<Council> {
    check_name_free(conn, &input.name, None)?;
    check_categories(conn, &input.seat_plan, None)?;
    let id = new_id();
    write(conn, actor, &id, input, true)?;
    audit::record_diff(conn, actor, "council", &id, None, input)?;
    get(conn, &id)
}

pub fn update(conn: &Connection, actor: &Actor, id: &str, input: &CouncilInput) -> Result<Council> {
    let old = get(conn, id)?.input();
    check_name_free(conn, &input.name, Some(id))?;
    check_categories(conn, &input.seat_plan, Some(&old.seat_plan))?;
    if old != *input {
        write(conn, actor, id, input, false)?;
        audit::record_diff(conn, actor, "council", id, Some(&old), input)?;
    }
    get(conn, id)
}

impl Store {
    pub fn create_council(&mut self, actor: &Actor, input: &CouncilInput) -> Result<Council> {
        let input = crate::rules::validate::council(input)?;
        self.write(|tx| create(tx, actor, &input))
    }

    pub fn update_council(&mut self, actor: &Actor, id: &str, input: &CouncilInput) -> Result<Council> {
        let input = crate::rules::validate::council(input)?;
        self.write(|tx| update(tx, actor, id, &input))
    }

    pub fn council(&self, id: &str) -> Result<Council> {
        get(&self.conn, id)
    }

    /// All councils, by name.
    pub fn councils(&self) -> Result<Vec<Council>> {
        all(&self.conn)
    }

    /// Councils whose id is `query`, or whose name is `query` ignoring case,
    /// or else whose name contains it.
    pub fn find_councils(&self, query: &str) -> Result<Vec<Council>> {
        let query = query.trim();
        let all = self.councils()?;
        let exact: Vec<Council> = all
            .iter()
            .filter(|c| c.id == query || c.name.to_lowercase() == query.to_lowercase())
            .cloned()
            .collect();
        if !exact.is_empty() {
            return Ok(exact);
        }
        let needle = query.to_lowercase();
        Ok(all
            .into_iter()
            .filter(|c| c.name.to_lowercase().contains(&needle))
            .collect())
    }
}

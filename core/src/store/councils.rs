//! Queries of the `council` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, codec, new_id};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{Actor, Council, CouncilInput, KeptElsewhere, SeatPlan};

const COLUMNS: &str = "id, name, kind, area, mandate, malform, legal_mode, contact_name, contact_email, \
     contact_phone, seats_senior, seats_school, seats_sports, seats_business, seats_volunteer";

/// The council's columns, then where it is kept when that is another file
/// (migration 10): the newest package of it read in here.
const SELECT: &str = "SELECT c.id, c.name, c.kind, c.area, c.mandate, c.malform, c.legal_mode, c.contact_name,
            c.contact_email, c.contact_phone, c.seats_senior, c.seats_school, c.seats_sports,
            c.seats_business, c.seats_volunteer, h.council_id IS NOT NULL, s.exported_by, s.file_name, s.exported_at
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
        seat_plan: SeatPlan {
            senior: r.get(10)?,
            school: r.get(11)?,
            sports: r.get(12)?,
            business: r.get(13)?,
            volunteer: r.get(14)?,
        },
        kept_elsewhere: if r.get(15)? {
            Some(KeptElsewhere {
                kept_by: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
                file_name: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
                exported_at: r.get::<_, Option<String>>(18)?.and_then(|at| at.parse().ok()),
            })
        } else {
            None
        },
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Council> {
    conn.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity: "council",
            id: id.to_owned(),
        })
}

pub fn all(conn: &Connection) -> Result<Vec<Council>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY c.name COLLATE gb_norsk, c.id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
    let p = &input.seat_plan;
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
        p.senior,
        p.school,
        p.sports,
        p.business,
        p.volunteer,
        at,
    ];
    let sql = if insert {
        format!("INSERT INTO council ({COLUMNS}, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)")
    } else {
        "UPDATE council SET name = ?2, kind = ?3, area = ?4, mandate = ?5, malform = ?6, legal_mode = ?7,
            contact_name = ?8, contact_email = ?9, contact_phone = ?10, seats_senior = ?11, seats_school = ?12,
            seats_sports = ?13, seats_business = ?14, seats_volunteer = ?15, updated_at = ?16
         WHERE id = ?1"
            .to_owned()
    };
    conn.execute(&sql, values)?;
    Ok(())
}

pub fn create(conn: &Connection, actor: &Actor, input: &CouncilInput) -> Result<Council> {
    check_name_free(conn, &input.name, None)?;
    let id = new_id();
    write(conn, actor, &id, input, true)?;
    audit::record_diff(conn, actor, "council", &id, None, input)?;
    get(conn, &id)
}

pub fn update(conn: &Connection, actor: &Actor, id: &str, input: &CouncilInput) -> Result<Council> {
    let old = get(conn, id)?.input();
    check_name_free(conn, &input.name, Some(id))?;
    if old != *input {
        write(conn, actor, id, input, false)?;
        audit::record_diff(conn, actor, "council", id, Some(&old), input)?;
    }
    get(conn, id)
}

//! Queries of the `person` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, codec, new_id};
use crate::error::{CoreError, Result};
use crate::model::{Actor, Person, PersonInput};

pub const COLUMNS: &str = "person.id, person.name, person.email, person.phone, person.gender";

/// Reads a person from five columns starting at `at`, in the order of [`COLUMNS`].
pub fn from_row_at(r: &Row, at: usize) -> rusqlite::Result<Person> {
    let gender: Option<String> = r.get(at + 4)?;
    Ok(Person {
        id: r.get(at)?,
        name: r.get(at + 1)?,
        email: r.get(at + 2)?,
        phone: r.get(at + 3)?,
        gender: gender.map(|g| codec::parse(at + 4, &g)).transpose()?,
    })
}

fn input_of(p: &Person) -> PersonInput {
    PersonInput {
        name: p.name.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        gender: p.gender,
    }
}

pub fn get(conn: &Connection, id: &str) -> Result<Person> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM person WHERE id = ?1"), [id], |r| {
        from_row_at(r, 0)
    })
    .optional()?
    .ok_or_else(|| CoreError::NotFound {
        entity: "person",
        id: id.to_owned(),
    })
}

pub fn all(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM person ORDER BY name COLLATE NOCASE, id"
    ))?;
    let rows = stmt.query_map([], |r| from_row_at(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn create(conn: &Connection, actor: &Actor, input: &PersonInput) -> Result<Person> {
    let id = new_id();
    let at = codec::instant(actor.at);
    conn.execute(
        "INSERT INTO person (id, name, email, phone, gender, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, input.name, input.email, input.phone, input.gender.as_ref().map(codec::name), at],
    )?;
    audit::record_diff(conn, actor, "person", &id, None, input)?;
    get(conn, &id)
}

pub fn update(conn: &Connection, actor: &Actor, id: &str, input: &PersonInput) -> Result<Person> {
    let old = input_of(&get(conn, id)?);
    if old != *input {
        conn.execute(
            "UPDATE person SET name = ?2, email = ?3, phone = ?4, gender = ?5, updated_at = ?6 WHERE id = ?1",
            params![
                id,
                input.name,
                input.email,
                input.phone,
                input.gender.as_ref().map(codec::name),
                codec::instant(actor.at)
            ],
        )?;
        audit::record_diff(conn, actor, "person", id, Some(&old), input)?;
    }
    get(conn, id)
}

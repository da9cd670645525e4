//! Queries of the `person` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::Store;
use super::{audit, codec, new_id};
use crate::error::{CoreError, Result};
use crate::model::{Actor, PeopleFound, Person, PersonInput};

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
        "SELECT {COLUMNS} FROM person ORDER BY name COLLATE gb_norsk, id"
    ))?;
    let rows = stmt.query_map([], |r| from_row_at(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Registers `gb_fold(text)` on `conn`: the text in lower case by Unicode's
/// rules, so `ø` matches `Ø` (SQLite's own `lower` folds ASCII only) while
/// `æ`, `ø` and `å` stay letters of their own.
///
/// Also registers the collation `gb_norsk`: the Norwegian order of names
/// ([`crate::rules::names`]).
pub fn register_fold(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "gb_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|t| t.to_lowercase())),
    )?;
    conn.create_collation("gb_norsk", crate::rules::names::compare)
}

/// Up to `limit` people, by name, whose name or e-mail holds `query` (any
/// case); everyone, by name, for an empty query.
pub fn find(conn: &Connection, query: &str, limit: usize) -> Result<PeopleFound> {
    let needle = query.trim().to_lowercase();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM person
         WHERE ?1 = '' OR instr(gb_fold(person.name), ?1) > 0 OR instr(gb_fold(person.email), ?1) > 0
         ORDER BY person.name COLLATE gb_norsk, person.id LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![needle, limit as i64 + 1], |r| from_row_at(r, 0))?;
    let mut people = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let more = people.len() > limit;
    people.truncate(limit);
    Ok(PeopleFound { people, more })
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

impl Store {
    pub fn people(&self) -> Result<Vec<Person>> {
        all(&self.conn)
    }

    /// Up to `limit` people whose name or e-mail holds `query`, ignoring
    /// case (`ø` finds `Ø`), by name: the member form's search.
    pub fn find_people(&self, query: &str, limit: usize) -> Result<PeopleFound> {
        find(&self.conn, query, limit)
    }
}

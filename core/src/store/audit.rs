//! The audit log: one row per changed field of every write, with who and when.

use rusqlite::Connection;
use serde::Serialize;
use serde_json::{Map, Value};

use super::codec;
use super::Store;
use crate::error::Result;
use crate::model::{Actor, AuditEntry};

pub fn record(
    conn: &Connection,
    actor: &Actor,
    entity: &str,
    entity_id: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit (at, who, entity, entity_id, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![codec::instant(actor.at), actor.name, entity, entity_id, field, old, new],
    )?;
    Ok(())
}

/// Records every field that differs between `old` and `new` (`old` is `None`
/// for a new record). Both are serialised, and nested objects are flattened to
/// dotted names such as `seatPlan.volunteer`, so the log speaks the same field
/// names as the UI.
pub fn record_diff<T: Serialize>(
    conn: &Connection,
    actor: &Actor,
    entity: &str,
    entity_id: &str,
    old: Option<&T>,
    new: &T,
) -> Result<()> {
    let flatten_value = |v: &T| {
        let mut out = Vec::new();
        flatten("", &serde_json::to_value(v).expect("records serialise"), &mut out);
        out
    };
    let new_fields = flatten_value(new);
    let old_fields = old.map(flatten_value).unwrap_or_default();
    for (field, new_value) in &new_fields {
        let old_value = old_fields.iter().find(|(f, _)| f == field).and_then(|(_, v)| v.clone());
        if old.is_some() && old_value == *new_value {
            continue;
        }
        if old.is_none() && new_value.is_none() {
            continue;
        }
        record(
            conn,
            actor,
            entity,
            entity_id,
            field,
            old_value.as_deref(),
            new_value.as_deref(),
        )?;
    }
    Ok(())
}

fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Option<String>)>) {
    match value {
        Value::Object(map) => flatten_object(prefix, map, out),
        Value::Null => out.push((prefix.to_owned(), None)),
        Value::String(s) => out.push((prefix.to_owned(), Some(s.clone()))),
        other => out.push((prefix.to_owned(), Some(other.to_string()))),
    }
}

fn flatten_object(prefix: &str, map: &Map<String, Value>, out: &mut Vec<(String, Option<String>)>) {
    for (key, value) in map {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        flatten(&name, value, out);
    }
}

pub fn entries(conn: &Connection, entity_id: Option<&str>) -> Result<Vec<AuditEntry>> {
    const SELECT: &str = "SELECT at, who, entity, entity_id, field, old, new FROM audit";
    let (sql, params): (String, Vec<&str>) = match entity_id {
        Some(id) => (format!("{SELECT} WHERE entity_id = ?1 ORDER BY seq"), vec![id]),
        None => (format!("{SELECT} ORDER BY seq"), Vec::new()),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            who: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
            field: r.get(4)?,
            old: r.get(5)?,
            new: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The audit log, oldest first; only one record's entries if `entity_id` is given.
    pub fn audit_log(&self, entity_id: Option<&str>) -> Result<Vec<AuditEntry>> {
        entries(&self.conn, entity_id)
    }
}

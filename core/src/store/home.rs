//! One home per council: the installation a council read in from a package
//! is kept by, the fingerprint of its last package, the work done here since
//! (the question before replacing it), and the guard that refuses writes to
//! a council kept elsewhere.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use super::{councils, new_id, package, settings};
use crate::error::{CoreError, Result};
use crate::model::*;

/// The settings key of this file's installation id: the home a package names.
const INSTALLATION_ID: &str = "installation_id";

/// This file's installation id, made (and logged) at its first package.
pub(super) fn installation_id(conn: &Connection, actor: &Actor) -> Result<String> {
    let found: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [INSTALLATION_ID], |r| {
            r.get(0)
        })
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => {
            let id = new_id();
            settings::set(conn, actor, INSTALLATION_ID, &id)?;
            Ok(id)
        }
    }
}

/// The installation that keeps a council, when it is not this file ('' when unknown).
pub(super) fn home_elsewhere(conn: &Connection, council_id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT home_id FROM council_home WHERE council_id = ?1",
            [council_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every row of a council but its archive, each by its key and a short hash.
fn fingerprint(conn: &Connection, council_id: &str) -> Result<package::Fingerprint> {
    let mut out = package::Fingerprint::new();
    for (table, selection) in package::TABLES.iter().filter(|(t, _)| !package::ARCHIVES.contains(t)) {
        let columns = package::columns(conn, table)?;
        let mut key: Vec<&package::Column> = columns.iter().filter(|c| c.key > 0).collect();
        key.sort_by_key(|c| c.key);
        let rows = package::rows(conn, table, selection, council_id)?;
        let hashes = out.entry(table.to_string()).or_default();
        for row in &rows {
            let hash = crate::package::row_hash(row);
            let name = if key.is_empty() {
                hash.clone()
            } else {
                key.iter()
                    .map(|k| match row.iter().find(|(c, _)| *c == k.name).map(|(_, v)| v) {
                        Some(Value::Text(s)) => s.clone(),
                        Some(Value::Integer(n)) => n.to_string(),
                        _ => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            };
            hashes.insert(name, hash);
        }
    }
    Ok(out)
}

/// Keeps the council's fingerprint as of the package `sha256` written or read now.
pub(super) fn save_fingerprint(conn: &Connection, council_id: &str, sha256: &str) -> Result<()> {
    let text = serde_json::to_string(&fingerprint(conn, council_id)?).map_err(std::io::Error::other)?;
    conn.execute(
        "INSERT INTO snapshot_fingerprint (council_id, sha256, fingerprint) VALUES (?1, ?2, ?3)
         ON CONFLICT (council_id) DO UPDATE SET sha256 = excluded.sha256, fingerprint = excluded.fingerprint",
        params![council_id, sha256, text],
    )?;
    Ok(())
}

/// After an erasure: the councils kept elsewhere take the erased rows as
/// their snapshot, so their next package is not held up as if work done here
/// would be lost (an erasure is done again after every import, see
/// `privacy::erase_again`). Councils kept here are left alone: their changes
/// since the last package are real work.
pub(super) fn erasure_is_not_local_work(conn: &Connection) -> Result<()> {
    let kept_elsewhere: Vec<(String, String)> = {
        let mut stmt = conn.prepare(
            "SELECT f.council_id, f.sha256 FROM snapshot_fingerprint f
             JOIN council_home h ON h.council_id = f.council_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (council_id, sha256) in kept_elsewhere {
        save_fingerprint(conn, &council_id, &sha256)?;
    }
    Ok(())
}

/// What changed here in a council since its last package, table by table;
/// where no fingerprint was kept (a package read in before this version),
/// the audit log's entries since then for the council's rows.
pub(super) fn changes_since(conn: &Connection, council_id: &str) -> Result<(Vec<TableChanges>, usize)> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT fingerprint FROM snapshot_fingerprint WHERE council_id = ?1",
            [council_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(stored) = stored else {
        let logged: i64 = conn.query_row(
            "SELECT count(*) FROM audit WHERE at > (SELECT max(recorded_at) FROM package_snapshot WHERE council_id = ?1)
               AND field NOT IN ('packageImported', 'packageExported', 'snapshot')
               AND (entity_id = ?1
                    OR entity_id IN (SELECT id FROM membership WHERE council_id = ?1)
                    OR entity_id IN (SELECT id FROM meeting WHERE council_id = ?1)
                    OR entity_id IN (SELECT id FROM agenda_item WHERE council_id = ?1)
                    OR entity_id IN (SELECT id FROM grant_scheme WHERE council_id = ?1)
                    OR entity_id IN (SELECT a.id FROM grant_application a JOIN grant_scheme s ON s.id = a.scheme_id
                                     WHERE s.council_id = ?1))",
            [council_id],
            |r| r.get(0),
        )?;
        return Ok((Vec::new(), logged as usize));
    };
    let then: package::Fingerprint = serde_json::from_str(&stored).unwrap_or_default();
    let now = fingerprint(conn, council_id)?;
    let empty = BTreeMap::new();
    let mut changes = Vec::new();
    for (table, _) in package::TABLES.iter().filter(|(t, _)| !package::ARCHIVES.contains(t)) {
        let (before, after) = (then.get(*table).unwrap_or(&empty), now.get(*table).unwrap_or(&empty));
        let added = after.keys().filter(|k| !before.contains_key(*k)).count();
        let removed = before.keys().filter(|k| !after.contains_key(*k)).count();
        let changed = after
            .iter()
            .filter(|(k, hash)| before.get(*k).is_some_and(|old| old != *hash))
            .count();
        if added + removed + changed > 0 {
            changes.push(TableChanges {
                table: table.to_string(),
                added,
                changed,
                removed,
            });
        }
    }
    Ok((changes, 0))
}

/// Runs `f` with the guard of councils kept elsewhere lifted (migration 10):
/// for reading in a package, and for an erasure, which must reach every copy.
pub(super) fn unguarded<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    conn.execute("INSERT INTO package_import (active) VALUES (1)", [])?;
    let value = f()?;
    conn.execute("DELETE FROM package_import", [])?;
    Ok(value)
}

/// The error a write to a council kept elsewhere meets: the triggers of
/// migration 10 name the council (`kept_elsewhere:<id>`); the store names
/// where it is kept. Any other error is returned as it was.
pub(super) fn kept_elsewhere_error(conn: &Connection, err: CoreError) -> CoreError {
    let council_id = match &err {
        CoreError::Db(rusqlite::Error::SqliteFailure(_, Some(message))) => message.strip_prefix("kept_elsewhere:"),
        _ => None,
    };
    let Some(council_id) = council_id else {
        return err;
    };
    match councils::get(conn, council_id) {
        Ok(council) => CoreError::KeptElsewhere {
            kept: Box::new(council.kept_elsewhere.unwrap_or(KeptElsewhere {
                kept_by: String::new(),
                file_name: String::new(),
                exported_at: None,
            })),
            council: council.name,
        },
        Err(_) => err,
    }
}

//! Queries of the `settings` table: a few named values set by the user.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::audit;
use super::Store;
use crate::error::Result;
use crate::model::{Actor, Lang, Settings};

pub const USER_NAME: &str = "user_name";
pub const LANGUAGE: &str = "language";

fn value(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub fn get(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        user_name: value(conn, USER_NAME)?,
        language: value(conn, LANGUAGE)?
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default(),
    })
}

pub fn set(conn: &Connection, actor: &Actor, key: &str, new: &str) -> Result<()> {
    let old = value(conn, key)?;
    if old.as_deref() == Some(new) {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, new],
    )?;
    audit::record(conn, actor, "settings", key, key, old.as_deref(), Some(new))
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        get(&self.conn)
    }

    /// The person making changes: the name given at first start.
    pub fn actor(&self, at: DateTime<Utc>) -> Result<Actor> {
        let name = self.settings()?.user_name.unwrap_or_else(|| "grendebok".to_owned());
        Ok(Actor::new(name, at))
    }

    pub fn save_user_name(&mut self, name: &str, at: DateTime<Utc>) -> Result<Settings> {
        let name = crate::rules::validate::user_name(name)?;
        self.write(|tx| {
            let actor = Actor::new(name.clone(), at);
            set(tx, &actor, USER_NAME, &name)?;
            get(tx)
        })
    }

    pub fn save_language(&mut self, lang: Lang, at: DateTime<Utc>) -> Result<Settings> {
        let actor = self.actor(at)?;
        self.write(|tx| {
            set(tx, &actor, LANGUAGE, lang.code())?;
            get(tx)
        })
    }
}

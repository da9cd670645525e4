//! The whole-file check of a database opened with the check deferred
//! ([`super::Store::open_checking_later`]): `PRAGMA quick_check` reads every
//! page, which on a kommune's decades of minutes takes seconds. The app opens
//! on the cheap checks alone, shows its first screen, and runs this check on a
//! read-only connection of its own; no write is let through until the check
//! has found the file sound.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use rusqlite::Connection;

use super::guard;
use super::Store;
use crate::error::Result;
use crate::model::*;

#[derive(Debug, Clone)]
enum State {
    /// Nobody has started the check yet.
    Pending,
    /// A check is running (on a background thread or in a write that could not wait).
    Running,
    Sound,
    Damaged(String),
}

/// Whether the file has been found sound; shared by the store and its check.
#[derive(Debug, Clone)]
pub struct Gate {
    path: PathBuf,
    state: Arc<(Mutex<State>, Condvar)>,
}

/// The deferred check of one file. The first `run` checks; every other one,
/// on any thread, waits for that answer.
#[derive(Debug, Clone)]
pub struct IntegrityCheck {
    gate: Gate,
}

impl Gate {
    pub fn pending(path: &Path) -> Gate {
        Gate {
            path: path.to_owned(),
            state: Arc::new((Mutex::new(State::Pending), Condvar::new())),
        }
    }

    pub fn check(&self) -> IntegrityCheck {
        IntegrityCheck { gate: self.clone() }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Claims the check for this caller when nobody has started it.
    fn claim(&self) -> bool {
        let mut state = self.lock();
        if matches!(*state, State::Pending) {
            *state = State::Running;
            return true;
        }
        false
    }

    fn settle(&self, outcome: std::result::Result<(), String>) {
        *self.lock() = match outcome {
            Ok(()) => State::Sound,
            Err(detail) => State::Damaged(detail),
        };
        self.state.1.notify_all();
    }

    /// Ok once the file is found sound: runs `check` here when nobody has
    /// started the check, else waits for the one running. A damaged file
    /// refuses every write.
    fn sound_after(&self, check: impl FnOnce() -> std::result::Result<(), String>) -> Result<()> {
        if self.claim() {
            self.settle(check());
        }
        let mut state = self.lock();
        loop {
            match &*state {
                State::Sound => return Ok(()),
                State::Damaged(detail) => return Err(guard::corrupt(&self.path, detail)),
                State::Pending | State::Running => {
                    state = self.state.1.wait(state).unwrap_or_else(|p| p.into_inner());
                }
            }
        }
    }

    /// For a write: Ok once the file is found sound, checking it on the
    /// writer's own connection `conn` when nobody has started the check.
    pub fn wait_sound(&self, conn: &Connection) -> Result<()> {
        self.sound_after(|| quick_check(conn))
    }
}

impl IntegrityCheck {
    /// Runs the whole-file check on a read-only connection of its own, so
    /// readers are never held up, or waits for the check already running.
    /// Ok when the file is sound.
    pub fn run(&self) -> Result<()> {
        let path = self.gate.path.clone();
        self.gate.sound_after(|| {
            guard::open_read_only(&path, false)
                .map_err(|e| e.to_string())
                .and_then(|conn| quick_check(&conn))
        })
    }
}

fn quick_check(conn: &Connection) -> std::result::Result<(), String> {
    match conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)) {
        Ok(answer) if answer == "ok" => Ok(()),
        Ok(answer) => Err(answer),
        Err(e) => Err(e.to_string()),
    }
}

impl Store {
    /// `PRAGMA integrity_check` and the foreign keys: the file's part of the
    /// health report, without the councils' compositions ([`Store::health`]
    /// adds them in a language).
    pub fn file_health(&self) -> Result<HealthReport> {
        let integrity: Vec<String> = {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let foreign_key_violations: i32 = {
            let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
            let rows = stmt.query_map([], |_| Ok(()))?;
            rows.count() as i32
        };
        Ok(HealthReport {
            sound: integrity == ["ok"] && foreign_key_violations == 0,
            integrity,
            foreign_key_violations,
            schema_version: self.schema_version()? as i32,
            councils: Vec::new(),
        })
    }
}

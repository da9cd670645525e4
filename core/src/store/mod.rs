//! The SQLite store: the only place in Grendebok that speaks SQL.
//!
//! One file is the whole state of an installation. Every connection gets the
//! same pragmas (WAL, `synchronous=FULL`, foreign keys, a busy timeout); every
//! write is one immediate transaction that either commits whole or leaves
//! nothing behind, and records what it changed in the audit log.
//!
//! Each submodule holds the queries of one table as plain functions over a
//! `&Connection` (a transaction derefs to one), so several can be composed
//! into one transaction; `Store`'s methods are the public doors.

mod account;
mod alternatives;
mod annual_reports;
mod applications;
mod attendance;
mod audit;
pub mod backup;
mod batch;
mod codec;
mod councils;
mod decisions;
mod demo;
mod demo_grants;
mod demo_texts;
mod documents;
mod duties;
mod duty_confirmations;
mod generate;
mod guard;
mod handover;
mod home;
mod inhabil;
mod integrity;
mod items;
mod letters;
mod meetings;
mod memberships;
mod minutes;
mod package;
mod package_rows;
mod payouts;
mod people;
pub mod privacy;
mod profile;
pub mod review;
mod schemes;
mod scoring;
mod search;
mod settings;
mod statements;
mod stats;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use include_dir::{include_dir, Dir};
use rusqlite::{Connection, TransactionBehavior};
use rusqlite_migration::{MigrationDefinitionError, Migrations};

use crate::error::{CoreError, Result};
// What the test modules (`use super::*`) see.
#[cfg(test)]
use crate::model::*;

pub use demo::DemoSummary;
pub use generate::{GenerateSummary, ScaleSpec};
pub use guard::{lock_path, Damage, APPLICATION_ID};
pub use handover::KommuneExport;
pub use profile::{read_profile_file, ProfileChange};

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/../migrations");
static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::from_directory(&MIGRATIONS_DIR).expect("migrations/ holds numbered folders with up.sql")
});

/// The migrations compiled into this program, for `validate()` in tests.
pub fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// A page cache of 32 MiB (SQLite's default is 2 MiB): a coordinator's file of
/// many councils and decades stays in memory for the screens they use,
/// instead of being read again page by page.
const CACHE: &str = "PRAGMA cache_size = -32768";

pub struct Store {
    conn: Connection,
    /// The database file, or `None` in memory.
    path: Option<PathBuf>,
    /// Held while the store is open on a file: one writer per database.
    _lock: Option<guard::WriterLock>,
    /// Open read-only: every write is refused with `CoreError::ReadOnly`.
    read_only: bool,
    /// Opened with the whole-file check deferred: no write before it passes.
    gate: Option<integrity::Gate>,
}

pub use integrity::IntegrityCheck;

impl Store {
    /// Opens the database at `path`, creating it (and its folder) if missing,
    /// and brings its schema up to date. An existing file is first inspected
    /// read-only: a damaged, foreign or too new file is refused untouched.
    /// When the file or its folder cannot be written, the file is opened
    /// read-only instead ([`Store::open_read_only`]) and nothing is written.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_to(path, guard::Depth::Whole)
    }

    /// [`Store::open`] without reading every page first: the header, schema
    /// and length are checked, and the whole-file check is returned to run
    /// on a thread of its own while the first screen is read. No write is let
    /// through before that check has found the file sound (a write waits for
    /// it, or runs it); a damaged file then refuses every write. A file that
    /// must be migrated, or is not in WAL mode, is checked whole at once.
    pub fn open_checking_later(path: &Path) -> Result<(Store, Option<IntegrityCheck>)> {
        let store = Store::open_to(path, guard::Depth::Header)?;
        let check = store.integrity_check();
        Ok((store, check))
    }

    /// The whole-file check still owed by a store from
    /// [`Store::open_checking_later`] (`None` when checked at open).
    pub fn integrity_check(&self) -> Option<IntegrityCheck> {
        self.gate.as_ref().map(integrity::Gate::check)
    }

    fn open_to(path: &Path, depth: guard::Depth) -> Result<Store> {
        let folder = guard::folder_of(path);
        if let Err(e) = std::fs::create_dir_all(folder) {
            return Err(if guard::is_read_only_io(&e) {
                CoreError::ReadOnlyFolder {
                    path: folder.display().to_string(),
                }
            } else {
                e.into()
            });
        }
        let existed = std::fs::symlink_metadata(path).is_ok();
        if let guard::Access::ReadOnly { immutable } = guard::access(path) {
            if !existed {
                return Err(CoreError::ReadOnlyFolder {
                    path: folder.display().to_string(),
                });
            }
            return Store::open_read_only_as(path, immutable);
        }
        let lock = match guard::lock(path) {
            // The OS said writable, but the lock file cannot be made after all.
            Err(CoreError::Io(e)) if existed && guard::is_read_only_io(&e) => return Store::open_read_only(path),
            other => other?,
        };
        let existed = std::fs::symlink_metadata(path).is_ok();
        let mut depth = if existed && guard::in_wal_mode(path) {
            depth
        } else {
            guard::Depth::Whole
        };
        if existed {
            guard::inspect_to(path, known_version(), guard::readable_as_immutable(path), depth)?;
        }
        let conn = Connection::open(path)?;
        let version = if existed { user_version(&conn)? } else { 0 };
        if version > 0 && version < known_version() {
            if depth != guard::Depth::Whole {
                guard::inspect(path, known_version())?;
                depth = guard::Depth::Whole;
            }
            // The schema is about to change: keep a copy that is never rotated away.
            // The time only names the copy; no rule reads it.
            let now = chrono::Utc::now(); // clock-read-allowed: names the pre-migration backup
            backup::take(&conn, path, backup::BackupKind::PreMigration, now)?;
        }
        let mut store = Store::setup(conn, Some(lock))?;
        store.path = Some(path.to_owned());
        if depth == guard::Depth::Header {
            store.gate = Some(integrity::Gate::pending(path));
        }
        Ok(store)
    }

    /// Opens an existing database read-only: the file is never written to,
    /// no migration or backup is made, and every write is refused with
    /// `CoreError::ReadOnly`. The writer lock is taken if its file can be
    /// made. A file older than this program is refused (it cannot be brought
    /// up to date); one that is damaged or too new, as by [`Store::open`].
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::open_read_only_as(path, guard::readable_as_immutable(path))
    }

    fn open_read_only_as(path: &Path, immutable: bool) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(CoreError::NoDatabase(path.display().to_string()));
        }
        if !guard::folder_writable(path) && guard::wal_without_shm(path) {
            // Commits only in the WAL, and no `-shm` SQLite could read them through.
            return Err(CoreError::ReadOnlyWal {
                path: path.display().to_string(),
            });
        }
        let lock = guard::lock_if_possible(path)?;
        guard::inspect_with(path, known_version(), immutable)?;
        let conn = guard::open_read_only(path, immutable)?;
        let found = user_version(&conn)?;
        if found < known_version() {
            return Err(CoreError::ReadOnlyOutdated {
                path: path.display().to_string(),
                found,
                known: known_version(),
            });
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // query_only: should a write ever get past `writable`, SQLite refuses it too.
        conn.execute_batch(&format!("PRAGMA foreign_keys = ON; PRAGMA query_only = ON; {CACHE};"))?;
        conn.set_prepared_statement_cache_capacity(64);
        people::register_fold(&conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            _lock: lock,
            read_only: true,
            gate: None,
        })
    }

    /// Opens an existing database; refuses when there is no file at `path`.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(CoreError::NoDatabase(path.display().to_string()));
        }
        Store::open(path)
    }

    /// Opens an existing database for a command that only reads (a list, a
    /// search): like [`Store::open_existing`], but without reading every page
    /// first — the header, the schema and the file's length are checked, as
    /// the app does at start ([`Store::open_checking_later`]). On a
    /// coordinator's file that check takes seconds, the read milliseconds.
    /// Should a write come through this store after all, it runs the
    /// whole-file check first and is refused on a damaged file; a file that
    /// must be migrated is checked whole at once.
    pub fn open_existing_to_read(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(CoreError::NoDatabase(path.display().to_string()));
        }
        Store::open_to(path, guard::Depth::Header)
    }

    /// Creates a new, empty database; refuses to touch an existing file.
    pub fn create(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(CoreError::AlreadyExists(path.display().to_string()));
        }
        Store::open(path)
    }

    /// A private in-memory database with every migration applied, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, lock: Option<guard::WriterLock>) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // journal_mode answers with the mode it set, so it is read as a query.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch(&format!(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; {CACHE};"
        ))?;
        conn.set_prepared_statement_cache_capacity(64);
        people::register_fold(&conn)?;
        match MIGRATIONS.to_latest(&mut conn) {
            Err(rusqlite_migration::Error::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead)) => {
                return Err(CoreError::TooNew {
                    found: user_version(&conn)?,
                    known: known_version(),
                })
            }
            other => other?,
        }
        Ok(Store {
            conn,
            path: None,
            _lock: lock,
            read_only: false,
            gate: None,
        })
    }

    /// Whether the store is open read-only (the file or its folder cannot be written).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The first step of every door that writes: refused when open read-only.
    fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        match &self.gate {
            Some(gate) => gate.wait_sound(&self.conn),
            None => Ok(()),
        }
    }

    /// Runs `f` in one immediate transaction: all of it commits, or none of it.
    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.writable()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = match f(&tx) {
            Ok(value) => value,
            Err(e) => {
                drop(tx);
                // A council kept in another file: say where, not what SQLite said.
                return Err(home::kept_elsewhere_error(&self.conn, e));
            }
        };
        tx.commit()?;
        Ok(value)
    }

    /// Takes a backup now: a whole, checked copy beside the database.
    pub fn backup(&self, kind: backup::BackupKind, now: DateTime<Utc>) -> Result<backup::BackupInfo> {
        self.writable()?;
        let path = self
            .path
            .as_deref()
            .ok_or_else(|| CoreError::NoDatabase(":memory:".into()))?;
        backup::take(&self.conn, path, kind, now)
    }

    /// The file this store is open on (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        user_version(&self.conn)
    }

    /// Writes a rendered PDF beside `out` (a temporary file, flushed), archives
    /// it in one write with the name it is saved under and its SHA-256, and
    /// only then renames it over `out`. A failed export never leaves half a
    /// file, and a failed archive leaves whatever was at `out` as it was.
    fn save_and_archive<T>(
        &mut self,
        out: &Path,
        rendered: &crate::documents::Rendered,
        archive: impl FnOnce(&Connection, &str, &str) -> Result<T>,
    ) -> Result<T> {
        self.writable()?;
        self.export_target(out)?;
        let staged = crate::pdf::stage(out, &rendered.bytes)?;
        let sha256 = crate::pdf::sha256_hex(&rendered.bytes);
        let file_name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| rendered.file_name.clone());
        let archived = self.write(|tx| archive(tx, &file_name, &sha256))?;
        staged.put_in_place()?;
        Ok(archived)
    }

    /// Refuses an export aimed at the store itself: the database file (by any
    /// path), its `-wal`, `-shm`, `-journal` or lock, or its backups folder.
    pub(crate) fn export_target(&self, out: &Path) -> Result<()> {
        match &self.path {
            Some(db) if guard::is_part_of_store(db, out) => Err(CoreError::ExportOverStore {
                path: out.display().to_string(),
            }),
            _ => Ok(()),
        }
    }

    /// Lets SQLite copy the WAL into the file after any commit that leaves
    /// more than `pages` pages in it (its default is 1000). The crash test
    /// sets it low, so that kills land in checkpoints.
    pub fn set_wal_autocheckpoint(&self, pages: u32) -> Result<()> {
        let _pages: i64 = self
            .conn
            .query_row(&format!("PRAGMA wal_autocheckpoint = {pages}"), [], |r| r.get(0))?;
        Ok(())
    }

    /// Copies every committed page of the WAL into the file now (a passive
    /// checkpoint: it waits for no reader). For the crash test.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// The newest schema version this program knows.
pub fn known_version() -> i64 {
    MIGRATIONS_DIR.dirs().count() as i64
}

/// A new id: UUID v7, so ids sort by creation and survive moving between installations.
fn new_id() -> String {
    #[cfg(test)]
    if let Some(n) = FIXED_IDS.with(|next| next.replace(next.get().map(|n| n + 1))) {
        let counter: [u8; 10] = (n as u128).to_be_bytes()[6..].try_into().expect("ten bytes");
        return uuid::Builder::from_unix_timestamp_millis(1_790_000_000_000, &counter)
            .into_uuid()
            .to_string();
    }
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
thread_local! {
    /// Set (by the UI fixtures' writer): new ids on this thread are UUID v7 of
    /// one fixed moment numbered from this counter, the same on every run.
    pub(crate) static FIXED_IDS: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod schema_tests;

#[cfg(test)]
mod meeting_tests;

#[cfg(test)]
mod guard_tests;

#[cfg(test)]
mod read_only_tests;

#[cfg(test)]
mod backup_tests;

#[cfg(test)]
mod export_tests;

#[cfg(test)]
mod privacy_tests;

#[cfg(test)]
mod property_tests;

#[cfg(test)]
mod grant_tests;

#[cfg(test)]
mod decision_tests;

#[cfg(test)]
mod package_tests;

#[cfg(test)]
mod duty_tests;

#[cfg(test)]
mod progress_tests;

#[cfg(test)]
mod test_fixtures;

#[cfg(test)]
mod archive_tests;

#[cfg(test)]
mod reading_tests;

#[cfg(test)]
mod review_tests;

#[cfg(test)]
mod statement_tests;

#[cfg(test)]
mod profile_keys_tests;

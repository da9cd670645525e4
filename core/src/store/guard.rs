//! What happens before a database file is written to: it is inspected
//! read-only (is it a file, an SQLite database, Grendebok's, sound, not from a
//! newer Grendebok?), and the one-writer lock beside it is taken. A file that
//! fails any check is never written to.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{CoreError, Result};

/// Written into every Grendebok file's header (`PRAGMA application_id`): "GRBK".
pub const APPLICATION_ID: i64 = 0x4752_424B;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Why a file is not a Grendebok database that can be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// A folder, or something else that is not a plain file, is in its place.
    NotAFile,
    /// The file is empty.
    Empty,
    /// The file does not start like an SQLite database.
    NotSqlite,
    /// SQLite cannot read it, or `quick_check` finds damage.
    Corrupt,
    /// A sound SQLite database, but another program's.
    Foreign,
}

impl Damage {
    pub fn key(self) -> &'static str {
        match self {
            Damage::NotAFile => "damage.not_a_file",
            Damage::Empty => "damage.empty",
            Damage::NotSqlite => "damage.not_sqlite",
            Damage::Corrupt => "damage.corrupt",
            Damage::Foreign => "damage.foreign",
        }
    }
}

fn damaged(path: &Path, damage: Damage, detail: impl Into<String>) -> CoreError {
    CoreError::Damaged {
        path: path.display().to_string(),
        damage,
        detail: detail.into(),
    }
}

/// Inspects an existing file without writing to it. `known_version` is the
/// newest schema version this program knows.
pub fn inspect(path: &Path, known_version: i64) -> Result<()> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(damaged(path, Damage::NotAFile, ""));
    }
    if meta.len() == 0 {
        return Err(damaged(path, Damage::Empty, ""));
    }
    let mut header = [0u8; 16];
    let mut file = File::open(path)?;
    if file.read_exact(&mut header).is_err() || &header != SQLITE_MAGIC {
        return Err(damaged(path, Damage::NotSqlite, ""));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| damaged(path, Damage::Corrupt, e.to_string()))?;
    let read = |sql: &str| -> std::result::Result<i64, rusqlite::Error> { conn.query_row(sql, [], |r| r.get(0)) };
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| damaged(path, Damage::Corrupt, e.to_string()))?;
    if check != "ok" {
        return Err(damaged(path, Damage::Corrupt, check));
    }
    let corrupt = |e: rusqlite::Error| damaged(path, Damage::Corrupt, e.to_string());
    let application_id = read("PRAGMA application_id").map_err(corrupt)?;
    let version = read("PRAGMA user_version").map_err(corrupt)?;
    let tables = read("SELECT count(*) FROM sqlite_schema").map_err(corrupt)?;
    if application_id != APPLICATION_ID && !(application_id == 0 && version == 0 && tables == 0) {
        return Err(damaged(path, Damage::Foreign, ""));
    }
    if version > known_version {
        return Err(CoreError::TooNew {
            found: version,
            known: known_version,
        });
    }
    Ok(())
}

/// The one-writer lock: an OS lock on `<database>.lock`, which also names
/// who holds it. Released when dropped (and by the OS if the process dies).
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    db.with_file_name(name)
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

/// Takes the writer lock of the database at `db`, or says who holds it.
pub fn lock(db: &Path) -> Result<WriterLock> {
    let path = lock_path(db);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let mut lines = holder.lines();
            let pid = lines.next().unwrap_or("?").trim().to_owned();
            let host = lines.next().unwrap_or("?").trim().to_owned();
            return Err(CoreError::Locked {
                path: db.display().to_string(),
                pid,
                host,
            });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
    }
    file.set_len(0)?;
    file.rewind()?;
    writeln!(file, "{}\n{}", std::process::id(), host_name())?;
    file.sync_all()?;
    Ok(WriterLock { _file: file })
}

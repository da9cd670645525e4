//! What happens before a database file is written to: it is inspected
//! read-only (is it a file, an SQLite database, Grendebok's, sound, not from a
//! newer Grendebok?), and the one-writer lock beside it is taken. A file that
//! fails any check is never written to.
//!
//! Before any of that, [`access`] asks the OS (without writing) whether the
//! file and its folder can be written: if not, the store opens the file
//! read-only and writes nothing at all.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use crate::error::Damage;
use crate::error::{CoreError, Result};

/// Written into every Grendebok file's header (`PRAGMA application_id`): "GRBK".
pub const APPLICATION_ID: i64 = 0x4752_424B;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

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

/// The refusal of a file whose pages do not hold together (`quick_check` said `detail`).
pub fn corrupt(path: &Path, detail: &str) -> CoreError {
    damaged(path, Damage::Corrupt, detail)
}

fn damaged(path: &Path, damage: Damage, detail: impl Into<String>) -> CoreError {
    CoreError::Damaged {
        path: path.display().to_string(),
        damage,
        detail: detail.into(),
    }
}

/// How a database file can be opened, as far as this user and the file system allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The file (if there is one) and its folder can be written.
    ReadWrite,
    /// The file or its folder cannot be written: open read-only, write nothing.
    /// `immutable` when the file alone is the whole database (no WAL content
    /// or rollback journal beside it): SQLite is then told the file will not
    /// change (the `immutable=1` URI parameter), so it reads the file alone
    /// and creates no `-wal`/`-shm` beside it — which a read-only folder could
    /// not hold, and which in a writable folder would be left behind with
    /// this user's permissions.
    ReadOnly { immutable: bool },
}

/// Whether this process may write `path` (a file or a folder), asked without
/// writing: permission bits, ACLs and a read-only mount all count.
#[cfg(unix)]
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call;
    // access(2) only reads it.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// The folder a database file lies in.
pub fn folder_of(db: &Path) -> &Path {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `<db><suffix>`, e.g. the `-wal` beside a database.
pub fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    db.with_file_name(name)
}

/// Whether files can be made in the folder of the database at `db`, asked without writing.
pub fn folder_writable(db: &Path) -> bool {
    writable(folder_of(db))
}

/// Whether the database at `db` (existing or not) can be written, asked without writing.
pub fn access(db: &Path) -> Access {
    let file_ok = std::fs::symlink_metadata(db).is_err() || writable(db);
    let folder_ok = folder_writable(db);
    if file_ok && folder_ok {
        return Access::ReadWrite;
    }
    Access::ReadOnly {
        immutable: readable_as_immutable(db),
    }
}

/// Whether the file alone is the whole database, so SQLite may read it as
/// immutable: false when a `-wal` with content lies beside it (its commits
/// must be read) or a rollback `-journal` (a transaction to roll back).
pub fn readable_as_immutable(db: &Path) -> bool {
    !wal_has_content(db) && std::fs::symlink_metadata(beside(db, "-journal")).is_err()
}

/// A `-wal` with content lies beside the file: commits SQLite reads with it.
pub fn wal_has_content(db: &Path) -> bool {
    std::fs::metadata(beside(db, "-wal")).is_ok_and(|m| m.len() > 0)
}

/// Commits lie in a `-wal` beside the file, but no `-shm` through which a
/// read-only connection could read them: SQLite would have to create one.
pub fn wal_without_shm(db: &Path) -> bool {
    wal_has_content(db) && std::fs::symlink_metadata(beside(db, "-shm")).is_err()
}

/// Percent-encodes what SQLite's URI parser would otherwise read as syntax.
fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len() + 8);
    if !text.starts_with('/') && text.as_bytes().get(1) == Some(&b':') {
        out.push('/'); // C:/… on Windows becomes /C:/…
    }
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            _ => out.push(c),
        }
    }
    out
}

/// A read-only connection to the file at `path`; with `immutable`, through
/// `file:…?immutable=1`, so SQLite creates no `-wal`, `-shm` or lock of its own.
pub fn open_read_only(path: &Path, immutable: bool) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if immutable {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
    } else {
        Connection::open_with_flags(path, flags)
    }
}

/// Inspects an existing file without writing to it. `known_version` is the
/// newest schema version this program knows. When the file alone is the
/// whole database ([`readable_as_immutable`]) it is read as immutable, so the
/// inspection creates no `-wal`/`-shm` either (on a full disk SQLite could
/// not make its `-shm`, and a sound file would look damaged).
pub fn inspect(path: &Path, known_version: i64) -> Result<()> {
    inspect_with(path, known_version, readable_as_immutable(path))
}

/// How much of the file [`inspect`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Every page (`PRAGMA quick_check`): seconds on a large file.
    Whole,
    /// The header, the schema and the file's length only; the whole-file
    /// check is left to [`super::integrity::IntegrityCheck`] before any write.
    /// A file shorter than its header says, with WAL content beside it, is
    /// read whole all the same (see [`inspect_to`]).
    Header,
}

/// [`inspect`], reading through `file:…?immutable=1` when `immutable` (see
/// [`Access::ReadOnly`]).
pub fn inspect_with(path: &Path, known_version: i64, immutable: bool) -> Result<()> {
    inspect_to(path, known_version, immutable, Depth::Whole)
}

/// [`inspect_with`], reading the whole file or only its header ([`Depth`]).
pub fn inspect_to(path: &Path, known_version: i64, immutable: bool, depth: Depth) -> Result<()> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(damaged(path, Damage::NotAFile, ""));
    }
    if meta.len() == 0 {
        return Err(damaged(path, Damage::Empty, ""));
    }
    let mut header = [0u8; 100];
    let mut file = File::open(path)?;
    if file.read_exact(&mut header).is_err() || &header[..16] != SQLITE_MAGIC {
        return Err(damaged(path, Damage::NotSqlite, ""));
    }
    let mut depth = depth;
    if let Some(expected) = size_in_header(&header) {
        if meta.len() < expected {
            if immutable || !wal_has_content(path) {
                return Err(damaged(
                    path,
                    Damage::Corrupt,
                    format!("{} of {expected} bytes", meta.len()),
                ));
            }
            // A checkpoint interrupted by a crash: it copies pages from the
            // WAL into the file in page order, so page 1 (with the new page
            // count) can be written before the pages at the end. SQLite reads
            // those pages from the WAL, which still holds them. Whether it
            // does, only SQLite can tell: every page is read through the WAL.
            depth = Depth::Whole;
        }
    }
    let conn = open_read_only(path, immutable).map_err(|e| damaged(path, Damage::Corrupt, e.to_string()))?;
    let read = |sql: &str| -> std::result::Result<i64, rusqlite::Error> { conn.query_row(sql, [], |r| r.get(0)) };
    if depth == Depth::Whole {
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| damaged(path, Damage::Corrupt, e.to_string()))?;
        if check != "ok" {
            return Err(damaged(path, Damage::Corrupt, check));
        }
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

/// Whether the file's header says it is in WAL mode (bytes 18 and 19 are 2),
/// so opening it for writing changes nothing in it until a write.
pub fn in_wal_mode(path: &Path) -> bool {
    let mut header = [0u8; 20];
    File::open(path).and_then(|mut f| f.read_exact(&mut header)).is_ok() && header[18] == 2 && header[19] == 2
}

/// The file's length by its header (page size × page count), when the header
/// vouches for its page count (the count is valid only when written by the
/// same change as the version-valid-for number).
fn size_in_header(header: &[u8; 100]) -> Option<u64> {
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    (be32(24) == be32(92) && be32(28) > 0).then(|| page_size * u64::from(be32(28)))
}

/// The one-writer lock: an OS lock on `<database>.lock`, which also names
/// who holds it. Released when dropped (and by the OS if the process dies).
/// A read-only store that cannot write the lock file holds a shared lock on
/// it instead (see [`lock_if_possible`]).
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

/// The lock file of the database at `db`: beside the file `db` names after
/// every symbolic link is followed, so two paths to one file share one lock.
pub fn lock_path(db: &Path) -> PathBuf {
    beside(&canonical(db), ".lock")
}

/// `path` with every symbolic link followed and made absolute: the file's
/// own path when it exists, else its folder's followed and its name joined.
/// As given when not even its folder can be found.
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    match (std::fs::canonicalize(folder_of(path)), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_owned(),
    }
}

/// Whether writing an export to `target` would write over the database at
/// `db`: the file itself (by any path, a hard link included), its `-wal`,
/// `-shm`, `-journal` or lock, or anything in its backups folder.
pub fn is_part_of_store(db: &Path, target: &Path) -> bool {
    let real_db = canonical(db);
    let real_target = canonical(target);
    let beside_db = ["", "-wal", "-shm", "-journal", ".lock"]
        .iter()
        .any(|suffix| beside(&real_db, suffix) == real_target || beside(db, suffix) == target);
    let in_backups = [super::backup::backup_dir(db), super::backup::backup_dir(&real_db)]
        .iter()
        .any(|dir| real_target.starts_with(canonical(dir)) || target.starts_with(dir));
    beside_db || in_backups || same_file(db, target)
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// Whether an I/O error means "this may not be written" (permissions or a read-only mount).
pub fn is_read_only_io(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// For a read-only store: the writer lock if its file can be made or
/// written; else, if the lock file is there to read, a shared lock on it, so
/// no Grendebok starts writing while this one reads; else none. Another
/// Grendebok holding the writer lock refuses the open either way.
pub fn lock_if_possible(db: &Path) -> Result<Option<WriterLock>> {
    match lock(db) {
        Ok(lock) => Ok(Some(lock)),
        Err(CoreError::Io(e)) if is_read_only_io(&e) => {
            let Ok(mut file) = File::open(lock_path(db)) else {
                return Ok(None);
            };
            match file.try_lock_shared() {
                Ok(()) => Ok(Some(WriterLock { _file: file })),
                Err(std::fs::TryLockError::WouldBlock) => Err(held_by(db, &mut file)),
                Err(std::fs::TryLockError::Error(_)) => Ok(None),
            }
        }
        Err(e) => Err(e),
    }
}

/// The refusal naming who holds the writer lock, as its file says.
fn held_by(db: &Path, lock_file: &mut File) -> CoreError {
    let mut holder = String::new();
    let _ = lock_file.read_to_string(&mut holder);
    let mut lines = holder.lines();
    let pid = lines.next().unwrap_or("?").trim().to_owned();
    let host = lines.next().unwrap_or("?").trim().to_owned();
    CoreError::Locked {
        path: db.display().to_string(),
        pid,
        host,
    }
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
        Err(std::fs::TryLockError::WouldBlock) => return Err(held_by(db, &mut file)),
        Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
    }
    file.set_len(0)?;
    file.rewind()?;
    writeln!(file, "{}\n{}", std::process::id(), host_name())?;
    file.sync_all()?;
    Ok(WriterLock { _file: file })
}

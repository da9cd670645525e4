//! Backups: online copies of the database made with SQLite's online backup
//! API (page by page, so a long copy reports its progress and can be
//! cancelled) into a temporary file, fsynced, checked with
//! `integrity_check`, then renamed — so
//! a backup either exists whole and sound, or not at all. They live in a
//! folder beside the database and are rotated: 7 daily and 4 weekly automatic
//! ones, the 10 newest manual ones, and every one taken before a migration.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::backup::StepResult;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::guard;
use crate::error::{CoreError, FieldIssue, Result};
use crate::progress::{check, NoProgress, Progress};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Taken at start and daily while the app runs.
    Auto,
    /// Asked for by the user.
    Manual,
    /// Taken before the schema is migrated; never rotated away.
    PreMigration,
}

impl BackupKind {
    fn tag(self) -> &'static str {
        match self {
            BackupKind::Auto => "auto",
            BackupKind::Manual => "manual",
            BackupKind::PreMigration => "premigration",
        }
    }

    fn from_tag(tag: &str) -> Option<BackupKind> {
        [BackupKind::Auto, BackupKind::Manual, BackupKind::PreMigration]
            .into_iter()
            .find(|k| k.tag() == tag)
    }
}

/// A backup file, as the list in the UI and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file_name: String,
    pub path: String,
    pub kind: BackupKind,
    /// When it was taken, RFC 3339 UTC.
    pub taken_at: String,
    pub size: i64,
}

/// `<folder>/<database stem>-backups/`.
pub fn backup_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "grendebok".into());
    db.with_file_name(format!("{stem}-backups"))
}

/// In file names: sorts by time, to the millisecond.
const STAMP: &str = "%Y%m%d-%H%M%S%.3f";

fn parse_name(name: &str) -> Option<(NaiveDateTime, BackupKind)> {
    let rest = name.strip_prefix("backup-")?.strip_suffix(".sqlite3")?;
    let (stamp, tag) = rest.rsplit_once('-')?;
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some((taken, BackupKind::from_tag(tag)?))
}

/// Every backup of the database at `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backup_dir(db);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken, kind)) = parse_name(&name) else {
            continue;
        };
        found.push(BackupInfo {
            path: entry.path().display().to_string(),
            file_name: name,
            kind,
            taken_at: taken.and_utc().to_rfc3339(),
            size: entry.metadata()?.len() as i64,
        });
    }
    // The names start with the time they were taken, so they sort by it.
    found.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(found)
}

fn sync_dir(dir: &Path) {
    // Makes the rename durable; not every platform can open a folder.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A temporary copy untouched for this long was left by a backup that never
/// finished (the app closed, the machine died): it is removed.
const STALE_COPY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes the temporary copies (and their journals) of backups that never
/// finished, so a laptop that is often shut down mid-backup does not fill up.
fn remove_stale_copies(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let temporary = name.starts_with(".backup-") && (name.ends_with(".tmp") || name.ends_with(".tmp-journal"));
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE_COPY);
        if temporary && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Pages copied per step of a backup someone watches: 1 MiB at SQLite's
/// default page size. A backup no one watches is copied in one step (-1),
/// under one read transaction: a commit from another connection between two
/// steps would make SQLite start the copy over.
const PAGES_PER_STEP: std::ffi::c_int = 256;

/// Copies `conn` into a new file `tmp`, `pages` at a time, reporting them.
fn copy_pages(conn: &Connection, tmp: &Path, pages: std::ffi::c_int, progress: &dyn Progress) -> Result<()> {
    let mut copy = Connection::open(tmp)?;
    {
        let online = rusqlite::backup::Backup::new(conn, &mut copy)?;
        loop {
            check(progress)?;
            let step = online.step(pages)?;
            let at = online.progress();
            let total = at.pagecount.max(0) as u64;
            progress.step(total.saturating_sub(at.remaining.max(0) as u64), total, "");
            match step {
                StepResult::Done => break,
                StepResult::More => {}
                // The store is writing: try again in a moment (the copy restarts if it changed).
                _ => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
    }
    // The copy is a file of its own: no WAL beside it.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    drop(copy);
    Ok(())
}

/// Copies the open database `conn` (of the file `db`) into a new backup.
pub fn take(conn: &Connection, db: &Path, kind: BackupKind, now: DateTime<Utc>) -> Result<BackupInfo> {
    copy_checked(conn, db, kind, now, -1, &NoProgress)
}

fn remove_copy(tmp: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
    }
}

/// [`take`], reporting the pages copied. Cancelled, the partial copy is
/// removed and no backup is added.
pub fn take_with_progress(
    conn: &Connection,
    db: &Path,
    kind: BackupKind,
    now: DateTime<Utc>,
    progress: &dyn Progress,
) -> Result<BackupInfo> {
    copy_checked(conn, db, kind, now, PAGES_PER_STEP, progress)
}

fn copy_checked(
    conn: &Connection,
    db: &Path,
    kind: BackupKind,
    now: DateTime<Utc>,
    pages: std::ffi::c_int,
    progress: &dyn Progress,
) -> Result<BackupInfo> {
    let dir = backup_dir(db);
    std::fs::create_dir_all(&dir)?;
    remove_stale_copies(&dir);
    let name = format!("backup-{}-{}.sqlite3", now.format(STAMP), kind.tag());
    let tmp = dir.join(format!(".{name}.tmp"));
    remove_copy(&tmp);
    let result = (|| -> Result<()> {
        copy_pages(conn, &tmp, pages, progress)?;
        std::fs::File::open(&tmp)?.sync_all()?;
        let copy = Connection::open_with_flags(&tmp, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let integrity: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            return Err(CoreError::Damaged {
                path: tmp.display().to_string(),
                damage: guard::Damage::Corrupt,
                detail: integrity,
            });
        }
        drop(copy);
        check(progress)?;
        std::fs::rename(&tmp, dir.join(&name))?;
        sync_dir(&dir);
        Ok(())
    })();
    if let Err(e) = result {
        remove_copy(&tmp);
        return Err(e);
    }
    rotate(db)?;
    list(db)?
        .into_iter()
        .find(|b| b.file_name == name)
        .ok_or_else(|| CoreError::NoDatabase(dir.join(&name).display().to_string()))
}

impl super::Store {
    /// [`super::Store::backup`], reporting the pages copied; cancelled, no
    /// backup is added and no partial copy is left.
    pub fn backup_with_progress(
        &self,
        kind: BackupKind,
        now: DateTime<Utc>,
        progress: &dyn Progress,
    ) -> Result<BackupInfo> {
        self.writable()?;
        let path = self
            .path
            .as_deref()
            .ok_or_else(|| CoreError::NoDatabase(":memory:".into()))?;
        take_with_progress(&self.conn, path, kind, now, progress)
    }
}

/// Takes a backup of the file `db` through a read-only connection of its
/// own, so the open store stays free for the person while the copy is made
/// and checked: WAL lets this reader see one whole committed state while the
/// store goes on writing. The app's automatic backups go this way.
pub fn take_beside(db: &Path, kind: BackupKind, now: DateTime<Utc>) -> Result<BackupInfo> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    take(&conn, db, kind, now)
}

/// Keeps every pre-migration backup, the 10 newest manual ones, and of the
/// automatic ones the newest of each of the 7 newest days plus the newest of
/// each of the 4 newest weeks before those.
pub fn rotate(db: &Path) -> Result<()> {
    let all = list(db)?;
    let mut keep: Vec<&str> = Vec::new();
    keep.extend(
        all.iter()
            .filter(|b| b.kind == BackupKind::PreMigration)
            .map(|b| b.file_name.as_str()),
    );
    keep.extend(
        all.iter()
            .filter(|b| b.kind == BackupKind::Manual)
            .take(10)
            .map(|b| b.file_name.as_str()),
    );
    let auto: Vec<&BackupInfo> = all.iter().filter(|b| b.kind == BackupKind::Auto).collect();
    let day = |b: &BackupInfo| b.taken_at[..10].to_owned();
    let week = |b: &BackupInfo| {
        let date = chrono::NaiveDate::parse_from_str(&b.taken_at[..10], "%Y-%m-%d").unwrap_or_default();
        (date.iso_week().year(), date.iso_week().week())
    };
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for b in auto {
        let d = day(b);
        if days.len() < 7 {
            if !days.contains(&d) {
                days.push(d);
                keep.push(&b.file_name);
            }
            continue;
        }
        if days.contains(&d) {
            continue;
        }
        let w = week(b);
        if weeks.len() < 4 && !weeks.contains(&w) {
            weeks.push(w);
            keep.push(&b.file_name);
        }
    }
    for b in &all {
        if !keep.contains(&b.file_name.as_str()) {
            std::fs::remove_file(&b.path)?;
        }
    }
    Ok(())
}

/// Replaces the database at `db` with the backup named `file_name` (a name
/// from [`list`], never a path). The current file is kept beside it, renamed
/// `*.corrupt-<time>` if it fails inspection or `*.replaced-<time>` if not;
/// nothing is deleted. Takes the writer lock, so no one has the file open.
pub fn restore(db: &Path, file_name: &str, known_version: i64, now: DateTime<Utc>) -> Result<BackupInfo> {
    let chosen = list(db)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("fileName", "validation.backup_unknown")))?;
    let source = PathBuf::from(&chosen.path);
    guard::inspect(&source, known_version)?;
    if !guard::folder_writable(db) {
        // Nothing can be renamed or copied there: say so before touching anything.
        return Err(CoreError::ReadOnlyFolder {
            path: guard::folder_of(db).display().to_string(),
        });
    }
    let _lock = guard::lock(db)?;
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    if std::fs::symlink_metadata(db).is_ok() {
        let label = if guard::inspect(db, known_version).is_ok() {
            "replaced"
        } else {
            "corrupt"
        };
        for suffix in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{suffix}", db.display()));
            if from.exists() {
                std::fs::rename(&from, format!("{}.{label}-{stamp}{suffix}", db.display()))?;
            }
        }
    }
    let tmp = db.with_file_name(format!(".restore-{stamp}.tmp"));
    std::fs::copy(&source, &tmp)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, db)?;
    if let Some(dir) = db.parent() {
        sync_dir(dir);
    }
    Ok(chosen)
}

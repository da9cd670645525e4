//! Backups: online copies of the database made with SQLite's online backup
//! API (page by page, so a long copy reports its progress and can be
//! cancelled) into a temporary file, fsynced, checked with
//! `integrity_check`, then renamed — so
//! a backup either exists whole and sound, or not at all. They live in a
//! folder beside the database and are rotated: 7 daily and 4 weekly automatic
//! ones, the 10 newest manual ones, and every one taken before a migration.
//!
//! The computer's clock is not trusted: each backup's name starts with a
//! sequence number one higher than any before it, and backups are listed,
//! rotated and judged "newest" by that number. Their dates are only shown.
//!
//! A restore never touches the file in use until the backup has been copied
//! beside it, flushed to disk and checked; then the copy takes the file's
//! place in one rename, and the file it replaces is kept beside it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::backup::StepResult;
use rusqlite::{Connection, OpenFlags};

pub use crate::model::{BackupInfo, BackupKind};

use super::guard;
use crate::error::{CoreError, FieldIssue, Result};
use crate::progress::{check, NoProgress, Progress};

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

/// `<folder>/<database stem>-backups/`.
pub fn backup_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "grendebok".into());
    db.with_file_name(format!("{stem}-backups"))
}

/// In file names, after the sequence: the clock's time, to the millisecond.
const STAMP: &str = "%Y%m%d-%H%M%S%.3f";

/// `backup-000042-20260312-200000.000-manual.sqlite3`: the sequence, the
/// clock's time, the kind. A name from before sequences
/// (`backup-20260312-200000.000-manual.sqlite3`) has sequence 0.
fn parse_name(name: &str) -> Option<(u32, NaiveDateTime, BackupKind)> {
    let rest = name.strip_prefix("backup-")?.strip_suffix(".sqlite3")?;
    let (rest, tag) = rest.rsplit_once('-')?;
    let kind = BackupKind::from_tag(tag)?;
    if let Some((number, stamp)) = rest.split_once('-') {
        let taken = NaiveDateTime::parse_from_str(stamp, STAMP);
        if let (true, Ok(sequence), Ok(taken)) =
            (number.bytes().all(|b| b.is_ascii_digit()), number.parse::<u32>(), taken)
        {
            return Some((sequence, taken, kind));
        }
    }
    let taken = NaiveDateTime::parse_from_str(rest, STAMP).ok()?;
    Some((0, taken, kind))
}

fn backup_name(sequence: u32, stamp: &str, kind: BackupKind) -> String {
    format!("backup-{sequence:06}-{stamp}-{}.sqlite3", kind.tag())
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
        let Some((sequence, taken, kind)) = parse_name(&name) else {
            continue;
        };
        found.push(BackupInfo {
            path: entry.path().display().to_string(),
            file_name: name,
            kind,
            sequence,
            taken_at: taken.and_utc().to_rfc3339(),
            size: entry.metadata()?.len() as i64,
        });
    }
    // By sequence, never by the clock; backups from before sequences by their names.
    found.sort_by(|a, b| (b.sequence, &b.file_name).cmp(&(a.sequence, &a.file_name)));
    Ok(found)
}

/// Held while a backup is named and the folder rotated, so two backups in
/// one process (the app's automatic one and "Ta sikkerhetskopi nå") never
/// take one number. Between processes the database's writer lock does it:
/// only the process that holds it takes backups.
fn lock_folder() -> std::sync::MutexGuard<'static, ()> {
    static NAMING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    NAMING.lock().unwrap_or_else(|p| p.into_inner())
}

/// One more than the highest sequence in the folder.
fn next_sequence(dir: &Path) -> Result<u32> {
    let mut highest = 0;
    for entry in std::fs::read_dir(dir)? {
        if let Some((sequence, ..)) = parse_name(&entry?.file_name().to_string_lossy()) {
            highest = highest.max(sequence);
        }
    }
    Ok(highest.saturating_add(1))
}

/// How far ahead of the clock a backup may be dated before the clock is
/// doubted (two clocks on one machine never differ by this much).
const CLOCK_SLACK: chrono::Duration = chrono::Duration::minutes(5);

fn taken(b: &BackupInfo) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(&b.taken_at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Whether an automatic backup is due at `now`: there is none, the newest (by
/// sequence) is a day old, or it is dated ahead of `now` — the clock is or
/// was wrong, so its date says nothing, and a backup taken now becomes the
/// newest. `backups` as [`list`] gives them.
pub fn automatic_due(backups: &[BackupInfo], now: DateTime<Utc>) -> bool {
    let newest = backups.iter().find(|b| b.kind == BackupKind::Auto);
    match newest.and_then(taken) {
        None => true,
        Some(at) => now - at >= chrono::Duration::hours(24) || at - now > CLOCK_SLACK,
    }
}

/// The newest backup, when it is dated after `now` by more than a few
/// minutes: the clock looks wrong ([`crate::views::clock_warning`] says so).
pub fn clock_ahead(backups: &[BackupInfo], now: DateTime<Utc>) -> Option<(DateTime<Utc>, &BackupInfo)> {
    backups
        .iter()
        .filter_map(|b| taken(b).map(|at| (at, b)))
        .max_by_key(|(at, _)| *at)
        .filter(|(at, _)| *at - now > CLOCK_SLACK)
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
    use std::sync::atomic::{AtomicU64, Ordering};
    static COPY: AtomicU64 = AtomicU64::new(0);

    let dir = backup_dir(db);
    std::fs::create_dir_all(&dir)?;
    remove_stale_copies(&dir);
    let stamp = now.format(STAMP).to_string();
    let n = COPY.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(
        ".backup-{stamp}-{}-{}-{n}.sqlite3.tmp",
        kind.tag(),
        std::process::id()
    ));
    remove_copy(&tmp);
    let result = (|| -> Result<String> {
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
        // Named under the folder's lock: the number is one higher than any
        // there, whatever the clock says.
        let _folder = lock_folder();
        let name = backup_name(next_sequence(&dir)?, &stamp, kind);
        std::fs::rename(&tmp, dir.join(&name))?;
        sync_dir(&dir);
        rotate_locked(db)?;
        Ok(name)
    })();
    let name = result.inspect_err(|_| remove_copy(&tmp))?;
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
/// automatic ones the 3 newest, the newest of each of the 7 newest days and
/// the newest of each of the 4 newest weeks before those. "Newest" is by
/// sequence: a wrong clock can make dates lie, never the order.
pub fn rotate(db: &Path) -> Result<()> {
    let dir = backup_dir(db);
    if !dir.is_dir() {
        return Ok(());
    }
    let _folder = lock_folder();
    rotate_locked(db)
}

/// How many of the newest automatic backups are kept whatever their dates
/// (a clock stuck on one day would otherwise leave only one).
const NEWEST_AUTOMATIC: usize = 3;

fn rotate_locked(db: &Path) -> Result<()> {
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
    // Newest first by sequence, as `list` gives them.
    let auto: Vec<&BackupInfo> = all.iter().filter(|b| b.kind == BackupKind::Auto).collect();
    keep.extend(auto.iter().take(NEWEST_AUTOMATIC).map(|b| b.file_name.as_str()));
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
/// from [`list`], never a path), the same way for the app and the CLI:
///
/// 1. takes the writer lock (no one may have the file open);
/// 2. copies the backup into a temporary file beside the database and
///    flushes it to disk;
/// 3. checks the copy whole (`integrity_check`, Grendebok's, a schema this
///    program can open) — a backup that fails is refused with
///    [`CoreError::BackupUnusable`];
/// 4. swaps it in: the current file (with any `-wal`, `-shm` or `-journal`)
///    is kept beside it as `*.replaced-<time>` (or `*.corrupt-<time>` if it
///    fails inspection), and the copy takes its name in one rename.
///
/// Until step 4 the current file is not touched; if any step fails, the
/// temporary copy is removed and the current file is as it was. Nothing is
/// ever deleted. Symbolic links are followed: the file they point to is replaced.
pub fn restore(db: &Path, file_name: &str, known_version: i64, now: DateTime<Utc>) -> Result<BackupInfo> {
    let chosen = list(db)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("fileName", "validation.backup_unknown")))?;
    if !guard::folder_writable(&guard::canonical(db)) {
        // Nothing can be renamed or copied there: say so before touching anything.
        return Err(CoreError::ReadOnlyFolder {
            path: guard::folder_of(&guard::canonical(db)).display().to_string(),
        });
    }
    let _lock = guard::lock(db)?;
    let db = guard::canonical(db);
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    let tmp = hidden_beside(&db, &format!("restore-{stamp}-{}.tmp", std::process::id()));
    remove_copy(&tmp);
    let swapped = copy_and_check(Path::new(&chosen.path), &tmp, &chosen.file_name, known_version)
        .and_then(|()| swap_in(&db, &tmp, &stamp, known_version));
    if let Err(e) = swapped {
        remove_copy(&tmp);
        return Err(e);
    }
    Ok(chosen)
}

/// `.<name of db>.<what>` in the folder of `db`.
fn hidden_beside(db: &Path, what: &str) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    db.with_file_name(format!(".{name}.{what}"))
}

/// Copies the backup `source` to `tmp`, flushes it to disk, and checks the
/// copy: the bytes checked are the bytes swapped in.
fn copy_and_check(source: &Path, tmp: &Path, file_name: &str, known_version: i64) -> Result<()> {
    {
        let mut from = std::fs::File::open(source)?;
        let mut to = std::fs::OpenOptions::new().write(true).create_new(true).open(tmp)?;
        std::io::copy(&mut from, &mut to)?;
        to.sync_all()?;
    }
    let unusable = |damage| CoreError::BackupUnusable {
        file_name: file_name.to_owned(),
        damage,
    };
    match guard::inspect_to(tmp, known_version, true, guard::Depth::Header) {
        Ok(()) => {}
        Err(CoreError::Damaged { damage, .. }) => return Err(unusable(damage)),
        Err(e) => return Err(e),
    }
    let copy = guard::open_read_only(tmp, true).map_err(|_| unusable(guard::Damage::Corrupt))?;
    let integrity: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| unusable(guard::Damage::Corrupt))?;
    if integrity != "ok" {
        return Err(unusable(guard::Damage::Corrupt));
    }
    Ok(())
}

/// Puts the checked copy `tmp` in the place of `db`, keeping what was there
/// beside it under a name no earlier restore has taken. The file `db` keeps
/// its place until the copy is renamed over it (a hard link names it beside
/// first; where the file system has no hard links, it is renamed away just
/// before). Any step that fails is undone.
fn swap_in(db: &Path, tmp: &Path, stamp: &str, known_version: i64) -> Result<()> {
    let exists = std::fs::symlink_metadata(db).is_ok();
    let label = if !exists || guard::inspect(db, known_version).is_ok() {
        "replaced"
    } else {
        "corrupt"
    };
    const SUFFIXES: [&str; 4] = ["", "-wal", "-shm", "-journal"];
    let kept_as = (1..)
        .map(|n| {
            let tag = if n == 1 {
                format!("{label}-{stamp}")
            } else {
                format!("{label}-{stamp}-{n}")
            };
            move |suffix: &str| PathBuf::from(format!("{}.{tag}{suffix}", db.display()))
        })
        .find(|kept| SUFFIXES.iter().all(|s| std::fs::symlink_metadata(kept(s)).is_err()))
        .expect("some name is free");
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut linked: Option<PathBuf> = None;
    let result = (|| -> Result<()> {
        // The WAL and its index belong to the file they came with: beside the
        // restored file SQLite would read them into it.
        for suffix in &SUFFIXES[1..] {
            let from = guard::beside(db, suffix);
            if std::fs::symlink_metadata(&from).is_ok() {
                std::fs::rename(&from, kept_as(suffix))?;
                moved.push((from, kept_as(suffix)));
            }
        }
        if exists {
            if std::fs::hard_link(db, kept_as("")).is_ok() {
                linked = Some(kept_as(""));
            } else {
                std::fs::rename(db, kept_as(""))?;
                moved.push((db.to_owned(), kept_as("")));
            }
        }
        std::fs::rename(tmp, db)?;
        Ok(())
    })();
    if result.is_err() {
        if let Some(link) = &linked {
            let _ = std::fs::remove_file(link);
        }
        for (from, to) in moved.iter().rev() {
            let _ = std::fs::rename(to, from);
        }
    }
    sync_dir(guard::folder_of(db));
    result
}

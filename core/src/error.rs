//! Core's one error type. Every variant has a stable `code` for programs and
//! a message for people, rendered from the catalogue in the user's language.

use chrono::{DateTime, Utc};

use crate::i18n::t;
use crate::model::{ErrorCode, ErrorReport, FieldMessage, Lang};

/// A broken rule on one field of an input: the field's path in the input
/// (as the UI names it, e.g. `person.email`) and the catalogue key saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    pub field: String,
    pub key: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl FieldIssue {
    pub fn new(field: impl Into<String>, key: &'static str) -> Self {
        FieldIssue {
            field: field.into(),
            key,
            params: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.params.push((name, value.into()));
        self
    }

    /// The issue in `lang`. A parameter given per language, `names.nb`,
    /// `names.nn` and `names.en`, fills `{names}` with the one of `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let code = match lang {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        };
        let params: Vec<(&str, &str)> = self
            .params
            .iter()
            .filter_map(|(k, v)| match k.split_once('.') {
                Some((name, of)) => (of == code).then_some((name, v.as_str())),
                None => Some((*k, v.as_str())),
            })
            .collect();
        t(lang, self.key, &params)
    }
}

/// One bad cell of a spreadsheet read in: its row as the spreadsheet numbers
/// it (the heading row is 1), its column's heading and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFault {
    pub row: usize,
    pub column: String,
    pub issue: FieldIssue,
}

impl RowFault {
    pub fn message(&self, lang: Lang) -> String {
        if self.column.is_empty() {
            let row = self.row.to_string();
            return t(
                lang,
                "intake.row_fault_whole",
                &[("row", &row), ("fault", &self.issue.message(lang))],
            );
        }
        t(
            lang,
            "intake.row_fault",
            &[
                ("row", &self.row.to_string()),
                ("column", &self.column),
                ("fault", &self.issue.message(lang)),
            ],
        )
    }
}

/// How many of a file's bad cells a message lists; the rest are counted.
const ROW_FAULTS_LISTED: usize = 20;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The input breaks one or more rules; nothing was written.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldIssue>),

    /// A spreadsheet read in is refused whole: every bad cell, by row and
    /// column; nothing was written.
    #[error("bad rows: {0:?}")]
    BadRows(Vec<RowFault>),

    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },

    /// The action is not allowed in the current state (e.g. ending a seat twice).
    #[error("conflict: {0:?}")]
    Conflict(FieldIssue),

    /// `init` on a path where a file already exists.
    #[error("a file already exists at {0}")]
    AlreadyExists(String),

    /// A command that needs a database on a path where there is none.
    #[error("no database at {0}")]
    NoDatabase(String),

    /// The file is not a sound Grendebok database; it was not written to.
    #[error("{path} is damaged ({damage:?}): {detail}")]
    Damaged {
        path: String,
        damage: Damage,
        detail: String,
    },

    /// Another Grendebok holds the database's writer lock.
    #[error("{path} is locked by process {pid} on {host}")]
    Locked { path: String, pid: String, host: String },

    /// The file was written by a newer Grendebok: it is never written to.
    #[error("the database has schema version {found}, newer than this program's {known}")]
    TooNew { found: i64, known: i64 },

    /// The database is open read-only (the file or its folder cannot be
    /// written), so a write was refused and nothing was saved.
    #[error("the database is open read-only")]
    ReadOnly,

    /// A read-only file from an older Grendebok: its schema cannot be brought
    /// up to date, so it is not opened. It was not written to.
    #[error("{path} is read-only and has schema version {found}, older than this program's {known}")]
    ReadOnlyOutdated { path: String, found: i64, known: i64 },

    /// A read-only folder holds the file with commits still in its `-wal` but
    /// no `-shm`: SQLite cannot read those without writing to the folder.
    #[error("{path} is in a read-only folder with unread WAL content")]
    ReadOnlyWal { path: String },

    /// A new database cannot be made because its folder cannot be written.
    #[error("the folder {path} is read-only")]
    ReadOnlyFolder { path: String },

    /// A hand-over package that cannot be read in: not a package, damaged,
    /// altered, or made by a newer Grendebok. Nothing was written.
    #[error("package {path}: {fault:?}")]
    BadPackage { path: String, fault: PackageFault },

    /// A returned reviewer sheet that cannot be read in: not a review sheet,
    /// its layout or hidden identification changed, or meant for another
    /// scheme. Nothing was written.
    #[error("review sheet {path}: {fault:?}")]
    BadReviewSheet {
        path: String,
        fault: crate::review::ReviewSheetFault,
    },

    /// A write to a council kept in another file (read in from its package):
    /// here it is only read. Nothing was written.
    #[error("the council {council} is kept in another file")]
    KeptElsewhere {
        council: String,
        kept: Box<crate::model::KeptElsewhere>,
    },

    /// Reading in the package would replace a council in its own home file,
    /// or changes made here since its last package: asked first, and not
    /// done unless the person confirms (`replace`). Nothing was written.
    #[error("the import needs confirmation: {0:?}")]
    WouldReplace(Box<crate::model::Replacement>),

    /// A backup chosen for a restore is not a sound Grendebok database; the
    /// file in use was not touched.
    #[error("backup {file_name} cannot be restored ({damage:?})")]
    BackupUnusable { file_name: String, damage: Damage },

    /// The app is replacing its database with a backup: try again in a moment.
    #[error("a backup is being restored")]
    Restoring,

    /// An export was aimed at the database, its `-wal`, `-shm` or lock, or
    /// its backups folder; nothing was written.
    #[error("{path} is part of the database; an export may not overwrite it")]
    ExportOverStore { path: String },

    /// A kommune profile read in was issued no later than the one the file
    /// holds: an older profile never replaces a newer. Nothing was written.
    #[error("the profile from {kommune} issued {offered} is not newer than the file's, issued {current}")]
    ProfileNotNewer {
        kommune: String,
        offered: chrono::DateTime<chrono::Utc>,
        current: chrono::DateTime<chrono::Utc>,
    },

    /// The person cancelled a long job; nothing it did was kept.
    #[error("cancelled")]
    Cancelled,

    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),

    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// An operating system's file error with the file it was about, carried
/// inside a `std::io::Error` (of the same kind) so that `?` keeps working;
/// [`CoreError::message`] finds it again to name the file.
#[derive(Debug)]
pub struct AtPath {
    pub path: std::path::PathBuf,
    pub source: std::io::Error,
}

impl std::fmt::Display for AtPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for AtPath {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// `e`, naming `path` (unless it already names a file).
pub fn at_path(path: &std::path::Path, e: std::io::Error) -> std::io::Error {
    if e.get_ref().is_some_and(|inner| inner.is::<AtPath>()) {
        return e;
    }
    std::io::Error::new(
        e.kind(),
        AtPath {
            path: path.to_owned(),
            source: e,
        },
    )
}

/// A file error in plain words in the person's language, naming the file
/// (its name and the folder it is in) when known; never the system's own
/// English text.
pub fn io_message(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let path = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<AtPath>())
        .map(|a| &a.path);
    let file = match path {
        Some(p) => {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            let folder = p.parent().map(|f| f.display().to_string()).unwrap_or_default();
            if folder.is_empty() {
                t(lang, "error.io.file", &[("file", &name)])
            } else {
                t(lang, "error.io.file_in", &[("file", &name), ("folder", &folder)])
            }
        }
        None => t(lang, "error.io.a_file", &[]),
    };
    let key = match e.kind() {
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge if path.is_none() => {
            return t(lang, "error.disk_full", &[])
        }
        K::NotFound => "error.io.not_found",
        K::PermissionDenied => "error.io.permission",
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => "error.io.full",
        K::ReadOnlyFilesystem => "error.io.read_only",
        K::AlreadyExists => "error.io.exists",
        K::IsADirectory | K::InvalidInput | K::InvalidFilename => "error.io.bad_name",
        K::NotADirectory => "error.io.not_a_folder",
        K::ResourceBusy | K::ExecutableFileBusy => "error.io.busy",
        K::Interrupted | K::TimedOut | K::WouldBlock => "error.io.interrupted",
        _ => "error.io.other",
    };
    let code = e
        .raw_os_error()
        .or_else(|| {
            e.get_ref()
                .and_then(|inner| inner.downcast_ref::<AtPath>())
                .and_then(|a| a.source.raw_os_error())
        })
        .map(|c| c.to_string())
        .unwrap_or_else(|| "–".into());
    let message = t(lang, key, &[("file", &file), ("code", &code)]);
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => message,
    }
}

/// SQLite says the disk (or the file's size limit) is full — or could not
/// grow its `-shm` file, which SQLite's documentation says "may indicate that
/// the underlying filesystem volume is out of space" (`SQLITE_IOERR_SHMSIZE`,
/// what opening a WAL database on a full disk gives).
fn is_disk_full(e: &rusqlite::Error) -> bool {
    match e {
        rusqlite::Error::SqliteFailure(failure, _) => {
            failure.code == rusqlite::ErrorCode::DiskFull
                || failure.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE
        }
        _ => false,
    }
}

/// SQLite refused to write because the file, its folder or the connection is read-only.
fn is_read_only(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)
}

impl CoreError {
    /// One rule broken on one field.
    pub fn invalid(issue: FieldIssue) -> Self {
        CoreError::Invalid(vec![issue])
    }

    /// A read that met a page SQLite found malformed, said as the damage of
    /// the file at `path` (the same message as a refusal at open, advising a
    /// restore); any other error is returned as it is. For readers that
    /// open a file without reading every page first
    /// ([`crate::Store::open_existing_to_read`]).
    pub fn found_in(self, path: &std::path::Path) -> CoreError {
        match &self {
            CoreError::Db(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
                ) =>
            {
                CoreError::Damaged {
                    path: path.display().to_string(),
                    damage: Damage::Corrupt,
                    detail: e.to_string(),
                }
            }
            _ => self,
        }
    }

    /// The stable code a program switches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Invalid(_) | CoreError::BadRows(_) => ErrorCode::Invalid,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::Conflict(_) => ErrorCode::Conflict,
            CoreError::AlreadyExists(_) => ErrorCode::AlreadyExists,
            CoreError::NoDatabase(_) => ErrorCode::NoDatabase,
            CoreError::TooNew { .. } => ErrorCode::TooNew,
            CoreError::Damaged { .. } => ErrorCode::Damaged,
            CoreError::Locked { .. } => ErrorCode::Locked,
            CoreError::ReadOnly
            | CoreError::ReadOnlyOutdated { .. }
            | CoreError::ReadOnlyWal { .. }
            | CoreError::ReadOnlyFolder { .. } => ErrorCode::ReadOnly,
            CoreError::BadPackage {
                fault: PackageFault::TooNew { .. },
                ..
            } => ErrorCode::TooNew,
            CoreError::BadPackage { .. } => ErrorCode::BadPackage,
            CoreError::BadReviewSheet { .. } => ErrorCode::BadReviewSheet,
            CoreError::KeptElsewhere { .. } => ErrorCode::KeptElsewhere,
            CoreError::WouldReplace(_) => ErrorCode::ConfirmReplace,
            CoreError::BackupUnusable { .. } => ErrorCode::BackupDamaged,
            CoreError::Restoring => ErrorCode::Restoring,
            CoreError::ExportOverStore { .. } => ErrorCode::ExportOverStore,
            CoreError::ProfileNotNewer { .. } => ErrorCode::ProfileNotNewer,
            CoreError::Cancelled => ErrorCode::Cancelled,
            CoreError::Db(e) if is_disk_full(e) => ErrorCode::DiskFull,
            CoreError::Db(e) if is_read_only(e) => ErrorCode::ReadOnly,
            CoreError::Db(_) | CoreError::Migration(_) => ErrorCode::Database,
            CoreError::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => ErrorCode::DiskFull,
            CoreError::Io(_) => ErrorCode::Io,
        }
    }

    /// The message for a person, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CoreError::Invalid(issues) => match issues.as_slice() {
                [only] => only.message(lang),
                _ => t(lang, "error.invalid", &[]),
            },
            CoreError::NotFound { entity, id } => {
                let what = t(lang, &format!("entity.{entity}"), &[]);
                t(lang, "error.not_found", &[("what", &what), ("id", id)])
            }
            CoreError::Conflict(issue) => issue.message(lang),
            // The headline; the report's fields carry each bad cell.
            CoreError::BadRows(faults) => t(lang, "intake.refused", &[("count", &faults.len().to_string())]),
            CoreError::AlreadyExists(path) => t(lang, "error.already_exists", &[("path", path)]),
            CoreError::NoDatabase(path) => t(lang, "error.no_database", &[("path", path)]),
            CoreError::TooNew { .. } => t(lang, "error.too_new", &[]),
            CoreError::Damaged { path, damage, .. } => {
                let reason = t(lang, damage.key(), &[]);
                t(lang, "error.damaged", &[("reason", &reason), ("path", path)])
            }
            CoreError::Locked { path, pid, host } => {
                t(lang, "error.locked", &[("path", path), ("pid", pid), ("host", host)])
            }
            CoreError::ReadOnly => t(lang, "error.read_only", &[]),
            CoreError::ReadOnlyOutdated { path, .. } => t(lang, "error.read_only_outdated", &[("path", path)]),
            CoreError::ReadOnlyWal { path } => t(lang, "error.read_only_wal", &[("path", path)]),
            CoreError::ReadOnlyFolder { path } => t(lang, "error.read_only_folder", &[("path", path)]),
            CoreError::BadPackage { path, fault } => fault.message(lang, path),
            CoreError::BadReviewSheet { path, fault } => fault.message(lang, path),
            CoreError::KeptElsewhere { council, kept } => {
                let note = kept_note(lang, council, &kept.kept_by, &kept.file_name, kept.exported_at);
                t(lang, "error.kept_elsewhere", &[("council", council), ("note", &note)])
            }
            CoreError::WouldReplace(r) => replacement_message(lang, r),

            CoreError::BackupUnusable { file_name, damage } => {
                let reason = t(lang, damage.key(), &[]);
                t(
                    lang,
                    "error.backup_unusable",
                    &[("file", file_name), ("reason", &reason)],
                )
            }
            CoreError::Restoring => t(lang, "error.restoring", &[]),
            CoreError::ExportOverStore { path } => t(lang, "error.export_over_store", &[("path", path)]),
            CoreError::ProfileNotNewer {
                kommune,
                offered,
                current,
            } => {
                let when = |at: &chrono::DateTime<chrono::Utc>| {
                    if *at <= chrono::DateTime::<chrono::Utc>::UNIX_EPOCH {
                        t(lang, "profile.built_in", &[])
                    } else {
                        crate::i18n::when(lang, *at)
                    }
                };
                if *offered <= chrono::DateTime::<chrono::Utc>::UNIX_EPOCH {
                    return t(lang, "error.profile_built_in", &[("current", &when(current))]);
                }
                t(
                    lang,
                    "error.profile_not_newer",
                    &[
                        ("issuer", kommune),
                        ("offered", &when(offered)),
                        ("current", &when(current)),
                    ],
                )
            }
            CoreError::Cancelled => t(lang, "error.cancelled", &[]),
            CoreError::Db(e) if is_disk_full(e) => t(lang, "error.disk_full", &[]),
            CoreError::Db(e) if is_read_only(e) => t(lang, "error.read_only", &[]),
            CoreError::Db(e) => t(lang, "error.database", &[("detail", &e.to_string())]),
            CoreError::Migration(e) => t(lang, "error.database", &[("detail", &e.to_string())]),
            CoreError::Io(e) => io_message(lang, e),
        }
    }

    /// The error as the UI and the CLI's JSON receive it.
    pub fn report(&self, lang: Lang) -> ErrorReport {
        let fields = match self {
            CoreError::Invalid(issues) => issues
                .iter()
                .map(|i| FieldMessage {
                    field: i.field.clone(),
                    message: i.message(lang),
                })
                .collect(),
            CoreError::Conflict(issue) => vec![FieldMessage {
                field: issue.field.clone(),
                message: issue.message(lang),
            }],
            CoreError::BadRows(faults) => {
                let mut fields: Vec<FieldMessage> = faults
                    .iter()
                    .take(ROW_FAULTS_LISTED)
                    .map(|f| FieldMessage {
                        field: format!("row.{}.{}", f.row, f.issue.field),
                        message: f.message(lang),
                    })
                    .collect();
                if faults.len() > ROW_FAULTS_LISTED {
                    let more = (faults.len() - ROW_FAULTS_LISTED).to_string();
                    fields.push(FieldMessage {
                        field: "row.more".into(),
                        message: t(lang, "intake.more_faults", &[("count", &more)]),
                    });
                }
                fields
            }
            _ => Vec::new(),
        };
        ErrorReport {
            code: self.code(),
            message: self.message(lang),
            fields,
        }
    }
}

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

/// Why a package cannot be read in. Nothing is written when one is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageFault {
    /// Not a zip file, or one cut short (say, a copy that did not finish).
    Unreadable,
    /// A zip file, but not a Grendebok package.
    NotPackage,
    /// The manifest cannot be read.
    BadManifest(String),
    /// Made by a newer Grendebok: its schema or its package format.
    TooNew { found: i64, known: i64 },
    /// A part the manifest lists is not in the file.
    Missing(String),
    /// The file holds a part the manifest does not list.
    Extra(String),
    /// A part's bytes are not those the manifest vouches for.
    Altered(String),
    /// A part is sound, but not what it should be (e.g. an unknown column).
    BadPart { part: String, detail: String },
    /// The file, a part, or all parts inflated are larger than a package may
    /// be (`limit` in bytes): refused before more is read or inflated.
    TooLarge { part: String, limit: u64 },
    /// A row breaks a rule the forms hold a person to: its table, its number
    /// (from 1), its id, and the rule.
    BadRow {
        table: String,
        row: usize,
        id: String,
        issue: Box<FieldIssue>,
    },
}

/// The note on a council kept in another file: who keeps it, and the package
/// it was last read in from.
pub fn kept_note(
    lang: Lang,
    council: &str,
    kept_by: &str,
    file_name: &str,
    exported_at: Option<DateTime<Utc>>,
) -> String {
    let date = exported_at.map(|at| crate::i18n::when(lang, at)).unwrap_or_default();
    t(
        lang,
        "package.kept_note",
        &[
            ("council", council),
            ("who", kept_by),
            ("file", file_name),
            ("date", &date),
        ],
    )
}

/// What reading in a package would replace, for the question put to the person.
pub fn replacement_message(lang: Lang, r: &crate::model::Replacement) -> String {
    let mut lost: Vec<String> = r
        .changes
        .iter()
        .map(|c| {
            let table = t(lang, &format!("package.table.{}", c.table), &[]);
            t(
                lang,
                "package.lost_table",
                &[
                    ("table", &table),
                    ("added", &c.added.to_string()),
                    ("changed", &c.changed.to_string()),
                    ("removed", &c.removed.to_string()),
                ],
            )
        })
        .collect();
    if r.logged_changes > 0 {
        lost.push(t(
            lang,
            "package.lost_logged",
            &[("count", &r.logged_changes.to_string())],
        ));
    }
    let lost = lost.join("; ");
    let date = r.since.map(|at| crate::i18n::when(lang, at)).unwrap_or_default();
    if r.home_here {
        let lost = if lost.is_empty() {
            String::new()
        } else {
            t(lang, "package.lost_since", &[("date", &date), ("lost", &lost)])
        };
        t(
            lang,
            "package.replace_home",
            &[("council", &r.council), ("file", &r.file), ("lost", &lost)],
        )
    } else {
        t(
            lang,
            "package.replace_changes",
            &[
                ("council", &r.council),
                ("file", &r.file),
                ("date", &date),
                ("lost", &lost),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;
    use std::path::Path;

    /// Writes into a folder that is not there, as an export to a removed USB stick does.
    fn missing_folder_error() -> std::io::Error {
        crate::pdf::write_atomically(Path::new("/nonexistent-grendebok/Innkalling.pdf"), b"x").unwrap_err()
    }

    /// A code reads the same as text and in JSON, and no two codes read alike.
    #[test]
    fn every_error_code_serialises_as_its_text() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{code}\""));
            assert!(seen.insert(code.as_str()), "{code} twice");
        }
    }

    #[test]
    fn a_file_error_is_in_plain_words_and_names_the_file() {
        let e = CoreError::Io(missing_folder_error());
        assert_eq!(e.code(), "io");
        let nb = e.message(Lang::Nb);
        assert!(
            nb.starts_with("Finner ikke «Innkalling.pdf» i mappen /nonexistent-grendebok."),
            "{nb}"
        );
        assert!(!nb.contains("os error") && !nb.contains("No such file"), "{nb}");
        let en = e.message(Lang::En);
        assert!(
            en.starts_with("Cannot find “Innkalling.pdf” in the folder /nonexistent-grendebok."),
            "{en}"
        );
        let nn = e.message(Lang::Nn);
        assert!(nn.starts_with("Finn ikkje «Innkalling.pdf»"), "{nn}");
    }

    #[test]
    fn every_kind_of_file_error_has_its_own_words() {
        let at = |kind: ErrorKind| {
            CoreError::Io(at_path(Path::new("/media/usb/Protokoll.pdf"), kind.into())).message(Lang::Nb)
        };
        assert!(at(ErrorKind::PermissionDenied)
            .starts_with("Grendebok har ikke lov til å lese eller skrive «Protokoll.pdf» i mappen /media/usb."));
        assert!(at(ErrorKind::StorageFull).starts_with(
            "Disken er full, så ingenting ble lagret. «Protokoll.pdf» i mappen /media/usb ble ikke skrevet."
        ));
        assert!(at(ErrorKind::ReadOnlyFilesystem)
            .starts_with("«Protokoll.pdf» i mappen /media/usb ligger på en disk som bare kan leses"));
        assert!(at(ErrorKind::AlreadyExists).contains("finnes allerede"));
        let other =
            CoreError::Io(at_path(Path::new("/x/y.pdf"), std::io::Error::from_raw_os_error(5))).message(Lang::Nb);
        assert!(
            other.starts_with("«y.pdf» i mappen /x kunne ikke leses eller skrives (systemets feilkode 5)"),
            "{other}"
        );
        // Without a known file: "Filen", capitalised, and still no English.
        let bare = CoreError::Io(std::io::Error::other("Broken pipe")).message(Lang::Nb);
        assert!(bare.starts_with("Filen kunne ikke leses eller skrives"), "{bare}");
        assert!(!bare.contains("Broken pipe"), "{bare}");
        // Wrapping twice keeps the first file.
        let twice = at_path(
            Path::new("/b"),
            at_path(Path::new("/a/first.pdf"), ErrorKind::NotFound.into()),
        );
        assert!(CoreError::Io(twice).message(Lang::Nb).contains("«first.pdf»"));
    }
}

//! Core's one error type. Every variant has a stable `code` for programs and
//! a message for people, rendered from the catalogue in the user's language.

use crate::i18n::t;
use crate::model::{ErrorReport, FieldMessage, Lang};

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

    pub fn message(&self, lang: Lang) -> String {
        let params: Vec<(&str, &str)> = self.params.iter().map(|(k, v)| (*k, v.as_str())).collect();
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
        damage: crate::store::Damage,
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
    BadPackage {
        path: String,
        fault: crate::package::PackageFault,
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
    BackupUnusable {
        file_name: String,
        damage: crate::store::Damage,
    },

    /// The app is replacing its database with a backup: try again in a moment.
    #[error("a backup is being restored")]
    Restoring,

    /// An export was aimed at the database, its `-wal`, `-shm` or lock, or
    /// its backups folder; nothing was written.
    #[error("{path} is part of the database; an export may not overwrite it")]
    ExportOverStore { path: String },

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
                    damage: crate::store::Damage::Corrupt,
                    detail: e.to_string(),
                }
            }
            _ => self,
        }
    }

    /// The stable code a program switches on.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid(_) | CoreError::BadRows(_) => "invalid",
            CoreError::NotFound { .. } => "not_found",
            CoreError::Conflict(_) => "conflict",
            CoreError::AlreadyExists(_) => "already_exists",
            CoreError::NoDatabase(_) => "no_database",
            CoreError::TooNew { .. } => "too_new",
            CoreError::Damaged { .. } => "damaged",
            CoreError::Locked { .. } => "locked",
            CoreError::ReadOnly
            | CoreError::ReadOnlyOutdated { .. }
            | CoreError::ReadOnlyWal { .. }
            | CoreError::ReadOnlyFolder { .. } => "read_only",
            CoreError::BadPackage {
                fault: crate::package::PackageFault::TooNew { .. },
                ..
            } => "too_new",
            CoreError::BadPackage { .. } => "bad_package",
            CoreError::KeptElsewhere { .. } => "kept_elsewhere",
            CoreError::WouldReplace(_) => "confirm_replace",
            CoreError::BackupUnusable { .. } => "backup_damaged",
            CoreError::Restoring => "restoring",
            CoreError::ExportOverStore { .. } => "export_over_store",
            CoreError::Cancelled => "cancelled",
            CoreError::Db(e) if is_disk_full(e) => "disk_full",
            CoreError::Db(e) if is_read_only(e) => "read_only",
            CoreError::Db(_) | CoreError::Migration(_) => "database",
            CoreError::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => "disk_full",
            CoreError::Io(_) => "io",
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
            CoreError::KeptElsewhere { council, kept } => {
                let note = crate::package::kept_note(lang, council, &kept.kept_by, &kept.file_name, kept.exported_at);
                t(lang, "error.kept_elsewhere", &[("council", council), ("note", &note)])
            }
            CoreError::WouldReplace(r) => crate::package::replacement_message(lang, r),

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
            CoreError::Cancelled => t(lang, "error.cancelled", &[]),
            CoreError::Db(e) if is_disk_full(e) => t(lang, "error.disk_full", &[]),
            CoreError::Db(e) if is_read_only(e) => t(lang, "error.read_only", &[]),
            CoreError::Db(e) => t(lang, "error.database", &[("detail", &e.to_string())]),
            CoreError::Migration(e) => t(lang, "error.database", &[("detail", &e.to_string())]),
            CoreError::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => t(lang, "error.disk_full", &[]),
            CoreError::Io(e) => t(lang, "error.io", &[("detail", &e.to_string())]),
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
            code: self.code().to_owned(),
            message: self.message(lang),
            fields,
        }
    }
}

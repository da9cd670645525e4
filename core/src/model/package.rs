//! The hand-over of one council as one `.grendebok` package: what an export
//! wrote and what an import did (see [`crate::package`] for the format).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A package as written or read: which council, as of when, made by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PackageInfo {
    /// The package file.
    pub path: String,
    pub council_id: String,
    /// The council's name as of the export.
    pub council_name: String,
    pub exported_at: DateTime<Utc>,
    pub exported_by: String,
    /// The schema version of the Grendebok that made it.
    pub schema_version: i32,
    /// SHA-256 of the manifest, which holds the SHA-256 of every part: the package's identity.
    pub sha256: String,
    /// How many rows of the council's tables it holds.
    pub rows: i32,
    /// How many archived files (PDFs) it holds.
    pub files: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// The council was not in this file: it is added.
    Added,
    /// The council was here with an older snapshot: its rows are replaced,
    /// the previous snapshot is kept in the audit log.
    Replaced,
    /// This very package was read in (or written) here before: nothing changed.
    Unchanged,
}

/// What reading in a package did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub status: ImportStatus,
    pub package: PackageInfo,
    /// The council's name here before a replacement (it may have been renamed since).
    pub previous_name: Option<String>,
    /// When the snapshot held here before was exported, if there was one.
    pub previous_exported_at: Option<DateTime<Utc>>,
    /// The kommune profile the package carried, if any: taken when newer
    /// than the file's, else left (and the person told either way).
    pub profile: Option<PackageProfile>,
}

/// The kommune profile a package carried, and the one the file held before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PackageProfile {
    /// The package's profile was newer and is now the file's.
    pub taken: bool,
    pub offered: super::KommuneProfile,
    pub previous: super::KommuneProfile,
}

/// Where a council read in from a package is kept, for the note a screen
/// shows on it: it is written only there, and only read here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeptElsewhere {
    /// Who exported the newest package read in (the secretary).
    pub kept_by: String,
    /// The package file it was last read from.
    pub file_name: String,
    /// When that package was made.
    pub exported_at: Option<DateTime<Utc>>,
}

/// Changes made here to one table of a council since its last package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableChanges {
    pub table: String,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

/// Why reading in a package needs the person's confirmation: it would
/// replace a council in its own home file, or changes made here since the
/// council's last package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub council: String,
    /// The package's file, as the person chose it.
    pub file: String,
    /// The council is kept in this file (its home).
    pub home_here: bool,
    /// When the last package of it written or read here was made.
    pub since: Option<DateTime<Utc>>,
    /// What changed here since, table by table (empty when nothing did).
    pub changes: Vec<TableChanges>,
    /// Changes found in the audit log, where no fingerprint was kept
    /// (a package read in before this version).
    pub logged_changes: usize,
}

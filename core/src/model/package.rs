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
}

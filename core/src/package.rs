//! The hand-over package: one council as one `.grendebok` file, which a
//! council's secretary sends and the kommune's coordinator reads into their
//! own database.
//!
//! A package is a zip file. `manifest.json` says what it is (format and
//! version, the schema version of the Grendebok that made it, the council,
//! when and by whom it was exported) and lists every other part with its
//! SHA-256. `tables/<table>.json` holds the council's rows of one table as an
//! array of objects, column → value; a BLOB (an archived PDF) stands in its
//! row as `{"sha256": "<hex>"}` and lies beside as the part `files/<hex>.pdf`.
//! The SHA-256 of `manifest.json` is the package's identity.
//!
//! This module only turns rows into bytes and back, checking every part on
//! the way in; which rows belong to a council, and writing them, is the
//! store's (`store/package.rs`). It reads no clock: the export's time comes in.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use chrono::{DateTime, Datelike, Timelike, Utc};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value as Json};

pub use crate::error::{kept_note, replacement_message, PackageFault};
use crate::i18n::t;
pub use crate::i18n::{norwegian_date_time, when};
use crate::model::{ImportOutcome, ImportStatus, Lang, PackageInfo, PackageProfile, ProfileChangeKind, ProfileSection};
use crate::pdf::sha256_hex;

/// The `format` every package's manifest names.
pub const FORMAT: &str = "grendebok-package";
/// The layout of the zip described above; a newer one is refused as too new.
pub const FORMAT_VERSION: i64 = 1;
/// The extension package files are offered under.
pub const EXTENSION: &str = "grendebok";

/// The largest package file read at all: the file is read into memory.
pub const MAX_PACKAGE_BYTES: u64 = 256 << 20;
/// The largest manifest: it lists the parts, a few hundred bytes each.
pub const MAX_MANIFEST_BYTES: u64 = 4 << 20;
/// The largest table part (JSON rows), inflated.
pub const MAX_TABLE_BYTES: u64 = 64 << 20;
/// The largest archived PDF, inflated.
pub const MAX_PDF_BYTES: u64 = 64 << 20;
/// All parts together, inflated: what reading a package may take in memory.
pub const MAX_INFLATED_BYTES: u64 = 512 << 20;
/// The most entries a package's zip may hold.
pub const MAX_PARTS: usize = 100_000;

const MANIFEST: &str = "manifest.json";
const TABLES: &str = "tables/";
const FILES: &str = "files/";

/// One row: its columns and their values, as SQLite holds them.
pub type Row = Vec<(String, Value)>;

/// What a package holds: the council's rows, table by table, in the order
/// they are written (and may be inserted).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contents {
    pub tables: Vec<(String, Vec<Row>)>,
}

impl Contents {
    /// The rows of `table` (none if the package has no such table).
    pub fn rows(&self, table: &str) -> &[Row] {
        self.tables
            .iter()
            .find(|(name, _)| name == table)
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    pub fn row_count(&self) -> usize {
        self.tables.iter().map(|(_, rows)| rows.len()).sum()
    }
}

/// A part of the package as the manifest vouches for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    pub name: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    pub format_version: i64,
    /// `store::known_version()` of the Grendebok that made the package.
    pub schema_version: i64,
    pub council_id: String,
    pub council_name: String,
    pub exported_at: DateTime<Utc>,
    pub exported_by: String,
    /// The installation that keeps the council (its home file); absent in
    /// packages made before homes were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_id: Option<String>,
    /// The exporting file's kommune profile, when it has one of its own: a
    /// file reading the package in takes it when it is newer than its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<crate::model::KommuneProfile>,
    /// Every part but the manifest itself.
    pub parts: Vec<Part>,
}

impl Manifest {
    /// A manifest for a new package; [`build`] lists its parts.
    pub fn new(
        schema_version: i64,
        council_id: &str,
        council_name: &str,
        exported_at: DateTime<Utc>,
        exported_by: &str,
    ) -> Manifest {
        Manifest {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            schema_version,
            council_id: council_id.to_owned(),
            council_name: council_name.to_owned(),
            exported_at,
            exported_by: exported_by.to_owned(),
            home_id: None,
            profile: None,
            parts: Vec::new(),
        }
    }
}

/// A package, as built or as read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    pub manifest: Manifest,
    /// SHA-256 of `manifest.json`: the package's identity.
    pub sha256: String,
    pub contents: Contents,
}

impl Package {
    pub fn info(&self, path: &Path) -> PackageInfo {
        let m = &self.manifest;
        PackageInfo {
            path: path.display().to_string(),
            council_id: m.council_id.clone(),
            council_name: m.council_name.clone(),
            exported_at: m.exported_at,
            exported_by: m.exported_by.clone(),
            schema_version: m.schema_version as i32,
            sha256: self.sha256.clone(),
            rows: self.contents.row_count() as i32,
            files: m.parts.iter().filter(|p| p.name.starts_with(FILES)).count() as i32,
        }
    }
}

impl PackageFault {
    /// The fault for a part of `table`'s rows.
    pub fn in_table(table: &str, detail: impl Into<String>) -> Self {
        PackageFault::BadPart {
            part: table_part(table),
            detail: detail.into(),
        }
    }

    /// The message for a person: what is wrong with the package at `path`.
    pub fn message(&self, lang: Lang, path: &str) -> String {
        let (key, part, detail) = match self {
            PackageFault::Unreadable => ("package.unreadable", "", ""),
            PackageFault::NotPackage => ("package.not_package", "", ""),
            PackageFault::BadManifest(detail) => ("package.bad_manifest", "", detail.as_str()),
            PackageFault::TooNew { .. } => ("package.too_new", "", ""),
            PackageFault::Missing(part) => ("package.missing_part", part.as_str(), ""),
            PackageFault::Extra(part) => ("package.extra_part", part.as_str(), ""),
            PackageFault::Altered(part) => ("package.altered", part.as_str(), ""),
            PackageFault::BadPart { part, detail } => ("package.bad_part", part.as_str(), detail.as_str()),
            PackageFault::TooLarge { part, limit } => {
                let limit = format!("{}", limit >> 20);
                let part = if part.is_empty() { path } else { part.as_str() };
                return t(
                    lang,
                    "package.too_large",
                    &[("path", path), ("part", part), ("limit", &limit)],
                );
            }
            PackageFault::BadRow { table, row, id, issue } => {
                let what = t(lang, &format!("package.table.{table}"), &[]);
                let what = if what.starts_with("package.table.") {
                    table.clone()
                } else {
                    what
                };
                let field = if issue.field.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", issue.field)
                };
                let id = if id.is_empty() {
                    String::new()
                } else {
                    format!(" (id {id})")
                };
                return t(
                    lang,
                    "package.bad_row",
                    &[
                        ("path", path),
                        ("table", &what),
                        ("row", &row.to_string()),
                        ("id", &id),
                        ("field", &field),
                        ("detail", &issue.message(lang)),
                    ],
                );
            }
        };
        t(lang, key, &[("path", path), ("part", part), ("detail", detail)])
    }
}

fn table_part(table: &str) -> String {
    format!("{TABLES}{table}.json")
}

fn file_part(sha256: &str) -> String {
    format!("{FILES}{sha256}.pdf")
}

/// Writes `contents` as a package: lists every part in the manifest, then
/// zips the manifest and the parts. The same contents and manifest give the
/// same bytes (entries are dated `exported_at`, not the clock).
pub fn build(mut manifest: Manifest, contents: Contents) -> std::io::Result<(Package, Vec<u8>)> {
    let mut files = BTreeMap::new();
    let mut parts: Vec<(String, Cow<[u8]>)> = Vec::new();
    for (table, rows) in &contents.tables {
        let rows: Vec<Json> = rows.iter().map(|row| row_json(row, Some(&mut files))).collect();
        parts.push((table_part(table), serde_json::to_vec_pretty(&rows)?.into()));
    }
    parts.extend(
        files
            .into_iter()
            .map(|(sha, bytes)| (file_part(&sha), Cow::Borrowed(bytes))),
    );
    manifest.parts = parts
        .iter()
        .map(|(name, bytes)| Part {
            name: name.clone(),
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
        })
        .collect();
    let manifest_bytes = serde_json::to_vec_pretty(&manifest)?;

    let at = manifest.exported_at;
    let stamp = zip::DateTime::from_date_and_time(
        at.year().clamp(1980, 2107) as u16,
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in std::iter::once((MANIFEST, manifest_bytes.as_slice()))
        .chain(parts.iter().map(|(name, bytes)| (name.as_str(), bytes.as_ref())))
    {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    let bytes = zip.finish().map_err(std::io::Error::other)?.into_inner();
    drop(parts); // it borrows the files' bytes from `contents`, moved next
    let package = Package {
        sha256: sha256_hex(&manifest_bytes),
        manifest,
        contents,
    };
    Ok((package, bytes))
}

/// Reads the package file at `path` ([`read`]), refusing a file larger than
/// [`MAX_PACKAGE_BYTES`] before reading it.
pub fn read_file(path: &Path, known_schema: i64) -> Result<Result<Package, PackageFault>, std::io::Error> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_PACKAGE_BYTES {
        return Ok(Err(PackageFault::TooLarge {
            part: String::new(),
            limit: MAX_PACKAGE_BYTES,
        }));
    }
    let bytes = std::fs::read(path)?;
    Ok(read(&bytes, known_schema))
}

/// The most bytes a part may inflate to.
fn part_limit(name: &str) -> u64 {
    if name.starts_with(FILES) {
        MAX_PDF_BYTES
    } else {
        MAX_TABLE_BYTES
    }
}

/// Inflates one entry, never more than `limit` bytes: a part that holds
/// more is refused when the limit is passed, not after inflating it all.
fn inflate(entry: &mut impl Read, limit: u64) -> Result<Option<Vec<u8>>, std::io::Error> {
    let mut data = Vec::new();
    entry.take(limit + 1).read_to_end(&mut data)?;
    Ok((data.len() as u64 <= limit).then_some(data))
}

/// Reads a package and checks all of it: a whole zip, a Grendebok manifest
/// no newer than `known_schema`, exactly the parts it lists, each with the
/// size and SHA-256 it lists, and tables that parse. The manifest is read
/// first; every part is then inflated only up to the size the manifest
/// gives it (and [`MAX_TABLE_BYTES`], [`MAX_PDF_BYTES`] and
/// [`MAX_INFLATED_BYTES`] in all), so a zip bomb is refused after reading
/// what it claims, in little time and memory.
pub fn read(bytes: &[u8], known_schema: i64) -> Result<Package, PackageFault> {
    if bytes.len() as u64 > MAX_PACKAGE_BYTES {
        return Err(PackageFault::TooLarge {
            part: String::new(),
            limit: MAX_PACKAGE_BYTES,
        });
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| PackageFault::Unreadable)?;
    if zip.len() > MAX_PARTS + 1 {
        return Err(PackageFault::TooLarge {
            part: String::new(),
            limit: MAX_PACKAGE_BYTES,
        });
    }
    let manifest_bytes = {
        let mut entry = match zip.by_name(MANIFEST) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Err(PackageFault::NotPackage),
            Err(_) => return Err(PackageFault::Unreadable),
        };
        inflate(&mut entry, MAX_MANIFEST_BYTES)
            .map_err(|_| PackageFault::Altered(MANIFEST.into()))?
            .ok_or_else(|| PackageFault::TooLarge {
                part: MANIFEST.into(),
                limit: MAX_MANIFEST_BYTES,
            })?
    };
    let manifest = manifest(&manifest_bytes, known_schema)?;

    let listed: BTreeMap<&str, &Part> = manifest.parts.iter().map(|p| (p.name.as_str(), p)).collect();
    if listed.len() != manifest.parts.len() {
        return Err(PackageFault::BadManifest("a part is listed twice".into()));
    }
    // What the manifest claims, before anything is inflated.
    let mut total = manifest_bytes.len() as u64;
    for part in &manifest.parts {
        let limit = part_limit(&part.name);
        if part.size > limit {
            return Err(PackageFault::TooLarge {
                part: part.name.clone(),
                limit,
            });
        }
        total = total.saturating_add(part.size);
        if total > MAX_INFLATED_BYTES {
            return Err(PackageFault::TooLarge {
                part: String::new(),
                limit: MAX_INFLATED_BYTES,
            });
        }
    }

    let mut entries = BTreeMap::new();
    let mut manifests = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|_| PackageFault::Unreadable)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(|_| PackageFault::Unreadable)?.into_owned();
        if name == MANIFEST {
            manifests += 1;
            if manifests > 1 {
                return Err(PackageFault::Extra(name));
            }
            continue;
        }
        let Some(part) = listed.get(name.as_str()) else {
            return Err(PackageFault::Extra(name));
        };
        if entries.contains_key(&name) {
            return Err(PackageFault::Extra(name));
        }
        // A checksum (CRC) that fails while inflating, or more or fewer bytes
        // than the manifest lists: the part was changed.
        let data = inflate(&mut entry, part.size)
            .map_err(|_| PackageFault::Altered(name.clone()))?
            .filter(|data| data.len() as u64 == part.size)
            .ok_or_else(|| PackageFault::Altered(name.clone()))?;
        if sha256_hex(&data) != part.sha256.to_ascii_lowercase() {
            return Err(PackageFault::Altered(name));
        }
        entries.insert(name, data);
    }
    if let Some(missing) = manifest.parts.iter().find(|p| !entries.contains_key(&p.name)) {
        return Err(PackageFault::Missing(missing.name.clone()));
    }

    let mut files = BTreeMap::new();
    let mut tables = Vec::new();
    for part in &manifest.parts {
        let data = &entries[&part.name];
        let bad = |detail: String| PackageFault::BadPart {
            part: part.name.clone(),
            detail,
        };
        if let Some(table) = part.name.strip_prefix(TABLES).and_then(|n| n.strip_suffix(".json")) {
            let rows: Vec<Map<String, Json>> = serde_json::from_slice(data).map_err(|e| bad(e.to_string()))?;
            tables.push((table.to_owned(), rows));
        } else if part.name == file_part(&part.sha256.to_ascii_lowercase()) {
            files.insert(part.sha256.to_ascii_lowercase(), data.as_slice());
        } else {
            return Err(bad("not a part of a Grendebok package".into()));
        }
    }
    let tables = tables
        .into_iter()
        .map(|(table, rows)| {
            let rows = rows
                .into_iter()
                .map(|row| row_value(row, &files).map_err(|detail| PackageFault::in_table(&table, detail)))
                .collect::<Result<_, _>>()?;
            Ok((table, rows))
        })
        .collect::<Result<_, _>>()?;
    Ok(Package {
        sha256: sha256_hex(&manifest_bytes),
        manifest,
        contents: Contents { tables },
    })
}

/// Parses the manifest: first what it is and which versions made it, so a
/// newer package is told "too new" even if its manifest changed shape.
fn manifest(bytes: &[u8], known_schema: i64) -> Result<Manifest, PackageFault> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Versions {
        format: String,
        format_version: i64,
        schema_version: i64,
    }
    let bad = |e: serde_json::Error| PackageFault::BadManifest(e.to_string());
    let versions: Versions = serde_json::from_slice(bytes).map_err(bad)?;
    if versions.format != FORMAT {
        return Err(PackageFault::NotPackage);
    }
    if versions.format_version > FORMAT_VERSION || versions.schema_version > known_schema {
        return Err(PackageFault::TooNew {
            found: versions.schema_version,
            known: known_schema,
        });
    }
    serde_json::from_slice(bytes).map_err(bad)
}

/// A row as JSON. A BLOB becomes `{"sha256": …}`, its bytes kept in `files`
/// (without `files`, as in the audit log's snapshots, only the reference stays).
fn row_json<'a>(row: &'a Row, mut files: Option<&mut BTreeMap<String, &'a [u8]>>) -> Json {
    let object = row
        .iter()
        .map(|(column, value)| {
            let value = match value {
                Value::Null => Json::Null,
                Value::Integer(i) => json!(i),
                // SQLite keeps no NaN; an infinity has no JSON and reads back as NULL.
                Value::Real(f) => json!(f),
                Value::Text(s) => json!(s),
                Value::Blob(bytes) => {
                    let sha = sha256_hex(bytes);
                    if let Some(files) = files.as_deref_mut() {
                        files.insert(sha.clone(), bytes.as_slice());
                    }
                    json!({ "sha256": sha })
                }
            };
            (column.clone(), value)
        })
        .collect();
    Json::Object(object)
}

fn row_value(object: Map<String, Json>, files: &BTreeMap<String, &[u8]>) -> Result<Row, String> {
    object
        .into_iter()
        .map(|(column, value)| {
            let value = match value {
                Json::Null => Value::Null,
                Json::Number(n) => match n.as_i64() {
                    Some(i) => Value::Integer(i),
                    None => Value::Real(n.as_f64().ok_or_else(|| format!("{column}: {n} is no number"))?),
                },
                Json::String(s) => Value::Text(s),
                Json::Object(reference) => {
                    let sha = reference.get("sha256").and_then(Json::as_str).unwrap_or_default();
                    let bytes = files
                        .get(&sha.to_ascii_lowercase())
                        .ok_or_else(|| format!("{column}: no file {sha} in the package"))?;
                    Value::Blob(bytes.to_vec())
                }
                other => return Err(format!("{column}: {other} is no column value")),
            };
            Ok((column, value))
        })
        .collect()
}

/// A short hash of one row, its columns in name order (so rows read from the
/// file and from a package hash alike): what a fingerprint keeps per row.
pub fn row_hash(row: &Row) -> String {
    let mut sorted = row.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    sha256_hex(row_json(&sorted, None).to_string().as_bytes())[..16].to_owned()
}

/// The council's rows as JSON text, BLOBs by their SHA-256 only: the
/// snapshot the audit log keeps of what a newer package replaced. (The PDFs'
/// bytes stay out, so an erasure, which rewrites the log's text, reaches
/// everything the log holds.)
pub fn snapshot(contents: &Contents) -> String {
    let tables: Map<String, Json> = contents
        .tables
        .iter()
        .map(|(table, rows)| (table.clone(), rows.iter().map(|row| row_json(row, None)).collect()))
        .collect();
    Json::Object(tables).to_string()
}

/// What an export says it did.
pub fn export_message(lang: Lang, info: &PackageInfo) -> String {
    t(
        lang,
        "package.exported",
        &[
            ("council", &info.council_name),
            ("path", &info.path),
            ("date", &when(lang, info.exported_at)),
        ],
    )
}

/// What an import of the package `file` says it did, naming the file.
/// What a package's kommune profile did, in `lang`: taken (who issued it
/// and when, and what changed, section by section: «Plikter: 8 lagt til,
/// 4 fjernet»), or left because the file's is as new or newer (said quietly).
pub fn profile_message(lang: Lang, profile: &PackageProfile) -> String {
    use crate::rules::profile as rules;
    if !profile.taken {
        return t(
            lang,
            "package.profile.older",
            &[("issued", &rules::issued_label(&profile.offered, lang))],
        );
    }
    let changes = rules::changes(&profile.previous, &profile.offered, lang);
    let mut summary = Vec::new();
    for (section, key) in [
        (ProfileSection::Duties, "package.profile.duties"),
        (ProfileSection::SeatCategories, "package.profile.seat_categories"),
        (ProfileSection::MeetingKinds, "package.profile.meeting_kinds"),
    ] {
        let count = |kinds: &[ProfileChangeKind]| {
            changes
                .iter()
                .filter(|c| c.section == section && kinds.contains(&c.change))
                .count()
        };
        let parts: Vec<String> = [
            (count(&[ProfileChangeKind::Added]), "package.profile.added"),
            (count(&[ProfileChangeKind::Removed]), "package.profile.removed"),
            (
                count(&[
                    ProfileChangeKind::Renamed,
                    ProfileChangeKind::Changed,
                    ProfileChangeKind::Moved,
                ]),
                "package.profile.changed",
            ),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, k)| t(lang, k, &[("count", &n.to_string())]))
        .collect();
        if !parts.is_empty() {
            summary.push(t(lang, key, &[("parts", &parts.join(", "))]));
        }
    }
    t(
        lang,
        "package.profile.taken",
        &[
            ("issued", &rules::issued_label(&profile.offered, lang)),
            ("summary", &summary.join(" ")),
        ],
    )
    .trim_end()
    .to_owned()
}

/// What reading in a package did, in `lang`, with what its kommune profile did.
pub fn import_message(lang: Lang, outcome: &ImportOutcome, file: &std::path::Path) -> String {
    let read = read_message(lang, outcome, file);
    match &outcome.profile {
        Some(profile) => format!("{read} {}", profile_message(lang, profile)),
        None => read,
    }
}

fn read_message(lang: Lang, outcome: &ImportOutcome, file: &std::path::Path) -> String {
    let key = match outcome.status {
        ImportStatus::Added => "package.added",
        ImportStatus::Replaced => "package.replaced",
        ImportStatus::Unchanged => "package.unchanged",
    };
    let p = &outcome.package;
    t(
        lang,
        key,
        &[
            ("council", &p.council_name),
            ("file", &file.display().to_string()),
            ("date", &when(lang, p.exported_at)),
            ("who", &p.exported_by),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn contents() -> Contents {
        // Columns by name, as JSON objects give them back.
        let row = vec![
            ("bytes".to_owned(), Value::Blob(b"%PDF-1.7 \0\xff".to_vec())),
            ("id".to_owned(), Value::Text("a".into())),
            ("n".to_owned(), Value::Integer(-3)),
            ("none".to_owned(), Value::Null),
            ("x".to_owned(), Value::Real(0.1)),
        ];
        Contents {
            tables: vec![("document".into(), vec![row]), ("empty".into(), vec![])],
        }
    }

    fn manifest() -> Manifest {
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        Manifest::new(3, "c1", "Lyngvik", at, "Kari")
    }

    #[test]
    fn every_value_survives_the_round_trip_and_the_bytes_are_reproducible() {
        let (built, bytes) = build(manifest(), contents()).unwrap();
        let read = read(&bytes, 3).unwrap();
        assert_eq!(read, built);
        assert_eq!(read.contents.row_count(), 1);
        assert_eq!(read.info(Path::new("p")).files, 1);
        assert_eq!(build(manifest(), contents()).unwrap().1, bytes, "no clock in the zip");
    }

    #[test]
    fn a_snapshot_names_files_by_checksum_only() {
        let text = snapshot(&contents());
        assert!(text.contains(&sha256_hex(b"%PDF-1.7 \0\xff")), "{text}");
        assert!(!text.contains("PDF"), "{text}");
    }

    #[test]
    fn a_newer_format_or_schema_is_too_new_and_garbage_is_unreadable() {
        let mut newer = manifest();
        newer.format_version = FORMAT_VERSION + 1;
        let (_, bytes) = build(newer, contents()).unwrap();
        assert_eq!(
            read(&bytes, 3).unwrap_err(),
            PackageFault::TooNew { found: 3, known: 3 }
        );
        let (_, bytes) = build(manifest(), contents()).unwrap();
        assert_eq!(
            read(&bytes, 2).unwrap_err(),
            PackageFault::TooNew { found: 3, known: 2 }
        );
        assert_eq!(read(b"PK\x03\x04 not really", 3).unwrap_err(), PackageFault::Unreadable);
    }

    #[test]
    fn norwegian_time_follows_summer_time() {
        let winter = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        let autumn = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(when(Lang::Nb, winter), "29.03.2026 kl. 01:59");
        assert_eq!(when(Lang::Nb, summer), "29.03.2026 kl. 03:00");
        assert_eq!(when(Lang::Nb, autumn), "25.10.2026 kl. 02:00");
        assert_eq!(
            when(Lang::Nb, Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).unwrap()),
            "01.01.2027 kl. 00:30"
        );
    }
}

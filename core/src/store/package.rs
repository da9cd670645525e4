//! The SQL of the hand-over package: a council's rows out of the file, and a
//! package's rows into it, all in one transaction. The format is
//! [`crate::package`]'s.
//!
//! Rows are copied generically, column by column as `PRAGMA table_info`
//! names them, so a new column needs no code here and a new table one line
//! in [`TABLES`].

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use super::{audit, codec, councils, home, known_version, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{Actor, ImportOutcome, ImportStatus, PackageInfo, Replacement};
use crate::package::{self, Contents, Manifest, Package, PackageFault, Row};
use crate::progress::{check, tick, NoProgress, Progress};

const BY_MEETING: &str = "meeting_id IN (SELECT id FROM meeting WHERE council_id = ?1)";
const BY_ITEM: &str = "item_id IN (SELECT id FROM agenda_item WHERE council_id = ?1)";
const BY_SCHEME: &str = "scheme_id IN (SELECT id FROM grant_scheme WHERE council_id = ?1)";
const BY_APPLICATION: &str = "application_id IN (SELECT a.id FROM grant_application a
     JOIN grant_scheme s ON s.id = a.scheme_id WHERE s.council_id = ?1)";

/// The tables of a council's package, in foreign-key order (a row's parents
/// come first), each with the condition that selects the council's rows
/// (`?1` is the council's id). Audit rows and settings are never handed over.
pub(super) const TABLES: &[(&str, &str)] = &[
    ("council", "id = ?1"),
    ("council_seat", "council_id = ?1"),
    (
        "person",
        "id IN (SELECT person_id FROM membership WHERE council_id = ?1)",
    ),
    ("membership", "council_id = ?1"),
    ("meeting", "council_id = ?1"),
    ("agenda_item", "council_id = ?1"),
    ("attendance", BY_MEETING),
    ("meeting_signatory", BY_MEETING),
    ("amendment", BY_MEETING),
    ("document", BY_MEETING),
    ("recusal", BY_ITEM),
    ("follow_up", BY_ITEM),
    ("alternative_proposal", BY_ITEM),
    ("grant_scheme", "council_id = ?1"),
    ("grant_criterion", BY_SCHEME),
    ("grant_application", BY_SCHEME),
    ("grant_inhabil", BY_APPLICATION),
    ("grant_score", BY_APPLICATION),
    ("grant_amendment", BY_APPLICATION),
    ("grant_payout", BY_APPLICATION),
    ("grant_letter", BY_APPLICATION),
    ("item_decision", BY_ITEM),
    (
        "decision_recusal",
        "decision_id IN (SELECT d.id FROM item_decision d JOIN agenda_item i ON i.id = d.item_id WHERE i.council_id = ?1)",
    ),
    ("agenda_statement", BY_ITEM),
    ("statement_letter", BY_ITEM),
    ("duty", "council_id = ?1"),
    ("duty_confirmation", "council_id = ?1"),
    ("annual_report", "council_id = ?1"),
    ("account_entry", "council_id = ?1"),
];

/// A package from a file before migration 18 holds the council's seat plan
/// in five `seats_<category>` columns of its council row: they become the
/// `council_seat` rows this schema holds (a category with no seats, no row).
fn upgrade_seat_plan(contents: &mut Contents) {
    let mut seats: Vec<Row> = Vec::new();
    for (_, rows) in contents.tables.iter_mut().filter(|(t, _)| t == "council") {
        for row in rows {
            let id = row.iter().find(|(c, _)| c == "id").map(|(_, v)| v.clone());
            row.retain(|(column, value)| match column.strip_prefix("seats_") {
                Some(category) => {
                    if let (Some(id), Value::Integer(n)) = (&id, value) {
                        if *n != 0 {
                            seats.push(vec![
                                ("council_id".to_owned(), id.clone()),
                                ("category".to_owned(), Value::Text(category.to_owned())),
                                ("seats".to_owned(), value.clone()),
                            ]);
                        }
                    }
                    false
                }
                None => true,
            });
        }
    }
    if !seats.is_empty() && contents.rows("council_seat").is_empty() {
        contents.tables.retain(|(t, _)| t != "council_seat");
        contents.tables.push(("council_seat".to_owned(), seats));
    }
}

/// Tables whose rows are referred to from outside the council's rows: a
/// person may sit in other councils too, and `package_snapshot` names the council.
/// Their rows are upserted and never deleted; every other table's rows of the
/// council are deleted and written anew.
const SHARED: &[&str] = &["council", "person"];

pub(super) struct Column {
    pub(super) name: String,
    /// Position in the primary key, from 1; 0 if not part of it.
    pub(super) key: i64,
}

/// Columns that triggers keep from other rows: never handed over, so a
/// package cannot set them; they are computed anew as its rows are written.
const DERIVED: &[(&str, &str)] = &[("grant_application", "paid_ore")];

/// The columns of `table` (a name from [`TABLES`], never from a package),
/// but the [`DERIVED`] ones.
pub(super) fn columns(conn: &Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let rows = stmt.query_map([], |r| {
        Ok(Column {
            name: r.get("name")?,
            key: r.get("pk")?,
        })
    })?;
    let mut columns = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    columns.retain(|c| !DERIVED.contains(&(table, c.name.as_str())));
    Ok(columns)
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn key_columns(columns: &[Column]) -> Vec<String> {
    let mut key: Vec<&Column> = columns.iter().filter(|c| c.key > 0).collect();
    key.sort_by_key(|c| c.key);
    key.iter().map(|c| quoted(&c.name)).collect()
}

/// The council's rows of one table, every column, ordered by primary key.
pub(super) fn rows(conn: &Connection, table: &str, selection: &str, council_id: &str) -> Result<Vec<Row>> {
    let columns = columns(conn, table)?;
    let names: Vec<String> = columns.iter().map(|c| quoted(&c.name)).collect();
    let key = key_columns(&columns);
    let order = if key.is_empty() {
        "rowid".to_owned()
    } else {
        key.join(", ")
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {} FROM {table} WHERE {selection} ORDER BY {order}",
        names.join(", ")
    ))?;
    let rows = stmt.query_map([council_id], |r| {
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| Ok((c.name.clone(), r.get::<_, Value>(i)?)))
            .collect()
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Everything of one council in this file, as a package holds it.
pub fn contents(conn: &Connection, council_id: &str) -> Result<Contents> {
    let tables = TABLES
        .iter()
        .map(|(table, selection)| Ok((table.to_string(), rows(conn, table, selection, council_id)?)))
        .collect::<Result<_>>()?;
    Ok(Contents { tables })
}

/// Checks, before anything is written, that the package's tables and
/// columns are ones this file has, and that it holds its one council.
/// Returns the council's name. A package from an older Grendebok may lack
/// tables and columns; they are left empty or at their defaults.
fn check_shape<'a>(conn: &Connection, package: &'a Package) -> Result<&'a str, PackageFault> {
    for (table, rows) in &package.contents.tables {
        if !TABLES.iter().any(|(known, _)| known == table) {
            return Err(PackageFault::in_table(table, "not a table of a council"));
        }
        let columns = columns(conn, table).map_err(|e| PackageFault::in_table(table, e.to_string()))?;
        for (column, _) in rows.iter().flatten() {
            if !columns.iter().any(|c| c.name == *column) {
                return Err(PackageFault::in_table(table, format!("no column {column}")));
            }
        }
    }
    let column = |row: &'a Row, name: &str| row.iter().find(|(c, _)| c == name).map(|(_, v)| v);
    match package.contents.rows("council") {
        [row] if column(row, "id") == Some(&Value::Text(package.manifest.council_id.clone())) => {
            match column(row, "name") {
                Some(Value::Text(name)) => Ok(name),
                _ => Err(PackageFault::in_table("council", "the council has no name")),
            }
        }
        _ => Err(PackageFault::in_table("council", "not the one council of the manifest")),
    }
}

/// Writes the package's rows, table by table in foreign-key order; the rows
/// of the shared tables are upserted. A row the schema refuses (a broken
/// CHECK, a reference to a row not there) refuses the package.
fn insert(
    conn: &Connection,
    contents: &Contents,
    bad: impl Fn(PackageFault) -> CoreError,
    progress: &dyn Progress,
) -> Result<()> {
    let total: u64 = TABLES.iter().map(|(t, _)| contents.rows(t).len() as u64).sum();
    let mut done = 0;
    tick(progress, done, total, "")?;
    for (table, _) in TABLES {
        let key = key_columns(&columns(conn, table)?).join(", ");
        for row in contents.rows(table) {
            let names: Vec<String> = row.iter().map(|(c, _)| quoted(c)).collect();
            let slots: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            let mut sql = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                slots.join(", ")
            );
            if SHARED.contains(table) {
                let set: Vec<String> = names.iter().map(|n| format!("{n} = excluded.{n}")).collect();
                sql.push_str(&format!(" ON CONFLICT ({key}) DO UPDATE SET {}", set.join(", ")));
            }
            let written = conn
                .prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(row.iter().map(|(_, v)| v)));
            match written {
                Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                    return Err(bad(PackageFault::in_table(table, e.to_string())))
                }
                other => other?,
            };
            done += 1;
            tick(progress, done, total, table)?;
        }
    }
    Ok(())
}

/// Deletes the council's rows of every table but the shared ones, children first.
fn delete(conn: &Connection, council_id: &str) -> Result<()> {
    for (table, selection) in TABLES.iter().rev().filter(|(t, _)| !SHARED.contains(t)) {
        conn.execute(&format!("DELETE FROM {table} WHERE {selection}"), [council_id])?;
    }
    Ok(())
}

/// After writing: every row of the package is one of its council's, so a
/// package cannot slip rows into another council.
fn check_owned(conn: &Connection, package: &Package) -> Result<(), PackageFault> {
    for (table, selection) in TABLES {
        let here: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE {selection}"),
                [&package.manifest.council_id],
                |r| r.get(0),
            )
            .map_err(|e| PackageFault::in_table(table, e.to_string()))?;
        let sent = package.contents.rows(table).len();
        if here != sent as i64 {
            return Err(PackageFault::in_table(
                table,
                format!("{sent} rows, {here} of them of the council"),
            ));
        }
    }
    Ok(())
}

/// After writing: the council reads back the way its screens read it, so a
/// value the row checks let through but a screen could not read refuses the
/// package instead of breaking the screen.
fn read_back(conn: &Connection, council_id: &str) -> Result<(), PackageFault> {
    fn unreadable(table: &'static str) -> impl Fn(CoreError) -> PackageFault {
        move |e| PackageFault::in_table(table, e.to_string())
    }
    councils::get(conn, council_id).map_err(unreadable("council"))?;
    super::memberships::of_council(conn, council_id).map_err(unreadable("membership"))?;
    for meeting in super::meetings::of_council(conn, council_id).map_err(unreadable("meeting"))? {
        super::meetings::detail(conn, &meeting.id).map_err(unreadable("meeting"))?;
    }
    super::payouts::of_council_year(conn, council_id, None).map_err(unreadable("grant_application"))?;
    Ok(())
}

/// The archive of what this file printed: its own, never guarded, and not
/// counted among a council's changes (a package's rows replace it as before,
/// and the audit log's snapshot keeps what they replaced).
pub(super) const ARCHIVES: &[&str] = &["document", "grant_letter", "statement_letter", "annual_report"];

/// Table → row key → row hash.
pub(super) type Fingerprint = BTreeMap<String, BTreeMap<String, String>>;

/// The newest snapshot of a council this file holds: its `exported_at` as stored.
fn newest(conn: &Connection, council_id: &str) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(exported_at) FROM package_snapshot WHERE council_id = ?1",
        [council_id],
        |r| r.get(0),
    )?)
}

fn parse_instant(text: &str) -> Result<DateTime<Utc>> {
    text.parse().map_err(|e| {
        CoreError::Db(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    })
}

/// Remembers a package written or read in here, with an audit row naming it.
fn record(conn: &Connection, actor: &Actor, direction: &str, package: &Package, path: &Path) -> Result<()> {
    let m = &package.manifest;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    conn.execute(
        "INSERT OR IGNORE INTO package_snapshot (sha256, council_id, direction, exported_at, exported_by,
                                                 file_name, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            package.sha256,
            m.council_id,
            direction,
            codec::instant(m.exported_at),
            m.exported_by,
            file_name,
            codec::instant(actor.at),
            actor.name
        ],
    )?;
    let named = serde_json::json!({
        "file": file_name,
        "sha256": package.sha256,
        "exportedAt": codec::instant(m.exported_at),
        "exportedBy": m.exported_by,
    });
    let field = if direction == "export" {
        "packageExported"
    } else {
        "packageImported"
    };
    audit::record(
        conn,
        actor,
        "council",
        &m.council_id,
        field,
        None,
        Some(&named.to_string()),
    )
}

fn import(
    conn: &Connection,
    actor: &Actor,
    package: &Package,
    path: &Path,
    replace: bool,
    progress: &dyn Progress,
) -> Result<ImportOutcome> {
    let bad = |fault| CoreError::BadPackage {
        path: path.display().to_string(),
        fault,
    };
    let m = &package.manifest;
    // A package from more than a day ahead of this clock: one of the clocks
    // is wrong, and a snapshot dated in the future would refuse every later one.
    if m.exported_at > actor.at + chrono::Duration::days(1) {
        let (date, time) = package::norwegian_date_time(m.exported_at);
        return Err(CoreError::Conflict(
            FieldIssue::new("", "package.from_future")
                .with("date", date)
                .with("time", time),
        ));
    }
    let newest = newest(conn, &m.council_id)?;
    let previous_name = match councils::get(conn, &m.council_id) {
        Ok(council) => Some(council.name),
        Err(CoreError::NotFound { .. }) => None,
        Err(e) => return Err(e),
    };
    let outcome = |status| -> Result<ImportOutcome> {
        Ok(ImportOutcome {
            status,
            package: package.info(path),
            previous_name: previous_name.clone(),
            previous_exported_at: newest.as_deref().map(parse_instant).transpose()?,
            profile: None,
        })
    };
    let seen: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM package_snapshot WHERE sha256 = ?1",
            [&package.sha256],
            |r| r.get(0),
        )
        .optional()?;
    if seen.is_some() {
        return outcome(ImportStatus::Unchanged);
    }
    let name = check_shape(conn, package).map_err(bad)?;
    if let Some(newest) = &newest {
        if codec::instant(m.exported_at) <= *newest {
            let (date, time) = package::norwegian_date_time(m.exported_at);
            let (known_date, known_time) = package::norwegian_date_time(parse_instant(newest)?);
            return Err(CoreError::Conflict(
                FieldIssue::new("", "package.not_newer")
                    .with(
                        "council",
                        previous_name.clone().unwrap_or_else(|| m.council_name.clone()),
                    )
                    .with("date", date)
                    .with("time", time)
                    .with("known_date", known_date)
                    .with("known_time", known_time),
            ));
        }
    }
    let wanted = name.to_lowercase();
    if councils::all(conn)?
        .iter()
        .any(|c| c.id != m.council_id && c.name.to_lowercase() == wanted)
    {
        return Err(CoreError::Conflict(
            FieldIssue::new("", "package.name_taken").with("name", name),
        ));
    }
    if let Some(council) = &previous_name {
        let home_here = home::home_elsewhere(conn, &m.council_id)?.is_none();
        let (changes, logged_changes) = home::changes_since(conn, &m.council_id)?;
        if !replace && (home_here || !changes.is_empty() || logged_changes > 0) {
            return Err(CoreError::WouldReplace(Box::new(Replacement {
                council: council.clone(),
                file: path.display().to_string(),
                home_here,
                since: newest.as_deref().map(parse_instant).transpose()?,
                changes,
                logged_changes,
            })));
        }
    }
    home::unguarded(conn, || {
        write_council(conn, actor, package, path, previous_name.is_some(), bad, progress)
    })?;
    // The last chance to stop: cancelled now, the transaction is rolled back.
    check(progress)?;
    outcome(if previous_name.is_some() {
        ImportStatus::Replaced
    } else {
        ImportStatus::Added
    })
}

/// Replaces (or adds) the council's rows with the package's, records where
/// it is kept, and remembers the package and the council's fingerprint.
fn write_council(
    conn: &Connection,
    actor: &Actor,
    package: &Package,
    path: &Path,
    replacing: bool,
    bad: impl Fn(PackageFault) -> CoreError,
    progress: &dyn Progress,
) -> Result<()> {
    let m = &package.manifest;
    if replacing {
        let before = package::snapshot(&contents(conn, &m.council_id)?);
        audit::record(
            conn,
            actor,
            "council",
            &m.council_id,
            "snapshot",
            Some(&before),
            Some(&package.sha256),
        )?;
        delete(conn, &m.council_id)?;
    }
    insert(conn, &package.contents, &bad, progress)?;
    check_owned(conn, package).map_err(&bad)?;
    read_back(conn, &m.council_id).map_err(&bad)?;
    // Someone erased here stays erased, whatever an older snapshot of theirs says.
    super::privacy::erase_again(conn, actor)?;
    let own = home::installation_id(conn, actor)?;
    match &m.home_id {
        Some(home) if *home == own => {
            conn.execute("DELETE FROM council_home WHERE council_id = ?1", [&m.council_id])?;
        }
        home => {
            conn.execute(
                "INSERT INTO council_home (council_id, home_id) VALUES (?1, ?2)
                 ON CONFLICT (council_id) DO UPDATE SET home_id = excluded.home_id",
                params![m.council_id, home.clone().unwrap_or_default()],
            )?;
        }
    }
    record(conn, actor, "import", package, path)?;
    home::save_fingerprint(conn, &m.council_id, &package.sha256)
}

impl Store {
    /// Writes one council as one package beside `out` (a temporary file,
    /// flushed), remembers it here, so an older package of the council is
    /// never read in over it, and only then renames it over `out`. If
    /// remembering fails, whatever was at `out` is left as it was.
    pub fn export_package(&mut self, actor: &Actor, council_id: &str, out: &Path) -> Result<PackageInfo> {
        // Read-only: refused before the file is written, as the record could not be.
        self.writable()?;
        let council = councils::get(&self.conn, council_id)?;
        // The home the package names: this file, or the one that keeps the council.
        let home = match home::home_elsewhere(&self.conn, council_id)?.filter(|h| !h.is_empty()) {
            Some(home) => home,
            None => self.write(|tx| home::installation_id(tx, actor))?,
        };
        // Stored instants have milliseconds: the manifest says what the file remembers.
        let at = actor.at.trunc_subsecs(3);
        let mut manifest = Manifest::new(known_version(), &council.id, &council.name, at, &actor.name);
        manifest.home_id = Some(home);
        manifest.profile = super::profile::for_package(&self.conn)?;
        let (package, bytes) = package::build(manifest, contents(&self.conn, council_id)?)?;
        self.export_target(out)?;
        let staged = crate::pdf::stage(out, &bytes)?;
        self.write(|tx| {
            record(tx, actor, "export", &package, out)?;
            home::save_fingerprint(tx, council_id, &package.sha256)
        })?;
        staged.put_in_place()?;
        Ok(package.info(out))
    }

    /// Reads in a package, all of it in one transaction or nothing. The whole
    /// file is checked first (see [`package::read`]). A council not here is
    /// added; one here is replaced if the package is newer than the snapshot
    /// here, its previous rows kept in the audit log as a snapshot; the very
    /// same package again changes nothing; an older one is refused.
    ///
    /// A council kept in this file (its home), or one changed here since its
    /// last package, is replaced only when `replace` says the person agreed;
    /// otherwise the import is refused with [`CoreError::WouldReplace`], which
    /// says what would be lost. A package made more than a day ahead of
    /// `actor.at` is refused.
    pub fn import_package(&mut self, actor: &Actor, path: &Path, replace: bool) -> Result<ImportOutcome> {
        self.import_package_with_progress(actor, path, replace, &NoProgress)
    }

    /// [`Store::import_package`], reporting each row written. Cancelled, the
    /// transaction is rolled back: the file is as it was before.
    pub fn import_package_with_progress(
        &mut self,
        actor: &Actor,
        path: &Path,
        replace: bool,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome> {
        self.writable()?;
        let bad = |fault| CoreError::BadPackage {
            path: path.display().to_string(),
            fault,
        };
        let mut package = package::read_file(path, known_version())?.map_err(bad)?;
        upgrade_seat_plan(&mut package.contents);
        super::package_rows::check(&package.contents).map_err(bad)?;
        check(progress)?;
        self.write(|tx| {
            let mut outcome = import(tx, actor, &package, path, replace, progress)?;
            let previous = super::profile::current(tx)?;
            let offered = package.manifest.profile.as_ref();
            let taken = super::profile::take_from_package(tx, actor, offered)?.map_err(bad)?;
            outcome.profile = offered.map(|offered| crate::model::PackageProfile {
                taken,
                offered: if taken {
                    super::profile::current(tx).unwrap_or_else(|_| offered.clone())
                } else {
                    offered.clone()
                },
                previous,
            });
            Ok(outcome)
        })
    }
}

//! The SQLite store: the only place in Grendebok that speaks SQL.
//!
//! One file is the whole state of an installation. Every connection gets the
//! same pragmas (WAL, `synchronous=FULL`, foreign keys, a busy timeout); every
//! write is one immediate transaction that either commits whole or leaves
//! nothing behind, and records what it changed in the audit log.
//!
//! Each submodule holds the queries of one table as plain functions over a
//! `&Connection` (a transaction derefs to one), so several can be composed
//! into one transaction; `Store`'s methods are the public doors.

mod account;
mod alternatives;
mod audit;
pub mod backup;
mod batch;
mod codec;
mod councils;
mod decisions;
mod demo;
mod demo_grants;
mod documents;
mod duties;
mod generate;
mod grants;
mod guard;
mod handover;
mod integrity;
mod meetings;
mod memberships;
mod package;
mod package_rows;
mod people;
pub mod privacy;
pub mod review;
mod search;
mod settings;
mod stats;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use include_dir::{include_dir, Dir};
use rusqlite::{Connection, TransactionBehavior};
use rusqlite_migration::{MigrationDefinitionError, Migrations};

use crate::error::{CoreError, FieldIssue, Result};
use crate::intake::applications::{
    self as intake_apps, ApplicationField, ApplicationsImported, ApplicationsPreview, CheckedRows,
};
use crate::intake::Sheet;
use crate::model::*;
use crate::rules::{self, composition};

pub use demo::DemoSummary;
pub use generate::{GenerateSummary, ScaleSpec};
pub use guard::{lock_path, Damage, APPLICATION_ID};
pub use handover::KommuneExport;

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/../migrations");
static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::from_directory(&MIGRATIONS_DIR).expect("migrations/ holds numbered folders with up.sql")
});

/// The migrations compiled into this program, for `validate()` in tests.
pub fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// A page cache of 32 MiB (SQLite's default is 2 MiB): a coordinator's file of
/// many councils and decades stays in memory for the screens they use,
/// instead of being read again page by page.
const CACHE: &str = "PRAGMA cache_size = -32768";

pub struct Store {
    conn: Connection,
    /// The database file, or `None` in memory.
    path: Option<PathBuf>,
    /// Held while the store is open on a file: one writer per database.
    _lock: Option<guard::WriterLock>,
    /// Open read-only: every write is refused with `CoreError::ReadOnly`.
    read_only: bool,
    /// Opened with the whole-file check deferred: no write before it passes.
    gate: Option<integrity::Gate>,
}

pub use integrity::IntegrityCheck;

/// Whom a notice tells to send word when one cannot come: the council's
/// secretary among those called to the meeting, if it has one.
pub(crate) fn notice_secretary(conn: &Connection, detail: &MeetingDetail) -> Result<Option<Person>> {
    match detail.attendance.iter().find(|r| r.role == Role::Sekretaer) {
        Some(row) => Ok(Some(memberships::get(conn, &row.membership_id)?.person)),
        None => Ok(None),
    }
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) if missing,
    /// and brings its schema up to date. An existing file is first inspected
    /// read-only: a damaged, foreign or too new file is refused untouched.
    /// When the file or its folder cannot be written, the file is opened
    /// read-only instead ([`Store::open_read_only`]) and nothing is written.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_to(path, guard::Depth::Whole)
    }

    /// [`Store::open`] without reading every page first: the header, schema
    /// and length are checked, and the whole-file check is returned to run
    /// on a thread of its own while the first screen is read. No write is let
    /// through before that check has found the file sound (a write waits for
    /// it, or runs it); a damaged file then refuses every write. A file that
    /// must be migrated, or is not in WAL mode, is checked whole at once.
    pub fn open_checking_later(path: &Path) -> Result<(Store, Option<IntegrityCheck>)> {
        let store = Store::open_to(path, guard::Depth::Header)?;
        let check = store.integrity_check();
        Ok((store, check))
    }

    /// The whole-file check still owed by a store from
    /// [`Store::open_checking_later`] (`None` when checked at open).
    pub fn integrity_check(&self) -> Option<IntegrityCheck> {
        self.gate.as_ref().map(integrity::Gate::check)
    }

    fn open_to(path: &Path, depth: guard::Depth) -> Result<Store> {
        let folder = guard::folder_of(path);
        if let Err(e) = std::fs::create_dir_all(folder) {
            return Err(if guard::is_read_only_io(&e) {
                CoreError::ReadOnlyFolder {
                    path: folder.display().to_string(),
                }
            } else {
                e.into()
            });
        }
        let existed = std::fs::symlink_metadata(path).is_ok();
        if let guard::Access::ReadOnly { immutable } = guard::access(path) {
            if !existed {
                return Err(CoreError::ReadOnlyFolder {
                    path: folder.display().to_string(),
                });
            }
            return Store::open_read_only_as(path, immutable);
        }
        let lock = match guard::lock(path) {
            // The OS said writable, but the lock file cannot be made after all.
            Err(CoreError::Io(e)) if existed && guard::is_read_only_io(&e) => return Store::open_read_only(path),
            other => other?,
        };
        let existed = std::fs::symlink_metadata(path).is_ok();
        let mut depth = if existed && guard::in_wal_mode(path) {
            depth
        } else {
            guard::Depth::Whole
        };
        if existed {
            guard::inspect_to(path, known_version(), guard::readable_as_immutable(path), depth)?;
        }
        let conn = Connection::open(path)?;
        let version = if existed { user_version(&conn)? } else { 0 };
        if version > 0 && version < known_version() {
            if depth != guard::Depth::Whole {
                guard::inspect(path, known_version())?;
                depth = guard::Depth::Whole;
            }
            // The schema is about to change: keep a copy that is never rotated away.
            backup::take(&conn, path, backup::BackupKind::PreMigration, chrono::Utc::now())?;
        }
        let mut store = Store::setup(conn, Some(lock))?;
        store.path = Some(path.to_owned());
        if depth == guard::Depth::Header {
            store.gate = Some(integrity::Gate::pending(path));
        }
        Ok(store)
    }

    /// Opens an existing database read-only: the file is never written to,
    /// no migration or backup is made, and every write is refused with
    /// `CoreError::ReadOnly`. The writer lock is taken if its file can be
    /// made. A file older than this program is refused (it cannot be brought
    /// up to date); one that is damaged or too new, as by [`Store::open`].
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::open_read_only_as(path, guard::readable_as_immutable(path))
    }

    fn open_read_only_as(path: &Path, immutable: bool) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(CoreError::NoDatabase(path.display().to_string()));
        }
        if !guard::folder_writable(path) && guard::wal_without_shm(path) {
            // Commits only in the WAL, and no `-shm` SQLite could read them through.
            return Err(CoreError::ReadOnlyWal {
                path: path.display().to_string(),
            });
        }
        let lock = guard::lock_if_possible(path)?;
        guard::inspect_with(path, known_version(), immutable)?;
        let conn = guard::open_read_only(path, immutable)?;
        let found = user_version(&conn)?;
        if found < known_version() {
            return Err(CoreError::ReadOnlyOutdated {
                path: path.display().to_string(),
                found,
                known: known_version(),
            });
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // query_only: should a write ever get past `writable`, SQLite refuses it too.
        conn.execute_batch(&format!("PRAGMA foreign_keys = ON; PRAGMA query_only = ON; {CACHE};"))?;
        conn.set_prepared_statement_cache_capacity(64);
        people::register_fold(&conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            _lock: lock,
            read_only: true,
            gate: None,
        })
    }

    /// Opens an existing database; refuses when there is no file at `path`.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(CoreError::NoDatabase(path.display().to_string()));
        }
        Store::open(path)
    }

    /// Opens an existing database for a command that only reads (a list, a
    /// search): like [`Store::open_existing`], but without reading every page
    /// first — the header, the schema and the file's length are checked, as
    /// the app does at start ([`Store::open_checking_later`]). On a
    /// coordinator's file that check takes seconds, the read milliseconds.
    /// Should a write come through this store after all, it runs the
    /// whole-file check first and is refused on a damaged file; a file that
    /// must be migrated is checked whole at once.
    pub fn open_existing_to_read(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(CoreError::NoDatabase(path.display().to_string()));
        }
        Store::open_to(path, guard::Depth::Header)
    }

    /// Creates a new, empty database; refuses to touch an existing file.
    pub fn create(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(CoreError::AlreadyExists(path.display().to_string()));
        }
        Store::open(path)
    }

    /// A private in-memory database with every migration applied, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, lock: Option<guard::WriterLock>) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // journal_mode answers with the mode it set, so it is read as a query.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch(&format!(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; {CACHE};"
        ))?;
        conn.set_prepared_statement_cache_capacity(64);
        people::register_fold(&conn)?;
        match MIGRATIONS.to_latest(&mut conn) {
            Err(rusqlite_migration::Error::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead)) => {
                return Err(CoreError::TooNew {
                    found: user_version(&conn)?,
                    known: known_version(),
                })
            }
            other => other?,
        }
        Ok(Store {
            conn,
            path: None,
            _lock: lock,
            read_only: false,
            gate: None,
        })
    }

    /// Whether the store is open read-only (the file or its folder cannot be written).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The first step of every door that writes: refused when open read-only.
    fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        match &self.gate {
            Some(gate) => gate.wait_sound(&self.conn),
            None => Ok(()),
        }
    }

    /// Runs `f` in one immediate transaction: all of it commits, or none of it.
    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.writable()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = match f(&tx) {
            Ok(value) => value,
            Err(e) => {
                drop(tx);
                // A council kept in another file: say where, not what SQLite said.
                return Err(package::kept_elsewhere_error(&self.conn, e));
            }
        };
        tx.commit()?;
        Ok(value)
    }

    /// Takes a backup now: a whole, checked copy beside the database.
    pub fn backup(&self, kind: backup::BackupKind, now: DateTime<Utc>) -> Result<backup::BackupInfo> {
        self.writable()?;
        let path = self
            .path
            .as_deref()
            .ok_or_else(|| CoreError::NoDatabase(":memory:".into()))?;
        backup::take(&self.conn, path, kind, now)
    }

    /// The file this store is open on (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        user_version(&self.conn)
    }

    // --- settings -----------------------------------------------------------

    pub fn settings(&self) -> Result<Settings> {
        settings::get(&self.conn)
    }

    /// The person making changes: the name given at first start.
    pub fn actor(&self, at: DateTime<Utc>) -> Result<Actor> {
        let name = self.settings()?.user_name.unwrap_or_else(|| "grendebok".to_owned());
        Ok(Actor::new(name, at))
    }

    pub fn save_user_name(&mut self, name: &str, at: DateTime<Utc>) -> Result<Settings> {
        let name = crate::rules::validate::user_name(name)?;
        self.write(|tx| {
            let actor = Actor::new(name.clone(), at);
            settings::set(tx, &actor, settings::USER_NAME, &name)?;
            settings::get(tx)
        })
    }

    pub fn save_language(&mut self, lang: Lang, at: DateTime<Utc>) -> Result<Settings> {
        let actor = self.actor(at)?;
        self.write(|tx| {
            settings::set(tx, &actor, settings::LANGUAGE, lang.code())?;
            settings::get(tx)
        })
    }

    // --- councils -----------------------------------------------------------

    pub fn create_council(&mut self, actor: &Actor, input: &CouncilInput) -> Result<Council> {
        let input = crate::rules::validate::council(input)?;
        self.write(|tx| councils::create(tx, actor, &input))
    }

    pub fn update_council(&mut self, actor: &Actor, id: &str, input: &CouncilInput) -> Result<Council> {
        let input = crate::rules::validate::council(input)?;
        self.write(|tx| councils::update(tx, actor, id, &input))
    }

    pub fn council(&self, id: &str) -> Result<Council> {
        councils::get(&self.conn, id)
    }

    /// All councils, by name.
    pub fn councils(&self) -> Result<Vec<Council>> {
        councils::all(&self.conn)
    }

    /// Councils whose id is `query`, or whose name is `query` ignoring case,
    /// or else whose name contains it.
    pub fn find_councils(&self, query: &str) -> Result<Vec<Council>> {
        let query = query.trim();
        let all = self.councils()?;
        let exact: Vec<Council> = all
            .iter()
            .filter(|c| c.id == query || c.name.to_lowercase() == query.to_lowercase())
            .cloned()
            .collect();
        if !exact.is_empty() {
            return Ok(exact);
        }
        let needle = query.to_lowercase();
        Ok(all
            .into_iter()
            .filter(|c| c.name.to_lowercase().contains(&needle))
            .collect())
    }

    /// The composition check of one council on `today`.
    pub fn composition(&self, council: &Council, today: NaiveDate, lang: Lang) -> Result<Composition> {
        let memberships = memberships::of_council(&self.conn, &council.id)?;
        Ok(composition::check(council, &memberships, today, lang))
    }

    /// One row per council for the council list.
    pub fn council_summaries(&self, today: NaiveDate, lang: Lang) -> Result<Vec<CouncilSummary>> {
        let mut sitting = memberships::sitting_by_council(&self.conn, today)?;
        self.councils()?
            .into_iter()
            .map(|council| {
                let members = sitting.remove(&council.id).unwrap_or_default();
                let c = composition::check(&council, &members, today, lang);
                Ok(CouncilSummary {
                    id: council.id,
                    name: council.name,
                    kind: council.kind,
                    area: council.area,
                    seats_planned: c.seats_planned,
                    seats_filled: c.seats_filled,
                    seats_vacant: c.seats_vacant,
                    warning_count: c.warning_count() as i32,
                })
            })
            .collect()
    }

    /// Everything the council page shows.
    pub fn council_detail(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<CouncilDetail> {
        let council = councils::get(&self.conn, id)?;
        let all = memberships::of_council(&self.conn, id)?;
        let composition = composition::check(&council, &all, today, lang);
        let (mut current, mut upcoming, mut former) = (Vec::new(), Vec::new(), Vec::new());
        for m in all {
            if m.sits_on(today) {
                current.push(m);
            } else if m.term_from > today {
                upcoming.push(m);
            } else {
                former.push(m);
            }
        }
        current.sort_by_key(|m| (m.category, role_order(m.role), rules::names::sort_key(&m.person.name)));
        upcoming.sort_by_key(|m| (m.term_from, rules::names::sort_key(&m.person.name)));
        former.sort_by_key(|m| std::cmp::Reverse(m.last_day()));
        Ok(CouncilDetail {
            council,
            composition,
            current,
            upcoming,
            former,
            accounting_year: crate::rules::duties::accounting_year(today),
        })
    }

    // --- people and memberships ----------------------------------------------

    pub fn people(&self) -> Result<Vec<Person>> {
        people::all(&self.conn)
    }

    /// Up to `limit` people whose name or e-mail holds `query`, ignoring
    /// case (`ø` finds `Ø`), by name: the member form's search.
    pub fn find_people(&self, query: &str, limit: usize) -> Result<PeopleFound> {
        people::find(&self.conn, query, limit)
    }

    pub fn add_membership(&mut self, actor: &Actor, input: &MembershipInput) -> Result<Membership> {
        let input = crate::rules::validate::membership(input)?;
        self.write(|tx| memberships::add(tx, actor, &input))
    }

    /// Seats from a members' spreadsheet (XLSX or CSV, see [`crate::intake`]):
    /// every row checked first and every fault reported at once; then all
    /// rows written in one transaction, or none.
    pub fn import_members(&mut self, actor: &Actor, council_id: &str, path: &Path) -> Result<MembersImported> {
        self.import_members_with_progress(actor, council_id, path, &crate::progress::NoProgress)
    }

    /// The same, reporting each hundred seats; a cancel rolls the whole list back.
    pub fn import_members_with_progress(
        &mut self,
        actor: &Actor,
        council_id: &str,
        path: &Path,
        progress: &dyn crate::progress::Progress,
    ) -> Result<MembersImported> {
        let sheet = crate::intake::read_sheet(path)?;
        let seats = crate::intake::member_rows(&sheet, council_id)?;
        self.write(|tx| memberships::import(tx, actor, seats, progress))
    }

    pub fn update_membership(&mut self, actor: &Actor, id: &str, edit: &MembershipEdit) -> Result<Membership> {
        let edit = crate::rules::validate::membership_edit(edit)?;
        self.write(|tx| memberships::update(tx, actor, id, &edit))
    }

    /// Ends a seat: from `ended_on` the member no longer sits. History stays.
    pub fn end_membership(&mut self, actor: &Actor, id: &str, ended_on: NaiveDate, reason: &str) -> Result<Membership> {
        if !rules::validate::date_in_range(ended_on) {
            return Err(CoreError::invalid(FieldIssue::new(
                "endedOn",
                "validation.date_out_of_range",
            )));
        }
        let reason = rules::validate::free_text("endReason", reason)?;
        self.write(|tx| memberships::end(tx, actor, id, ended_on, &reason))
    }

    pub fn memberships_of_council(&self, council_id: &str) -> Result<Vec<Membership>> {
        memberships::of_council(&self.conn, council_id)
    }

    // --- meetings -------------------------------------------------------------

    pub fn meetings_of_council(&self, council_id: &str) -> Result<Vec<MeetingSummary>> {
        meetings::of_council(&self.conn, council_id)
    }

    pub fn meeting(&self, id: &str) -> Result<Meeting> {
        meetings::get(&self.conn, id)
    }

    /// Everything the meeting page shows, with the minutes' completeness check.
    pub fn meeting_detail(&self, id: &str, lang: Lang) -> Result<MeetingDetail> {
        meetings::detail(&self.conn, id, lang)
    }

    /// [`Store::meeting_detail`] as it stands on `today`: how many days are
    /// left to the meeting, for the question before marking it held.
    pub fn meeting_detail_on(&self, id: &str, lang: Lang, today: NaiveDate) -> Result<MeetingDetail> {
        let mut detail = meetings::detail(&self.conn, id, lang)?;
        detail.lifecycle = rules::meetings::lifecycle(&detail.meeting, Some(today));
        Ok(detail)
    }

    /// Takes back the meeting's last status change, until the next step is taken.
    pub fn undo_status(&mut self, actor: &Actor, id: &str) -> Result<Meeting> {
        self.write(|tx| {
            meetings::undo_status(tx, actor, id)?;
            meetings::get(tx, id)
        })
    }

    pub fn create_meeting(&mut self, actor: &Actor, input: &MeetingInput) -> Result<Meeting> {
        let input = rules::meetings::meeting(input)?;
        self.write(|tx| meetings::create(tx, actor, &input))
    }

    pub fn update_meeting(&mut self, actor: &Actor, id: &str, input: &MeetingInput) -> Result<Meeting> {
        let input = rules::meetings::meeting(input)?;
        self.write(|tx| meetings::update(tx, actor, id, &input))
    }

    /// Planned → notice sent; the agenda's items get their case numbers.
    pub fn send_notice(&mut self, actor: &Actor, id: &str) -> Result<Meeting> {
        self.write(|tx| {
            meetings::send_notice(tx, actor, id)?;
            meetings::get(tx, id)
        })
    }

    /// Notice sent → held.
    pub fn mark_held(&mut self, actor: &Actor, id: &str) -> Result<Meeting> {
        self.write(|tx| {
            meetings::mark_held(tx, actor, id)?;
            meetings::get(tx, id)
        })
    }

    /// Held → approved, when the minutes are complete; the protocol is then
    /// locked, and its final PDF is laid out and archived in the same write.
    pub fn approve_minutes(&mut self, actor: &Actor, id: &str, approval: &Approval, lang: Lang) -> Result<Meeting> {
        self.write(|tx| {
            meetings::approve(tx, actor, id, approval, lang)?;
            documents::archive_final_minutes(tx, actor, id)?;
            meetings::get(tx, id)
        })
    }

    /// The final minutes of an approved meeting as archived (record and
    /// bytes); `None` while they are a draft.
    pub fn final_minutes(&self, meeting_id: &str) -> Result<Option<(DocumentRecord, Vec<u8>)>> {
        documents::final_minutes(&self.conn, meeting_id, false)
    }

    /// The public version of an approved meeting's minutes as archived at
    /// approval (record and bytes); `None` while they are a draft.
    pub fn final_public_minutes(&self, meeting_id: &str) -> Result<Option<(DocumentRecord, Vec<u8>)>> {
        documents::final_minutes(&self.conn, meeting_id, true)
    }

    /// Held meetings whose minutes are not yet approved, of one council (or
    /// all) in `year`, oldest first: they wait, and never go out as final.
    pub fn minutes_waiting(&self, council_id: Option<&str>, year: i32) -> Result<Vec<MeetingSummary>> {
        let councils = match council_id {
            Some(id) => vec![councils::get(&self.conn, id)?],
            None => self.councils()?,
        };
        let mut waiting = Vec::new();
        for council in councils {
            let mut held: Vec<MeetingSummary> = meetings::of_council(&self.conn, &council.id)?
                .into_iter()
                .filter(|m| chrono::Datelike::year(&m.date) == year && m.status == MeetingStatus::Held)
                .collect();
            held.reverse();
            waiting.extend(held);
        }
        Ok(waiting)
    }

    /// Items of later meetings whose decision can approve this meeting's minutes.
    pub fn approval_candidates(&self, meeting_id: &str, lang: Lang) -> Result<Vec<ApprovalCandidate>> {
        meetings::approval_candidates(&self.conn, meeting_id, lang)
    }

    /// A correction to approved minutes, reported in the next minutes.
    pub fn add_amendment(&mut self, actor: &Actor, meeting_id: &str, text: &str) -> Result<()> {
        let text = rules::validate::free_text("text", text)?;
        self.write(|tx| meetings::add_amendment(tx, actor, meeting_id, &text))
    }

    /// Puts an item on the agenda; returns its id.
    pub fn add_item(&mut self, actor: &Actor, meeting_id: &str, input: &AgendaItemInput) -> Result<String> {
        let input = rules::meetings::item(input)?;
        self.write(|tx| meetings::add_item(tx, actor, meeting_id, &input))
    }

    /// Puts an item that was not decided on a later meeting of the council
    /// (a new item there; the first minutes keep it as not decided). Returns
    /// the later meeting's id.
    pub fn carry_over_item(&mut self, actor: &Actor, item_id: &str, to_meeting_id: &str) -> Result<String> {
        self.write(|tx| {
            let item = meetings::item(tx, item_id)?;
            let meeting = meetings::get(tx, &item.meeting_id)?;
            let council = councils::get(tx, &meeting.council_id)?;
            let lang = crate::documents::document_lang(&council);
            meetings::carry_over(tx, actor, item_id, to_meeting_id, lang)
        })
    }

    /// Changes an item's title, kind, background or proposal; returns its meeting's id.
    pub fn update_item(&mut self, actor: &Actor, item_id: &str, input: &AgendaItemInput) -> Result<String> {
        let input = rules::meetings::item(input)?;
        self.write(|tx| meetings::update_item(tx, actor, item_id, &input))
    }

    /// Records an item's decision or note, votes and closed session; returns its meeting's id.
    /// A closed session is held to the council's kind: a formal body names the
    /// ground of kommuneloven § 11-5, a voluntary council its statutes.
    pub fn record_item(&mut self, actor: &Actor, item_id: &str, record: &ItemRecord) -> Result<String> {
        self.write(|tx| {
            let item = meetings::item(tx, item_id)?;
            let meeting = meetings::get(tx, &item.meeting_id)?;
            let council = councils::get(tx, &meeting.council_id)?;
            let record = rules::meetings::record_for(record, council.legal_mode)?;
            meetings::record_item(tx, actor, item_id, &record)
        })
    }

    /// Records who chaired the meeting and who took the minutes.
    pub fn set_meeting_roles(&mut self, actor: &Actor, meeting_id: &str, roles: &MeetingRoles) -> Result<()> {
        self.write(|tx| meetings::set_roles(tx, actor, meeting_id, roles))
    }

    /// Records who chaired an item while the meeting's chair had left for it
    /// (`None`: the meeting's chair); returns the meeting's id.
    pub fn set_item_chair(&mut self, actor: &Actor, item_id: &str, chair_id: Option<&str>) -> Result<String> {
        self.write(|tx| meetings::set_item_chair(tx, actor, item_id, chair_id))
    }

    /// Records who chaired a decision inside an item while the meeting's chair
    /// had left for it; returns the meeting's id.
    pub fn set_decision_chair(&mut self, actor: &Actor, decision_id: &str, chair_id: Option<&str>) -> Result<String> {
        self.write(|tx| decisions::set_chair(tx, actor, decision_id, chair_id))
    }

    /// Adds an alternative proposal, with its votes, to an item; returns the meeting's id.
    pub fn add_alternative(&mut self, actor: &Actor, item_id: &str, input: &AlternativeInput) -> Result<String> {
        let input = rules::meetings::alternative(input)?;
        self.write(|tx| alternatives::add(tx, actor, item_id, &input))
    }

    pub fn update_alternative(&mut self, actor: &Actor, id: &str, input: &AlternativeInput) -> Result<String> {
        let input = rules::meetings::alternative(input)?;
        self.write(|tx| alternatives::update(tx, actor, id, &input))
    }

    pub fn remove_alternative(&mut self, actor: &Actor, id: &str) -> Result<String> {
        self.write(|tx| alternatives::remove(tx, actor, id))
    }

    pub fn withdraw_item(&mut self, actor: &Actor, item_id: &str) -> Result<String> {
        self.write(|tx| meetings::withdraw_item(tx, actor, item_id))
    }

    pub fn move_item(&mut self, actor: &Actor, item_id: &str, offset: i32) -> Result<String> {
        self.write(|tx| meetings::move_item(tx, actor, item_id, offset))
    }

    pub fn set_recusal(&mut self, actor: &Actor, item_id: &str, membership_id: &str, reason: &str) -> Result<String> {
        let reason = rules::validate::free_text("reason", reason)?;
        self.write(|tx| meetings::set_recusal(tx, actor, item_id, membership_id, &reason))
    }

    pub fn remove_recusal(&mut self, actor: &Actor, item_id: &str, membership_id: &str) -> Result<String> {
        self.write(|tx| meetings::remove_recusal(tx, actor, item_id, membership_id))
    }

    /// Adds a decision inside a vedtak item (one per application in a grant
    /// round). Returns the meeting's id.
    pub fn add_decision(&mut self, actor: &Actor, item_id: &str, input: &ItemDecisionInput) -> Result<String> {
        let input = rules::meetings::decision_input(input)?;
        self.write(|tx| decisions::add(tx, actor, item_id, &input))
    }

    pub fn record_decision(&mut self, actor: &Actor, decision_id: &str, record: &ItemDecisionRecord) -> Result<String> {
        let record = rules::meetings::decision_record(record)?;
        self.write(|tx| decisions::record(tx, actor, decision_id, &record))
    }

    pub fn remove_decision(&mut self, actor: &Actor, decision_id: &str) -> Result<String> {
        self.write(|tx| decisions::remove(tx, actor, decision_id))
    }

    /// Records that a member present left for one decision inside an item.
    pub fn set_decision_recusal(
        &mut self,
        actor: &Actor,
        decision_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<String> {
        let reason = rules::validate::free_text("reason", reason)?;
        self.write(|tx| decisions::set_recusal(tx, actor, decision_id, membership_id, &reason))
    }

    pub fn remove_decision_recusal(&mut self, actor: &Actor, decision_id: &str, membership_id: &str) -> Result<String> {
        self.write(|tx| decisions::remove_recusal(tx, actor, decision_id, membership_id))
    }

    pub fn add_follow_up(&mut self, actor: &Actor, item_id: &str, input: &FollowUpInput) -> Result<String> {
        let input = rules::meetings::follow_up(input)?;
        self.write(|tx| meetings::add_follow_up(tx, actor, item_id, &input))
    }

    pub fn remove_follow_up(&mut self, actor: &Actor, follow_up_id: &str) -> Result<String> {
        self.write(|tx| meetings::remove_follow_up(tx, actor, follow_up_id))
    }

    /// Records when a member present arrived and left, by agenda item
    /// ("møtte fra sak 05/26"); quorum per item counts only who was there.
    pub fn set_attendance_span(&mut self, actor: &Actor, meeting_id: &str, span: &AttendanceSpan) -> Result<()> {
        self.write(|tx| meetings::set_span(tx, actor, meeting_id, span))
    }

    pub fn set_attendance(&mut self, actor: &Actor, meeting_id: &str, input: &AttendanceInput) -> Result<()> {
        self.write(|tx| meetings::set_attendance(tx, actor, meeting_id, input))
    }

    /// Lays out a meeting's notice or minutes in the council's målform, dated
    /// `created` (the same record and the same `created` give the same bytes).
    pub fn render_document(
        &self,
        meeting_id: &str,
        kind: DocumentKind,
        created: DateTime<Utc>,
    ) -> Result<crate::documents::Rendered> {
        self.render_version(meeting_id, kind, false, created)
    }

    /// [`Store::render_document`] in full (`public` false) or as the public
    /// version, in which every item exempt from public access is withheld.
    pub fn render_version(
        &self,
        meeting_id: &str,
        kind: DocumentKind,
        public: bool,
        created: DateTime<Utc>,
    ) -> Result<crate::documents::Rendered> {
        let meeting = meetings::get(&self.conn, meeting_id)?;
        let council = councils::get(&self.conn, &meeting.council_id)?;
        let detail = meetings::detail(&self.conn, meeting_id, crate::documents::document_lang(&council))?;
        let secretary = notice_secretary(&self.conn, &detail)?;
        Ok(crate::documents::render(
            kind,
            public,
            &detail,
            secretary.as_ref(),
            created,
        ))
    }

    /// Exports a meeting's notice or minutes to `out`: written to a temporary
    /// file and renamed, so a failed export never leaves half a file, then
    /// archived in the database with its checksums. If archiving fails, the
    /// file is removed again, so the archive and the disk agree.
    pub fn export_document(
        &mut self,
        actor: &Actor,
        meeting_id: &str,
        kind: DocumentKind,
        out: &Path,
    ) -> Result<DocumentRecord> {
        self.export_version(actor, meeting_id, kind, false, out)
    }

    /// [`Store::export_document`] in full (`public` false) or as the public
    /// version; either is archived, marked as what it is. Minutes not yet
    /// approved say UTKAST in either version.
    pub fn export_version(
        &mut self,
        actor: &Actor,
        meeting_id: &str,
        kind: DocumentKind,
        public: bool,
        out: &Path,
    ) -> Result<DocumentRecord> {
        // Read-only: refused before the file is written, as the archive row could not be.
        self.writable()?;
        let rendered = self.render_version(meeting_id, kind, public, actor.at)?;
        self.save_and_archive(out, &rendered, |tx, file_name, sha256| {
            documents::archive(
                tx,
                actor,
                &documents::NewDocument {
                    kind,
                    public,
                    meeting_id,
                    file_name,
                    sha256,
                    content_sha256: &rendered.content_sha256,
                    bytes: &rendered.bytes,
                },
            )
        })
    }

    /// Writes a rendered PDF beside `out` (a temporary file, flushed), archives
    /// it in one write with the name it is saved under and its SHA-256, and
    /// only then renames it over `out`. A failed export never leaves half a
    /// file, and a failed archive leaves whatever was at `out` as it was.
    fn save_and_archive<T>(
        &mut self,
        out: &Path,
        rendered: &crate::documents::Rendered,
        archive: impl FnOnce(&Connection, &str, &str) -> Result<T>,
    ) -> Result<T> {
        self.writable()?;
        self.export_target(out)?;
        let staged = crate::pdf::stage(out, &rendered.bytes)?;
        let sha256 = crate::pdf::sha256_hex(&rendered.bytes);
        let file_name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| rendered.file_name.clone());
        let archived = self.write(|tx| archive(tx, &file_name, &sha256))?;
        staged.put_in_place()?;
        Ok(archived)
    }

    /// Refuses an export aimed at the store itself: the database file (by any
    /// path), its `-wal`, `-shm`, `-journal` or lock, or its backups folder.
    pub(crate) fn export_target(&self, out: &Path) -> Result<()> {
        match &self.path {
            Some(db) if guard::is_part_of_store(db, out) => Err(CoreError::ExportOverStore {
                path: out.display().to_string(),
            }),
            _ => Ok(()),
        }
    }

    /// The file name a document of a meeting is offered under, e.g.
    /// `Protokoll Lyngvik nærmiljøutvalg 2026-03-12.pdf`.
    pub fn document_file_name(&self, meeting_id: &str, kind: DocumentKind) -> Result<String> {
        self.version_file_name(meeting_id, kind, false)
    }

    /// [`Store::document_file_name`] of the full or the public version
    /// (`… 2026-03-12 offentlig versjon.pdf`).
    pub fn version_file_name(&self, meeting_id: &str, kind: DocumentKind, public: bool) -> Result<String> {
        let meeting = meetings::get(&self.conn, meeting_id)?;
        let council = councils::get(&self.conn, &meeting.council_id)?;
        Ok(crate::documents::version_file_name(kind, public, &council, &meeting))
    }

    /// The bases for exemption from public access the item form offers a
    /// council: texts in its målform, hints in `lang`.
    pub fn exemption_bases(&self, council_id: &str, lang: Lang) -> Result<Vec<crate::model::ExemptionBasis>> {
        let council = councils::get(&self.conn, council_id)?;
        Ok(crate::rules::access::bases(
            council.legal_mode,
            crate::documents::document_lang(&council),
            lang,
        ))
    }

    /// Archived PDFs whose content checksum starts with `prefix`, as printed in a footer.
    pub fn documents_by_content_prefix(&self, prefix: &str) -> Result<Vec<DocumentRecord>> {
        documents::by_content_prefix(&self.conn, prefix)
    }

    // --- grants ---------------------------------------------------------------

    pub fn create_scheme(&mut self, actor: &Actor, input: &SchemeInput) -> Result<GrantScheme> {
        let data = rules::grants::scheme(input)?;
        self.write(|tx| grants::create_scheme(tx, actor, &data))
    }

    pub fn update_scheme(&mut self, actor: &Actor, id: &str, input: &SchemeInput) -> Result<GrantScheme> {
        let data = rules::grants::scheme(input)?;
        self.write(|tx| grants::update_scheme(tx, actor, id, &data))
    }

    pub fn scheme(&self, id: &str) -> Result<GrantScheme> {
        grants::scheme(&self.conn, id)
    }

    /// A council's schemes, newest year first, with their budget bars.
    pub fn schemes_of_council(&self, council_id: &str, today: NaiveDate) -> Result<Vec<SchemeSummary>> {
        grants::schemes_of_council(&self.conn, council_id, today)
    }

    /// The scheme page: budget bar, the committee's side-by-side view, reports overdue on `today`.
    pub fn scheme_detail(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<SchemeDetail> {
        grants::scheme_detail(&self.conn, id, today, lang)
    }

    pub fn application(&self, id: &str, lang: Lang) -> Result<Application> {
        grants::application(&self.conn, id, lang)
    }

    pub fn application_detail(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<ApplicationDetail> {
        grants::application_detail(&self.conn, id, today, lang)
    }

    /// Checks an application form without saving it: every broken rule at
    /// once, so a form whose date the UI could not read still hears about
    /// its other fields in the same round.
    pub fn check_application(&self, input: &ApplicationInput) -> Result<()> {
        rules::grants::application(input).map(|_| ())
    }

    /// Applications from a web form's export or a spreadsheet (XLSX or CSV,
    /// see [`crate::intake`]) into `scheme_id`: every row held to the form's
    /// rules first and every fault reported at once; then all added in one
    /// transaction, numbered in the file's order, or none. Late ones are
    /// flagged as late, as typed ones are.
    /// Applications from a form's export with its headings as they are: every
    /// row good, or nothing written.
    pub fn import_applications(&mut self, actor: &Actor, scheme_id: &str, path: &Path) -> Result<Vec<Application>> {
        Ok(self
            .import_applications_mapped(actor, scheme_id, path, None, false, &crate::progress::NoProgress)?
            .added)
    }

    /// The rows of a form's export held to the form's rules, read through
    /// `columns` (the recognised headings when `None`): each known
    /// application of the scheme is a fault of its row.
    fn check_application_sheet(
        &self,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
    ) -> Result<(Sheet, Vec<Option<ApplicationField>>, Result<CheckedRows>)> {
        let sheet = crate::intake::read_sheet(path)?;
        let columns = columns.unwrap_or_else(|| intake_apps::suggested_columns(&sheet.headings));
        let existing: Vec<(String, String)> = grants::applications_of(&self.conn, scheme_id, Lang::Nb)?
            .iter()
            .map(|a| intake_apps::same_application_key(&a.organisation, &a.title))
            .collect();
        let checked = intake_apps::check_rows(&sheet, scheme_id, &columns, &existing);
        Ok((sheet, columns, checked))
    }

    /// What reading a form's export into `scheme_id` would do, written
    /// nowhere: the columns and the fields they go to, the good rows and every
    /// fault.
    pub fn preview_applications(
        &self,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
        lang: Lang,
    ) -> Result<ApplicationsPreview> {
        let deadline = self.scheme(scheme_id)?.deadline;
        let (sheet, columns, checked) = self.check_application_sheet(scheme_id, path, columns)?;
        intake_apps::preview(lang, &path.display().to_string(), &sheet, &columns, checked, deadline)
    }

    /// Reads a form's export into `scheme_id` through `columns`. A bad row
    /// refuses the whole file unless `leave_out_bad`, which reads the good
    /// rows and reports the others; either way in one transaction, which a
    /// cancel rolls back whole.
    pub fn import_applications_mapped(
        &mut self,
        actor: &Actor,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
        leave_out_bad: bool,
        progress: &dyn crate::progress::Progress,
    ) -> Result<ApplicationsImported> {
        let (_, _, checked) = self.check_application_sheet(scheme_id, path, columns)?;
        let checked = checked?;
        if !checked.faults.is_empty() && !leave_out_bad {
            return Err(CoreError::BadRows(checked.faults));
        }
        if checked.good.is_empty() {
            return Err(CoreError::BadRows(checked.faults));
        }
        let total = checked.good.len() as u64;
        let added = self.write(|tx| {
            let mut added = Vec::with_capacity(checked.good.len());
            for (i, (_, data)) in checked.good.iter().enumerate() {
                if i % 100 == 0 {
                    crate::progress::tick(progress, i as u64, total, "")?;
                }
                added.push(grants::add_application(tx, actor, data)?);
            }
            crate::progress::tick(progress, total, total, "")?;
            Ok(added)
        })?;
        Ok(ApplicationsImported {
            added,
            left_out: checked.faults,
        })
    }

    pub fn add_application(&mut self, actor: &Actor, input: &ApplicationInput) -> Result<Application> {
        let data = rules::grants::application(input)?;
        self.write(|tx| grants::add_application(tx, actor, &data))
    }

    /// Corrects an application; refused once it is decided or withdrawn.
    pub fn update_application(&mut self, actor: &Actor, id: &str, input: &ApplicationInput) -> Result<Application> {
        let data = rules::grants::application(input)?;
        self.write(|tx| grants::update_application(tx, actor, id, &data))
    }

    pub fn withdraw_application(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| grants::withdraw(tx, actor, id))
    }

    pub fn start_review(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| grants::start_review(tx, actor, id))
    }

    /// The committee's proposed amount (kroner as typed; empty clears it).
    pub fn propose_amount(&mut self, actor: &Actor, id: &str, amount: &str) -> Result<Application> {
        let proposed = match amount.trim() {
            "" => None,
            text => Some(rules::grants::amount("proposed", text, false)?),
        };
        self.write(|tx| grants::propose(tx, actor, id, proposed))
    }

    pub fn declare_inhabil(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<Application> {
        let reason = rules::validate::free_text("reason", reason)?;
        self.write(|tx| grants::declare_inhabil(tx, actor, application_id, membership_id, &reason))
    }

    pub fn clear_inhabil(&mut self, actor: &Actor, application_id: &str, membership_id: &str) -> Result<Application> {
        self.write(|tx| grants::clear_inhabil(tx, actor, application_id, membership_id))
    }

    /// Finds a member proposed inhabil not inhabil after all, with the reason.
    pub fn overrule_inhabil(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<Application> {
        let reason = rules::validate::free_text("reason", reason)?;
        self.write(|tx| grants::overrule_inhabil(tx, actor, application_id, membership_id, &reason))
    }

    /// One member's scores of one application, every criterion in one write.
    pub fn save_scores(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        scores: &[ScoreInput],
    ) -> Result<Application> {
        self.write(|tx| grants::save_scores(tx, actor, application_id, membership_id, scores))
    }

    /// The decision: the amount granted (0 refuses) with reasons, tied to a vedtak item.
    pub fn decide_application(&mut self, actor: &Actor, id: &str, input: &DecisionInput) -> Result<Application> {
        let granted = rules::grants::amount("granted", &input.granted, false)?;
        let reasons = rules::validate::free_text("reasons", &input.reasons)?;
        self.write(|tx| grants::decide(tx, actor, id, granted, &reasons, &input.item_id))
    }

    /// The decision letter was sent: from now on the grant changes only by an amendment.
    pub fn mark_letter_sent(&mut self, actor: &Actor, id: &str) -> Result<Application> {
        self.write(|tx| grants::mark_letter_sent(tx, actor, id))
    }

    pub fn amend_grant(&mut self, actor: &Actor, id: &str, input: &GrantAmendmentInput) -> Result<Application> {
        let granted = rules::grants::amount("granted", &input.granted, false)?;
        let reason = rules::validate::free_text("reason", &input.reason)?;
        self.write(|tx| grants::amend(tx, actor, id, granted, &reason, input.item_id.trim()))
    }

    pub fn add_payout(&mut self, actor: &Actor, id: &str, input: &PayoutInput) -> Result<Application> {
        let amount = rules::grants::amount("amount", &input.amount, true)?;
        if !rules::validate::date_in_range(input.date) {
            return Err(CoreError::invalid(FieldIssue::new(
                "date",
                "validation.date_out_of_range",
            )));
        }
        self.write(|tx| grants::add_payout(tx, actor, id, input.date, amount))
    }

    pub fn record_report(&mut self, actor: &Actor, id: &str, input: &ReportInput) -> Result<Application> {
        if !rules::validate::date_in_range(input.received) {
            return Err(CoreError::invalid(FieldIssue::new(
                "received",
                "validation.date_out_of_range",
            )));
        }
        let report = ReportInput {
            summary: rules::validate::free_text("summary", &input.summary)?,
            ..input.clone()
        };
        self.write(|tx| grants::record_report(tx, actor, id, &report))
    }

    /// A scheme's ledger: one row per application.
    pub fn ledger(&self, scheme_id: &str, lang: Lang) -> Result<Vec<LedgerRow>> {
        grants::ledger(&self.conn, scheme_id, lang)
    }

    /// Schemes of a council (of one year, if given) with their applications.
    pub fn grants_of_council(
        &self,
        council_id: &str,
        year: Option<i32>,
        lang: Lang,
    ) -> Result<Vec<(GrantScheme, Vec<Application>)>> {
        let year = year.map(rules::validate::year).transpose()?;
        grants::of_council_year(&self.conn, council_id, year, lang)
    }

    /// Lays out an application's decision letter in the council's målform, dated `created`.
    pub fn render_letter(&self, application_id: &str, created: DateTime<Utc>) -> Result<crate::documents::Rendered> {
        let facts = self.letter_facts(application_id)?;
        Ok(crate::letters::grant_letter(&facts, created))
    }

    fn letter_facts(&self, application_id: &str) -> Result<crate::letters::LetterFacts> {
        letter_facts(&self.conn, application_id)
    }

    /// The notice of a meeting as an e-mail draft (`.eml`) to everyone who
    /// sits on the council that day and has an e-mail address, with the
    /// notice PDF attached and a short text in the council's målform naming
    /// whom to tell of an absence. Returns the draft's file name and bytes.
    pub fn notice_draft(&self, meeting_id: &str, now: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let meeting = meetings::get(&self.conn, meeting_id)?;
        let council = councils::get(&self.conn, &meeting.council_id)?;
        let lang = crate::documents::document_lang(&council);
        let rendered = self.render_document(meeting_id, DocumentKind::Notice, now)?;
        let sitting: Vec<Membership> = memberships::of_council(&self.conn, &council.id)?
            .into_iter()
            .filter(|m| m.sits_on(meeting.date))
            .collect();
        // An absence is told to the secretary, else to the council's contact.
        let (who, how) = match sitting.iter().find(|m| m.role == Role::Sekretaer) {
            Some(s) => (s.person.name.clone(), [&s.person.phone, &s.person.email]),
            None => (
                council.contact_name.clone(),
                [&council.contact_phone, &council.contact_email],
            ),
        };
        let how: Vec<&str> = how.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        let excuse = if who.trim().is_empty() {
            crate::i18n::t(lang, "mail.notice.excuse_council", &[("council", &council.name)])
        } else {
            let who = if how.is_empty() {
                who
            } else {
                format!("{who} ({})", how.join(", "))
            };
            crate::i18n::t(lang, "mail.notice.excuse", &[("who", &who)])
        };
        let date = crate::i18n::date(meeting.date);
        let time = meeting.starts_at.format("%H:%M").to_string();
        let draft = crate::mail::Draft {
            to: sitting
                .iter()
                .map(|m| (m.person.name.clone(), m.person.email.clone()))
                .collect(),
            subject: crate::i18n::t(
                lang,
                "mail.notice.subject",
                &[("council", &council.name), ("date", &date)],
            ),
            body: crate::i18n::t(
                lang,
                "mail.notice.body",
                &[
                    ("council", &council.name),
                    ("date", &date),
                    ("time", &time),
                    ("place", &meeting.place),
                    ("excuse", &excuse),
                ],
            ),
            file_name: rendered.file_name.clone(),
            pdf: rendered.bytes,
        };
        Ok((eml_name(&rendered.file_name), crate::mail::eml(&draft, now)))
    }

    /// An application's decision letter as an e-mail draft to the applicant.
    pub fn letter_draft(&self, application_id: &str, now: DateTime<Utc>) -> Result<(String, Vec<u8>)> {
        let facts = self.letter_facts(application_id)?;
        let lang = crate::documents::document_lang(&facts.council);
        let rendered = crate::letters::grant_letter(&facts, now);
        let a = &facts.application;
        let name = if a.contact_name.is_empty() {
            a.organisation.clone()
        } else {
            a.contact_name.clone()
        };
        let draft = crate::mail::Draft {
            to: vec![(name, a.email.clone())],
            subject: crate::i18n::t(lang, "mail.letter.subject", &[("title", &a.title)]),
            body: crate::i18n::t(
                lang,
                "mail.letter.body",
                &[("title", &a.title), ("council", &facts.council.name)],
            ),
            file_name: rendered.file_name.clone(),
            pdf: rendered.bytes,
        };
        Ok((eml_name(&rendered.file_name), crate::mail::eml(&draft, now)))
    }

    /// The file name a decision letter is offered under.
    pub fn letter_file_name(&self, application_id: &str) -> Result<String> {
        Ok(crate::letters::file_name(&self.letter_facts(application_id)?))
    }

    /// Exports an application's decision letter to `out` (temporary file, then
    /// rename) and archives it with its checksums, like the minutes.
    pub fn export_letter(&mut self, actor: &Actor, application_id: &str, out: &Path) -> Result<LetterRecord> {
        let rendered = self.render_letter(application_id, actor.at)?;
        self.save_and_archive(out, &rendered, |tx, file_name, sha256| {
            grants::archive_letter(
                tx,
                actor,
                &grants::NewLetter {
                    application_id,
                    file_name,
                    sha256,
                    content_sha256: &rendered.content_sha256,
                    bytes: &rendered.bytes,
                },
            )
        })
    }

    /// Writes a scheme's ledger as CSV or XLSX to `out` (temporary file, then rename).
    pub fn export_ledger(&self, scheme_id: &str, format: LedgerFormat, out: &Path, lang: Lang) -> Result<usize> {
        let scheme = grants::scheme(&self.conn, scheme_id)?;
        let rows = grants::ledger(&self.conn, scheme_id, lang)?;
        let bytes = match format {
            LedgerFormat::Csv => crate::ledger::csv(&scheme, &rows, lang),
            LedgerFormat::Xlsx => crate::ledger::xlsx(&scheme, &rows, lang)?,
        };
        self.export_target(out)?;
        crate::pdf::write_atomically(out, &bytes)?;
        Ok(rows.len())
    }

    /// The file name a ledger is offered under.
    pub fn ledger_file_name(&self, scheme_id: &str, format: LedgerFormat, lang: Lang) -> Result<String> {
        let scheme = grants::scheme(&self.conn, scheme_id)?;
        Ok(crate::ledger::file_name(&scheme, format, lang))
    }

    // --- privacy ------------------------------------------------------------

    /// Everything the file holds about one person, for an access request.
    pub fn person_export(&self, person_id: &str) -> Result<privacy::PersonExport> {
        privacy::export(&self.conn, person_id)
    }

    /// The file name an access request is offered under:
    /// `Innsyn Kari Nordmann 2026-12-01.json` (in `lang`).
    pub fn person_export_file_name(&self, person_id: &str, today: NaiveDate, lang: Lang) -> Result<String> {
        let person = privacy::export(&self.conn, person_id)?.person;
        let word = crate::i18n::t(lang, "file.access_request", &[]);
        Ok(crate::documents::safe_file_name(&format!(
            "{word} {} {}.json",
            person.name,
            today.format("%Y-%m-%d")
        )))
    }

    /// Writes everything the file holds about one person (an access request,
    /// GDPR art. 15) to `out` as JSON: written beside it and renamed, so a
    /// failed write leaves no half file; never over the store or its backups.
    /// Reads only, so a read-only file can answer an access request too.
    pub fn export_person_data(&self, person_id: &str, out: &Path) -> Result<privacy::PersonExport> {
        self.export_target(out)?;
        let export = privacy::export(&self.conn, person_id)?;
        let json = serde_json::to_vec_pretty(&export).map_err(|e| CoreError::Io(std::io::Error::other(e)))?;
        crate::pdf::write_atomically(out, &json)?;
        Ok(export)
    }

    /// Erases a former member (see [`privacy::erase`]), then makes sure the
    /// old values are gone from the file and its WAL too: freed space is
    /// zeroed (`secure_delete`), the file is rebuilt, the WAL truncated, and
    /// a fresh backup replaces the newest one. Returns the pseudonym.
    pub fn erase_person(&mut self, actor: &Actor, person_id: &str, today: NaiveDate) -> Result<String> {
        self.writable()?;
        self.conn.execute_batch("PRAGMA secure_delete = ON")?;
        // An erasure reaches the person's rows in councils kept elsewhere too.
        let alias = self.write(|tx| {
            let alias = package::unguarded(tx, || privacy::erase(tx, actor, person_id, today))?;
            package::erasure_is_not_local_work(tx)?;
            Ok(alias)
        })?;
        // The search index merges its segments, so no erased word stays behind in it.
        self.conn.execute_batch(
            "INSERT INTO search_fts (search_fts) VALUES ('optimize'); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
        )?;
        if self.path.is_some() {
            self.backup(backup::BackupKind::Manual, actor.at)?;
        }
        Ok(alias)
    }

    // --- demo, audit, health --------------------------------------------------

    /// Fills an empty database with fictional councils and members, in one
    /// transaction; refuses when there are councils already.
    pub fn load_demo(&mut self, actor: &Actor, today: NaiveDate) -> Result<DemoSummary> {
        self.write(|tx| demo::load(tx, actor, today))
    }

    /// The audit log, oldest first; only one record's entries if `entity_id` is given.
    pub fn audit_log(&self, entity_id: Option<&str>) -> Result<Vec<AuditEntry>> {
        audit::entries(&self.conn, entity_id)
    }

    /// Lets SQLite copy the WAL into the file after any commit that leaves
    /// more than `pages` pages in it (its default is 1000). The crash test
    /// sets it low, so that kills land in checkpoints.
    pub fn set_wal_autocheckpoint(&self, pages: u32) -> Result<()> {
        let _pages: i64 = self
            .conn
            .query_row(&format!("PRAGMA wal_autocheckpoint = {pages}"), [], |r| r.get(0))?;
        Ok(())
    }

    /// Copies every committed page of the WAL into the file now (a passive
    /// checkpoint: it waits for no reader). For the crash test.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// `PRAGMA integrity_check`, the foreign keys, and every council's composition.
    pub fn health(&self, today: NaiveDate, lang: Lang) -> Result<HealthReport> {
        let integrity: Vec<String> = {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let foreign_key_violations: i32 = {
            let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
            let rows = stmt.query_map([], |_| Ok(()))?;
            rows.count() as i32
        };
        let councils = self
            .councils()?
            .into_iter()
            .map(|council| {
                Ok(CouncilHealth {
                    composition: self.composition(&council, today, lang)?,
                    id: council.id,
                    name: council.name,
                })
            })
            .collect::<Result<_>>()?;
        Ok(HealthReport {
            sound: integrity == ["ok"] && foreign_key_violations == 0,
            integrity,
            foreign_key_violations,
            schema_version: self.schema_version()? as i32,
            councils,
        })
    }
}

/// What an application's decision letter shows, gathered from the record.
fn letter_facts(conn: &Connection, application_id: &str) -> Result<crate::letters::LetterFacts> {
    let application = grants::application(conn, application_id, Lang::Nb)?;
    let scheme = grants::scheme(conn, &application.scheme_id)?;
    let council = councils::get(conn, &scheme.council_id)?;
    let lang = crate::documents::document_lang(&council);
    let application = grants::application(conn, application_id, lang)?;
    let Some(decision) = application.decision.clone() else {
        return Err(CoreError::Conflict(FieldIssue::new("", "validation.not_decided")));
    };
    let meeting = grants::decision_meeting(conn, &decision)?;
    let leader = memberships::of_council(conn, &council.id)?
        .into_iter()
        .find(|m| m.role == Role::Leder && m.sits_on(meeting.date))
        .map(|m| m.person.name);
    Ok(crate::letters::LetterFacts {
        application,
        decision,
        scheme,
        council,
        meeting,
        leader,
    })
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// The newest schema version this program knows.
pub fn known_version() -> i64 {
    MIGRATIONS_DIR.dirs().count() as i64
}

fn role_order(role: Role) -> usize {
    Role::ALL.iter().position(|r| *r == role).unwrap_or(usize::MAX)
}

/// A new id: UUID v7, so ids sort by creation and survive moving between installations.
fn new_id() -> String {
    #[cfg(test)]
    if let Some(n) = FIXED_IDS.with(|next| next.replace(next.get().map(|n| n + 1))) {
        let counter: [u8; 10] = (n as u128).to_be_bytes()[6..].try_into().expect("ten bytes");
        return uuid::Builder::from_unix_timestamp_millis(1_790_000_000_000, &counter)
            .into_uuid()
            .to_string();
    }
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
thread_local! {
    /// Set (by the UI fixtures' writer): new ids on this thread are UUID v7 of
    /// one fixed moment numbered from this counter, the same on every run.
    pub(crate) static FIXED_IDS: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod meeting_tests;

#[cfg(test)]
mod guard_tests;

#[cfg(test)]
mod read_only_tests;

#[cfg(test)]
mod backup_tests;

#[cfg(test)]
mod export_tests;

#[cfg(test)]
mod privacy_tests;

#[cfg(test)]
mod property_tests;

#[cfg(test)]
mod grant_tests;

#[cfg(test)]
mod decision_tests;

#[cfg(test)]
mod package_tests;

#[cfg(test)]
mod duty_tests;

#[cfg(test)]
mod progress_tests;

#[cfg(test)]
mod test_fixtures;

#[cfg(test)]
mod archive_tests;

#[cfg(test)]
mod reading_tests;

#[cfg(test)]
mod review_tests;

/// `Innkalling … .pdf` → `Innkalling … .eml`.
fn eml_name(pdf_name: &str) -> String {
    format!("{}.eml", pdf_name.strip_suffix(".pdf").unwrap_or(pdf_name))
}

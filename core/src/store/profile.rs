//! The `kommune_profile` table: the file's kommune profile, at most one row;
//! no row is the built-in default (`rules::profile::default_profile`).
//! Saved by the coordinator in the app, or taken from a newer profile the
//! kommune issued (a JSON file); an older or equal one is refused, a bad one
//! refused whole.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::{audit, codec, memberships, Store};
use crate::error::{at_path, CoreError, Result};
use crate::model::{Actor, KommuneProfile, Lang, ProfileEntry};
use crate::rules::profile as rules;

const ENTITY: &str = "kommune_profile";
const ROW: &str = "1";

/// The file's profile, or `None` when it follows the built-in default.
fn stored(conn: &Connection) -> Result<Option<KommuneProfile>> {
    let body: Option<String> = conn
        .query_row("SELECT body FROM kommune_profile WHERE id = 1", [], |r| r.get(0))
        .optional()?;
    body.map(|body| {
        serde_json::from_str(&body).map_err(|e| {
            CoreError::Db(rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                Box::new(e),
            ))
        })
    })
    .transpose()
}

pub(super) fn current(conn: &Connection) -> Result<KommuneProfile> {
    Ok(stored(conn)?.unwrap_or_else(rules::default_profile))
}

/// How many sit on `day` in each seat category, across every council.
fn categories_in_use(conn: &Connection, day: NaiveDate) -> Result<Vec<(String, i32)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT category, count(*) FROM membership WHERE {} GROUP BY category ORDER BY category",
        memberships::SITS_ON
    ))?;
    let rows = stmt.query_map([codec::day(day)], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remembers the names of every entry of `profile` (`profile_name`), so an
/// entry a later profile removes is still named where rows hold it.
fn remember_names(conn: &Connection, profile: &KommuneProfile, at: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO profile_name (section, key, names, saved_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (section, key) DO UPDATE SET names = excluded.names, saved_at = excluded.saved_at",
    )?;
    let entries = (profile
        .seat_categories
        .iter()
        .map(|e| ("seatCategories", &e.key, &e.names)))
    .chain(profile.duties.iter().map(|d| ("duties", &d.key, &d.names)))
    .chain(profile.meeting_kinds.iter().map(|e| ("meetingKinds", &e.key, &e.names)));
    for (section, key, names) in entries {
        let names = serde_json::to_string(names).expect("names serialise");
        stmt.execute(rusqlite::params![section, key, names, at])?;
    }
    Ok(())
}

/// The names `profile_name` holds for one part of the profile.
fn saved_names(conn: &Connection, section: &str) -> Result<Vec<ProfileEntry>> {
    let mut stmt = conn.prepare_cached("SELECT key, names FROM profile_name WHERE section = ?1 ORDER BY key")?;
    let rows = stmt.query_map([section], |r| {
        Ok(ProfileEntry {
            key: r.get(0)?,
            names: serde_json::from_str(&r.get::<_, String>(1)?).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn keys(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The names saved before and the keys the file's rows hold.
fn history(conn: &Connection) -> Result<rules::ProfileHistory> {
    Ok(rules::ProfileHistory {
        seat_categories: saved_names(conn, "seatCategories")?,
        meeting_kinds: saved_names(conn, "meetingKinds")?,
        seat_categories_held: keys(
            conn,
            "SELECT category FROM membership UNION SELECT category FROM council_seat WHERE seats > 0",
        )?,
        meeting_kinds_held: keys(conn, "SELECT DISTINCT kind FROM meeting")?,
    })
}

/// The labels in each language, for documents.
pub(super) fn labels_by_lang(conn: &Connection) -> Result<crate::model::LabelsByLang> {
    let (profile, history) = (current(conn)?, history(conn)?);
    let [nb, nn, en] = [Lang::Nb, Lang::Nn, Lang::En].map(|lang| rules::labels(&profile, &history, lang));
    Ok(crate::model::LabelsByLang { nb, nn, en })
}

/// Where each seat category comes in the file's profile: for lists ordered
/// by category (a removed category after the profile's, by key).
pub(super) fn seat_rank(conn: &Connection) -> Result<impl Fn(&crate::model::SeatCategory) -> usize> {
    let keys: Vec<String> = current(conn)?.seat_categories.into_iter().map(|c| c.key).collect();
    Ok(move |c: &crate::model::SeatCategory| keys.iter().position(|k| k == c.key()).unwrap_or(usize::MAX))
}

/// Writes `new` as the file's profile over `old`, one audit row per part changed.
fn put(conn: &Connection, actor: &Actor, old: &KommuneProfile, new: &KommuneProfile) -> Result<()> {
    let saved_at = codec::instant(actor.at);
    remember_names(conn, old, &saved_at)?;
    remember_names(conn, new, &saved_at)?;
    let body = serde_json::to_string(new).expect("a profile serialises");
    conn.execute(
        "INSERT INTO kommune_profile (id, kommune, issued_at, body, saved_at) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET kommune = excluded.kommune, issued_at = excluded.issued_at,
             body = excluded.body, saved_at = excluded.saved_at",
        rusqlite::params![
            new.kommune,
            codec::instant(new.issued_at),
            body,
            codec::instant(actor.at)
        ],
    )?;
    audit::record_diff(conn, actor, ENTITY, ROW, Some(old), new)
}

/// A profile saved, or offered to be read in, against the one it replaces,
/// with how many sit in each seat category (its key) on the day asked about;
/// `crate::views` says what changed in a language ([`crate::model::ProfileOutcome`]).
#[derive(Debug, Clone)]
pub struct ProfileChange {
    pub old: KommuneProfile,
    pub new: KommuneProfile,
    pub in_use: Vec<(String, i32)>,
}

fn change(conn: &Connection, old: &KommuneProfile, new: KommuneProfile, today: NaiveDate) -> Result<ProfileChange> {
    Ok(ProfileChange {
        old: old.clone(),
        new,
        in_use: categories_in_use(conn, today)?,
    })
}

/// The profile a package carries: the file's own, none when it follows the built-in.
pub(super) fn for_package(conn: &Connection) -> Result<Option<KommuneProfile>> {
    stored(conn)
}

/// Takes the profile a package carries when it is newer than the file's
/// (a secretary's file receiving the coordinator's); an older or equal one
/// is left as it is, never taken. A faulty one refuses the package whole,
/// its faults named. Whether it was taken.
pub(super) fn take_from_package(
    conn: &Connection,
    actor: &Actor,
    offered: Option<&KommuneProfile>,
) -> Result<Result<bool, crate::package::PackageFault>> {
    let Some(offered) = offered else { return Ok(Ok(false)) };
    let old = current(conn)?;
    if offered.issued_at <= old.issued_at {
        return Ok(Ok(false));
    }
    let offered = match rules::validate(offered) {
        Ok(valid) => valid,
        Err(CoreError::Invalid(issues)) => {
            let faults: Vec<String> = issues
                .iter()
                .map(|i| format!("profile.{}: {}", i.field, i.message(Lang::En)))
                .collect();
            return Ok(Err(crate::package::PackageFault::BadManifest(faults.join("; "))));
        }
        Err(other) => return Err(other),
    };
    put(conn, actor, &old, &offered)?;
    Ok(Ok(true))
}

/// `offered` must be newer than what the file holds.
fn check_newer(current: &KommuneProfile, offered: &KommuneProfile) -> Result<()> {
    if offered.issued_at <= current.issued_at {
        return Err(CoreError::ProfileNotNewer {
            kommune: offered.kommune.clone(),
            offered: offered.issued_at,
            current: current.issued_at,
        });
    }
    Ok(())
}

/// An instant to the millisecond, as the store keeps instants.
fn to_millis(at: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(at.timestamp_millis()).expect("an instant in range")
}

impl Store {
    /// The kommune profile the file follows: its own, or the built-in default.
    pub fn profile(&self) -> Result<KommuneProfile> {
        current(&self.conn)
    }

    /// What the file knows of seat categories and meeting kinds beyond its
    /// profile: the names it saved before and the keys its rows hold (for
    /// [`Store::profile_labels`]).
    pub fn profile_history(&self) -> Result<rules::ProfileHistory> {
        history(&self.conn)
    }

    /// The profile, and whether it is the built-in default (the file has none of its own).
    pub fn profile_and_source(&self) -> Result<(KommuneProfile, bool)> {
        Ok(match stored(&self.conn)? {
            Some(profile) => (profile, false),
            None => (rules::default_profile(), true),
        })
    }

    /// How many sit on `day` in each seat category (its key), across every
    /// council: for the warning when a category in use is removed.
    pub fn seat_categories_in_use(&self, day: NaiveDate) -> Result<Vec<(String, i32)>> {
        categories_in_use(&self.conn, day)
    }

    /// The coordinator's edit: `profile` checked whole (every fault at its
    /// field), issued now by its kommune and saved, with an audit row per
    /// part changed. Removing a seat category sitting members hold (on
    /// `today`) is allowed and told in `removedInUse`. The issue time is the
    /// actor's, and always later than the profile it replaces, so the saved
    /// profile is the newest a secretary's file has seen. Saving a profile
    /// that changes nothing writes nothing.
    /// ([`Store::save_profile`] says what changed in a language.)
    pub fn put_profile(&mut self, actor: &Actor, profile: &KommuneProfile, today: NaiveDate) -> Result<ProfileChange> {
        let old = self.profile()?;
        let issued_at = to_millis(actor.at).max(old.issued_at + chrono::Duration::milliseconds(1));
        let candidate = KommuneProfile {
            issued_at,
            ..profile.clone()
        };
        let new = rules::validate(&candidate)?;
        let unchanged = KommuneProfile {
            issued_at: old.issued_at,
            ..new.clone()
        } == old;
        if unchanged {
            return change(&self.conn, &old, old.clone(), today);
        }
        self.write(|tx| {
            let old = current(tx)?;
            put(tx, actor, &old, &new)?;
            change(tx, &old, new, today)
        })
    }

    /// What reading in the profile `json` would change, without writing:
    /// refused whole when it is not a sound profile (every fault at its
    /// field) or not newer than the file's ([`CoreError::ProfileNotNewer`]).
    pub fn offered_profile(&self, json: &str, today: NaiveDate) -> Result<ProfileChange> {
        let old = self.profile()?;
        let offered = rules::read(json)?;
        check_newer(&old, &offered)?;
        let offered = rules::validate(&offered)?;
        change(&self.conn, &old, offered, today)
    }

    /// Takes the profile `json` a kommune issued, when it is sound and newer
    /// than the file's; refused whole otherwise, and nothing written. The
    /// person who reads it in is the audit's actor, at `now`.
    pub fn take_profile(&mut self, json: &str, now: DateTime<Utc>) -> Result<ProfileChange> {
        let offered = rules::read(json)?;
        let actor = self.actor(now)?;
        let today = now.date_naive();
        self.write(|tx| {
            let old = current(tx)?;
            // An older profile is refused as older, whatever else is wrong with it.
            check_newer(&old, &offered)?;
            let offered = rules::validate(&offered)?;
            put(tx, &actor, &old, &offered)?;
            change(tx, &old, offered, today)
        })
    }

    /// The file's profile as JSON for a file, as `take_profile` reads it.
    pub fn profile_json(&self) -> Result<String> {
        Ok(serde_json::to_string_pretty(&self.profile()?).expect("a profile serialises") + "\n")
    }

    /// Writes the file's profile to `out` as JSON (whole or not at all),
    /// never over the database or its companions; returns what was written.
    pub fn export_profile(&self, out: &Path) -> Result<KommuneProfile> {
        self.export_target(out)?;
        let json = self.profile_json()?;
        crate::pdf::write_atomically(out, json.as_bytes()).map_err(|e| CoreError::Io(at_path(out, e)))?;
        self.profile()
    }
}

/// The most a profile file may hold; a real one is a few kB.
const MAX_PROFILE_BYTES: u64 = 1024 * 1024;

/// The text of a profile file: refused as not a profile when larger than
/// any profile or not UTF-8 text.
pub fn read_profile_file(file: &Path) -> Result<String> {
    let not_a_profile = || {
        CoreError::invalid(
            crate::FieldIssue::new("", "profile.not_a_profile")
                .with("line", "1")
                .with("column", "1"),
        )
    };
    let size = std::fs::metadata(file)
        .map_err(|e| CoreError::Io(at_path(file, e)))?
        .len();
    if size > MAX_PROFILE_BYTES {
        return Err(not_a_profile());
    }
    let bytes = std::fs::read(file).map_err(|e| CoreError::Io(at_path(file, e)))?;
    String::from_utf8(bytes).map_err(|_| not_a_profile())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::{
        CouncilInput, ErrorCode, ProfileChangeKind, ProfileEntry, ProfileNames, Role, SeatCategory, SeatPlan,
    };
    use crate::store::test_fixtures;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, 9, 0, 0).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn coordinator(day: u32) -> Actor {
        Actor::new("Kari Koordinator", at(day))
    }

    fn larvik() -> KommuneProfile {
        KommuneProfile {
            kommune: "Larvik".into(),
            ..rules::default_profile()
        }
    }

    fn audit_rows(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM audit WHERE entity = 'kommune_profile'", [], |r| {
                r.get(0)
            })
            .unwrap()
    }

    fn profile_rows(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM kommune_profile", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_new_file_follows_the_built_in_profile() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.profile().unwrap(), rules::default_profile());
        assert!(store.profile_view(Lang::Nb).unwrap().built_in);
        assert_eq!(profile_rows(&store), 0);
    }

    #[test]
    fn the_coordinator_saves_an_edited_profile_issued_now_and_audited() {
        let mut store = Store::open_in_memory().unwrap();
        let mut edited = larvik();
        edited.seat_categories.push(ProfileEntry {
            key: "kommunen".into(),
            names: ProfileNames::new(
                "Kommunens representant",
                "Kommunen sin representant",
                "The municipality's representative",
            ),
        });
        let saved = store.save_profile(&coordinator(2), &edited, today(), Lang::Nb).unwrap();
        assert_eq!(saved.profile.issued_at, at(2));
        assert_eq!(saved.changes.len(), 1);
        assert_eq!(saved.changes[0].change, ProfileChangeKind::Added);
        assert_eq!(saved.changes[0].name, "Kommunens representant");
        let view = store.profile_view(Lang::Nb).unwrap();
        assert!(!view.built_in);
        assert_eq!(view.issued, "Larvik, utstedt 02.12.2026 kl. 10:00");
        assert_eq!(view.profile.seat_categories.len(), 6);
        assert_eq!(view.profile.kommune, "Larvik");
        // kommune, issuedAt and seatCategories changed from the built-in.
        assert_eq!(audit_rows(&store), 3);
        // The same again changes nothing and writes nothing.
        store
            .save_profile(&coordinator(3), &view.profile, today(), Lang::Nb)
            .unwrap();
        assert_eq!(audit_rows(&store), 3);
        assert_eq!(store.profile().unwrap().issued_at, at(2));
    }

    #[test]
    fn a_bad_profile_is_refused_whole_with_every_fault_and_nothing_written() {
        let mut store = Store::open_in_memory().unwrap();
        let mut bad = larvik();
        bad.seat_categories.clear();
        bad.duties[0].due_date.day = 31;
        bad.duties[0].due_date.month = 2;
        let err = store
            .save_profile(&coordinator(2), &bad, today(), Lang::Nb)
            .unwrap_err();
        let report = err.report(Lang::Nb);
        assert_eq!(report.code, ErrorCode::Invalid);
        let fields: Vec<&str> = report.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["seatCategories", "duties[0].dueDate"]);
        assert_eq!(profile_rows(&store), 0);
        assert_eq!(audit_rows(&store), 0);
        let mut json = serde_json::to_value(KommuneProfile {
            issued_at: at(4),
            ..bad
        })
        .unwrap();
        json["duties"][1]["evidence"]["kind"] = "dance".into();
        let err = store.import_profile(&json.to_string(), at(5), Lang::Nb).unwrap_err();
        assert_eq!(err.report(Lang::Nb).fields.len(), 3);
        assert_eq!(profile_rows(&store), 0);
    }

    #[test]
    fn a_secretarys_file_takes_a_newer_profile_and_refuses_an_older_or_equal_one() {
        let mut coordinator_file = Store::open_in_memory().unwrap();
        let mut first = larvik();
        first.duties[0].names.nb = "Fellesmøte med Larvik kommune".into();
        coordinator_file
            .save_profile(&coordinator(2), &first, today(), Lang::Nb)
            .unwrap();
        let old_json = coordinator_file.profile_json().unwrap();
        first.meeting_kinds.push(ProfileEntry {
            key: "grendemote".into(),
            names: ProfileNames::new("Grendemøte", "Grendemøte", "Village meeting"),
        });
        coordinator_file
            .save_profile(&coordinator(3), &first, today(), Lang::Nb)
            .unwrap();
        let new_json = coordinator_file.profile_json().unwrap();

        let mut secretary = Store::open_in_memory().unwrap();
        let preview = secretary.preview_profile_import(&new_json, today(), Lang::Nb).unwrap();
        assert_eq!(preview.previous_issued_at, DateTime::<Utc>::UNIX_EPOCH);
        assert_eq!(preview.changes.len(), 2, "{:?}", preview.changes);
        assert_eq!(profile_rows(&secretary), 0, "a preview writes nothing");
        let taken = secretary.import_profile(&new_json, at(4), Lang::Nb).unwrap();
        assert_eq!(taken.profile.issued_at, at(3));
        assert_eq!(secretary.profile().unwrap(), coordinator_file.profile().unwrap());
        let audited = audit_rows(&secretary);

        for json in [&old_json, &new_json] {
            let err = secretary.import_profile(json, at(5), Lang::Nb).unwrap_err();
            assert_eq!(err.code(), ErrorCode::ProfileNotNewer);
            let message = err.message(Lang::Nb);
            assert!(
                message.contains("Larvik") && message.contains("ikke nyere"),
                "{message}"
            );
            assert!(secretary.preview_profile_import(json, today(), Lang::Nb).is_err());
        }
        assert_eq!(secretary.profile().unwrap().issued_at, at(3));
        assert_eq!(audit_rows(&secretary), audited);
    }

    #[test]
    fn removing_a_category_sitting_members_hold_is_saved_and_told() {
        let mut store = Store::open_in_memory().unwrap();
        let actor = coordinator(1);
        let council = store
            .create_council(
                &actor,
                &CouncilInput::named("Stavern nærmiljøutvalg", SeatPlan::new(1, 1, 1, 1, 2)),
            )
            .unwrap();
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for name in ["Åse Eldre", "Per Eldre"] {
            let input = test_fixtures::member_input(&council.id, name, SeatCategory::SENIOR, Role::Medlem, from);
            store.add_membership(&actor, &input).unwrap();
        }
        assert_eq!(
            store.seat_categories_in_use(today()).unwrap(),
            [("senior".to_owned(), 2)]
        );
        let mut edited = larvik();
        edited.seat_categories.retain(|c| c.key != "senior");
        let saved = store.save_profile(&coordinator(2), &edited, today(), Lang::Nb).unwrap();
        assert_eq!(saved.removed_in_use.len(), 1);
        assert_eq!(saved.removed_in_use[0].members, 2);
        assert_eq!(store.profile().unwrap().seat_categories.len(), 4);
        // The members keep their category.
        let detail = store.council_detail(&council.id, today(), Lang::Nb).unwrap();
        assert!(detail.current.iter().all(|m| m.category == SeatCategory::SENIOR));
    }

    /// A file with one council, and the package of it exported at `day`.
    fn packaged(store: &mut Store, dir: &Path, day: u32) -> std::path::PathBuf {
        let council = match store.councils().unwrap().first() {
            Some(c) => c.clone(),
            None => store
                .create_council(
                    &coordinator(1),
                    &CouncilInput::named("Skarnes grendeutvalg", SeatPlan::new(1, 1, 1, 1, 2)),
                )
                .unwrap(),
        };
        let out = dir.join(format!("skarnes-{day}.grendebok"));
        store.export_package(&coordinator(day), &council.id, &out).unwrap();
        out
    }

    #[test]
    fn a_package_carries_the_profile_and_a_file_takes_only_a_newer_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut coordinator_file = Store::open_in_memory().unwrap();
        // A file on the built-in profile hands none on.
        let plain = packaged(&mut coordinator_file, dir.path(), 2);
        let mut secretary = Store::open_in_memory().unwrap();
        secretary.import_package(&coordinator(3), &plain, false).unwrap();
        assert!(secretary.profile_view(Lang::Nb).unwrap().built_in);

        let mut sor_odal = larvik();
        sor_odal.kommune = "Sør-Odal".into();
        coordinator_file
            .save_profile(&coordinator(4), &sor_odal, today(), Lang::Nb)
            .unwrap();
        let newer = packaged(&mut coordinator_file, dir.path(), 5);
        let mut secretary = Store::open_in_memory().unwrap();
        secretary.import_package(&coordinator(6), &newer, false).unwrap();
        assert_eq!(secretary.profile().unwrap(), coordinator_file.profile().unwrap());

        // The secretary's own later edit is not undone by an older profile in a package.
        sor_odal.seat_categories.truncate(2);
        secretary
            .save_profile(&coordinator(7), &sor_odal, today(), Lang::Nb)
            .unwrap();
        let mine = secretary.profile().unwrap();
        let mut other = Store::open_in_memory().unwrap();
        other.import_package(&coordinator(8), &newer, false).unwrap();
        let again = packaged(&mut other, dir.path(), 9);
        secretary.import_package(&coordinator(10), &again, true).unwrap();
        assert_eq!(secretary.profile().unwrap(), mine, "an older profile is never taken");
    }

    #[test]
    fn reading_in_a_package_tells_what_its_newer_profile_changed_and_quietly_leaves_an_older_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut coordinator_file = Store::open_in_memory().unwrap();
        let eiker = include_str!("../../../docs/profiles/ovre-eiker.json");
        coordinator_file
            .import_profile(eiker, Utc.with_ymd_and_hms(2026, 11, 3, 9, 0, 0).unwrap(), Lang::Nb)
            .unwrap();
        // A duty confirmed by hand travels with the council's rows, as a waiver does.
        let skarnes = packaged(&mut coordinator_file, dir.path(), 4);
        std::fs::remove_file(skarnes).unwrap();
        let council = coordinator_file.councils().unwrap()[0].id.clone();
        let confirm = crate::model::DutyEdit::Confirm {
            date: Some(NaiveDate::from_ymd_opt(2026, 11, 14).unwrap()),
            note: "Dugnad i parken".into(),
        };
        let heie = crate::model::DutyKey::from("heie");
        coordinator_file
            .edit_duty(&coordinator(4), &council, 2026, &heie, &confirm, Lang::Nb)
            .unwrap();
        let file = packaged(&mut coordinator_file, dir.path(), 5);
        let mut secretary = Store::open_in_memory().unwrap();
        let outcome = secretary.import_package(&coordinator(6), &file, false).unwrap();
        let duties = secretary.duties(&council, 2026, today(), Lang::Nb).unwrap();
        let heie = duties.iter().find(|d| d.kind == "heie").unwrap();
        assert_eq!(heie.status, crate::model::DutyStatus::Fulfilled);
        assert_eq!(heie.confirmation.as_ref().unwrap().note, "Dugnad i parken");
        let told = outcome.profile.as_ref().expect("the package carried a profile");
        assert!(told.taken);
        let message = crate::package::import_message(Lang::Nb, &outcome, &file);
        assert!(
            message.contains("Kommunens oppsett er oppdatert (Øvre Eiker, utstedt 02.11.2026")
                && message.ends_with("Plikter: 8 lagt til, 4 fjernet."),
            "{message}"
        );
        assert!(
            crate::package::import_message(Lang::En, &outcome, &file)
                .ends_with("The municipality's profile is updated (Øvre Eiker, issued 02.11.2026 at 10:00). Duties: 8 added, 4 removed."),
            "{}",
            crate::package::import_message(Lang::En, &outcome, &file)
        );
        assert_eq!(
            secretary
                .duties(&secretary.councils().unwrap()[0].id, 2026, today(), Lang::Nb)
                .unwrap()
                .len(),
            8
        );
        // The same profile again is not newer: left, and said so quietly.
        let again = secretary.import_package(&coordinator(7), &file, true).unwrap();
        assert!(!again.profile.as_ref().unwrap().taken);
        let message = crate::package::import_message(Lang::Nb, &again, &file);
        assert!(
            message.ends_with("Pakken hadde et eldre eller likt oppsett fra kommunen (Øvre Eiker, utstedt 02.11.2026 kl. 10:00); oppsettet i denne filen er beholdt."),
            "{message}"
        );
    }

    #[test]
    fn a_package_with_a_faulty_profile_is_refused_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = Store::open_in_memory().unwrap();
        source
            .save_profile(&coordinator(2), &larvik(), today(), Lang::Nb)
            .unwrap();
        // The council first: a plan is held to the profile the file has.
        packaged(&mut source, dir.path(), 2);
        let mut bad = source.profile().unwrap();
        bad.seat_categories.clear();
        bad.issued_at = at(3);
        source
            .conn
            .execute(
                "UPDATE kommune_profile SET body = ?1",
                [serde_json::to_string(&bad).unwrap()],
            )
            .unwrap();
        let file = packaged(&mut source, dir.path(), 4);
        let mut target = Store::open_in_memory().unwrap();
        let err = target.import_package(&coordinator(5), &file, false).unwrap_err();
        match err {
            CoreError::BadPackage {
                fault: crate::package::PackageFault::BadManifest(detail),
                ..
            } => assert!(detail.contains("seatCategories: "), "{detail}"),
            other => panic!("expected a refused package, got {other:?}"),
        }
        assert!(target.councils().unwrap().is_empty(), "nothing read in");
        assert!(target.profile_view(Lang::Nb).unwrap().built_in);
    }

    #[test]
    fn every_earlier_schema_opens_and_follows_the_built_in_profile() {
        let dir = tempfile::tempdir().unwrap();
        for version in 0..super::super::known_version() {
            let path = dir.path().join(format!("v{version}.grendebok"));
            {
                let mut conn = Connection::open(&path).unwrap();
                conn.execute_batch("PRAGMA journal_mode = WAL").unwrap();
                super::super::people::register_fold(&conn).unwrap();
                super::super::migrations()
                    .to_version(&mut conn, version as usize)
                    .unwrap();
            }
            let store = Store::open(&path).unwrap_or_else(|e| panic!("schema {version}: {e}"));
            assert_eq!(store.schema_version().unwrap(), super::super::known_version());
            assert_eq!(store.profile().unwrap(), rules::default_profile(), "schema {version}");
        }
    }
}

//! Queries of the `membership` table: who holds which seat, and when.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::Store;
use super::{audit, codec, councils, new_id, people};
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n;
use crate::model::{
    Actor, MembersImported, Membership, MembershipEdit, MembershipInput, PersonChoice, Role, SeatCategory,
};
use crate::rules;

const SELECT: &str = "SELECT membership.id, membership.council_id, membership.category, membership.role,
        membership.organisation, membership.term_from, membership.term_to, membership.ended_on,
        membership.end_reason, person.id, person.name, person.email, person.phone, person.gender
     FROM membership JOIN person ON person.id = membership.person_id";

fn from_row(r: &Row) -> rusqlite::Result<Membership> {
    let day = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
        r.get::<_, Option<String>>(i)?
            .map(|s| codec::parse_day(i, &s))
            .transpose()
    };
    Ok(Membership {
        id: r.get(0)?,
        council_id: r.get(1)?,
        category: codec::parse(2, &r.get::<_, String>(2)?)?,
        role: codec::parse(3, &r.get::<_, String>(3)?)?,
        organisation: r.get(4)?,
        term_from: codec::parse_day(5, &r.get::<_, String>(5)?)?,
        term_to: day(6)?,
        ended_on: day(7)?,
        end_reason: r.get(8)?,
        person: people::from_row_at(r, 9)?,
    })
}

/// The stored fields of a seat, as the audit log names them.
#[derive(Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
    council_id: &'a str,
    person_id: &'a str,
    category: SeatCategory,
    role: Role,
    organisation: &'a str,
    term_from: NaiveDate,
    term_to: Option<NaiveDate>,
    ended_on: Option<NaiveDate>,
    end_reason: &'a str,
}

impl<'a> From<&'a Membership> for Record<'a> {
    fn from(m: &'a Membership) -> Self {
        Record {
            council_id: &m.council_id,
            person_id: &m.person.id,
            category: m.category.clone(),
            role: m.role,
            organisation: &m.organisation,
            term_from: m.term_from,
            term_to: m.term_to,
            ended_on: m.ended_on,
            end_reason: &m.end_reason,
        }
    }
}

pub fn get(conn: &Connection, id: &str) -> Result<Membership> {
    conn.query_row(&format!("{SELECT} WHERE membership.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity: "membership",
            id: id.to_owned(),
        })
}

/// Whether a seat is held on the day `?1`, as [`Membership::sits_on`] has it,
/// in the terms of the `membership_sitting` index.
pub(super) const SITS_ON: &str = "coalesce(membership.term_to, '9999-12-31') >= ?1 AND membership.term_from <= ?1
    AND (membership.ended_on IS NULL OR membership.ended_on > ?1)";

/// Everyone who sits on `day`, council by council, in one query (for lists
/// of every council; the composition check counts only those who sit).
pub fn sitting_by_council(
    conn: &Connection,
    day: NaiveDate,
) -> Result<std::collections::HashMap<String, Vec<Membership>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE {SITS_ON} ORDER BY membership.term_from, membership.id"
    ))?;
    let mut by_council: std::collections::HashMap<String, Vec<Membership>> = Default::default();
    for m in stmt.query_map([codec::day(day)], from_row)? {
        let m = m?;
        by_council.entry(m.council_id.clone()).or_default().push(m);
    }
    Ok(by_council)
}

/// How many sit on `day` in each role, council by council, counted from
/// the `membership_sitting` index alone (for lists that show only numbers).
pub fn sitting_by_role(
    conn: &Connection,
    day: NaiveDate,
) -> Result<std::collections::HashMap<String, Vec<(Role, i32)>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT council_id, role, count(*) FROM membership INDEXED BY membership_sitting
         WHERE {SITS_ON} GROUP BY council_id, role"
    ))?;
    let mut by_council: std::collections::HashMap<String, Vec<(Role, i32)>> = Default::default();
    let rows = stmt.query_map([codec::day(day)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            codec::parse::<Role>(1, &r.get::<_, String>(1)?)?,
            r.get::<_, i32>(2)?,
        ))
    })?;
    for row in rows {
        let (council, role, count) = row?;
        by_council.entry(council).or_default().push((role, count));
    }
    Ok(by_council)
}

/// Every seat of a council, past, present and future.
pub fn of_council(conn: &Connection, council_id: &str) -> Result<Vec<Membership>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE membership.council_id = ?1 ORDER BY membership.term_from, membership.id"
    ))?;
    let rows = stmt.query_map([council_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A person holds at most one seat in a council at a time: refuses a term
/// that overlaps another of theirs in the same council.
fn check_no_overlap(
    conn: &Connection,
    council_id: &str,
    person_id: &str,
    except_id: Option<&str>,
    from: NaiveDate,
    to: Option<NaiveDate>,
    field: &str,
) -> Result<()> {
    let candidate_last = to;
    for other in of_council(conn, council_id)? {
        if other.person.id != person_id || Some(other.id.as_str()) == except_id {
            continue;
        }
        let other_last = other.last_day();
        if other_last.is_some_and(|last| last < other.term_from) {
            continue; // Ended on the day it began: it never held the seat.
        }
        let starts_before_other_ends = other_last.is_none_or(|last| from <= last);
        let other_starts_before_this_ends = candidate_last.is_none_or(|last| other.term_from <= last);
        if starts_before_other_ends && other_starts_before_this_ends {
            let to_text = match other_last {
                Some(last) => i18n::date(last),
                None => String::from("…"),
            };
            return Err(CoreError::invalid(
                FieldIssue::new(field, "validation.membership_overlap")
                    .with("name", other.person.name.clone())
                    .with("from", i18n::date(other.term_from))
                    .with("to", to_text),
            ));
        }
    }
    Ok(())
}

/// A seat's category must be the profile's, or (`own`) the one the seat
/// already holds, which the profile may since have removed.
fn check_category(conn: &Connection, category: &SeatCategory, own: Option<&SeatCategory>) -> Result<()> {
    if own == Some(category) {
        return Ok(());
    }
    let profile = super::profile::current(conn)?;
    let allowed: Vec<&str> = profile.seat_categories.iter().map(|c| c.key.as_str()).collect();
    crate::rules::validate::seat_category(category, &allowed)
}

pub fn add(conn: &Connection, actor: &Actor, input: &MembershipInput) -> Result<Membership> {
    councils::get(conn, &input.council_id)?;
    check_category(conn, &input.category, None)?;
    let person = match &input.person {
        PersonChoice::Existing { id } => {
            let person = people::get(conn, id)?;
            check_no_overlap(
                conn,
                &input.council_id,
                id,
                None,
                input.term_from,
                input.term_to,
                "person",
            )?;
            person
        }
        PersonChoice::New { person } => people::create(conn, actor, person)?,
    };
    let id = new_id();
    let at = codec::instant(actor.at);
    conn.execute(
        "INSERT INTO membership (id, council_id, person_id, category, role, organisation, term_from, term_to,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            input.council_id,
            person.id,
            codec::name(&input.category),
            codec::name(&input.role),
            input.organisation,
            codec::day(input.term_from),
            input.term_to.map(codec::day),
            at
        ],
    )?;
    let created = get(conn, &id)?;
    audit::record_diff(conn, actor, "membership", &id, None, &Record::from(&created))?;
    Ok(created)
}

/// The seat as it is after a change, with the change in the audit log.
fn audited_change(conn: &Connection, actor: &Actor, old: &Membership) -> Result<Membership> {
    let new = get(conn, &old.id)?;
    audit::record_diff(
        conn,
        actor,
        "membership",
        &old.id,
        Some(&Record::from(old)),
        &Record::from(&new),
    )?;
    Ok(new)
}

pub fn update(conn: &Connection, actor: &Actor, id: &str, edit: &MembershipEdit) -> Result<Membership> {
    let old = get(conn, id)?;
    check_category(conn, &edit.category, Some(&old.category))?;
    if let Some(ended) = old.ended_on {
        if ended < edit.term_from {
            return Err(CoreError::invalid(
                FieldIssue::new("termFrom", "validation.already_ended").with("date", i18n::date(ended)),
            ));
        }
    }
    check_no_overlap(
        conn,
        &old.council_id,
        &old.person.id,
        Some(id),
        edit.term_from,
        edit.term_to,
        "termFrom",
    )?;
    people::update(conn, actor, &old.person.id, &edit.person)?;
    conn.execute(
        "UPDATE membership SET category = ?2, role = ?3, organisation = ?4, term_from = ?5, term_to = ?6,
            updated_at = ?7
         WHERE id = ?1",
        params![
            id,
            codec::name(&edit.category),
            codec::name(&edit.role),
            edit.organisation,
            codec::day(edit.term_from),
            edit.term_to.map(codec::day),
            codec::instant(actor.at)
        ],
    )?;
    audited_change(conn, actor, &old)
}

pub fn end(conn: &Connection, actor: &Actor, id: &str, ended_on: NaiveDate, reason: &str) -> Result<Membership> {
    let old = get(conn, id)?;
    if let Some(ended) = old.ended_on {
        return Err(CoreError::Conflict(
            FieldIssue::new("endedOn", "validation.already_ended").with("date", i18n::date(ended)),
        ));
    }
    if ended_on < old.term_from {
        return Err(CoreError::invalid(
            FieldIssue::new("endedOn", "validation.end_before_start").with("from", i18n::date(old.term_from)),
        ));
    }
    conn.execute(
        "UPDATE membership SET ended_on = ?2, end_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, codec::day(ended_on), reason, codec::instant(actor.at)],
    )?;
    audited_change(conn, actor, &old)
}

/// Seats read from a members' spreadsheet (rows already held to the form's
/// rules by [`crate::intake::member_rows`]), written in the caller's one
/// transaction. A person registered with the same name and e-mail (letters
/// compared as search compares them) is given the seat instead of being
/// registered again, also when the same person is on two rows. A row the
/// store refuses (a seat overlapping one the person has) is reported by its
/// row with the others, and the caller's transaction writes nothing.
pub fn import(
    conn: &Connection,
    actor: &Actor,
    seats: Vec<(usize, MembershipInput)>,
    progress: &dyn crate::progress::Progress,
) -> Result<MembersImported> {
    let mut done = MembersImported::default();
    let mut faults = Vec::new();
    let total = seats.len() as u64;
    for (i, (row, mut input)) in seats.into_iter().enumerate() {
        if i % 100 == 0 {
            crate::progress::tick(progress, i as u64, total, "")?;
        }
        if let PersonChoice::New { person } = &input.person {
            let known: Option<String> = conn
                .query_row(
                    "SELECT id FROM person WHERE gb_fold(name) = gb_fold(?1) AND gb_fold(email) = gb_fold(?2)
                     ORDER BY created_at, id LIMIT 1",
                    params![person.name, person.email],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = known {
                input.person = PersonChoice::Existing { id };
                done.people_matched += 1;
            } else {
                done.people_added += 1;
            }
        }
        match add(conn, actor, &input) {
            Ok(_) => done.seats += 1,
            Err(CoreError::Invalid(issues)) => faults.extend(issues.into_iter().map(|issue| (row, issue))),
            Err(CoreError::Conflict(issue)) => faults.push((row, issue)),
            Err(other) => return Err(other),
        }
    }
    crate::progress::tick(progress, total, total, "")?;
    if !faults.is_empty() {
        return Err(CoreError::BadRows(
            faults
                .into_iter()
                .map(|(row, issue)| crate::error::RowFault {
                    row,
                    column: String::new(),
                    issue,
                })
                .collect(),
        ));
    }
    Ok(done)
}

impl Store {
    pub fn add_membership(&mut self, actor: &Actor, input: &MembershipInput) -> Result<Membership> {
        let input = crate::rules::validate::membership(input)?;
        self.write(|tx| add(tx, actor, &input))
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
        let profile = self.profile()?;
        let seats = crate::intake::member_rows(&sheet, council_id, &profile)?;
        self.write(|tx| import(tx, actor, seats, progress))
    }

    pub fn update_membership(&mut self, actor: &Actor, id: &str, edit: &MembershipEdit) -> Result<Membership> {
        let edit = crate::rules::validate::membership_edit(edit)?;
        self.write(|tx| update(tx, actor, id, &edit))
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
        self.write(|tx| end(tx, actor, id, ended_on, &reason))
    }

    pub fn memberships_of_council(&self, council_id: &str) -> Result<Vec<Membership>> {
        of_council(&self.conn, council_id)
    }

    /// Everyone who sits on `day`, council by council.
    pub fn sitting_by_council(&self, day: NaiveDate) -> Result<std::collections::HashMap<String, Vec<Membership>>> {
        sitting_by_council(&self.conn, day)
    }
}

//! Queries of an item's alternative proposals (`alternative_proposal`), each
//! with its own votes. The item's own proposal and votes stay on the item.
//! Every write checks first that the minutes are not approved.

use rusqlite::{Connection, OptionalExtension, Row};

use super::{attendance, audit, codec, councils, items, new_id, Store};
use crate::error::{CoreError, Result};
use crate::model::*;
use crate::rules::meetings as rules;

const COLUMNS: &str = "id, item_id, position, proposed_by, text, votes_for, votes_against, chair_vote";

fn from_row(r: &Row) -> rusqlite::Result<(String, AlternativeProposal)> {
    let votes = match (r.get::<_, Option<i32>>(5)?, r.get::<_, Option<i32>>(6)?) {
        (Some(in_favour), Some(against)) => Some(Votes {
            in_favour,
            against,
            blank: 0,
        }),
        _ => None,
    };
    Ok((
        r.get(1)?,
        AlternativeProposal {
            id: r.get(0)?,
            position: r.get(2)?,
            proposed_by: r.get(3)?,
            text: r.get(4)?,
            votes,
            chair_vote: codec::parse_opt(r, 7)?,
            outcome: None,
        },
    ))
}

/// An item's alternatives in order, with what each vote came to.
pub(super) fn of_item(conn: &Connection, item: &AgendaItem) -> Result<Vec<AlternativeProposal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM alternative_proposal WHERE item_id = ?1 ORDER BY position, id"
    ))?;
    let rows = stmt.query_map([&item.id], from_row)?;
    let mut list = Vec::new();
    for row in rows {
        let (_, mut a) = row?;
        a.outcome = rules::outcome(item.kind, a.votes, item.quorum.voting, a.chair_vote);
        list.push(a);
    }
    Ok(list)
}

fn get(conn: &Connection, id: &str) -> Result<(String, AlternativeProposal)> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM alternative_proposal WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::NotFound {
        entity: "alternative_proposal",
        id: id.to_owned(),
    })
}

/// The votes may not outnumber those who could vote on the item, once the meeting is held.
fn check_votes(conn: &Connection, item: &AgendaItem, input: &AlternativeInput) -> Result<Meeting> {
    let meeting = items::unlocked_meeting_of(conn, item)?;
    if input.votes.is_some() {
        let council = councils::get(conn, &meeting.council_id)?;
        let present = attendance::attendance_for(conn, &meeting, item)?;
        let inhabil_members = items::item_inhabil(conn, &item.id, &present)?;
        let quorum = rules::quorum(council.seat_plan.total(), &present, &inhabil_members);
        rules::votes_within(input.votes, &quorum, meeting.status >= MeetingStatus::Held, item.kind)?;
    }
    Ok(meeting)
}

fn audit_fields(
    conn: &Connection,
    actor: &Actor,
    id: &str,
    old: Option<&AlternativeInput>,
    new: &AlternativeInput,
) -> Result<()> {
    audit::record_diff(conn, actor, "alternative_proposal", id, old, new)
}

fn input_of(a: &AlternativeProposal) -> AlternativeInput {
    AlternativeInput {
        proposed_by: a.proposed_by.clone(),
        text: a.text.clone(),
        votes: a.votes,
        chair_vote: a.chair_vote,
    }
}

/// What an alternative's input writes, for its INSERT and its UPDATE.
fn values<'a>(input: &'a AlternativeInput, actor: &Actor) -> codec::Named<'a> {
    let v = input.votes;
    codec::Named::default()
        .with(":proposed_by", &input.proposed_by)
        .with(":text", &input.text)
        .with(":votes_for", v.map(|v| v.in_favour))
        .with(":votes_against", v.map(|v| v.against))
        .with(":chair_vote", input.chair_vote.map(|c| codec::name(&c)))
        .with(":at", codec::instant(actor.at))
}

/// Adds an alternative proposal to an item; returns the meeting's id.
pub fn add(conn: &Connection, actor: &Actor, item_id: &str, input: &AlternativeInput) -> Result<String> {
    let item = items::item(conn, item_id)?;
    check_votes(conn, &item, input)?;
    let position: i32 = conn.query_row(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM alternative_proposal WHERE item_id = ?1",
        [item_id],
        |r| r.get(0),
    )?;
    let id = new_id();
    values(input, actor)
        .with(":id", id.clone())
        .with(":item_id", item_id.to_owned())
        .with(":position", position)
        .execute(
            conn,
            "INSERT INTO alternative_proposal (id, item_id, position, proposed_by, text, votes_for, votes_against,
                chair_vote, created_at, updated_at)
             VALUES (:id, :item_id, :position, :proposed_by, :text, :votes_for, :votes_against, :chair_vote, :at, :at)",
        )?;
    audit_fields(conn, actor, &id, None, input)?;
    Ok(item.meeting_id)
}

/// Changes an alternative's text or votes; returns the meeting's id.
pub fn update(conn: &Connection, actor: &Actor, id: &str, input: &AlternativeInput) -> Result<String> {
    let (item_id, old) = get(conn, id)?;
    let item = items::item(conn, &item_id)?;
    check_votes(conn, &item, input)?;
    values(input, actor).with(":id", id.to_owned()).execute(
        conn,
        "UPDATE alternative_proposal SET proposed_by = :proposed_by, text = :text, votes_for = :votes_for,
            votes_against = :votes_against, chair_vote = :chair_vote, updated_at = :at
         WHERE id = :id",
    )?;
    audit_fields(conn, actor, id, Some(&input_of(&old)), input)?;
    Ok(item.meeting_id)
}

/// Takes an alternative proposal out; returns the meeting's id.
pub fn remove(conn: &Connection, actor: &Actor, id: &str) -> Result<String> {
    let (item_id, _) = get(conn, id)?;
    let item = items::item(conn, &item_id)?;
    items::unlocked_meeting_of(conn, &item)?;
    conn.execute("DELETE FROM alternative_proposal WHERE id = ?1", [id])?;
    audit::record(
        conn,
        actor,
        "alternative_proposal",
        id,
        "deleted",
        Some("alternative_proposal"),
        None,
    )?;
    Ok(item.meeting_id)
}

impl Store {
    /// Adds an alternative proposal, with its votes, to an item; returns the meeting's id.
    pub fn add_alternative(&mut self, actor: &Actor, item_id: &str, input: &AlternativeInput) -> Result<String> {
        let input = rules::alternative(input)?;
        self.write(|tx| add(tx, actor, item_id, &input))
    }

    pub fn update_alternative(&mut self, actor: &Actor, id: &str, input: &AlternativeInput) -> Result<String> {
        let input = rules::alternative(input)?;
        self.write(|tx| update(tx, actor, id, &input))
    }

    pub fn remove_alternative(&mut self, actor: &Actor, id: &str) -> Result<String> {
        self.write(|tx| remove(tx, actor, id))
    }
}

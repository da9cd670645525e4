//! Agenda items: their rows, order, case numbers, follow-ups and who left for one.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::{attendance, audit, codec, councils, inhabil, meetings, new_id, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::*;
use crate::rules::meetings as rules;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ItemFields<'a> {
    kind: ItemKind,
    title: &'a str,
    background: &'a str,
    proposal: &'a str,
    decision: &'a str,
    votes: Option<Votes>,
    closed: bool,
    closed_basis: &'a str,
    closed_ground: Option<ClosedGround>,
    chair_vote: Option<ChairVote>,
    chair_id: Option<&'a str>,
    exempt: bool,
    exempt_basis: &'a str,
    title_withheld: bool,
    withdrawn: bool,
}

impl<'a> From<&'a AgendaItem> for ItemFields<'a> {
    fn from(i: &'a AgendaItem) -> Self {
        ItemFields {
            kind: i.kind,
            title: &i.title,
            background: &i.background,
            proposal: &i.proposal,
            decision: &i.decision,
            votes: i.votes,
            closed: i.closed,
            closed_basis: &i.closed_basis,
            closed_ground: i.closed_ground,
            chair_vote: i.chair_vote,
            chair_id: i.chair_id.as_deref(),
            exempt: i.access.exempt,
            exempt_basis: &i.access.basis,
            title_withheld: i.access.title_withheld,
            withdrawn: i.withdrawn,
        }
    }
}

const ITEM_COLUMNS: &str = "id, meeting_id, position, case_year, case_number, kind, title, background, proposal, \
     decision, votes_for, votes_against, votes_blank, closed, closed_basis, withdrawn, \
     exempt, exempt_basis, title_withheld, chair_id, chair_vote, closed_ground";

/// Reads an item without its inhabilitet, follow-ups and quorum (see [`items_of`]).
fn item_from_row(r: &Row) -> rusqlite::Result<AgendaItem> {
    let votes = codec::votes(r, 10)?;
    Ok(AgendaItem {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        case_number: CaseNumber::of(r.get(3)?, r.get(4)?),
        case_label: None,
        kind: codec::parse(5, &r.get::<_, String>(5)?)?,
        title: r.get(6)?,
        background: r.get(7)?,
        proposal: r.get(8)?,
        decision: r.get(9)?,
        votes,
        chair_vote: codec::parse_opt(r, 20)?,
        outcome: None,
        alternatives: Vec::new(),
        adopted: None,
        chair_id: r.get(19)?,
        chair_name: None,
        closed: r.get(13)?,
        closed_basis: r.get(14)?,
        closed_ground: codec::parse_opt(r, 21)?,
        access: ItemAccess {
            exempt: r.get(16)?,
            basis: r.get(17)?,
            title_withheld: r.get(18)?,
        },
        withdrawn: r.get(15)?,
        inhabil_members: Vec::new(),
        follow_ups: Vec::new(),
        quorum: Quorum {
            seats: 0,
            present: 0,
            inhabil: 0,
            voting: 0,
            required: 0,
            quorate: false,
        },
        decisions: Vec::new(),
        grants: Vec::new(),
        statement: None,
    })
}

pub(super) fn items_of(conn: &Connection, meeting_id: &str) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ITEM_COLUMNS} FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id"
    ))?;
    let rows = stmt.query_map([meeting_id], item_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn item(conn: &Connection, id: &str) -> Result<AgendaItem> {
    conn.query_row(
        &format!("SELECT {ITEM_COLUMNS} FROM agenda_item WHERE id = ?1"),
        [id],
        item_from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::NotFound {
        entity: "agenda_item",
        id: id.to_owned(),
    })
}

/// The meeting an item belongs to, refusing when its minutes are locked.
pub(super) fn unlocked_meeting_of(conn: &Connection, item: &AgendaItem) -> Result<Meeting> {
    let meeting = meetings::get(conn, &item.meeting_id)?;
    rules::check_unlocked(&meeting)?;
    Ok(meeting)
}

pub fn add_item(conn: &Connection, actor: &Actor, meeting_id: &str, input: &AgendaItemInput) -> Result<String> {
    let meeting = meetings::get(conn, meeting_id)?;
    rules::check_unlocked(&meeting)?;
    let id = new_id();
    let position: i32 = conn.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?1",
        [meeting_id],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO agenda_item (id, meeting_id, council_id, position, kind, title, background, proposal,
            exempt, exempt_basis, title_withheld, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10, ?11, ?12, ?9, ?9)",
        params![
            id,
            meeting_id,
            meeting.council_id,
            position,
            codec::name(&input.kind),
            input.title,
            input.background,
            input.proposal,
            codec::instant(actor.at),
            input.access.exempt,
            input.access.basis,
            input.access.title_withheld
        ],
    )?;
    audit::record_diff(conn, actor, "agenda_item", &id, None, input)?;
    super::statements::write(conn, actor, &id, input.statement.as_ref())?;
    // An item put on a sent notice, or added during the meeting, is numbered at once.
    if meeting.status >= MeetingStatus::NoticeSent {
        meetings::assign_number(conn, actor, &id, &meeting.council_id, meetings::meeting_year(&meeting))?;
    }
    Ok(id)
}

fn write_item_fields(conn: &Connection, actor: &Actor, old: &AgendaItem, new: &AgendaItem) -> Result<()> {
    let v = new.votes;
    conn.execute(
        "UPDATE agenda_item SET kind = ?2, title = ?3, background = ?4, proposal = ?5, decision = ?6,
            votes_for = ?7, votes_against = ?8, votes_blank = ?9, closed = ?10, closed_basis = ?11,
            withdrawn = ?12, updated_at = ?13, exempt = ?14, exempt_basis = ?15, title_withheld = ?16,
            chair_id = ?17, chair_vote = ?18, closed_ground = ?19
         WHERE id = ?1",
        params![
            new.id,
            codec::name(&new.kind),
            new.title,
            new.background,
            new.proposal,
            new.decision,
            v.map(|v| v.in_favour),
            v.map(|v| v.against),
            v.map(|v| v.blank),
            new.closed,
            new.closed_basis,
            new.withdrawn,
            codec::instant(actor.at),
            new.access.exempt,
            new.access.basis,
            new.access.title_withheld,
            new.chair_id,
            new.chair_vote.map(|v| codec::name(&v)),
            new.closed_ground.map(|g| codec::name(&g))
        ],
    )?;
    audit::record_diff(
        conn,
        actor,
        "agenda_item",
        &new.id,
        Some(&ItemFields::from(old)),
        &ItemFields::from(new),
    )
}

pub fn update_item(conn: &Connection, actor: &Actor, item_id: &str, input: &AgendaItemInput) -> Result<String> {
    let old = item(conn, item_id)?;
    unlocked_meeting_of(conn, &old)?;
    let new = AgendaItem {
        kind: input.kind,
        title: input.title.clone(),
        background: input.background.clone(),
        proposal: input.proposal.clone(),
        access: input.access.clone(),
        ..old.clone()
    };
    write_item_fields(conn, actor, &old, &new)?;
    super::statements::write(conn, actor, item_id, input.statement.as_ref())?;
    Ok(old.meeting_id)
}

pub fn record_item(conn: &Connection, actor: &Actor, item_id: &str, record: &ItemRecord) -> Result<String> {
    let old = item(conn, item_id)?;
    let meeting = unlocked_meeting_of(conn, &old)?;
    if record.votes.is_some() {
        let council = councils::get(conn, &meeting.council_id)?;
        let present = attendance::attendance_for(conn, &meeting, &old)?;
        let inhabil_members = item_inhabil(conn, item_id, &present)?;
        let quorum = rules::quorum(council.seat_plan.total(), &present, &inhabil_members);
        rules::votes_within(record.votes, &quorum, meeting.status >= MeetingStatus::Held, old.kind)?;
    }
    let new = AgendaItem {
        decision: record.decision.clone(),
        votes: record.votes,
        chair_vote: record.chair_vote,
        closed_ground: record.closed_ground,
        closed: record.closed,
        closed_basis: if record.closed {
            record.closed_basis.clone()
        } else {
            String::new()
        },
        ..old.clone()
    };
    write_item_fields(conn, actor, &old, &new)?;
    Ok(old.meeting_id)
}

/// Puts an item that was not decided (no quorum) on a later meeting of the
/// same council whose minutes are open: a new item with the same kind, title
/// and proposal, its background saying where it was put off from. The first
/// minutes keep the item, minuted as not decided. Returns the later meeting's id.
pub fn carry_over(conn: &Connection, actor: &Actor, item_id: &str, to_meeting_id: &str, lang: Lang) -> Result<String> {
    let old = item(conn, item_id)?;
    let from = meetings::get(conn, &old.meeting_id)?;
    let to = meetings::get(conn, to_meeting_id)?;
    if to.council_id != from.council_id || to.date <= from.date || to.status == MeetingStatus::Approved {
        return Err(CoreError::invalid(FieldIssue::new(
            "meetingId",
            "validation.carry_over_meeting",
        )));
    }
    let case = old.case_number.map(|n| n.label(lang));
    let put_off = t(
        lang,
        "item.carried_over",
        &[
            ("date", &crate::i18n::date(from.date)),
            ("item", &case.unwrap_or_else(|| old.title.clone())),
        ],
    );
    let background = if old.background.is_empty() {
        put_off
    } else {
        format!("{put_off}\n\n{}", old.background)
    };
    let input = rules::item(&AgendaItemInput {
        kind: old.kind,
        title: old.title.clone(),
        background,
        proposal: old.proposal.clone(),
        // An item exempt from public access stays exempt on its new meeting.
        access: old.access.clone(),
        // A statement keeps the kommune's case number and deadline.
        statement: super::statements::facts(conn, item_id)?,
    })?;
    add_item(conn, actor, to_meeting_id, &input)?;
    Ok(to.id)
}

/// Takes an item off the agenda. An item without a case number is deleted;
/// a numbered one is kept as withdrawn, so its number is never reused.
pub fn withdraw_item(conn: &Connection, actor: &Actor, item_id: &str) -> Result<String> {
    let old = item(conn, item_id)?;
    unlocked_meeting_of(conn, &old)?;
    if old.case_number.is_none() {
        conn.execute("DELETE FROM recusal WHERE item_id = ?1", [item_id])?;
        conn.execute(
            "DELETE FROM decision_recusal WHERE decision_id IN (SELECT id FROM item_decision WHERE item_id = ?1)",
            [item_id],
        )?;
        conn.execute("DELETE FROM item_decision WHERE item_id = ?1", [item_id])?;
        // Whoever arrived at, or left after, the item: from the start, or to the end.
        conn.execute("UPDATE attendance SET from_item = NULL WHERE from_item = ?1", [item_id])?;
        conn.execute(
            "UPDATE attendance SET until_item = NULL WHERE until_item = ?1",
            [item_id],
        )?;
        conn.execute("DELETE FROM follow_up WHERE item_id = ?1", [item_id])?;
        conn.execute("DELETE FROM agenda_statement WHERE item_id = ?1", [item_id])?;
        conn.execute("DELETE FROM statement_letter WHERE item_id = ?1", [item_id])?;
        conn.execute("DELETE FROM agenda_item WHERE id = ?1", [item_id])?;
        audit::record(conn, actor, "agenda_item", item_id, "deleted", Some(&old.title), None)?;
    } else {
        let new = AgendaItem {
            withdrawn: true,
            ..old.clone()
        };
        write_item_fields(conn, actor, &old, &new)?;
    }
    Ok(old.meeting_id)
}

/// Moves an item one place up (`-1`) or down (`1`) on the agenda.
pub fn move_item(conn: &Connection, actor: &Actor, item_id: &str, offset: i32) -> Result<String> {
    let old = item(conn, item_id)?;
    unlocked_meeting_of(conn, &old)?;
    let items = items_of(conn, &old.meeting_id)?;
    let at = items
        .iter()
        .position(|i| i.id == item_id)
        .expect("the item is on its meeting's agenda");
    let to = at as i64 + offset.signum() as i64;
    if offset == 0 || to < 0 || to >= items.len() as i64 {
        return Ok(old.meeting_id);
    }
    let other = &items[to as usize];
    conn.execute(
        "UPDATE agenda_item SET position = ?2 WHERE id = ?1",
        params![old.id, other.position],
    )?;
    conn.execute(
        "UPDATE agenda_item SET position = ?2 WHERE id = ?1",
        params![other.id, old.position],
    )?;
    audit::record(
        conn,
        actor,
        "agenda_item",
        item_id,
        "position",
        Some(&old.position.to_string()),
        Some(&other.position.to_string()),
    )?;
    Ok(old.meeting_id)
}

/// Records that a member declared themselves inhabil and left for an item.
pub fn set_item_inhabil(
    conn: &Connection,
    actor: &Actor,
    item_id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<String> {
    let item = item(conn, item_id)?;
    let meeting = unlocked_meeting_of(conn, &item)?;
    inhabil::present(&attendance::attendance(conn, &meeting)?, membership_id)?;
    inhabil::set(conn, actor, &inhabil::ITEM, item_id, membership_id, reason)?;
    Ok(item.meeting_id)
}

pub fn remove_item_inhabil(conn: &Connection, actor: &Actor, item_id: &str, membership_id: &str) -> Result<String> {
    let item = item(conn, item_id)?;
    unlocked_meeting_of(conn, &item)?;
    inhabil::remove(conn, actor, &inhabil::ITEM, item_id, membership_id)?;
    Ok(item.meeting_id)
}

pub fn add_follow_up(conn: &Connection, actor: &Actor, item_id: &str, input: &FollowUpInput) -> Result<String> {
    let item = item(conn, item_id)?;
    unlocked_meeting_of(conn, &item)?;
    let id = new_id();
    conn.execute(
        "INSERT INTO follow_up (id, item_id, what, who, due, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            item_id,
            input.what,
            input.who,
            input.due.map(codec::day),
            codec::instant(actor.at)
        ],
    )?;
    audit::record_diff(conn, actor, "follow_up", &id, None, input)?;
    Ok(item.meeting_id)
}

pub fn remove_follow_up(conn: &Connection, actor: &Actor, follow_up_id: &str) -> Result<String> {
    let item_id: String = conn
        .query_row("SELECT item_id FROM follow_up WHERE id = ?1", [follow_up_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity: "follow_up",
            id: follow_up_id.to_owned(),
        })?;
    let item = item(conn, &item_id)?;
    unlocked_meeting_of(conn, &item)?;
    conn.execute("DELETE FROM follow_up WHERE id = ?1", [follow_up_id])?;
    audit::record(
        conn,
        actor,
        "follow_up",
        follow_up_id,
        "deleted",
        Some("follow_up"),
        None,
    )?;
    Ok(item.meeting_id)
}

/// The members who left for the whole item, named from the attendance.
pub(super) fn item_inhabil(
    conn: &Connection,
    item_id: &str,
    attendance: &[AttendanceRow],
) -> Result<Vec<InhabilMember>> {
    inhabil::of(conn, &inhabil::ITEM, item_id, attendance)
}

/// Records who chaired an item while the meeting's chair had left for it
/// (`None`: the meeting's chair). The one named must be there for the item
/// and not have left for it.
pub fn set_item_chair(conn: &Connection, actor: &Actor, item_id: &str, chair_id: Option<&str>) -> Result<String> {
    let old = item(conn, item_id)?;
    let meeting = unlocked_meeting_of(conn, &old)?;
    if let Some(id) = chair_id {
        let present = attendance::attendance_for(conn, &meeting, &old)?;
        let left = item_inhabil(conn, item_id, &present)?;
        rules::acting_chair(id, &left, &present)?;
    }
    let new = AgendaItem {
        chair_id: chair_id.map(str::to_owned),
        ..old.clone()
    };
    write_item_fields(conn, actor, &old, &new)?;
    Ok(old.meeting_id)
}

impl Store {
    /// Puts an item on the agenda; returns its id.
    pub fn add_item(&mut self, actor: &Actor, meeting_id: &str, input: &AgendaItemInput) -> Result<String> {
        let input = rules::item(input)?;
        self.write(|tx| add_item(tx, actor, meeting_id, &input))
    }

    /// Puts an item that was not decided on a later meeting of the council
    /// (a new item there; the first minutes keep it as not decided). Returns
    /// the later meeting's id.
    pub fn carry_over_item(&mut self, actor: &Actor, item_id: &str, to_meeting_id: &str) -> Result<String> {
        self.write(|tx| {
            let item = item(tx, item_id)?;
            let meeting = meetings::get(tx, &item.meeting_id)?;
            let council = councils::get(tx, &meeting.council_id)?;
            let lang = crate::documents::document_lang(&council);
            carry_over(tx, actor, item_id, to_meeting_id, lang)
        })
    }

    /// Changes an item's title, kind, background or proposal; returns its meeting's id.
    pub fn update_item(&mut self, actor: &Actor, item_id: &str, input: &AgendaItemInput) -> Result<String> {
        let input = rules::item(input)?;
        self.write(|tx| update_item(tx, actor, item_id, &input))
    }

    /// Records an item's decision or note, votes and closed session; returns its meeting's id.
    /// A closed session is held to the council's kind: a formal body names the
    /// ground of kommuneloven § 11-5, a voluntary council its statutes.
    pub fn record_item(&mut self, actor: &Actor, item_id: &str, record: &ItemRecord) -> Result<String> {
        self.write(|tx| {
            let item = item(tx, item_id)?;
            let meeting = meetings::get(tx, &item.meeting_id)?;
            let council = councils::get(tx, &meeting.council_id)?;
            let record = rules::record_for(record, council.legal_mode)?;
            record_item(tx, actor, item_id, &record)
        })
    }

    /// Records who chaired an item while the meeting's chair had left for it
    /// (`None`: the meeting's chair); returns the meeting's id.
    pub fn set_item_chair(&mut self, actor: &Actor, item_id: &str, chair_id: Option<&str>) -> Result<String> {
        self.write(|tx| set_item_chair(tx, actor, item_id, chair_id))
    }

    pub fn withdraw_item(&mut self, actor: &Actor, item_id: &str) -> Result<String> {
        self.write(|tx| withdraw_item(tx, actor, item_id))
    }

    pub fn move_item(&mut self, actor: &Actor, item_id: &str, offset: i32) -> Result<String> {
        self.write(|tx| move_item(tx, actor, item_id, offset))
    }

    pub fn set_item_inhabil(
        &mut self,
        actor: &Actor,
        item_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<String> {
        let reason = crate::rules::validate::free_text("reason", reason)?;
        self.write(|tx| set_item_inhabil(tx, actor, item_id, membership_id, &reason))
    }

    pub fn remove_item_inhabil(&mut self, actor: &Actor, item_id: &str, membership_id: &str) -> Result<String> {
        self.write(|tx| remove_item_inhabil(tx, actor, item_id, membership_id))
    }

    pub fn add_follow_up(&mut self, actor: &Actor, item_id: &str, input: &FollowUpInput) -> Result<String> {
        let input = rules::follow_up(input)?;
        self.write(|tx| add_follow_up(tx, actor, item_id, &input))
    }

    pub fn remove_follow_up(&mut self, actor: &Actor, follow_up_id: &str) -> Result<String> {
        self.write(|tx| remove_follow_up(tx, actor, follow_up_id))
    }
}

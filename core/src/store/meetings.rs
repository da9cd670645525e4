//! Queries of the meeting tables: meetings and their lifecycle, agenda items
//! with case numbers, attendance, recusals, follow-ups, amendments.
//!
//! Every write checks first that the meeting's minutes are not approved: an
//! approved protocol is locked, and a correction is an amendment.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::documents;
use super::Store;
use super::{audit, codec, councils, memberships, new_id};
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::*;

use crate::rules::meetings as rules;

const MEETING_COLUMNS: &str = "id, council_id, kind, date, starts_at, ends_at, place, guests, kommune_rep, status, \
     notice_sent_at, notice_sent_by, held_at, held_by, approved_at, approved_by, approval_mode, approved_in_item, \
     chair_id, minute_taker_id, minute_taker_name";

fn meeting_from_row(r: &Row) -> rusqlite::Result<Meeting> {
    let step = |at: usize| -> rusqlite::Result<Option<Step>> {
        let when: Option<String> = r.get(at)?;
        let who: Option<String> = r.get(at + 1)?;
        Ok(when.map(|at| Step {
            at,
            by: who.unwrap_or_default(),
        }))
    };
    let ends_at: Option<String> = r.get(5)?;
    let mode: Option<String> = r.get(16)?;
    let approval = match mode.as_deref() {
        Some("later_meeting") => Some(Approval::LaterMeeting {
            item_id: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
        }),
        // The signatories are read from their own table by `get`.
        Some(_) => Some(Approval::Signatories {
            membership_ids: Vec::new(),
        }),
        None => None,
    };
    Ok(Meeting {
        id: r.get(0)?,
        council_id: r.get(1)?,
        kind: codec::parse(2, &r.get::<_, String>(2)?)?,
        date: codec::parse_day(3, &r.get::<_, String>(3)?)?,
        starts_at: codec::parse_time(4, &r.get::<_, String>(4)?)?,
        ends_at: ends_at.map(|s| codec::parse_time(5, &s)).transpose()?,
        place: r.get(6)?,
        guests: r.get(7)?,
        kommune_rep: r.get(8)?,
        status: codec::parse(9, &r.get::<_, String>(9)?)?,
        notice_sent: step(10)?,
        held: step(12)?,
        approved: step(14)?,
        approval,
        chair_id: r.get(18)?,
        minute_taker_id: r.get(19)?,
        minute_taker_name: r.get(20)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Meeting> {
    let mut meeting = conn
        .query_row(
            &format!("SELECT {MEETING_COLUMNS} FROM meeting WHERE id = ?1"),
            [id],
            meeting_from_row,
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity: "meeting",
            id: id.to_owned(),
        })?;
    if let Some(Approval::Signatories { membership_ids }) = &mut meeting.approval {
        let mut stmt =
            conn.prepare("SELECT membership_id FROM meeting_signatory WHERE meeting_id = ?1 ORDER BY position")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        *membership_ids = rows.collect::<rusqlite::Result<_>>()?;
    }
    Ok(meeting)
}

pub fn of_council(conn: &Connection, council_id: &str) -> Result<Vec<MeetingSummary>> {
    councils::get(conn, council_id)?;
    let mut stmt = conn.prepare(
        "SELECT m.id, m.council_id, m.kind, m.date, m.starts_at, m.place, m.status,
                (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id AND i.withdrawn = 0)
         FROM meeting m WHERE m.council_id = ?1 ORDER BY m.date DESC, m.starts_at DESC, m.id",
    )?;
    let rows = stmt.query_map([council_id], |r| {
        Ok(MeetingSummary {
            id: r.get(0)?,
            council_id: r.get(1)?,
            kind: codec::parse(2, &r.get::<_, String>(2)?)?,
            date: codec::parse_day(3, &r.get::<_, String>(3)?)?,
            starts_at: codec::parse_time(4, &r.get::<_, String>(4)?)?,
            place: r.get(5)?,
            status: codec::parse(6, &r.get::<_, String>(6)?)?,
            item_count: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses any change to a meeting whose minutes are approved.
fn check_unlocked(meeting: &Meeting) -> Result<()> {
    if meeting.status == MeetingStatus::Approved {
        return Err(CoreError::Conflict(FieldIssue::new("", "validation.minutes_locked")));
    }
    Ok(())
}

/// The meeting's stored fields, as the audit log names them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MeetingRecord<'a> {
    #[serde(flatten)]
    input: &'a MeetingInput,
    status: MeetingStatus,
}

pub fn create(conn: &Connection, actor: &Actor, input: &MeetingInput) -> Result<Meeting> {
    councils::get(conn, &input.council_id)?;
    let id = new_id();
    let at = codec::instant(actor.at);
    conn.execute(
        "INSERT INTO meeting (id, council_id, kind, date, starts_at, ends_at, place, guests, kommune_rep, status,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'planned', ?10, ?10)",
        params![
            id,
            input.council_id,
            codec::name(&input.kind),
            codec::day(input.date),
            codec::time(input.starts_at),
            input.ends_at.map(codec::time),
            input.place,
            input.guests,
            input.kommune_rep,
            at
        ],
    )?;
    let record = MeetingRecord {
        input,
        status: MeetingStatus::Planned,
    };
    audit::record_diff(conn, actor, "meeting", &id, None, &record)?;
    get(conn, &id)
}

pub fn update(conn: &Connection, actor: &Actor, id: &str, input: &MeetingInput) -> Result<Meeting> {
    let old = get(conn, id)?;
    check_unlocked(&old)?;
    let mut input = input.clone();
    // A meeting stays with its council.
    input.council_id = old.council_id.clone();
    let before = old.input();
    if before == input {
        return Ok(old);
    }
    // Numbered items keep their year: a numbered meeting cannot move to another year.
    if input.date.year() != meeting_year(&old) && has_numbered_items(conn, id)? {
        return Err(CoreError::invalid(FieldIssue::new(
            "date",
            "validation.meeting_year_locked",
        )));
    }
    conn.execute(
        "UPDATE meeting SET kind = ?2, date = ?3, starts_at = ?4, ends_at = ?5, place = ?6, guests = ?7,
            kommune_rep = ?8, updated_at = ?9 WHERE id = ?1",
        params![
            id,
            codec::name(&input.kind),
            codec::day(input.date),
            codec::time(input.starts_at),
            input.ends_at.map(codec::time),
            input.place,
            input.guests,
            input.kommune_rep,
            codec::instant(actor.at)
        ],
    )?;
    audit::record_diff(conn, actor, "meeting", id, Some(&before), &input)?;
    get(conn, id)
}

fn has_numbered_items(conn: &Connection, meeting_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM agenda_item WHERE meeting_id = ?1 AND case_number IS NOT NULL)",
        [meeting_id],
        |r| r.get(0),
    )?)
}

fn set_status(conn: &Connection, actor: &Actor, meeting: &Meeting, status: MeetingStatus, step: &str) -> Result<()> {
    conn.execute(
        &format!("UPDATE meeting SET status = ?2, {step}_at = ?3, {step}_by = ?4, updated_at = ?3 WHERE id = ?1"),
        params![meeting.id, codec::name(&status), codec::instant(actor.at), actor.name],
    )?;
    audit::record(
        conn,
        actor,
        "meeting",
        &meeting.id,
        "status",
        Some(&codec::name(&meeting.status)),
        Some(&codec::name(&status)),
    )
}

fn require_status(meeting: &Meeting, expected: MeetingStatus, key: &'static str) -> Result<()> {
    if meeting.status != expected {
        return Err(CoreError::Conflict(FieldIssue::new("status", key)));
    }
    Ok(())
}

/// Gives the next free case number of the council in `year` to an item.
fn assign_number(conn: &Connection, actor: &Actor, item_id: &str, council_id: &str, year: i32) -> Result<()> {
    let next: i32 = conn.query_row(
        "SELECT coalesce(max(case_number), 0) + 1 FROM agenda_item WHERE council_id = ?1 AND case_year = ?2",
        params![council_id, year],
        |r| r.get(0),
    )?;
    conn.execute(
        "UPDATE agenda_item SET case_year = ?2, case_number = ?3 WHERE id = ?1",
        params![item_id, year, next],
    )?;
    let number = CaseNumber { year, number: next };
    audit::record(
        conn,
        actor,
        "agenda_item",
        item_id,
        "caseNumber",
        None,
        Some(&number.short()),
    )
}

/// Planned → notice sent: every item on the agenda gets its case number, in agenda order.
pub fn send_notice(conn: &Connection, actor: &Actor, id: &str) -> Result<()> {
    let meeting = get(conn, id)?;
    check_unlocked(&meeting)?;
    require_status(&meeting, MeetingStatus::Planned, "validation.notice_already_sent")?;
    if meeting.place.trim().is_empty() {
        return Err(CoreError::invalid(FieldIssue::new(
            "place",
            "validation.place_missing_for_notice",
        )));
    }
    let year = meeting_year(&meeting);
    for item in items_of(conn, id)?
        .iter()
        .filter(|i| i.case_number.is_none() && !i.withdrawn)
    {
        assign_number(conn, actor, &item.id, &meeting.council_id, year)?;
    }
    set_status(conn, actor, &meeting, MeetingStatus::NoticeSent, "notice_sent")
}

/// Takes back the last status change (notice sent → planned, held → notice
/// sent) while the next step is not taken. Case numbers stay with their
/// items (a number is never reused); recorded text and attendance are kept.
pub fn undo_status(conn: &Connection, actor: &Actor, id: &str) -> Result<MeetingStatus> {
    let meeting = get(conn, id)?;
    check_unlocked(&meeting)?;
    let Some(to) = rules::undo_to(meeting.status) else {
        return Err(CoreError::Conflict(FieldIssue::new(
            "status",
            "validation.nothing_to_undo",
        )));
    };
    let step = match meeting.status {
        MeetingStatus::NoticeSent => "notice_sent",
        _ => "held",
    };
    conn.execute(
        &format!("UPDATE meeting SET status = ?2, {step}_at = NULL, {step}_by = NULL, updated_at = ?3 WHERE id = ?1"),
        params![meeting.id, codec::name(&to), codec::instant(actor.at)],
    )?;
    audit::record(
        conn,
        actor,
        "meeting",
        &meeting.id,
        "status",
        Some(&codec::name(&meeting.status)),
        Some(&codec::name(&to)),
    )?;
    Ok(to)
}

/// Notice sent → held.
pub fn mark_held(conn: &Connection, actor: &Actor, id: &str) -> Result<()> {
    let meeting = get(conn, id)?;
    check_unlocked(&meeting)?;
    require_status(&meeting, MeetingStatus::NoticeSent, "validation.held_needs_notice")?;
    set_status(conn, actor, &meeting, MeetingStatus::Held, "held")
}

fn meeting_year(meeting: &Meeting) -> i32 {
    meeting.date.year()
}

// --- agenda items -------------------------------------------------------------

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

/// Reads an item without its recusals, follow-ups and quorum (see [`items_of`]).
fn item_from_row(r: &Row) -> rusqlite::Result<AgendaItem> {
    let year: Option<i32> = r.get(3)?;
    let number: Option<i32> = r.get(4)?;
    let votes = match (
        r.get::<_, Option<i32>>(10)?,
        r.get::<_, Option<i32>>(11)?,
        r.get::<_, Option<i32>>(12)?,
    ) {
        (Some(in_favour), Some(against), Some(blank)) => Some(Votes {
            in_favour,
            against,
            blank,
        }),
        _ => None,
    };
    Ok(AgendaItem {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        case_number: year.zip(number).map(|(year, number)| CaseNumber { year, number }),
        case_label: None,
        kind: codec::parse(5, &r.get::<_, String>(5)?)?,
        title: r.get(6)?,
        background: r.get(7)?,
        proposal: r.get(8)?,
        decision: r.get(9)?,
        votes,
        chair_vote: r
            .get::<_, Option<String>>(20)?
            .map(|v| codec::parse(20, &v))
            .transpose()?,
        outcome: None,
        alternatives: Vec::new(),
        adopted: None,
        chair_id: r.get(19)?,
        chair_name: None,
        closed: r.get(13)?,
        closed_basis: r.get(14)?,
        closed_ground: r
            .get::<_, Option<String>>(21)?
            .map(|v| codec::parse(21, &v))
            .transpose()?,
        access: ItemAccess {
            exempt: r.get(16)?,
            basis: r.get(17)?,
            title_withheld: r.get(18)?,
        },
        withdrawn: r.get(15)?,
        recusals: Vec::new(),
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
    })
}

fn items_of(conn: &Connection, meeting_id: &str) -> Result<Vec<AgendaItem>> {
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
    let meeting = get(conn, &item.meeting_id)?;
    check_unlocked(&meeting)?;
    Ok(meeting)
}

pub fn add_item(conn: &Connection, actor: &Actor, meeting_id: &str, input: &AgendaItemInput) -> Result<String> {
    let meeting = get(conn, meeting_id)?;
    check_unlocked(&meeting)?;
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
    // An item put on a sent notice, or added during the meeting, is numbered at once.
    if meeting.status >= MeetingStatus::NoticeSent {
        assign_number(conn, actor, &id, &meeting.council_id, meeting_year(&meeting))?;
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
    Ok(old.meeting_id)
}

pub fn record_item(conn: &Connection, actor: &Actor, item_id: &str, record: &ItemRecord) -> Result<String> {
    let old = item(conn, item_id)?;
    let meeting = unlocked_meeting_of(conn, &old)?;
    if record.votes.is_some() {
        let council = councils::get(conn, &meeting.council_id)?;
        let present = attendance_for(conn, &meeting, &old)?;
        let recusals = item_recusals(conn, item_id, &present)?;
        let quorum = rules::quorum(council.seat_plan.total(), &present, &recusals);
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
    let from = get(conn, &old.meeting_id)?;
    let to = get(conn, to_meeting_id)?;
    if to.council_id != from.council_id || to.date <= from.date || to.status == MeetingStatus::Approved {
        return Err(CoreError::invalid(FieldIssue::new(
            "meetingId",
            "validation.carry_over_meeting",
        )));
    }
    let case = old
        .case_number
        .map(|n| t(lang, "case.label", &[("number", &n.short())]));
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
pub fn set_recusal(
    conn: &Connection,
    actor: &Actor,
    item_id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<String> {
    let item = item(conn, item_id)?;
    let meeting = unlocked_meeting_of(conn, &item)?;
    let rows = attendance(conn, &meeting)?;
    let row = rows
        .iter()
        .find(|r| r.membership_id == membership_id)
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("membershipId", "validation.not_a_member_at_meeting")))?;
    if row.status != Some(AttendanceStatus::Present) {
        return Err(CoreError::invalid(
            FieldIssue::new("membershipId", "validation.recusal_not_present").with("name", row.person_name.clone()),
        ));
    }
    let old: Option<String> = conn
        .query_row(
            "SELECT reason FROM recusal WHERE item_id = ?1 AND membership_id = ?2",
            [item_id, membership_id],
            |r| r.get(0),
        )
        .optional()?;
    conn.execute(
        "INSERT INTO recusal (item_id, membership_id, reason) VALUES (?1, ?2, ?3)
         ON CONFLICT (item_id, membership_id) DO UPDATE SET reason = excluded.reason",
        params![item_id, membership_id, reason],
    )?;
    let field = format!("recusal.{membership_id}");
    audit::record(
        conn,
        actor,
        "agenda_item",
        item_id,
        &field,
        old.as_deref(),
        Some(reason),
    )?;
    Ok(item.meeting_id)
}

pub fn remove_recusal(conn: &Connection, actor: &Actor, item_id: &str, membership_id: &str) -> Result<String> {
    let item = item(conn, item_id)?;
    unlocked_meeting_of(conn, &item)?;
    let old: Option<String> = conn
        .query_row(
            "SELECT reason FROM recusal WHERE item_id = ?1 AND membership_id = ?2",
            [item_id, membership_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(old) = old {
        conn.execute(
            "DELETE FROM recusal WHERE item_id = ?1 AND membership_id = ?2",
            [item_id, membership_id],
        )?;
        let field = format!("recusal.{membership_id}");
        audit::record(conn, actor, "agenda_item", item_id, &field, Some(&old), None)?;
    }
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

/// Who was at the meeting for `item`: those who arrived later or left
/// earlier count as absent for it (`rules::attendance_for_item`).
pub(super) fn attendance_for(conn: &Connection, meeting: &Meeting, item: &AgendaItem) -> Result<Vec<AttendanceRow>> {
    let all = attendance(conn, meeting)?;
    let items = items_of(conn, &meeting.id)?;
    Ok(rules::attendance_for_item(&all, item.position, |id| {
        items.iter().find(|i| i.id == id).map(|i| i.position)
    }))
}

/// Records when a member present arrived and left, by agenda item.
pub fn set_span(conn: &Connection, actor: &Actor, meeting_id: &str, span: &AttendanceSpan) -> Result<()> {
    let meeting = get(conn, meeting_id)?;
    check_unlocked(&meeting)?;
    let rows = attendance(conn, &meeting)?;
    let row = rows
        .iter()
        .find(|r| r.membership_id == span.membership_id && r.status == Some(AttendanceStatus::Present))
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("membershipId", "validation.span_not_present")))?;
    let items = items_of(conn, meeting_id)?;
    let position = |field: &'static str, id: &Option<String>| -> Result<Option<i32>> {
        match id {
            None => Ok(None),
            Some(id) => items
                .iter()
                .find(|i| &i.id == id)
                .map(|i| Some(i.position))
                .ok_or_else(|| CoreError::invalid(FieldIssue::new(field, "validation.span_item"))),
        }
    };
    rules::span(
        position("fromItem", &span.from_item)?,
        position("untilItem", &span.until_item)?,
    )?;
    conn.execute(
        "UPDATE attendance SET from_item = ?3, until_item = ?4 WHERE meeting_id = ?1 AND membership_id = ?2",
        params![meeting_id, span.membership_id, span.from_item, span.until_item],
    )?;
    for (field, old, new) in [
        ("from", &row.from_item, &span.from_item),
        ("until", &row.until_item, &span.until_item),
    ] {
        if old != new {
            audit::record(
                conn,
                actor,
                "meeting",
                meeting_id,
                &format!("attendance.{}.{field}", span.membership_id),
                old.as_deref(),
                new.as_deref(),
            )?;
        }
    }
    Ok(())
}

/// "møtte fra sak 05/26, gikk etter sak 07/26" (an item without a case
/// number by its title), or empty for someone there the whole meeting.
fn span_text(
    lang: Lang,
    row: &AttendanceRow,
    positions: &[(String, i32, Option<String>)],
    items: &[AgendaItem],
) -> String {
    let name = |id: &Option<String>| {
        let id = id.as_deref()?;
        let (_, _, case) = positions.iter().find(|(i, ..)| i == id)?;
        Some(match case {
            Some(number) => t(lang, "attendance.case", &[("number", number)]),
            None => format!("«{}»", items.iter().find(|i| i.id == id)?.title),
        })
    };
    let parts: Vec<String> = [
        name(&row.from_item).map(|item| t(lang, "attendance.from_item", &[("item", &item)])),
        name(&row.until_item).map(|item| t(lang, "attendance.until_item", &[("item", &item)])),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join(", ")
}

/// The members who left for the whole item, named from the attendance.
pub(super) fn item_recusals(conn: &Connection, item_id: &str, attendance: &[AttendanceRow]) -> Result<Vec<Recusal>> {
    let mut stmt = conn.prepare_cached("SELECT membership_id, reason FROM recusal WHERE item_id = ?1")?;
    let rows = stmt.query_map([item_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut recusals = Vec::new();
    for row in rows {
        let (membership_id, reason) = row?;
        let person_name = attendance
            .iter()
            .find(|a| a.membership_id == membership_id)
            .map(|a| a.person_name.clone())
            .unwrap_or_default();
        recusals.push(Recusal {
            membership_id,
            person_name,
            reason,
        });
    }
    recusals.sort_by(|a, b| crate::rules::names::compare(&a.person_name, &b.person_name));
    Ok(recusals)
}

/// Records who chaired an item while the meeting's chair had left for it
/// (`None`: the meeting's chair). The one named must be there for the item
/// and not have left for it.
pub fn set_item_chair(conn: &Connection, actor: &Actor, item_id: &str, chair_id: Option<&str>) -> Result<String> {
    let old = item(conn, item_id)?;
    let meeting = unlocked_meeting_of(conn, &old)?;
    if let Some(id) = chair_id {
        let present = attendance_for(conn, &meeting, &old)?;
        let left = item_recusals(conn, item_id, &present)?;
        rules::acting_chair(id, &left, &present)?;
    }
    let new = AgendaItem {
        chair_id: chair_id.map(str::to_owned),
        ..old.clone()
    };
    write_item_fields(conn, actor, &old, &new)?;
    Ok(old.meeting_id)
}

/// Records who chaired the meeting and who took the minutes.
pub fn set_roles(conn: &Connection, actor: &Actor, meeting_id: &str, input: &MeetingRoles) -> Result<()> {
    let meeting = get(conn, meeting_id)?;
    check_unlocked(&meeting)?;
    let rows = attendance(conn, &meeting)?;
    let roles = rules::roles(input, &rows)?;
    conn.execute(
        "UPDATE meeting SET chair_id = ?2, minute_taker_id = ?3, minute_taker_name = ?4, updated_at = ?5 WHERE id = ?1",
        params![
            meeting_id,
            roles.chair_id,
            roles.minute_taker_id,
            roles.minute_taker_name,
            codec::instant(actor.at)
        ],
    )?;
    let old = MeetingRoles {
        chair_id: meeting.chair_id.clone(),
        minute_taker_id: meeting.minute_taker_id.clone(),
        minute_taker_name: meeting.minute_taker_name.clone(),
    };
    audit::record_diff(conn, actor, "meeting", meeting_id, Some(&old), &roles)
}

// --- attendance ---------------------------------------------------------------

/// Every member who sits on the meeting date (and anyone with a recorded
/// attendance), with what was recorded for them.
pub fn attendance(conn: &Connection, meeting: &Meeting) -> Result<Vec<AttendanceRow>> {
    let members = memberships::of_council(conn, &meeting.council_id)?;
    type Recorded = (String, AttendanceStatus, Option<String>, Option<String>, Option<String>);
    let recorded: Vec<Recorded> = {
        let mut stmt = conn.prepare(
            "SELECT membership_id, status, substitute_for, from_item, until_item FROM attendance WHERE meeting_id = ?1",
        )?;
        let rows = stmt.query_map([&meeting.id], |r| {
            Ok((
                r.get(0)?,
                codec::parse(1, &r.get::<_, String>(1)?)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let name_of = |id: &str| members.iter().find(|m| m.id == id).map(|m| m.person.name.clone());
    let mut rows: Vec<AttendanceRow> = members
        .iter()
        .filter(|m| m.sits_on(meeting.date) || recorded.iter().any(|(id, ..)| *id == m.id))
        .map(|m| {
            let (status, substitute_for, from_item, until_item) = match recorded.iter().find(|(id, ..)| *id == m.id) {
                Some((_, status, sub, from, until)) => (Some(*status), sub.clone(), from.clone(), until.clone()),
                None => (None, None, None, None),
            };
            AttendanceRow {
                membership_id: m.id.clone(),
                person_name: m.person.name.clone(),
                category: m.category,
                role: m.role,
                status,
                substitute_for_name: substitute_for.as_deref().and_then(name_of),
                substitute_for,
                from_item,
                until_item,
                span: String::new(),
            }
        })
        .collect();
    rows.sort_by_key(|r| {
        (
            r.role == Role::Varamedlem,
            r.category,
            crate::rules::names::sort_key(&r.person_name),
        )
    });
    Ok(rows)
}

pub fn set_attendance(conn: &Connection, actor: &Actor, meeting_id: &str, input: &AttendanceInput) -> Result<()> {
    let meeting = get(conn, meeting_id)?;
    check_unlocked(&meeting)?;
    let rows = attendance(conn, &meeting)?;
    let row = rows
        .iter()
        .find(|r| r.membership_id == input.membership_id)
        .ok_or_else(|| CoreError::invalid(FieldIssue::new("membershipId", "validation.not_a_member_at_meeting")))?;
    let substitute_for = if input.status == AttendanceStatus::Present {
        input.substitute_for.clone()
    } else {
        None
    };
    if let Some(for_id) = &substitute_for {
        let target = rows.iter().find(|r| &r.membership_id == for_id);
        let valid = row.role == Role::Varamedlem
            && target.is_some_and(|t| t.role != Role::Varamedlem && t.membership_id != row.membership_id);
        if !valid {
            return Err(CoreError::invalid(FieldIssue::new(
                "substituteFor",
                "validation.substitute_invalid",
            )));
        }
    }
    conn.execute(
        "INSERT INTO attendance (meeting_id, membership_id, status, substitute_for) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (meeting_id, membership_id) DO UPDATE SET status = excluded.status,
            substitute_for = excluded.substitute_for",
        params![
            meeting_id,
            input.membership_id,
            codec::name(&input.status),
            substitute_for
        ],
    )?;
    let field = format!("attendance.{}", input.membership_id);
    let old = row.status.map(|s| codec::name(&s));
    audit::record(
        conn,
        actor,
        "meeting",
        meeting_id,
        &field,
        old.as_deref(),
        Some(&codec::name(&input.status)),
    )
}

// --- minutes: approval and amendments ----------------------------------------

/// Held → approved, when nothing blocking is missing and the approval is valid.
pub fn approve(conn: &Connection, actor: &Actor, id: &str, approval: &Approval, lang: Lang) -> Result<()> {
    let detail = detail(conn, id, lang)?;
    let meeting = &detail.meeting;
    check_unlocked(meeting)?;
    let blocking: Vec<&Missing> = detail.missing.iter().filter(|m| m.blocking).collect();
    if !blocking.is_empty() {
        let list: Vec<&str> = blocking.iter().map(|m| m.message.as_str()).collect();
        return Err(CoreError::Conflict(
            FieldIssue::new("", "validation.minutes_incomplete")
                .with("count", blocking.len().to_string())
                .with("list", list.join(" ")),
        ));
    }
    require_status(meeting, MeetingStatus::Held, "validation.held_needs_notice")?;
    match approval {
        Approval::Signatories { membership_ids } => {
            let mut ids = membership_ids.clone();
            ids.sort();
            ids.dedup();
            let all_present = ids.iter().all(|id| {
                detail
                    .attendance
                    .iter()
                    .any(|r| &r.membership_id == id && r.status == Some(AttendanceStatus::Present))
            });
            if ids.len() != 2 || !all_present {
                return Err(CoreError::invalid(FieldIssue::new(
                    "signatories",
                    "validation.signatories",
                )));
            }
            for (position, membership_id) in membership_ids.iter().enumerate() {
                conn.execute(
                    "INSERT INTO meeting_signatory (meeting_id, membership_id, position) VALUES (?1, ?2, ?3)",
                    params![id, membership_id, position as i64],
                )?;
            }
            conn.execute("UPDATE meeting SET approval_mode = 'signatories' WHERE id = ?1", [id])?;
            audit::record(
                conn,
                actor,
                "meeting",
                id,
                "signatories",
                None,
                Some(&membership_ids.join(",")),
            )?;
        }
        Approval::LaterMeeting { item_id } => {
            let approving = item(conn, item_id)?;
            let later = get(conn, &approving.meeting_id)?;
            let valid = later.council_id == meeting.council_id
                && later.date > meeting.date
                && !approving.decision.trim().is_empty();
            if !valid {
                return Err(CoreError::invalid(FieldIssue::new(
                    "itemId",
                    "validation.later_meeting_item",
                )));
            }
            conn.execute(
                "UPDATE meeting SET approval_mode = 'later_meeting', approved_in_item = ?2 WHERE id = ?1",
                [id, item_id],
            )?;
            audit::record(conn, actor, "meeting", id, "approvedInItem", None, Some(item_id))?;
        }
    }
    // The corrections to earlier minutes that these minutes report are now settled.
    for amendment in &detail.earlier_amendments {
        conn.execute(
            "UPDATE amendment SET reported_in = ?2 WHERE id = ?1",
            [&amendment.id, id],
        )?;
    }
    set_status(conn, actor, meeting, MeetingStatus::Approved, "approved")
}

/// Items with a decision in later meetings of the same council: each can
/// approve `meeting_id`'s minutes.
pub fn approval_candidates(conn: &Connection, meeting_id: &str, lang: Lang) -> Result<Vec<ApprovalCandidate>> {
    let meeting = get(conn, meeting_id)?;
    let mut stmt = conn.prepare(
        "SELECT i.id, m.id, m.date, i.case_year, i.case_number, i.title
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
         WHERE m.council_id = ?1 AND m.date > ?2 AND i.withdrawn = 0 AND i.decision <> ''
         ORDER BY m.date, i.position",
    )?;
    let rows = stmt.query_map(params![meeting.council_id, codec::day(meeting.date)], |r| {
        let year: Option<i32> = r.get(3)?;
        let number: Option<i32> = r.get(4)?;
        let case = year.zip(number).map(|(year, number)| CaseNumber { year, number });
        Ok(ApprovalCandidate {
            item_id: r.get(0)?,
            meeting_id: r.get(1)?,
            meeting_date: codec::parse_day(2, &r.get::<_, String>(2)?)?,
            case_label: case.map(|n| t(lang, "case.label", &[("number", &n.short())])),
            title: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records a correction to approved minutes; it is reported in the next minutes.
pub fn add_amendment(conn: &Connection, actor: &Actor, meeting_id: &str, text: &str) -> Result<()> {
    let meeting = get(conn, meeting_id)?;
    if meeting.status != MeetingStatus::Approved {
        return Err(CoreError::Conflict(FieldIssue::new(
            "text",
            "validation.amendment_not_approved",
        )));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(CoreError::invalid(FieldIssue::new(
            "text",
            "validation.amendment_empty",
        )));
    }
    let id = new_id();
    conn.execute(
        "INSERT INTO amendment (id, meeting_id, text, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, meeting_id, text, codec::instant(actor.at), actor.name],
    )?;
    audit::record(conn, actor, "amendment", &id, "text", None, Some(text))
}

fn amendment_from_row(r: &Row) -> rusqlite::Result<Amendment> {
    Ok(Amendment {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        meeting_date: codec::parse_day(2, &r.get::<_, String>(2)?)?,
        text: r.get(3)?,
        recorded: Step {
            at: r.get(4)?,
            by: r.get(5)?,
        },
    })
}

const AMENDMENT_SELECT: &str = "SELECT a.id, a.meeting_id, m.date, a.text, a.recorded_at, a.recorded_by
     FROM amendment a JOIN meeting m ON m.id = a.meeting_id";

fn amendments_where(conn: &Connection, condition: &str, params: &[&str]) -> Result<Vec<Amendment>> {
    let mut stmt = conn.prepare(&format!(
        "{AMENDMENT_SELECT} WHERE {condition} ORDER BY a.recorded_at, a.id"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), amendment_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Corrections to earlier minutes that `meeting`'s minutes report: those
/// already settled into them, or, while they are open, every unreported
/// correction to an earlier meeting of the council.
fn earlier_amendments(conn: &Connection, meeting: &Meeting) -> Result<Vec<Amendment>> {
    if meeting.status == MeetingStatus::Approved {
        return amendments_where(conn, "a.reported_in = ?1", &[&meeting.id]);
    }
    amendments_where(
        conn,
        "a.reported_in IS NULL AND m.council_id = ?1 AND m.date < ?2 AND m.id <> ?3",
        &[&meeting.council_id, &codec::day(meeting.date), &meeting.id],
    )
}

// --- the whole meeting --------------------------------------------------------

/// Everything about a meeting: items with their recusals, follow-ups and
/// quorum, attendance, what is missing from the minutes, and amendments.
pub fn detail(conn: &Connection, id: &str, lang: Lang) -> Result<MeetingDetail> {
    let meeting = get(conn, id)?;
    let council = councils::get(conn, &meeting.council_id)?;
    let attendance = attendance(conn, &meeting)?;
    let seats = council.seat_plan.total();
    let mut items = items_of(conn, id)?;
    let positions: Vec<(String, i32, Option<String>)> = items
        .iter()
        .map(|i| (i.id.clone(), i.position, i.case_number.map(|n| n.short())))
        .collect();
    let position_of = |id: &str| positions.iter().find(|(i, ..)| i == id).map(|(_, p, _)| *p);
    let mut attendance = attendance;
    for row in &mut attendance {
        row.span = span_text(lang, row, &positions, &items);
    }
    for item in &mut items {
        let attendance = rules::attendance_for_item(&attendance, item.position, position_of);
        item.case_label = item
            .case_number
            .map(|n| t(lang, "case.label", &[("number", &n.short())]));
        item.recusals = item_recusals(conn, &item.id, &attendance)?;
        item.decisions = super::decisions::of_item_filled(conn, item, seats, &attendance, lang)?;
        item.follow_ups = {
            let mut stmt = conn.prepare_cached(
                "SELECT id, what, who, due FROM follow_up WHERE item_id = ?1 ORDER BY created_at, id",
            )?;
            let rows = stmt.query_map([&item.id], |r| {
                let due: Option<String> = r.get(3)?;
                Ok(FollowUp {
                    id: r.get(0)?,
                    what: r.get(1)?,
                    who: r.get(2)?,
                    due: due.map(|d| codec::parse_day(3, &d)).transpose()?,
                })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        item.quorum = rules::quorum(seats, &attendance, &item.recusals);
        item.outcome = rules::outcome(item.kind, item.votes, item.quorum.voting, item.chair_vote);
        item.alternatives = super::alternatives::of_item(conn, item)?;
        if !item.alternatives.is_empty() {
            let outcomes: Vec<Option<VoteOutcome>> = item.alternatives.iter().map(|a| a.outcome).collect();
            item.adopted = rules::adopted(item.outcome, &outcomes).ok().flatten();
        }
        item.chair_name = item.chair_id.as_deref().and_then(|id| {
            attendance
                .iter()
                .find(|a| a.membership_id == id)
                .map(|a| a.person_name.clone())
        });
        item.grants = super::grants::of_item(conn, &item.id)?;
    }
    let chair_id = meeting.chair_id.as_deref();
    let facts: Vec<rules::ItemFacts> = items
        .iter()
        .map(|i| {
            let there = rules::attendance_for_item(&attendance, i.position, position_of);
            rules::ItemFacts {
                id: &i.id,
                label: i.case_label.clone().unwrap_or_else(|| format!("«{}»", i.title)),
                kind: i.kind,
                decision: &i.decision,
                votes_total: i
                    .votes
                    .map(|v| v.in_favour.saturating_add(v.against).saturating_add(v.blank)),
                closed: i.closed,
                closed_basis: &i.closed_basis,
                withdrawn: i.withdrawn,
                recusals: &i.recusals,
                quorum: i.quorum,
                decisions: i
                    .decisions
                    .iter()
                    .map(|d| rules::DecisionFacts {
                        id: &d.id,
                        title: &d.title,
                        decision: &d.decision,
                        votes_total: d
                            .votes
                            .map(|v| v.in_favour.saturating_add(v.against).saturating_add(v.blank)),
                        recusals: &d.recusals,
                        inhabil_present: &d.proposed_recusals,
                        quorum: d.quorum,
                        chair_missing: rules::chair_missing(
                            chair_id.filter(|_| i.chair_id.is_none()).or(i.chair_id.as_deref()),
                            d.chair_id.as_deref(),
                            &rules::left_for_decision(&i.recusals, &d.recusals),
                            &there,
                        ),
                        outcome: d.outcome,
                    })
                    .collect(),
                chair_missing: !i.withdrawn
                    && rules::chair_missing(chair_id, i.chair_id.as_deref(), &i.recusals, &there),
                outcome: i.outcome,
                alternatives: i
                    .alternatives
                    .iter()
                    .map(|a| {
                        (
                            a.votes.map(|v| v.in_favour.saturating_add(v.against)).unwrap_or(0),
                            a.outcome,
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let missing = rules::completeness(&meeting, &attendance, &facts, lang);
    drop(facts);
    let amendments = amendments_where(conn, "a.meeting_id = ?1", &[id])?;
    let earlier_amendments = earlier_amendments(conn, &meeting)?;
    let documents = super::documents::of_meeting(conn, id)?;
    let approved_in = match &meeting.approval {
        Some(Approval::LaterMeeting { item_id }) => {
            let approving = item(conn, item_id)?;
            let later = get(conn, &approving.meeting_id)?;
            let case = approving
                .case_number
                .map(|n| t(lang, "case.label", &[("number", &n.short())]));
            Some(format!(
                "{} ({})",
                case.unwrap_or(approving.title),
                crate::i18n::date(later.date)
            ))
        }
        _ => None,
    };
    let lifecycle = rules::lifecycle(&meeting, None);
    let applications = if meeting.status == MeetingStatus::Approved {
        Vec::new()
    } else {
        super::decisions::applications(conn, &meeting.council_id, lang)?
    };
    let name_of = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| attendance.iter().find(|a| a.membership_id == id))
            .map(|a| a.person_name.clone())
    };
    let chair = name_of(&meeting.chair_id);
    let minute_taker =
        name_of(&meeting.minute_taker_id).or_else(|| Some(meeting.minute_taker_name.clone()).filter(|n| !n.is_empty()));
    Ok(MeetingDetail {
        chair,
        minute_taker,
        applications,
        lifecycle,
        meeting,
        council,
        items,
        attendance,
        missing,
        approved_in,
        amendments,
        earlier_amendments,
        documents,
    })
}

impl Store {
    pub fn meetings_of_council(&self, council_id: &str) -> Result<Vec<MeetingSummary>> {
        of_council(&self.conn, council_id)
    }

    pub fn meeting(&self, id: &str) -> Result<Meeting> {
        get(&self.conn, id)
    }

    /// Everything the meeting page shows, with the minutes' completeness check.
    pub fn meeting_detail(&self, id: &str, lang: Lang) -> Result<MeetingDetail> {
        detail(&self.conn, id, lang)
    }

    /// [`Store::meeting_detail`] as it stands on `today`: how many days are
    /// left to the meeting, for the question before marking it held.
    pub fn meeting_detail_on(&self, id: &str, lang: Lang, today: NaiveDate) -> Result<MeetingDetail> {
        let mut detail = detail(&self.conn, id, lang)?;
        detail.lifecycle = rules::lifecycle(&detail.meeting, Some(today));
        Ok(detail)
    }

    /// Takes back the meeting's last status change, until the next step is taken.
    pub fn undo_status(&mut self, actor: &Actor, id: &str) -> Result<Meeting> {
        self.write(|tx| {
            undo_status(tx, actor, id)?;
            get(tx, id)
        })
    }

    pub fn create_meeting(&mut self, actor: &Actor, input: &MeetingInput) -> Result<Meeting> {
        let input = rules::meeting(input)?;
        self.write(|tx| create(tx, actor, &input))
    }

    pub fn update_meeting(&mut self, actor: &Actor, id: &str, input: &MeetingInput) -> Result<Meeting> {
        let input = rules::meeting(input)?;
        self.write(|tx| update(tx, actor, id, &input))
    }

    /// Planned → notice sent; the agenda's items get their case numbers.
    pub fn send_notice(&mut self, actor: &Actor, id: &str) -> Result<Meeting> {
        self.write(|tx| {
            send_notice(tx, actor, id)?;
            get(tx, id)
        })
    }

    /// Notice sent → held.
    pub fn mark_held(&mut self, actor: &Actor, id: &str) -> Result<Meeting> {
        self.write(|tx| {
            mark_held(tx, actor, id)?;
            get(tx, id)
        })
    }

    /// Held → approved, when the minutes are complete; the protocol is then
    /// locked, and its final PDF is laid out and archived in the same write.
    pub fn approve_minutes(&mut self, actor: &Actor, id: &str, approval: &Approval, lang: Lang) -> Result<Meeting> {
        self.write(|tx| {
            approve(tx, actor, id, approval, lang)?;
            documents::archive_final_minutes(tx, actor, id)?;
            get(tx, id)
        })
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
            let mut held: Vec<MeetingSummary> = of_council(&self.conn, &council.id)?
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
        approval_candidates(&self.conn, meeting_id, lang)
    }

    /// A correction to approved minutes, reported in the next minutes.
    pub fn add_amendment(&mut self, actor: &Actor, meeting_id: &str, text: &str) -> Result<()> {
        let text = crate::rules::validate::free_text("text", text)?;
        self.write(|tx| add_amendment(tx, actor, meeting_id, &text))
    }

    /// Records who chaired the meeting and who took the minutes.
    pub fn set_meeting_roles(&mut self, actor: &Actor, meeting_id: &str, roles: &MeetingRoles) -> Result<()> {
        self.write(|tx| set_roles(tx, actor, meeting_id, roles))
    }
}

//! Queries of the meeting tables: meetings and their lifecycle, agenda items
//! with case numbers, attendance, inhabilitet, follow-ups, amendments.
//!
//! Every write checks first that the meeting's minutes are not approved: an
//! approved protocol is locked, and a correction is an amendment.

use chrono::Datelike;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::{attendance, audit, codec, councils, items, minutes, new_id, Store};
use crate::error::{CoreError, FieldIssue, Result};
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

/// The meeting's stored fields, as the audit log names them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MeetingRecord<'a> {
    #[serde(flatten)]
    input: &'a MeetingInput,
    status: MeetingStatus,
}

/// A meeting's kind must be the profile's, or (`own`) the one the meeting
/// already holds, which the profile may since have removed.
fn check_kind(conn: &Connection, kind: &MeetingKind, own: Option<&MeetingKind>) -> Result<()> {
    if own == Some(kind) {
        return Ok(());
    }
    let profile = super::profile::current(conn)?;
    if profile.meeting_kinds.iter().any(|k| k.key == kind.key()) {
        return Ok(());
    }
    Err(CoreError::invalid(
        FieldIssue::new("kind", "validation.meeting_kind_unknown").with("key", kind.key()),
    ))
}

pub fn create(conn: &Connection, actor: &Actor, input: &MeetingInput) -> Result<Meeting> {
    councils::get(conn, &input.council_id)?;
    check_kind(conn, &input.kind, None)?;
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
    rules::check_unlocked(&old)?;
    check_kind(conn, &input.kind, Some(&old.kind))?;
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

pub(super) fn set_status(
    conn: &Connection,
    actor: &Actor,
    meeting: &Meeting,
    status: MeetingStatus,
    step: &str,
) -> Result<()> {
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

/// Gives the next free case number of the council in `year` to an item.
pub(super) fn assign_number(
    conn: &Connection,
    actor: &Actor,
    item_id: &str,
    council_id: &str,
    year: i32,
) -> Result<()> {
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
    rules::check_unlocked(&meeting)?;
    rules::require_status(&meeting, MeetingStatus::Planned, "validation.notice_already_sent")?;
    if meeting.place.trim().is_empty() {
        return Err(CoreError::invalid(FieldIssue::new(
            "place",
            "validation.place_missing_for_notice",
        )));
    }
    let year = meeting_year(&meeting);
    for item in items::items_of(conn, id)?
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
    rules::check_unlocked(&meeting)?;
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
    rules::check_unlocked(&meeting)?;
    rules::require_status(&meeting, MeetingStatus::NoticeSent, "validation.held_needs_notice")?;
    set_status(conn, actor, &meeting, MeetingStatus::Held, "held")
}

pub(super) fn meeting_year(meeting: &Meeting) -> i32 {
    meeting.date.year()
}

// --- agenda items -------------------------------------------------------------

// --- attendance ---------------------------------------------------------------

// --- minutes: approval and amendments ----------------------------------------

// --- the whole meeting --------------------------------------------------------

/// Everything about a meeting: items with their inhabilitet, follow-ups and
/// quorum, attendance and amendments, unlabelled: `crate::views` adds the
/// case labels, the spans of attendance, the reasons of inhabilitet and
/// what is missing from the minutes, in a language.
pub fn detail(conn: &Connection, id: &str) -> Result<MeetingDetail> {
    let meeting = get(conn, id)?;
    let council = councils::get(conn, &meeting.council_id)?;
    let attendance = attendance::attendance(conn, &meeting)?;
    let seats = council.seat_plan.total();
    let mut items = items::items_of(conn, id)?;
    let positions: Vec<(String, i32)> = items.iter().map(|i| (i.id.clone(), i.position)).collect();
    let position_of = |id: &str| positions.iter().find(|(i, _)| i == id).map(|(_, p)| *p);
    for item in &mut items {
        let attendance = rules::attendance_for_item(&attendance, item.position, position_of);
        item.inhabil_members = items::item_inhabil(conn, &item.id, &attendance)?;
        item.decisions = super::decisions::of_item_filled(conn, item, seats, &attendance)?;
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
        item.quorum = rules::quorum(seats, &attendance, &item.inhabil_members);
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
        item.grants = super::applications::of_item(conn, &item.id)?;
        item.statement = super::statements::of_item(conn, &item.id)?.map(|s| Statement {
            late: crate::rules::statements::late(s.deadline, meeting.date),
            ..s
        });
    }
    let amendments = minutes::amendments_where(conn, "a.meeting_id = ?1", &[id])?;
    let earlier_amendments = minutes::earlier_amendments(conn, &meeting)?;
    let documents = super::documents::of_meeting(conn, id)?;
    let approving = match &meeting.approval {
        Some(Approval::LaterMeeting { item_id }) => {
            let approving = items::item(conn, item_id)?;
            let later = get(conn, &approving.meeting_id)?;
            Some((approving.case_number, approving.title, later.date))
        }
        _ => None,
    };
    let lifecycle = rules::lifecycle(&meeting, None);
    let applications = if meeting.status == MeetingStatus::Approved {
        Vec::new()
    } else {
        super::decisions::applications(conn, &meeting.council_id)?
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
        missing: Vec::new(),
        approved_in: None,
        approving,
        amendments,
        earlier_amendments,
        documents,
        names: super::profile::labels_by_lang(conn)?,
    })
}

/// [`detail`] labelled in `lang`: for a document, in the council's målform.
pub(super) fn labelled(conn: &Connection, id: &str, lang: Lang) -> Result<MeetingDetail> {
    let mut detail = detail(conn, id)?;
    crate::views::label_meeting(&mut detail, lang);
    Ok(detail)
}

impl Store {
    pub fn meetings_of_council(&self, council_id: &str) -> Result<Vec<MeetingSummary>> {
        of_council(&self.conn, council_id)
    }

    pub fn meeting(&self, id: &str) -> Result<Meeting> {
        get(&self.conn, id)
    }

    /// Everything the meeting page shows, unlabelled ([`Store::meeting_detail`]
    /// labels it in a language).
    pub fn meeting_detail_rows(&self, id: &str) -> Result<MeetingDetail> {
        detail(&self.conn, id)
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

    /// Records who chaired the meeting and who took the minutes.
    pub fn set_meeting_roles(&mut self, actor: &Actor, meeting_id: &str, roles: &MeetingRoles) -> Result<()> {
        self.write(|tx| attendance::set_roles(tx, actor, meeting_id, roles))
    }
}

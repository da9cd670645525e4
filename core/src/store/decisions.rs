//! Queries of the decisions inside an agenda item (`item_decision`) and of
//! the members who left for one of them (`decision_recusal`). An item keeps
//! its own record in `meetings`; a grant round holds one decision here per
//! application. Every write checks first that the minutes are not approved.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::{applications, attendance, audit, codec, councils, inhabil, items, meetings, new_id, scoring, Store};
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::*;
use crate::rules::meetings as rules;

const COLUMNS: &str = "id, item_id, position, application_id, title, proposal, decision, \
     votes_for, votes_against, votes_blank, chair_id, chair_vote";

fn empty_quorum() -> Quorum {
    Quorum {
        seats: 0,
        present: 0,
        inhabil: 0,
        voting: 0,
        required: 0,
        quorate: false,
    }
}

/// Reads a decision without its inhabilitet and quorum (see [`fill`]).
fn from_row(r: &Row) -> rusqlite::Result<ItemDecision> {
    let votes = codec::votes(r, 7)?;
    Ok(ItemDecision {
        id: r.get(0)?,
        item_id: r.get(1)?,
        position: r.get(2)?,
        application_id: r.get(3)?,
        title: r.get(4)?,
        proposal: r.get(5)?,
        decision: r.get(6)?,
        votes,
        chair_vote: codec::parse_opt(r, 11)?,
        outcome: None,
        chair_id: r.get(10)?,
        chair_name: None,
        inhabil_members: Vec::new(),
        proposed_inhabil: Vec::new(),
        inhabil_overruled: Vec::new(),
        quorum: empty_quorum(),
    })
}

/// The decisions inside an item, in order, without inhabilitet and quorum.
pub(super) fn of_item(conn: &Connection, item_id: &str) -> Result<Vec<ItemDecision>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM item_decision WHERE item_id = ?1 ORDER BY position, id"
    ))?;
    let rows = stmt.query_map([item_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn get(conn: &Connection, id: &str) -> Result<ItemDecision> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM item_decision WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::NotFound {
        entity: "item_decision",
        id: id.to_owned(),
    })
}

/// The members who left for this decision only, named from the attendance.
fn decision_inhabil(conn: &Connection, decision_id: &str, attendance: &[AttendanceRow]) -> Result<Vec<InhabilMember>> {
    inhabil::of(conn, &inhabil::DECISION, decision_id, attendance)
}

fn voters(attendance: &[AttendanceRow]) -> Vec<String> {
    attendance
        .iter()
        .filter(|r| rules::votes_at_meeting(r))
        .map(|r| r.membership_id.clone())
        .collect()
}

/// Members present who are inhabil for the application a decision is about.
fn inhabil_present(
    conn: &Connection,
    decision: &ItemDecision,
    attendance: &[AttendanceRow],
) -> Result<Vec<InhabilMember>> {
    let Some(application_id) = &decision.application_id else {
        return Ok(Vec::new());
    };
    scoring::inhabil_members_of(conn, application_id, &voters(attendance))
}

/// Members present whose proposed inhabilitet for the application the grant
/// committee overruled, with the committee's reason.
fn overruled_present(
    conn: &Connection,
    decision: &ItemDecision,
    attendance: &[AttendanceRow],
) -> Result<Vec<InhabilMember>> {
    let Some(application_id) = &decision.application_id else {
        return Ok(Vec::new());
    };
    scoring::overruled_of(conn, application_id, &voters(attendance))
}

/// Fills a decision's inhabilitet, its proposed inhabilitet, its quorum and what
/// its votes came to.
fn fill(
    conn: &Connection,
    decision: &mut ItemDecision,
    seats: i32,
    attendance: &[AttendanceRow],
    item: &AgendaItem,
) -> Result<()> {
    decision.inhabil_members = decision_inhabil(conn, &decision.id, attendance)?;
    let left = rules::left_for_decision(&item.inhabil_members, &decision.inhabil_members);
    let inhabil = inhabil_present(conn, decision, attendance)?;
    decision.proposed_inhabil = rules::inhabil_voting(attendance, &left, &inhabil);
    let mut overruled = overruled_present(conn, decision, attendance)?;
    overruled.retain(|o| !left.iter().any(|l| l.membership_id == o.membership_id));
    decision.inhabil_overruled = overruled;
    decision.quorum = rules::quorum(seats, attendance, &left);
    decision.outcome = rules::outcome(item.kind, decision.votes, decision.quorum.voting, decision.chair_vote);
    decision.chair_name = decision.chair_id.as_deref().and_then(|id| {
        attendance
            .iter()
            .find(|a| a.membership_id == id)
            .map(|a| a.person_name.clone())
    });
    Ok(())
}

/// An item's decisions as the meeting page and the minutes show them
/// (`item` with its own inhabilitet read); the reasons of the inhabilitet
/// proposed are labelled by `crate::views`.
pub(super) fn of_item_filled(
    conn: &Connection,
    item: &AgendaItem,
    seats: i32,
    attendance: &[AttendanceRow],
) -> Result<Vec<ItemDecision>> {
    let mut decisions = of_item(conn, &item.id)?;
    for d in &mut decisions {
        fill(conn, d, seats, attendance, item)?;
    }
    Ok(decisions)
}

/// The item, its meeting (refused when the minutes are locked) and its
/// inhabilitet with names.
struct Context {
    item: AgendaItem,
    meeting: Meeting,
    attendance: Vec<AttendanceRow>,
    item_inhabil: Vec<InhabilMember>,
}

fn context(conn: &Connection, item_id: &str) -> Result<Context> {
    let item = items::item(conn, item_id)?;
    let meeting = items::unlocked_meeting_of(conn, &item)?;
    let attendance = attendance::attendance_for(conn, &meeting, &item)?;
    let item_inhabil = items::item_inhabil(conn, item_id, &attendance)?;
    Ok(Context {
        item,
        meeting,
        attendance,
        item_inhabil,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    title: &'a str,
    proposal: &'a str,
    application_id: Option<&'a str>,
    decision: &'a str,
    votes: Option<Votes>,
    chair_vote: Option<ChairVote>,
    chair_id: Option<&'a str>,
}

impl<'a> From<&'a ItemDecision> for Fields<'a> {
    fn from(d: &'a ItemDecision) -> Self {
        Fields {
            title: &d.title,
            proposal: &d.proposal,
            application_id: d.application_id.as_deref(),
            decision: &d.decision,
            votes: d.votes,
            chair_vote: d.chair_vote,
            chair_id: d.chair_id.as_deref(),
        }
    }
}

/// The applications a decision inside an item of the council can be about:
/// of the council's schemes, not withdrawn, not yet decided; labelled by `crate::views`.
pub(super) fn applications(conn: &Connection, council_id: &str) -> Result<Vec<DecisionApplication>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, s.name, a.number, a.organisation, a.title FROM grant_application a
         JOIN grant_scheme s ON s.id = a.scheme_id
         WHERE s.council_id = ?1 AND a.withdrawn_at IS NULL AND a.granted_ore IS NULL
         ORDER BY s.year DESC, s.name, a.number",
    )?;
    let rows = stmt.query_map([council_id], |r| {
        let number: i32 = r.get(2)?;
        let organisation: String = r.get(3)?;
        let title: String = r.get(4)?;
        let scheme: String = r.get(1)?;
        Ok(DecisionApplication {
            application_id: r.get(0)?,
            label: String::new(),
            about: (scheme, number, organisation, title),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a decision to a vedtak item. For an application the title, when left
/// empty, is the application's, in the council's målform; the members
/// inhabil for it are proposed as leaving (see [`ItemDecision::proposed_inhabil`]).
pub fn add(conn: &Connection, actor: &Actor, item_id: &str, input: &ItemDecisionInput) -> Result<String> {
    let Context { item, meeting, .. } = context(conn, item_id)?;
    if !item.kind.decides() || item.withdrawn {
        return Err(CoreError::invalid(FieldIssue::new(
            "itemId",
            "validation.decision_item_kind",
        )));
    }
    let council = councils::get(conn, &meeting.council_id)?;
    let lang = crate::documents::document_lang(&council);
    let mut title = input.title.clone();
    if let Some(application_id) = &input.application_id {
        let open = applications(conn, &council.id)?;
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM item_decision WHERE item_id = ?1 AND application_id = ?2)",
            [item_id, application_id],
            |r| r.get(0),
        )?;
        if taken || !open.iter().any(|a| &a.application_id == application_id) {
            return Err(CoreError::invalid(FieldIssue::new(
                "applicationId",
                "validation.decision_application",
            )));
        }
        if title.is_empty() {
            let a = applications::application(conn, application_id)?;
            title = t(
                lang,
                "decision.application_title",
                &[
                    ("number", &a.number.to_string()),
                    ("organisation", &a.organisation),
                    ("title", &a.title),
                ],
            );
        }
    }
    let id = new_id();
    let position: i32 = conn.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM item_decision WHERE item_id = ?1",
        [item_id],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO item_decision (id, item_id, position, application_id, title, proposal, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            item_id,
            position,
            input.application_id,
            title,
            input.proposal,
            codec::instant(actor.at)
        ],
    )?;
    let added = get(conn, &id)?;
    audit::record_diff(conn, actor, "item_decision", &id, None, &Fields::from(&added))?;
    Ok(item.meeting_id)
}

/// Records the decision and its votes; the votes may not outnumber those
/// who could vote on it once the meeting is held.
pub fn record(conn: &Connection, actor: &Actor, decision_id: &str, record: &ItemDecisionRecord) -> Result<String> {
    let old = get(conn, decision_id)?;
    let ctx = context(conn, &old.item_id)?;
    if record.votes.is_some() {
        let council = councils::get(conn, &ctx.meeting.council_id)?;
        let mut filled = old.clone();
        let item = AgendaItem {
            inhabil_members: ctx.item_inhabil.clone(),
            ..ctx.item.clone()
        };
        fill(conn, &mut filled, council.seat_plan.total(), &ctx.attendance, &item)?;
        rules::votes_within(
            record.votes,
            &filled.quorum,
            ctx.meeting.status >= MeetingStatus::Held,
            item.kind,
        )?;
    }
    let v = record.votes;
    conn.execute(
        "UPDATE item_decision SET decision = ?2, votes_for = ?3, votes_against = ?4, votes_blank = ?5,
            updated_at = ?6, chair_vote = ?7 WHERE id = ?1",
        params![
            decision_id,
            record.decision,
            v.map(|v| v.in_favour),
            v.map(|v| v.against),
            v.map(|v| v.blank),
            codec::instant(actor.at),
            record.chair_vote.map(|c| codec::name(&c))
        ],
    )?;
    let new = ItemDecision {
        decision: record.decision.clone(),
        votes: record.votes,
        chair_vote: record.chair_vote,
        ..old.clone()
    };
    audit::record_diff(
        conn,
        actor,
        "item_decision",
        decision_id,
        Some(&Fields::from(&old)),
        &Fields::from(&new),
    )?;
    Ok(ctx.item.meeting_id)
}

/// Records who chaired a decision while the meeting's chair had left for it
/// (`None`: the meeting's chair). The one named must be there for it and not
/// have left for it.
pub fn set_chair(conn: &Connection, actor: &Actor, decision_id: &str, chair_id: Option<&str>) -> Result<String> {
    let old = get(conn, decision_id)?;
    let ctx = context(conn, &old.item_id)?;
    if let Some(id) = chair_id {
        let own = decision_inhabil(conn, decision_id, &ctx.attendance)?;
        let left = rules::left_for_decision(&ctx.item_inhabil, &own);
        rules::acting_chair(id, &left, &ctx.attendance)?;
    }
    conn.execute(
        "UPDATE item_decision SET chair_id = ?2, updated_at = ?3 WHERE id = ?1",
        params![decision_id, chair_id, codec::instant(actor.at)],
    )?;
    audit::record(
        conn,
        actor,
        "item_decision",
        decision_id,
        "chairId",
        old.chair_id.as_deref(),
        chair_id,
    )?;
    Ok(ctx.item.meeting_id)
}

/// Takes a decision out of its item, with who left for it.
pub fn remove(conn: &Connection, actor: &Actor, decision_id: &str) -> Result<String> {
    let old = get(conn, decision_id)?;
    let ctx = context(conn, &old.item_id)?;
    conn.execute("DELETE FROM decision_recusal WHERE decision_id = ?1", [decision_id])?;
    conn.execute("DELETE FROM item_decision WHERE id = ?1", [decision_id])?;
    audit::record(
        conn,
        actor,
        "item_decision",
        decision_id,
        "deleted",
        Some(&old.title),
        None,
    )?;
    Ok(ctx.item.meeting_id)
}

/// Records that a member present left for one decision of an item.
pub fn set_decision_inhabil(
    conn: &Connection,
    actor: &Actor,
    decision_id: &str,
    membership_id: &str,
    reason: &str,
) -> Result<String> {
    let decision = get(conn, decision_id)?;
    let ctx = context(conn, &decision.item_id)?;
    inhabil::present(&ctx.attendance, membership_id)?;
    inhabil::set(conn, actor, &inhabil::DECISION, decision_id, membership_id, reason)?;
    Ok(ctx.item.meeting_id)
}

pub fn remove_decision_inhabil(
    conn: &Connection,
    actor: &Actor,
    decision_id: &str,
    membership_id: &str,
) -> Result<String> {
    let decision = get(conn, decision_id)?;
    let ctx = context(conn, &decision.item_id)?;
    inhabil::remove(conn, actor, &inhabil::DECISION, decision_id, membership_id)?;
    Ok(ctx.item.meeting_id)
}

/// Refuses a grant decided under `item_id` when the council was not quorate
/// for it (once the meeting is held), or while a member inhabil for the
/// application could vote on it: present, and recorded as having left
/// neither the whole item nor the application's decision inside it.
pub(super) fn check_no_inhabil_voted(conn: &Connection, item_id: &str, application_id: &str) -> Result<()> {
    let item = items::item(conn, item_id)?;
    let meeting = meetings::get(conn, &item.meeting_id)?;
    let attendance = attendance::attendance_for(conn, &meeting, &item)?;
    let item_inhabil = items::item_inhabil(conn, item_id, &attendance)?;
    let own: Option<String> = conn
        .query_row(
            "SELECT id FROM item_decision WHERE item_id = ?1 AND application_id = ?2",
            [item_id, application_id],
            |r| r.get(0),
        )
        .optional()?;
    let decision_inhabil_members = match &own {
        Some(id) => decision_inhabil(conn, id, &attendance)?,
        None => Vec::new(),
    };
    let left = rules::left_for_decision(&item_inhabil, &decision_inhabil_members);
    // A vote the council could not take decided nothing.
    if meeting.status >= MeetingStatus::Held {
        let seats = councils::get(conn, &meeting.council_id)?.seat_plan.total();
        if !rules::quorum(seats, &attendance, &left).quorate {
            return Err(CoreError::invalid(FieldIssue::new(
                "itemId",
                "validation.grant_not_quorate",
            )));
        }
    }
    let voters: Vec<String> = attendance.iter().map(|r| r.membership_id.clone()).collect();
    let inhabil = scoring::inhabil_members_of(conn, application_id, &voters)?;
    let voted = rules::inhabil_voting(&attendance, &left, &inhabil);
    if voted.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = voted.iter().map(|r| r.person_name.as_str()).collect();
    Err(CoreError::invalid(
        FieldIssue::new("itemId", "validation.grant_inhabil_voted").with("names", names.join(", ")),
    ))
}

impl Store {
    /// Records who chaired a decision inside an item while the meeting's chair
    /// had left for it; returns the meeting's id.
    pub fn set_decision_chair(&mut self, actor: &Actor, decision_id: &str, chair_id: Option<&str>) -> Result<String> {
        self.write(|tx| set_chair(tx, actor, decision_id, chair_id))
    }

    /// Adds a decision inside a vedtak item (one per application in a grant
    /// round). Returns the meeting's id.
    pub fn add_decision(&mut self, actor: &Actor, item_id: &str, input: &ItemDecisionInput) -> Result<String> {
        let input = rules::decision_input(input)?;
        self.write(|tx| add(tx, actor, item_id, &input))
    }

    pub fn record_decision(&mut self, actor: &Actor, decision_id: &str, record: &ItemDecisionRecord) -> Result<String> {
        let record = rules::decision_record(record)?;
        self.write(|tx| self::record(tx, actor, decision_id, &record))
    }

    pub fn remove_decision(&mut self, actor: &Actor, decision_id: &str) -> Result<String> {
        self.write(|tx| remove(tx, actor, decision_id))
    }

    /// Records that a member present left for one decision inside an item.
    pub fn set_decision_inhabil(
        &mut self,
        actor: &Actor,
        decision_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<String> {
        let reason = crate::rules::validate::free_text("reason", reason)?;
        self.write(|tx| set_decision_inhabil(tx, actor, decision_id, membership_id, &reason))
    }

    pub fn remove_decision_inhabil(&mut self, actor: &Actor, decision_id: &str, membership_id: &str) -> Result<String> {
        self.write(|tx| remove_decision_inhabil(tx, actor, decision_id, membership_id))
    }
}

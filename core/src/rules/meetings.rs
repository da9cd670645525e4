//! Meeting rules as plain functions: input validation, quorum per item, and
//! the completeness check of the minutes (kommuneloven § 11-4).

use chrono::NaiveDate;

use super::validate::clean_text;
use crate::error::{CoreError, FieldIssue, Result};
use crate::i18n::t;
use crate::model::{
    AgendaItemInput, AlternativeInput, AttendanceRow, AttendanceStatus, ChairVote, ClosedGround, FollowUpInput,
    InhabilMember, ItemDecisionInput, ItemDecisionRecord, ItemKind, ItemRecord, Lang, LegalMode, Lifecycle, Meeting,
    MeetingInput, MeetingRoles, MeetingStatus, Missing, MissingKind, Quorum, Role, VoteOutcome, Votes,
};

/// Adds an issue for each free-text field that is too long or holds a national identity number.
fn free_text(issues: &mut Vec<FieldIssue>, fields: &[(&str, &str)]) {
    issues.extend(
        fields
            .iter()
            .flat_map(|(field, text)| super::validate::text_issues(field, text)),
    );
}

/// More votes than any council has members is a typing mistake.
pub const MAX_VOTES: i32 = 999;

fn issues_or<T>(issues: Vec<FieldIssue>, value: T) -> Result<T> {
    if issues.is_empty() {
        Ok(value)
    } else {
        Err(CoreError::Invalid(issues))
    }
}

pub fn meeting(input: &MeetingInput) -> Result<MeetingInput> {
    let clean = MeetingInput {
        place: clean_text(&input.place),
        guests: clean_text(&input.guests),
        kommune_rep: clean_text(&input.kommune_rep),
        ..input.clone()
    };
    let mut issues = Vec::new();
    if !super::validate::date_in_range(clean.date) {
        issues.push(FieldIssue::new("date", "validation.date_out_of_range"));
    }
    if clean.ends_at.is_some_and(|end| end <= clean.starts_at) {
        issues.push(FieldIssue::new("endsAt", "validation.meeting_end_before_start"));
    }
    free_text(
        &mut issues,
        &[
            ("place", &clean.place),
            ("guests", &clean.guests),
            ("kommuneRep", &clean.kommune_rep),
        ],
    );
    issues_or(issues, clean)
}

pub fn item(input: &AgendaItemInput) -> Result<AgendaItemInput> {
    let clean = AgendaItemInput {
        title: clean_text(&input.title),
        background: clean_text(&input.background),
        proposal: clean_text(&input.proposal),
        ..input.clone()
    };
    let (access, mut issues) = super::access::issues(&input.access);
    let (statement, statement_issues) = super::statements::statement_issues(input.kind, input.statement.as_ref());
    let clean = AgendaItemInput {
        access,
        statement,
        ..clean
    };
    if clean.title.is_empty() {
        issues.insert(0, FieldIssue::new("title", "validation.title_empty"));
    }
    free_text(
        &mut issues,
        &[
            ("title", &clean.title),
            ("background", &clean.background),
            ("proposal", &clean.proposal),
        ],
    );
    issues.extend(statement_issues);
    issues_or(issues, clean)
}

pub fn record(input: &ItemRecord) -> Result<ItemRecord> {
    record_for(input, LegalMode::Formal)
}

/// [`record`] for a council of `mode`: a formal body closes an item on a
/// ground of kommuneloven § 11-5 (must or may), a voluntary council by its
/// statutes — each is told so in its own words, and neither is offered the
/// other's ground.
pub fn record_for(input: &ItemRecord, mode: LegalMode) -> Result<ItemRecord> {
    let clean = ItemRecord {
        decision: clean_text(&input.decision),
        closed_basis: clean_text(&input.closed_basis),
        closed_ground: input.closed_ground.filter(|_| input.closed),
        chair_vote: input
            .chair_vote
            .filter(|_| input.votes.is_some_and(|v| v.in_favour == v.against)),
        ..input.clone()
    };
    let mut issues = Vec::new();
    vote_issues(&mut issues, clean.votes);
    if clean.closed {
        let key = match mode {
            LegalMode::Formal => "validation.closed_basis_missing",
            LegalMode::Voluntary => "validation.closed_basis_missing_statutes",
        };
        match (mode, clean.closed_ground) {
            (LegalMode::Formal, None | Some(ClosedGround::Statutes)) => {
                issues.push(FieldIssue::new("closedGround", "validation.closed_ground_formal"))
            }
            (LegalMode::Voluntary, Some(ClosedGround::Must | ClosedGround::May)) => {
                issues.push(FieldIssue::new("closedGround", "validation.closed_ground_voluntary"))
            }
            _ => {}
        }
        if clean.closed_basis.is_empty() {
            issues.push(FieldIssue::new("closedBasis", key));
        }
    }
    free_text(
        &mut issues,
        &[("decision", &clean.decision), ("closedBasis", &clean.closed_basis)],
    );
    issues_or(issues, clean)
}

/// Each count of `votes` is at least 0 and at most [`MAX_VOTES`].
fn vote_issues(issues: &mut Vec<FieldIssue>, votes: Option<Votes>) {
    let Some(v) = votes else { return };
    for (field, n) in [
        ("votes.for", v.in_favour),
        ("votes.against", v.against),
        ("votes.blank", v.blank),
    ] {
        if n < 0 {
            issues.push(FieldIssue::new(field, "validation.votes_negative"));
        } else if n > MAX_VOTES {
            issues.push(FieldIssue::new(field, "validation.votes_too_many").with("max", MAX_VOTES.to_string()));
        }
    }
}

/// A decision inside an item: a title, unless it is about an application
/// (then the application names it).
pub fn decision_input(input: &ItemDecisionInput) -> Result<ItemDecisionInput> {
    let clean = ItemDecisionInput {
        title: clean_text(&input.title),
        proposal: clean_text(&input.proposal),
        application_id: input.application_id.clone().filter(|id| !id.trim().is_empty()),
    };
    let mut issues = Vec::new();
    if clean.title.is_empty() && clean.application_id.is_none() {
        issues.push(FieldIssue::new("title", "validation.decision_title_empty"));
    }
    free_text(&mut issues, &[("title", &clean.title), ("proposal", &clean.proposal)]);
    issues_or(issues, clean)
}

pub fn decision_record(input: &ItemDecisionRecord) -> Result<ItemDecisionRecord> {
    let clean = ItemDecisionRecord {
        decision: clean_text(&input.decision),
        votes: input.votes,
        chair_vote: input
            .chair_vote
            .filter(|_| input.votes.is_some_and(|v| v.in_favour == v.against)),
    };
    let mut issues = Vec::new();
    vote_issues(&mut issues, clean.votes);
    free_text(&mut issues, &[("decision", &clean.decision)]);
    issues_or(issues, clean)
}

/// Those who left for a decision inside an item: who left for the whole item,
/// and who left for this decision only (each once).
pub fn left_for_decision(item: &[InhabilMember], decision: &[InhabilMember]) -> Vec<InhabilMember> {
    let mut left: Vec<InhabilMember> = item.to_vec();
    for r in decision {
        if !left.iter().any(|x| x.membership_id == r.membership_id) {
            left.push(r.clone());
        }
    }
    left
}

/// Members inhabil for what is decided who would vote on it: voting at the
/// meeting and not recorded as having left. `inhabil` holds every member
/// inhabil for it (declared, or by the organisation they represent).
pub fn inhabil_voting(
    attendance: &[AttendanceRow],
    left: &[InhabilMember],
    inhabil: &[InhabilMember],
) -> Vec<InhabilMember> {
    inhabil
        .iter()
        .filter(|i| {
            attendance
                .iter()
                .any(|r| r.membership_id == i.membership_id && votes_at_meeting(r))
                && !left.iter().any(|l| l.membership_id == i.membership_id)
        })
        .cloned()
        .collect()
}

pub fn follow_up(input: &FollowUpInput) -> Result<FollowUpInput> {
    let clean = FollowUpInput {
        what: clean_text(&input.what),
        who: clean_text(&input.who),
        due: input.due,
    };
    let mut issues = Vec::new();
    if clean.what.is_empty() {
        issues.push(FieldIssue::new("what", "validation.follow_up_empty"));
    }
    if clean.due.is_some_and(|d| !super::validate::date_in_range(d)) {
        issues.push(FieldIssue::new("due", "validation.date_out_of_range"));
    }
    free_text(&mut issues, &[("what", &clean.what), ("who", &clean.who)]);
    issues_or(issues, clean)
}

/// The status an undo returns a meeting to: the step before, until the next
/// step is taken (a sent notice until the meeting is held, a held meeting
/// until its minutes are approved). Approved minutes are locked: no undo.
pub fn undo_to(status: MeetingStatus) -> Option<MeetingStatus> {
    match status {
        MeetingStatus::NoticeSent => Some(MeetingStatus::Planned),
        MeetingStatus::Held => Some(MeetingStatus::NoticeSent),
        MeetingStatus::Planned | MeetingStatus::Approved => None,
    }
}

/// Refuses any change to a meeting whose minutes are approved.
pub fn check_unlocked(meeting: &Meeting) -> Result<()> {
    if meeting.status == MeetingStatus::Approved {
        return Err(CoreError::Conflict(FieldIssue::new("", "validation.minutes_locked")));
    }
    Ok(())
}

/// Refused unless the meeting is at `expected` in its lifecycle; `key` says what is missing.
pub fn require_status(meeting: &Meeting, expected: MeetingStatus, key: &'static str) -> Result<()> {
    if meeting.status != expected {
        return Err(CoreError::Conflict(FieldIssue::new("status", key)));
    }
    Ok(())
}

/// What a meeting's status allows and means on `today` (when known).
pub fn lifecycle(meeting: &Meeting, today: Option<NaiveDate>) -> Lifecycle {
    Lifecycle {
        undo_to: undo_to(meeting.status),
        days_until: today.map(|t| (meeting.date - t).num_days() as i32),
        judged: meeting.status >= MeetingStatus::Held,
    }
}

/// The votes of an item may not outnumber those who could vote on it; a
/// record before the meeting is held (attendance not known yet) is not judged.
/// A blank vote may be cast only in an election or appointment (`valg`).
pub fn votes_within(votes: Option<Votes>, quorum: &Quorum, held: bool, kind: ItemKind) -> Result<()> {
    let Some(v) = votes else { return Ok(()) };
    let mut issues = Vec::new();
    if v.blank > 0 && kind != ItemKind::Valg {
        issues.push(FieldIssue::new("votes.blank", "validation.blank_only_in_elections"));
    }
    let total = v.in_favour.saturating_add(v.against).saturating_add(v.blank);
    if held && total > quorum.voting {
        issues.push(
            FieldIssue::new("votes.for", "validation.votes_more_than_voting")
                .with("votes", total.to_string())
                .with("voting", quorum.voting.to_string()),
        );
    }
    issues_or(issues, ())
}

/// What the votes came to: unanimous when everyone who could vote voted for;
/// otherwise a majority of the votes cast for or against. Blank votes count
/// for neither side. A tie is settled by the chair's vote (`chair_vote`, as
/// recorded), except in an election.
pub fn outcome(
    kind: ItemKind,
    votes: Option<Votes>,
    voting: i32,
    chair_vote: Option<ChairVote>,
) -> Option<VoteOutcome> {
    let v = votes?;
    Some(
        if v.in_favour > 0 && v.in_favour == voting && v.against == 0 && v.blank == 0 {
            VoteOutcome::Unanimous
        } else if v.in_favour > v.against {
            VoteOutcome::Adopted
        } else if v.in_favour < v.against {
            VoteOutcome::Rejected
        } else if kind == ItemKind::Valg {
            VoteOutcome::TieInElection
        } else {
            match chair_vote {
                Some(ChairVote::For) => VoteOutcome::AdoptedByChair,
                Some(ChairVote::Against) => VoteOutcome::RejectedByChair,
                None => VoteOutcome::TieChairDecides,
            }
        },
    )
}

/// Whether a proposal carried.
pub fn carried(outcome: Option<VoteOutcome>) -> bool {
    matches!(
        outcome,
        Some(VoteOutcome::Unanimous | VoteOutcome::Adopted | VoteOutcome::AdoptedByChair)
    )
}

/// Which of an item's proposals was adopted — 0 its own, n its n-th
/// alternative — when exactly one carried; `Err` with the ones that carried
/// when more than one did (a vote between alternatives adopts one).
pub fn adopted(
    own: Option<VoteOutcome>,
    alternatives: &[Option<VoteOutcome>],
) -> std::result::Result<Option<i32>, Vec<i32>> {
    let carried: Vec<i32> = std::iter::once(own)
        .chain(alternatives.iter().copied())
        .enumerate()
        .filter(|(_, o)| carried(*o))
        .map(|(i, _)| i as i32)
        .collect();
    match carried.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        _ => Err(carried),
    }
}

/// An alternative proposal: its text, who put it forward, and its votes
/// (for and against; a blank vote is not recorded on an alternative).
pub fn alternative(input: &AlternativeInput) -> Result<AlternativeInput> {
    let clean = AlternativeInput {
        proposed_by: clean_text(&input.proposed_by),
        text: clean_text(&input.text),
        votes: input.votes,
        chair_vote: input
            .chair_vote
            .filter(|_| input.votes.is_some_and(|v| v.in_favour == v.against)),
    };
    let mut issues = Vec::new();
    if clean.text.is_empty() {
        issues.push(FieldIssue::new("text", "validation.alternative_empty"));
    }
    vote_issues(&mut issues, clean.votes);
    if clean.votes.is_some_and(|v| v.blank != 0) {
        issues.push(FieldIssue::new("votes.blank", "validation.alternative_blank"));
    }
    free_text(
        &mut issues,
        &[("proposedBy", &clean.proposed_by), ("text", &clean.text)],
    );
    issues_or(issues, clean)
}

fn present(attendance: &[AttendanceRow], id: &str) -> bool {
    attendance
        .iter()
        .any(|r| r.membership_id == id && r.status == Some(AttendanceStatus::Present))
}

/// Who chaired the meeting and who took the minutes: the chair one of the
/// members recorded present; the minute-taker a member present or a person
/// named (a secretary who does not sit on the council). Every fault at once.
pub fn roles(input: &MeetingRoles, attendance: &[AttendanceRow]) -> Result<MeetingRoles> {
    let chair_id = input.chair_id.clone().filter(|id| !id.trim().is_empty());
    let minute_taker_id = input.minute_taker_id.clone().filter(|id| !id.trim().is_empty());
    let clean = MeetingRoles {
        minute_taker_name: if minute_taker_id.is_some() {
            String::new()
        } else {
            clean_text(&input.minute_taker_name)
        },
        chair_id,
        minute_taker_id,
    };
    let mut issues = Vec::new();
    if clean.chair_id.as_deref().is_some_and(|id| !present(attendance, id)) {
        issues.push(FieldIssue::new("chairId", "validation.chair_not_present"));
    }
    if clean
        .minute_taker_id
        .as_deref()
        .is_some_and(|id| !present(attendance, id))
    {
        issues.push(FieldIssue::new("minuteTakerId", "validation.minute_taker_not_present"));
    }
    free_text(&mut issues, &[("minuteTakerName", &clean.minute_taker_name)]);
    issues_or(issues, clean)
}

/// Whether someone must be recorded as chairing an item (or a decision
/// inside it): the meeting's chair left for it (inhabil) or was not there
/// for it, and no one else is recorded — or the one recorded was not there
/// or left too. `attendance` is who was there for the item.
pub fn chair_missing(
    meeting_chair: Option<&str>,
    acting: Option<&str>,
    left: &[InhabilMember],
    attendance: &[AttendanceRow],
) -> bool {
    let there = |id: &str| present(attendance, id) && !left.iter().any(|l| l.membership_id == id);
    match acting {
        Some(id) => !there(id),
        None => meeting_chair.is_some_and(|id| !there(id)),
    }
}

/// The one recorded as chairing an item or decision must be there for it and
/// not have left for it.
pub fn acting_chair(id: &str, left: &[InhabilMember], attendance: &[AttendanceRow]) -> Result<()> {
    if chair_missing(None, Some(id), left, attendance) {
        Err(CoreError::invalid(FieldIssue::new(
            "chairId",
            "validation.acting_chair",
        )))
    } else {
        Ok(())
    }
}

/// Whether a member at the meeting may vote: present, and either holding a
/// seat or a varamedlem meeting for a named member.
pub fn votes_at_meeting(row: &AttendanceRow) -> bool {
    row.status == Some(AttendanceStatus::Present) && (row.role != Role::Varamedlem || row.substitute_for.is_some())
}

/// Who was at the meeting for the item at `position`: a member who arrived at
/// a later item, or left after an earlier one, counts as absent for it.
/// `position_of` gives an item's place on the agenda.
pub fn attendance_for_item(
    attendance: &[AttendanceRow],
    position: i32,
    position_of: impl Fn(&str) -> Option<i32>,
) -> Vec<AttendanceRow> {
    attendance
        .iter()
        .map(|r| {
            let from = r.from_item.as_deref().and_then(&position_of);
            let until = r.until_item.as_deref().and_then(&position_of);
            let away = from.is_some_and(|f| position < f) || until.is_some_and(|u| position > u);
            if away && r.status == Some(AttendanceStatus::Present) {
                AttendanceRow {
                    status: Some(AttendanceStatus::Absent),
                    ..r.clone()
                }
            } else {
                r.clone()
            }
        })
        .collect()
}

/// A span must run forward: arriving at an item and leaving after an earlier
/// one is a typing mistake.
pub fn span(from: Option<i32>, until: Option<i32>) -> Result<()> {
    match (from, until) {
        (Some(f), Some(u)) if u < f => Err(CoreError::invalid(FieldIssue::new(
            "untilItem",
            "validation.span_backwards",
        ))),
        _ => Ok(()),
    }
}

/// Quorum for one item: the voting members present minus those inhabil on the
/// item must be at least half of the council's seats — and at least one.
pub fn quorum(seats: i32, attendance: &[AttendanceRow], inhabil_members: &[InhabilMember]) -> Quorum {
    let voters: Vec<&AttendanceRow> = attendance.iter().filter(|r| votes_at_meeting(r)).collect();
    let present = voters.len() as i32;
    let inhabil = voters
        .iter()
        .filter(|r| inhabil_members.iter().any(|x| x.membership_id == r.membership_id))
        .count() as i32;
    let voting = present - inhabil;
    let required = (seats.max(0) + 1) / 2;
    Quorum {
        seats,
        present,
        inhabil,
        voting,
        required,
        quorate: voting > 0 && voting >= required,
    }
}

/// An item as the completeness check needs it.
pub struct ItemFacts<'a> {
    pub id: &'a str,
    pub label: String,
    pub kind: ItemKind,
    pub decision: &'a str,
    pub votes_total: Option<i32>,
    pub closed: bool,
    pub closed_basis: &'a str,
    pub withdrawn: bool,
    pub inhabil_members: &'a [InhabilMember],
    pub quorum: Quorum,
    /// The decisions inside the item; when there are any, they carry the
    /// item's decisions and the item's own text is an introduction.
    pub decisions: Vec<DecisionFacts<'a>>,
    /// The meeting's chair left for the item and no one is recorded as chairing it.
    pub chair_missing: bool,
    /// What its votes came to (a tie outside an election needs the chair's vote).
    pub outcome: Option<VoteOutcome>,
    /// The vote totals of its alternative proposals, and what each came to.
    pub alternatives: Vec<(i32, Option<VoteOutcome>)>,
}

/// A decision inside an item as the completeness check needs it.
pub struct DecisionFacts<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub decision: &'a str,
    pub votes_total: Option<i32>,
    pub inhabil_members: &'a [InhabilMember],
    /// Members present, inhabil for it and not recorded as having left.
    pub inhabil_present: &'a [InhabilMember],
    pub quorum: Quorum,
    pub chair_missing: bool,
    pub outcome: Option<VoteOutcome>,
}

/// The gaps of one vote, an item's or a decision's inside it: more votes
/// than those who could vote, and an inhabilitet without its reason (with the
/// member it names).
fn vote_gaps<'r>(
    lang: Lang,
    label: &str,
    votes_total: Option<i32>,
    quorum: &Quorum,
    inhabil_members: &'r [InhabilMember],
) -> Vec<(MissingKind, Option<&'r str>, String)> {
    let mut gaps = Vec::new();
    if let Some(total) = votes_total.filter(|total| *total > quorum.voting) {
        let message = t(
            lang,
            "missing.votes",
            &[
                ("item", label),
                ("votes", &total.to_string()),
                ("voting", &quorum.voting.to_string()),
            ],
        );
        gaps.push((MissingKind::Votes, None, message));
    }
    for inhabil_member in inhabil_members.iter().filter(|r| r.reason.trim().is_empty()) {
        let message = t(
            lang,
            "missing.inhabil_reason",
            &[("item", label), ("name", &inhabil_member.person_name)],
        );
        gaps.push((
            MissingKind::InhabilReason,
            Some(inhabil_member.membership_id.as_str()),
            message,
        ));
    }
    gaps
}

/// Lists exactly what the minutes lack before they can be approved. Blocking
/// gaps stop approval; a missing quorum is blocking for a formal municipal
/// body and advice for a voluntary council.
pub fn completeness(meeting: &Meeting, attendance: &[AttendanceRow], items: &[ItemFacts], lang: Lang) -> Vec<Missing> {
    let mut missing = Vec::new();
    let mut push = |kind, item_id: Option<&str>, membership_id: Option<&str>, blocking, message: String| {
        missing.push(Missing {
            kind,
            item_id: item_id.map(str::to_owned),
            membership_id: membership_id.map(str::to_owned),
            blocking,
            message,
        })
    };
    if meeting.status < MeetingStatus::Held {
        push(MissingKind::NotHeld, None, None, true, t(lang, "missing.not_held", &[]));
    }
    if meeting.place.trim().is_empty() {
        push(MissingKind::Place, None, None, true, t(lang, "missing.place", &[]));
    }
    if meeting.ends_at.is_none() {
        push(MissingKind::EndTime, None, None, true, t(lang, "missing.end_time", &[]));
    }
    for row in attendance.iter().filter(|r| r.status.is_none()) {
        let message = t(lang, "missing.attendance", &[("name", &row.person_name)]);
        push(MissingKind::Attendance, None, Some(&row.membership_id), true, message);
    }
    // The minutes name who chaired: without a chair present the approval is
    // refused; a missing minute-taker is advice.
    match meeting.chair_id.as_deref() {
        None => push(MissingKind::Chair, None, None, true, t(lang, "missing.chair", &[])),
        Some(id) if !present(attendance, id) => {
            let name = attendance
                .iter()
                .find(|r| r.membership_id == id)
                .map(|r| r.person_name.as_str())
                .unwrap_or_default();
            let message = t(lang, "missing.chair_not_present", &[("name", name)]);
            push(MissingKind::Chair, None, Some(id), true, message);
        }
        Some(_) => {}
    }
    let taker_gone = meeting
        .minute_taker_id
        .as_deref()
        .is_some_and(|id| !present(attendance, id));
    if (meeting.minute_taker_id.is_none() && meeting.minute_taker_name.trim().is_empty()) || taker_gone {
        push(
            MissingKind::MinuteTaker,
            None,
            None,
            false,
            t(lang, "missing.minute_taker", &[]),
        );
    }
    for item in items.iter().filter(|i| !i.withdrawn) {
        let label = item.label.as_str();
        let has_decisions = !item.decisions.is_empty();
        // Quorum is known once the meeting is held and everyone's attendance recorded.
        let held = meeting.status >= MeetingStatus::Held && attendance.iter().all(|r| r.status.is_some());
        // A vote the council could not take is minuted as not decided: no
        // decision is asked for, and the gap is advice, not a block.
        let not_decided = item.kind.decides() && !has_decisions && held && !item.quorum.quorate;
        if item.decision.trim().is_empty() && !(has_decisions && item.kind.decides()) && !not_decided {
            let (kind, key) = match item.kind {
                ItemKind::Vedtak | ItemKind::Valg | ItemKind::Uttalelse => (MissingKind::Decision, "missing.decision"),
                _ => (MissingKind::Note, "missing.note"),
            };
            push(kind, Some(item.id), None, true, t(lang, key, &[("item", label)]));
        }
        for (kind, membership, message) in vote_gaps(lang, label, item.votes_total, &item.quorum, item.inhabil_members)
        {
            push(kind, Some(item.id), membership, true, message);
        }
        if item.chair_missing {
            push(
                MissingKind::ItemChair,
                Some(item.id),
                None,
                true,
                t(lang, "missing.item_chair", &[("item", label)]),
            );
        }
        if item.outcome == Some(VoteOutcome::TieChairDecides) {
            push(
                MissingKind::ChairVote,
                Some(item.id),
                None,
                true,
                t(lang, "missing.chair_vote", &[("item", label)]),
            );
        }
        for (n, (total, outcome)) in item.alternatives.iter().enumerate() {
            let alt = t(
                lang,
                "missing.alternative_label",
                &[("item", label), ("n", &(n + 1).to_string())],
            );
            if *total > item.quorum.voting && held {
                let message = t(
                    lang,
                    "missing.votes",
                    &[
                        ("item", &alt),
                        ("votes", &total.to_string()),
                        ("voting", &item.quorum.voting.to_string()),
                    ],
                );
                push(MissingKind::Votes, Some(item.id), None, true, message);
            }
            if *outcome == Some(VoteOutcome::TieChairDecides) {
                push(
                    MissingKind::ChairVote,
                    Some(item.id),
                    None,
                    true,
                    t(lang, "missing.chair_vote", &[("item", &alt)]),
                );
            }
        }
        let alternatives: Vec<Option<VoteOutcome>> = item.alternatives.iter().map(|(_, o)| *o).collect();
        if !alternatives.is_empty() && adopted(item.outcome, &alternatives).is_err() {
            push(
                MissingKind::Proposals,
                Some(item.id),
                None,
                true,
                t(lang, "missing.proposals", &[("item", label)]),
            );
        }
        if item.closed && item.closed_basis.trim().is_empty() {
            push(
                MissingKind::ClosedBasis,
                Some(item.id),
                None,
                true,
                t(lang, "missing.closed_basis", &[("item", label)]),
            );
        }
        for d in &item.decisions {
            let label = t(lang, "missing.decision_label", &[("item", label), ("title", d.title)]);
            let label = label.as_str();
            let not_decided = held && !d.quorum.quorate;
            if d.decision.trim().is_empty() && !not_decided {
                push(
                    MissingKind::Decision,
                    Some(item.id),
                    None,
                    true,
                    t(lang, "missing.decision", &[("item", label)]),
                );
            }
            for (kind, membership, message) in vote_gaps(lang, label, d.votes_total, &d.quorum, d.inhabil_members) {
                push(kind, Some(item.id), membership, true, message);
            }
            for inhabil in d.inhabil_present {
                let message = t(
                    lang,
                    "missing.inhabil_present",
                    &[
                        ("item", label),
                        ("name", &inhabil.person_name),
                        ("reason", &inhabil.reason),
                    ],
                );
                push(
                    MissingKind::InhabilPresent,
                    Some(item.id),
                    Some(&inhabil.membership_id),
                    true,
                    message,
                );
            }
            if d.chair_missing {
                push(
                    MissingKind::ItemChair,
                    Some(item.id),
                    None,
                    true,
                    t(lang, "missing.item_chair", &[("item", label)]),
                );
            }
            if d.outcome == Some(VoteOutcome::TieChairDecides) {
                push(
                    MissingKind::ChairVote,
                    Some(item.id),
                    None,
                    true,
                    t(lang, "missing.chair_vote", &[("item", label)]),
                );
            }
            if not_decided {
                let message = t(
                    lang,
                    "missing.not_decided",
                    &[
                        ("item", label),
                        ("voting", &d.quorum.voting.to_string()),
                        ("required", &d.quorum.required.to_string()),
                    ],
                );
                push(MissingKind::Quorum, Some(item.id), None, false, message);
            }
        }
        if not_decided {
            let message = t(
                lang,
                "missing.not_decided",
                &[
                    ("item", label),
                    ("voting", &item.quorum.voting.to_string()),
                    ("required", &item.quorum.required.to_string()),
                ],
            );
            push(MissingKind::Quorum, Some(item.id), None, false, message);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use chrono::{NaiveDate, NaiveTime};

    fn row(id: &str, role: Role, status: Option<AttendanceStatus>, substitute_for: Option<&str>) -> AttendanceRow {
        AttendanceRow {
            membership_id: id.into(),
            person_name: format!("Person {id}"),
            category: SeatCategory::VOLUNTEER,
            role,
            status,
            substitute_for: substitute_for.map(str::to_owned),
            substitute_for_name: None,
            from_item: None,
            until_item: None,
            span: String::new(),
        }
    }

    fn inhabil_member(id: &str) -> InhabilMember {
        InhabilMember {
            membership_id: id.into(),
            person_name: format!("Person {id}"),
            reason: "Styremedlem i søkeren".into(),
            about: InhabilAbout::Own,
        }
    }

    use AttendanceStatus::*;

    /// Leader a and member b present, member c excused.
    fn two_present_one_excused() -> Vec<AttendanceRow> {
        vec![
            row("a", Role::Leder, Some(Present), None),
            row("b", Role::Medlem, Some(Present), None),
            row("c", Role::Medlem, Some(Excused), None),
        ]
    }

    /// [`two_present_one_excused`], with deputy d meeting for c and deputy e
    /// present for no one.
    fn with_deputies() -> Vec<AttendanceRow> {
        let mut rows = two_present_one_excused();
        rows.push(row("d", Role::Varamedlem, Some(Present), Some("c")));
        rows.push(row("e", Role::Varamedlem, Some(Present), None));
        rows
    }

    /// The fields a refusal names; none when `result` is accepted.
    fn refused_fields<T: std::fmt::Debug>(result: &Result<T>) -> Vec<&str> {
        match result {
            Ok(_) => Vec::new(),
            Err(CoreError::Invalid(issues)) => issues.iter().map(|i| i.field.as_str()).collect(),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn quorum_counts_present_seat_holders_and_deputies_meeting_for_someone() {
        let mut rows = with_deputies();
        rows.push(row("f", Role::Medlem, None, None));
        let q = quorum(6, &rows, &[]);
        assert_eq!((q.present, q.voting, q.required, q.quorate), (3, 3, 3, true));
    }

    #[test]
    fn an_inhabil_member_is_counted_out_of_that_items_quorum() {
        let rows = [
            row("a", Role::Leder, Some(Present), None),
            row("b", Role::Medlem, Some(Present), None),
            row("c", Role::Medlem, Some(Present), None),
        ];
        let q = quorum(6, &rows, &[inhabil_member("b")]);
        assert_eq!((q.present, q.inhabil, q.voting, q.quorate), (3, 1, 2, false));
        // With five seats, half is 2.5: three are needed.
        assert_eq!(quorum(5, &rows, &[]).required, 3);
    }

    #[test]
    fn who_would_vote_while_inhabil_for_a_decision() {
        let rows = with_deputies();
        // (inhabil, left the item, left the decision) → inhabil and voting
        type Ids<'a> = &'a [&'a str];
        let cases: [(Ids, Ids, Ids, Ids); 7] = [
            (&[], &[], &[], &[]),
            (&["b"], &[], &[], &["b"]),
            (&["b"], &["b"], &[], &[]),
            (&["b"], &[], &["b"], &[]),
            (&["b", "d"], &[], &["b"], &["d"]),
            // Not present, or a deputy meeting for no one: does not vote anyway.
            (&["c", "e"], &[], &[], &[]),
            (&["a", "b"], &["a"], &["a"], &["b"]),
        ];
        for (inhabil, item_left, decision_left, expected) in cases {
            let list = |ids: &[&str]| ids.iter().map(|id| inhabil_member(id)).collect::<Vec<_>>();
            let left = left_for_decision(&list(item_left), &list(decision_left));
            let ids: Vec<String> = left.iter().map(|r| r.membership_id.clone()).collect();
            let mut unique = ids.clone();
            unique.dedup();
            assert_eq!(ids, unique, "each member who left is counted once");
            let voting = inhabil_voting(&rows, &left, &list(inhabil));
            let found: Vec<&str> = voting.iter().map(|r| r.membership_id.as_str()).collect();
            assert_eq!(found, expected, "{inhabil:?} {item_left:?} {decision_left:?}");
            let q = quorum(6, &rows, &left);
            assert_eq!(
                q.voting,
                3 - left.iter().filter(|r| r.membership_id != "c").count() as i32
            );
        }
    }

    fn votes(in_favour: i32, against: i32, blank: i32) -> Option<Votes> {
        Some(Votes {
            in_favour,
            against,
            blank,
        })
    }

    #[test]
    fn what_a_vote_comes_to() {
        use ChairVote::{Against, For};
        use ItemKind::*;
        use VoteOutcome::*;
        // (kind, for, against, blank, could vote, the chair's vote) → outcome
        let cases = [
            (Vedtak, 5, 0, 0, 5, None, Unanimous),
            (Vedtak, 4, 0, 0, 5, None, Adopted),
            (Vedtak, 3, 2, 0, 5, None, Adopted),
            (Vedtak, 2, 3, 0, 5, None, Rejected),
            (Vedtak, 2, 2, 0, 5, None, TieChairDecides),
            (Vedtak, 0, 0, 0, 5, None, TieChairDecides),
            // A tie is settled by how the chair voted (dobbeltstemme) …
            (Vedtak, 2, 2, 0, 4, Some(For), AdoptedByChair),
            (Vedtak, 3, 3, 0, 6, Some(Against), RejectedByChair),
            // … and the chair's vote counts for nothing without a tie,
            (Vedtak, 3, 2, 0, 5, Some(Against), Adopted),
            // nor in an election.
            (Valg, 3, 0, 2, 5, None, Adopted),
            (Valg, 2, 2, 1, 5, None, TieInElection),
            (Valg, 2, 2, 1, 5, Some(For), TieInElection),
            (Valg, 4, 0, 0, 4, None, Unanimous),
            (Valg, 1, 2, 2, 5, None, Rejected),
        ];
        for (kind, f, a, b, voting, chair, expected) in cases {
            assert_eq!(
                outcome(kind, votes(f, a, b), voting, chair),
                Some(expected),
                "{kind:?} {f}/{a}/{b} of {voting}, chair {chair:?}"
            );
        }
        assert_eq!(outcome(Vedtak, None, 5, Some(For)), None, "no votes counted");
    }

    #[test]
    fn which_proposal_was_adopted_when_alternatives_were_voted_on() {
        use VoteOutcome::*;
        // (the item's own proposal, its alternatives) → which was adopted, or the ones in conflict
        type Case = (
            Option<VoteOutcome>,
            Vec<Option<VoteOutcome>>,
            std::result::Result<Option<i32>, Vec<i32>>,
        );
        let cases: Vec<Case> = vec![
            (Some(Adopted), vec![Some(Rejected)], Ok(Some(0))),
            (Some(Rejected), vec![Some(Adopted)], Ok(Some(1))),
            (Some(Rejected), vec![Some(Rejected), Some(AdoptedByChair)], Ok(Some(2))),
            (Some(Rejected), vec![Some(RejectedByChair)], Ok(None)),
            (Some(Unanimous), vec![None], Ok(Some(0))),
            (None, vec![None], Ok(None)),
            (Some(TieChairDecides), vec![Some(Rejected)], Ok(None)),
            (Some(Adopted), vec![Some(Adopted)], Err(vec![0, 1])),
            (
                Some(Rejected),
                vec![Some(Adopted), Some(AdoptedByChair)],
                Err(vec![1, 2]),
            ),
        ];
        for (own, alternatives, expected) in cases {
            assert_eq!(adopted(own, &alternatives), expected, "{own:?} {alternatives:?}");
        }
    }

    #[test]
    fn an_alternative_proposal_needs_its_text_and_takes_no_blank_votes() {
        // (text, for, against, blank, the chair's vote) → the fields refused, and the chair's vote kept
        type Case<'a> = (
            &'a str,
            Option<(i32, i32, i32)>,
            Option<ChairVote>,
            &'a [&'a str],
            Option<ChairVote>,
        );
        let cases: [Case; 5] = [
            ("To benker.", Some((2, 3, 0)), None, &[], None),
            ("  ", None, None, &["text"], None),
            ("To benker.", Some((2, 2, 1)), None, &["votes.blank"], None),
            (
                "To benker.",
                Some((2, 2, 0)),
                Some(ChairVote::For),
                &[],
                Some(ChairVote::For),
            ),
            // No tie: a chair's vote recorded by mistake is dropped.
            ("To benker.", Some((3, 2, 0)), Some(ChairVote::For), &[], None),
        ];
        for (text, counted, chair, refused, kept) in cases {
            let input = AlternativeInput {
                proposed_by: "Kari".into(),
                text: text.into(),
                votes: counted.and_then(|(f, a, b)| votes(f, a, b)),
                chair_vote: chair,
            };
            let result = alternative(&input);
            assert_eq!(refused_fields(&result), refused, "{text} {counted:?}");
            if let Ok(clean) = result {
                assert_eq!(clean.chair_vote, kept);
            }
        }
    }

    #[test]
    fn the_chair_and_minute_taker_are_chosen_from_those_present() {
        let mut rows = two_present_one_excused();
        rows[1].role = Role::Sekretaer;
        let some = |id: &str| Some(id.to_owned());
        // (chair, minute-taker, named minute-taker) → the fields refused
        type Case<'a> = (Option<String>, Option<String>, &'a str, &'a [&'a str]);
        let cases: [Case; 6] = [
            (some("a"), some("b"), "", &[]),
            (some("a"), None, "Ingrid Haugland", &[]),
            (None, None, "", &[]),
            (some("c"), some("b"), "", &["chairId"]),
            (some("x"), some("c"), "", &["chairId", "minuteTakerId"]),
            (some("a"), None, "Ingrid, fnr 01010100131", &["minuteTakerName"]),
        ];
        for (chair, taker, name, refused) in cases {
            let input = MeetingRoles {
                chair_id: chair.clone(),
                minute_taker_id: taker.clone(),
                minute_taker_name: name.into(),
            };
            assert_eq!(
                refused_fields(&roles(&input, &rows)),
                refused,
                "{chair:?} {taker:?} {name}"
            );
        }
        // A member named as minute-taker: the typed name is dropped.
        let input = MeetingRoles {
            chair_id: some("a"),
            minute_taker_id: some("b"),
            minute_taker_name: "Ingrid".into(),
        };
        assert_eq!(roles(&input, &rows).unwrap().minute_taker_name, "");
    }

    #[test]
    fn someone_chairs_an_item_the_chair_is_inhabil_for() {
        let rows = [
            row("a", Role::Leder, Some(Present), None),
            row("b", Role::Nestleder, Some(Present), None),
            row("c", Role::Medlem, Some(Absent), None),
        ];
        type Ids<'a> = &'a [&'a str];
        // (meeting chair, acting chair, who left) → someone must be recorded
        let cases: [(Option<&str>, Option<&str>, Ids, bool); 8] = [
            (Some("a"), None, &[], false),
            (Some("a"), None, &["b"], false),
            (Some("a"), None, &["a"], true),
            (Some("a"), Some("b"), &["a"], false),
            (Some("a"), Some("b"), &["a", "b"], true),
            (Some("a"), Some("c"), &["a"], true),
            // The chair not there for the item (arrived later, left earlier).
            (Some("c"), None, &[], true),
            // No chair recorded at all is the meeting's gap, not the item's.
            (None, None, &["a"], false),
        ];
        for (chair, acting, left, expected) in cases {
            let left: Vec<InhabilMember> = left.iter().map(|id| inhabil_member(id)).collect();
            assert_eq!(
                chair_missing(chair, acting, &left, &rows),
                expected,
                "{chair:?} {acting:?} {left:?}"
            );
            if let Some(acting) = acting {
                assert_eq!(acting_chair(acting, &left, &rows).is_err(), expected);
            }
        }
    }

    /// A decision recorded without votes, in a closed session on no ground yet.
    fn closed_record(closed_basis: &str, closed_ground: Option<ClosedGround>) -> ItemRecord {
        ItemRecord {
            decision: "Vedtatt.".into(),
            votes: None,
            closed: true,
            closed_basis: closed_basis.into(),
            closed_ground,
            chair_vote: None,
        }
    }

    #[test]
    fn a_closed_session_is_held_to_the_councils_own_rules() {
        use ClosedGround::*;
        // (mode, ground, basis) → the fields refused, and the message's key for a missing basis
        type Case<'a> = (LegalMode, Option<ClosedGround>, &'a str, &'a [&'a str]);
        let cases: [Case; 7] = [
            (
                LegalMode::Formal,
                Some(Must),
                "Gjelder en arbeidstakers tjenstlige forhold.",
                &[],
            ),
            (LegalMode::Formal, Some(May), "Personvern.", &[]),
            (LegalMode::Formal, None, "Personvern.", &["closedGround"]),
            (LegalMode::Formal, Some(Statutes), "", &["closedGround", "closedBasis"]),
            (LegalMode::Voluntary, Some(Statutes), "Vedtektene § 6.", &[]),
            (LegalMode::Voluntary, Some(May), "Vedtektene § 6.", &["closedGround"]),
            (LegalMode::Voluntary, None, "", &["closedBasis"]),
        ];
        for (mode, ground, basis, refused) in cases {
            let result = record_for(&closed_record(basis, ground), mode);
            assert_eq!(refused_fields(&result), refused, "{mode:?} {ground:?} {basis}");
            match result {
                Ok(clean) => assert_eq!(clean.closed_ground, ground),
                // A voluntary council is never pointed to kommuneloven.
                Err(CoreError::Invalid(issues)) if mode == LegalMode::Voluntary => {
                    for issue in &issues {
                        assert!(
                            !issue.message(Lang::Nb).contains("kommuneloven"),
                            "{}",
                            issue.message(Lang::Nb)
                        );
                    }
                }
                Err(_) => {}
            }
        }
        // An item not closed keeps no ground.
        let open = ItemRecord {
            closed: false,
            ..closed_record("", Some(Must))
        };
        assert_eq!(record_for(&open, LegalMode::Formal).unwrap().closed_ground, None);
    }

    #[test]
    fn blank_votes_only_in_elections_and_never_more_votes_than_voters() {
        let q = Quorum {
            seats: 6,
            present: 5,
            inhabil: 1,
            voting: 4,
            required: 3,
            quorate: true,
        };
        // (kind, for, against, blank, held) → the fields refused
        type Case<'a> = (ItemKind, i32, i32, i32, bool, &'a [&'a str]);
        let cases: [Case; 7] = [
            (ItemKind::Vedtak, 3, 1, 0, true, &[]),
            (ItemKind::Vedtak, 3, 0, 1, true, &["votes.blank"]),
            (ItemKind::Valg, 3, 0, 1, true, &[]),
            (ItemKind::Vedtak, 4, 1, 0, true, &["votes.for"]),
            (ItemKind::Vedtak, 4, 1, 0, false, &[]),
            (ItemKind::Vedtak, 4, 0, 1, true, &["votes.blank", "votes.for"]),
            (ItemKind::Valg, 2, 1, 2, true, &["votes.for"]),
        ];
        for (kind, f, a, b, held, expected) in cases {
            let found = votes_within(votes(f, a, b), &q, held, kind);
            assert_eq!(refused_fields(&found), expected, "{kind:?} {f}/{a}/{b} held {held}");
        }
    }

    #[test]
    fn who_is_there_for_each_item_follows_arrivals_and_departures() {
        let late = AttendanceRow {
            from_item: Some("i3".into()),
            ..row("a", Role::Leder, Some(Present), None)
        };
        let early = AttendanceRow {
            until_item: Some("i2".into()),
            ..row("b", Role::Medlem, Some(Present), None)
        };
        let both = AttendanceRow {
            from_item: Some("i2".into()),
            until_item: Some("i3".into()),
            ..row("c", Role::Medlem, Some(Present), None)
        };
        let rows = [
            late,
            early,
            both,
            row("d", Role::Medlem, Some(Present), None),
            row("e", Role::Medlem, Some(Excused), None),
        ];
        let position_of = |id: &str| id.strip_prefix('i').and_then(|n| n.parse().ok());
        // item position → who is present for it, and the quorum of 5 seats (3 needed)
        let cases = [
            (1, vec!["b", "d"], false),
            (2, vec!["b", "c", "d"], true),
            (3, vec!["a", "c", "d"], true),
            (4, vec!["a", "d"], false),
        ];
        for (position, present, quorate) in cases {
            let rows = attendance_for_item(&rows, position, position_of);
            let found: Vec<&str> = rows
                .iter()
                .filter(|r| r.status == Some(Present))
                .map(|r| r.membership_id.as_str())
                .collect();
            assert_eq!(found, present, "item {position}");
            assert_eq!(quorum(5, &rows, &[]).quorate, quorate, "item {position}");
        }
        assert!(span(Some(3), Some(2)).is_err());
        assert!(span(Some(2), Some(2)).is_ok() && span(None, Some(1)).is_ok());
    }

    #[test]
    fn no_one_present_is_never_quorate() {
        let q = quorum(0, &[], &[]);
        assert!(!q.quorate);
    }

    fn meeting(status: MeetingStatus) -> Meeting {
        Meeting {
            id: "m".into(),
            council_id: "c".into(),
            kind: MeetingKind::ORDINARY,
            date: NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
            starts_at: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            ends_at: None,
            place: String::new(),
            guests: String::new(),
            kommune_rep: String::new(),
            status,
            notice_sent: None,
            held: None,
            approved: None,
            approval: None,
            chair_id: Some("a".into()),
            minute_taker_id: None,
            minute_taker_name: "Ingrid Haugland".into(),
        }
    }

    /// Item i1, "Sak 01/26", a decision to make with nothing recorded yet.
    fn item_facts<'a>(quorum: Quorum) -> ItemFacts<'a> {
        ItemFacts {
            id: "i1",
            label: "Sak 01/26".into(),
            kind: ItemKind::Vedtak,
            decision: "",
            votes_total: None,
            closed: false,
            closed_basis: "",
            withdrawn: false,
            inhabil_members: &[],
            quorum,
            decisions: Vec::new(),
            chair_missing: false,
            outcome: None,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn completeness_lists_exactly_what_is_missing() {
        let rows = [
            row("a", Role::Leder, Some(Present), None),
            row("b", Role::Medlem, None, None),
        ];
        let inhabil_members = [InhabilMember {
            reason: " ".into(),
            ..inhabil_member("a")
        }];
        let q = quorum(2, &rows, &inhabil_members);
        let items = [
            ItemFacts {
                votes_total: Some(3),
                closed: true,
                inhabil_members: &inhabil_members,
                ..item_facts(q)
            },
            ItemFacts {
                id: "i2",
                label: "Sak 02/26".into(),
                kind: ItemKind::Orientering,
                withdrawn: true,
                ..item_facts(q)
            },
        ];
        let found = completeness(&meeting(MeetingStatus::Held), &rows, &items, Lang::Nb);
        let kinds: Vec<MissingKind> = found.iter().map(|m| m.kind).collect();
        use MissingKind::*;
        // While someone's attendance is not recorded, quorum is not judged.
        assert_eq!(
            kinds,
            [Place, EndTime, Attendance, Decision, Votes, InhabilReason, ClosedBasis]
        );
        assert!(found.iter().all(|m| m.blocking));
        assert_eq!(found[2].message, "Oppmøte er ikke registrert for Person b.");
        assert_eq!(found[3].message, "Sak 01/26 mangler vedtak.");

        // Recorded absent: the item was not quorate, so it is minuted as not
        // decided — no decision is asked for, and the missing quorum is advice.
        let rows = [rows[0].clone(), row("b", Role::Medlem, Some(Absent), None)];
        let found = completeness(&meeting(MeetingStatus::Held), &rows, &items, Lang::Nb);
        let kinds: Vec<MissingKind> = found.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [Place, EndTime, Votes, InhabilReason, ClosedBasis, Quorum]);
        let quorum_gap = found.last().unwrap();
        assert!(!quorum_gap.blocking);
        assert_eq!(
            quorum_gap.message,
            "Sak 01/26 protokolleres som ikke avgjort: utvalget var ikke vedtaksført (0 kunne stemme, 1 trengs). \
             Saken kan settes opp på et senere møte."
        );
    }

    #[test]
    fn the_minutes_name_the_chair_and_settle_ties_and_proposals() {
        let rows = two_present_one_excused();
        let q = quorum(3, &rows, &[]);
        let item = |chair_missing, outcome, alternatives: Vec<(i32, Option<VoteOutcome>)>| ItemFacts {
            decision: "Vedtatt.",
            votes_total: Some(2),
            chair_missing,
            outcome,
            alternatives,
            ..item_facts(q)
        };
        use MissingKind::*;
        use VoteOutcome::*;
        let held = |chair: Option<&str>, taker: &str| Meeting {
            place: "Grendehuset".into(),
            ends_at: NaiveTime::from_hms_opt(20, 0, 0),
            chair_id: chair.map(str::to_owned),
            minute_taker_name: taker.into(),
            ..meeting(MeetingStatus::Held)
        };
        // (chair, minute-taker, the item) → what is missing, and whether it blocks
        type Case<'a> = (Meeting, ItemFacts<'a>, Vec<(MissingKind, bool)>);
        let cases: Vec<Case> = vec![
            (held(Some("a"), "Ingrid"), item(false, Some(Adopted), vec![]), vec![]),
            (
                held(None, ""),
                item(false, Some(Adopted), vec![]),
                vec![(Chair, true), (MinuteTaker, false)],
            ),
            (
                held(Some("c"), "Ingrid"),
                item(false, Some(Adopted), vec![]),
                vec![(Chair, true)],
            ),
            (
                held(Some("a"), "Ingrid"),
                item(true, Some(Adopted), vec![]),
                vec![(ItemChair, true)],
            ),
            (
                held(Some("a"), "Ingrid"),
                item(false, Some(TieChairDecides), vec![]),
                vec![(ChairVote, true)],
            ),
            (
                held(Some("a"), "Ingrid"),
                item(false, Some(AdoptedByChair), vec![]),
                vec![],
            ),
            (
                held(Some("a"), "Ingrid"),
                item(false, Some(Rejected), vec![(2, Some(Adopted))]),
                vec![],
            ),
            (
                held(Some("a"), "Ingrid"),
                item(false, Some(Adopted), vec![(2, Some(Adopted))]),
                vec![(Proposals, true)],
            ),
            (
                held(Some("a"), "Ingrid"),
                item(false, Some(Rejected), vec![(3, Some(TieChairDecides))]),
                vec![(Votes, true), (ChairVote, true)],
            ),
        ];
        for (meeting, item, expected) in cases {
            let found: Vec<(MissingKind, bool)> = completeness(&meeting, &rows, &[item], Lang::Nb)
                .into_iter()
                .map(|m| (m.kind, m.blocking))
                .collect();
            assert_eq!(found, expected, "chair {:?}", meeting.chair_id);
        }
        let found = completeness(&held(Some("c"), ""), &rows, &[], Lang::Nn);
        assert_eq!(
            found[0].message,
            "Møteleiaren Person c er ikkje registrert som til stades."
        );
    }

    #[test]
    fn a_closed_session_needs_its_legal_basis_and_votes_cannot_be_negative() {
        let input = ItemRecord {
            votes: votes(3, -1, 0),
            ..closed_record("  ", None)
        };
        assert_eq!(
            refused_fields(&record(&input)),
            ["votes.against", "closedGround", "closedBasis"]
        );
    }

    #[test]
    fn a_meeting_cannot_end_before_it_starts() {
        let mut input = meeting(MeetingStatus::Planned).input();
        input.ends_at = NaiveTime::from_hms_opt(17, 0, 0);
        assert!(matches!(super::meeting(&input), Err(CoreError::Invalid(_))));
        input.ends_at = NaiveTime::from_hms_opt(20, 0, 0);
        assert!(super::meeting(&input).is_ok());
    }

    #[test]
    fn approved_minutes_are_locked_and_a_step_needs_its_status() {
        assert!(check_unlocked(&meeting(MeetingStatus::Held)).is_ok());
        let locked = check_unlocked(&meeting(MeetingStatus::Approved)).unwrap_err();
        assert!(
            matches!(&locked, CoreError::Conflict(i) if i.key == "validation.minutes_locked"),
            "{locked:?}"
        );
        assert!(require_status(&meeting(MeetingStatus::Held), MeetingStatus::Held, "k").is_ok());
        let early = require_status(
            &meeting(MeetingStatus::Planned),
            MeetingStatus::Held,
            "validation.held_needs_notice",
        );
        assert!(
            matches!(&early, Err(CoreError::Conflict(i)) if i.field == "status" && i.key == "validation.held_needs_notice"),
            "{early:?}"
        );
    }
}

//! The meeting commands: a meeting's list and page, and every write to a
//! meeting, its items, decisions, attendance and roles. Each write answers
//! with the whole fresh meeting, so the page re-renders from one round trip.

use chrono::Utc;
use grendebok_core::model::*;
use grendebok_core::Store;
use tauri::State;

use crate::{today, with_store, Answer, AppState};

#[tauri::command]
pub async fn list_meetings(state: State<'_, AppState>, council_id: String) -> Answer<Vec<MeetingSummary>> {
    with_store(&state, move |s, _| s.meetings_of_council(&council_id)).await
}

#[tauri::command]
pub async fn get_meeting(state: State<'_, AppState>, id: String) -> Answer<MeetingDetail> {
    with_store(&state, move |s, lang| s.meeting_detail_on(&id, lang, today())).await
}

/// Runs a write that returns the id of the meeting it touched, and answers
/// with the whole fresh meeting, so the page re-renders from one round trip.
async fn meeting_write<F>(state: &AppState, write: F) -> Answer<MeetingDetail>
where
    F: FnOnce(&mut Store, &Actor) -> grendebok_core::Result<String> + Send + 'static,
{
    meeting_write_in(state, move |s, a, _| write(s, a)).await
}

/// [`meeting_write`] for a write made in the person's language.
async fn meeting_write_in<F>(state: &AppState, write: F) -> Answer<MeetingDetail>
where
    F: FnOnce(&mut Store, &Actor, Lang) -> grendebok_core::Result<String> + Send + 'static,
{
    with_store(state, move |s, lang| {
        let actor = s.actor(Utc::now())?;
        let meeting_id = write(s, &actor, lang)?;
        s.meeting_detail_on(&meeting_id, lang, today())
    })
    .await
}

#[tauri::command]
pub async fn approve_minutes(state: State<'_, AppState>, id: String, approval: Approval) -> Answer<MeetingDetail> {
    meeting_write_in(&state, move |s, a, lang| {
        Ok(s.approve_minutes(a, &id, &approval, lang)?.id)
    })
    .await
}

#[tauri::command]
pub async fn list_approval_items(state: State<'_, AppState>, id: String) -> Answer<Vec<ApprovalCandidate>> {
    with_store(&state, move |s, _| s.approval_candidates(&id)).await
}

write_commands! { meeting_write -> MeetingDetail {
    fn create_meeting(input: MeetingInput) => |s, a| Ok(s.create_meeting(a, &input)?.id);
    fn update_meeting(id: String, input: MeetingInput) => |s, a| Ok(s.update_meeting(a, &id, &input)?.id);
    fn send_notice(id: String) => |s, a| Ok(s.send_notice(a, &id)?.id);
    fn mark_held(id: String) => |s, a| Ok(s.mark_held(a, &id)?.id);
    /// Takes back the meeting's last status change (until the next step).
    fn undo_status(id: String) => |s, a| Ok(s.undo_status(a, &id)?.id);
    fn add_amendment(id: String, text: String) => |s, a| {
        s.add_amendment(a, &id, &text)?;
        Ok(id)
    };
    fn add_item(meeting_id: String, input: AgendaItemInput) => |s, a| {
        s.add_item(a, &meeting_id, &input)?;
        Ok(meeting_id)
    };
    fn update_item(item_id: String, input: AgendaItemInput) => |s, a| s.update_item(a, &item_id, &input);
    fn record_item(item_id: String, record: ItemRecord) => |s, a| s.record_item(a, &item_id, &record);
    fn withdraw_item(item_id: String) => |s, a| s.withdraw_item(a, &item_id);
    fn carry_over_item(item_id: String, to_meeting_id: String, meeting_id: String) => |s, a| {
        s.carry_over_item(a, &item_id, &to_meeting_id)?;
        Ok(meeting_id)
    };
    fn move_item(item_id: String, offset: i32) => |s, a| s.move_item(a, &item_id, offset);
    fn set_item_inhabil(item_id: String, membership_id: String, reason: String) => |s, a| {
        s.set_item_inhabil(a, &item_id, &membership_id, &reason)
    };
    fn remove_item_inhabil(item_id: String, membership_id: String) => |s, a| {
        s.remove_item_inhabil(a, &item_id, &membership_id)
    };
    fn set_attendance_span(meeting_id: String, span: AttendanceSpan) => |s, a| {
        s.set_attendance_span(a, &meeting_id, &span)?;
        Ok(meeting_id)
    };
    fn add_decision(item_id: String, input: ItemDecisionInput) => |s, a| s.add_decision(a, &item_id, &input);
    fn record_decision(decision_id: String, record: ItemDecisionRecord) => |s, a| s.record_decision(a, &decision_id, &record);
    fn remove_decision(decision_id: String) => |s, a| s.remove_decision(a, &decision_id);
    fn set_decision_inhabil(decision_id: String, membership_id: String, reason: String) => |s, a| {
        s.set_decision_inhabil(a, &decision_id, &membership_id, &reason)
    };
    fn remove_decision_inhabil(decision_id: String, membership_id: String) => |s, a| {
        s.remove_decision_inhabil(a, &decision_id, &membership_id)
    };
    fn add_follow_up(item_id: String, input: FollowUpInput) => |s, a| s.add_follow_up(a, &item_id, &input);
    fn remove_follow_up(follow_up_id: String) => |s, a| s.remove_follow_up(a, &follow_up_id);
    fn set_attendance(meeting_id: String, input: AttendanceInput) => |s, a| {
        s.set_attendance(a, &meeting_id, &input)?;
        Ok(meeting_id)
    };
    fn set_meeting_roles(meeting_id: String, roles: MeetingRoles) => |s, a| {
        s.set_meeting_roles(a, &meeting_id, &roles)?;
        Ok(meeting_id)
    };
    fn set_item_chair(item_id: String, chair_id: Option<String>) => |s, a| {
        s.set_item_chair(a, &item_id, chair_id.as_deref())
    };
    fn set_decision_chair(decision_id: String, chair_id: Option<String>) => |s, a| {
        s.set_decision_chair(a, &decision_id, chair_id.as_deref())
    };
    fn add_alternative(item_id: String, input: AlternativeInput) => |s, a| s.add_alternative(a, &item_id, &input);
    fn update_alternative(alternative_id: String, input: AlternativeInput) => |s, a| s.update_alternative(a, &alternative_id, &input);
    fn remove_alternative(alternative_id: String) => |s, a| s.remove_alternative(a, &alternative_id);
}}

//! Agenda items: their rows, order, case numbers, follow-ups and who left for one.

use super::Store;
use super::{councils, meetings};
use crate::error::Result;
use crate::model::*;
use crate::rules;

impl Store {
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

    /// Records who chaired an item while the meeting's chair had left for it
    /// (`None`: the meeting's chair); returns the meeting's id.
    pub fn set_item_chair(&mut self, actor: &Actor, item_id: &str, chair_id: Option<&str>) -> Result<String> {
        self.write(|tx| meetings::set_item_chair(tx, actor, item_id, chair_id))
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

    pub fn add_follow_up(&mut self, actor: &Actor, item_id: &str, input: &FollowUpInput) -> Result<String> {
        let input = rules::meetings::follow_up(input)?;
        self.write(|tx| meetings::add_follow_up(tx, actor, item_id, &input))
    }

    pub fn remove_follow_up(&mut self, actor: &Actor, follow_up_id: &str) -> Result<String> {
        self.write(|tx| meetings::remove_follow_up(tx, actor, follow_up_id))
    }
}

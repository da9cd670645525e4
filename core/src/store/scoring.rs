//! The committee's review of an application: inhabil members and scores.

use super::grants;
use super::Store;
use crate::error::Result;
use crate::model::*;
use crate::rules;

impl Store {
    pub fn declare_inhabil(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<Application> {
        let reason = rules::validate::free_text("reason", reason)?;
        self.write(|tx| grants::declare_inhabil(tx, actor, application_id, membership_id, &reason))
    }

    pub fn clear_inhabil(&mut self, actor: &Actor, application_id: &str, membership_id: &str) -> Result<Application> {
        self.write(|tx| grants::clear_inhabil(tx, actor, application_id, membership_id))
    }

    /// Finds a member proposed inhabil not inhabil after all, with the reason.
    pub fn overrule_inhabil(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        reason: &str,
    ) -> Result<Application> {
        let reason = rules::validate::free_text("reason", reason)?;
        self.write(|tx| grants::overrule_inhabil(tx, actor, application_id, membership_id, &reason))
    }

    /// One member's scores of one application, every criterion in one write.
    pub fn save_scores(
        &mut self,
        actor: &Actor,
        application_id: &str,
        membership_id: &str,
        scores: &[ScoreInput],
    ) -> Result<Application> {
        self.write(|tx| grants::save_scores(tx, actor, application_id, membership_id, scores))
    }
}

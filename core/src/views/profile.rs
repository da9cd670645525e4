//! The kommune profile for its editor, and what saving or reading one in
//! changes, said in a language.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::Result;
use crate::model::*;
use crate::rules::profile as rules;
use crate::store::{read_profile_file, ProfileChange, Store};

/// What `change` changes, said in `lang`.
fn outcome(change: ProfileChange, lang: Lang) -> ProfileOutcome {
    let ProfileChange { old, new, in_use } = change;
    ProfileOutcome {
        issued: rules::issued_label(&new, lang),
        previous: rules::issued_label(&old, lang),
        changes: rules::changes(&old, &new, lang),
        removed_in_use: rules::removed_in_use(&old, &new, &in_use, lang),
        previous_issued_at: old.issued_at,
        previous_kommune: old.kommune.clone(),
        profile: new,
    }
}

impl Store {
    /// The profile for the editor, and whether it is the built-in default.
    pub fn profile_view(&self, lang: Lang) -> Result<ProfileView> {
        let (profile, built_in) = self.profile_and_source()?;
        Ok(ProfileView {
            issued: rules::issued_label(&profile, lang),
            profile,
            built_in,
        })
    }

    /// The coordinator's edit ([`Store::put_profile`]), and what it changed.
    pub fn save_profile(
        &mut self,
        actor: &Actor,
        profile: &KommuneProfile,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<ProfileOutcome> {
        Ok(outcome(self.put_profile(actor, profile, today)?, lang))
    }

    /// What reading in the profile `json` would change, without writing
    /// ([`Store::offered_profile`]).
    pub fn preview_profile_import(&self, json: &str, today: NaiveDate, lang: Lang) -> Result<ProfileOutcome> {
        Ok(outcome(self.offered_profile(json, today)?, lang))
    }

    /// Takes the profile `json` a kommune issued ([`Store::take_profile`]),
    /// and what it changed.
    pub fn import_profile(&mut self, json: &str, now: DateTime<Utc>, lang: Lang) -> Result<ProfileOutcome> {
        Ok(outcome(self.take_profile(json, now)?, lang))
    }

    /// [`Store::preview_profile_import`] of the file at `file`.
    pub fn preview_profile_file(&self, file: &Path, today: NaiveDate, lang: Lang) -> Result<ProfileOutcome> {
        self.preview_profile_import(&read_profile_file(file)?, today, lang)
    }

    /// [`Store::import_profile`] of the file at `file`.
    pub fn import_profile_file(&mut self, file: &Path, now: DateTime<Utc>, lang: Lang) -> Result<ProfileOutcome> {
        let json = read_profile_file(file)?;
        self.import_profile(&json, now, lang)
    }
}

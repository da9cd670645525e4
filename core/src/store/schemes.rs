//! Grant schemes: their rows, criteria and budget.

use chrono::NaiveDate;

use super::grants;
use super::Store;
use crate::error::Result;
use crate::model::*;
use crate::rules;

impl Store {
    pub fn create_scheme(&mut self, actor: &Actor, input: &SchemeInput) -> Result<GrantScheme> {
        let data = rules::grants::scheme(input)?;
        self.write(|tx| grants::create_scheme(tx, actor, &data))
    }

    pub fn update_scheme(&mut self, actor: &Actor, id: &str, input: &SchemeInput) -> Result<GrantScheme> {
        let data = rules::grants::scheme(input)?;
        self.write(|tx| grants::update_scheme(tx, actor, id, &data))
    }

    pub fn scheme(&self, id: &str) -> Result<GrantScheme> {
        grants::scheme(&self.conn, id)
    }

    /// A council's schemes, newest year first, with their budget bars.
    pub fn schemes_of_council(&self, council_id: &str, today: NaiveDate) -> Result<Vec<SchemeSummary>> {
        grants::schemes_of_council(&self.conn, council_id, today)
    }

    /// The scheme page: budget bar, the committee's side-by-side view, reports overdue on `today`.
    pub fn scheme_detail(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<SchemeDetail> {
        grants::scheme_detail(&self.conn, id, today, lang)
    }
}

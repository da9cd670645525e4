//! The search's hits, labelled in a language.

use crate::error::Result;
use crate::i18n::t;
use crate::model::*;
use crate::store::Store;

/// `Sak 03/26`, `Søknad 4`, or that an item has no case number, in `lang`.
fn hit_label(number: HitNumber, lang: Lang) -> String {
    match number {
        HitNumber::Case(case) => case.label(lang),
        HitNumber::Unnumbered => t(lang, "search.unnumbered", &[]),
        HitNumber::Application(n) => t(lang, "search.application", &[("number", &n.to_string())]),
    }
}

impl Store {
    /// Searches agenda items, decisions and grant applications for every
    /// word of `query.text` (each may be the start of a word).
    pub fn search(&self, query: &SearchQuery, lang: Lang) -> Result<SearchResults> {
        let mut results = self.search_rows(query)?;
        for hit in &mut results.hits {
            hit.label = hit_label(hit.number, lang);
        }
        Ok(results)
    }
}

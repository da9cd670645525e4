//! Full-text search across agenda items, decisions and grant applications.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Item,
    Application,
}

/// What to search for: words (each may be the start of a word), optionally
/// within one council and one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchQuery {
    pub text: String,
    pub council_id: Option<String>,
    pub year: Option<i32>,
}

/// One thing found, with where it belongs, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The agenda item's or the application's id.
    pub id: String,
    /// The meeting (for an item) or the scheme (for an application) it belongs to.
    pub parent_id: String,
    pub council_id: String,
    pub council_name: String,
    pub year: i32,
    pub date: NaiveDate,
    /// `Sak 03/26` or `Søknad 4`.
    pub label: String,
    pub title: String,
    /// The start of the decision, background or description.
    pub excerpt: String,
    /// The case number or the application's number, of which
    /// `crate::views` makes `label` (core only).
    #[serde(skip)]
    #[ts(skip)]
    pub number: HitNumber,
}

/// What a hit is numbered by, in no language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HitNumber {
    /// An agenda item not (yet) given a case number.
    #[default]
    Unnumbered,
    Case(super::CaseNumber),
    Application(i32),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// More than `hits` were found; narrow the search to see them.
    pub more: bool,
}

//! The council's own money: a simple account per council, read by year —
//! the running grant from the kommune (driftstilskudd), other income and
//! expenses. Amounts are integer øre, always positive in an entry (its kind
//! gives the sign); a balance may be negative: a deficit (underskudd).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an entry is; the kind gives the amount its sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// The running grant from the kommune (driftstilskudd).
    Grant,
    /// Any other income: a gift, a sale, a refund.
    Income,
    Expense,
}

impl AccountKind {
    pub const ALL: [AccountKind; 3] = [AccountKind::Grant, AccountKind::Income, AccountKind::Expense];

    /// The amount as it counts in the balance: an expense takes away.
    pub fn signed(self, amount_ore: i64) -> i64 {
        match self {
            AccountKind::Expense => -amount_ore,
            AccountKind::Grant | AccountKind::Income => amount_ore,
        }
    }
}

/// An entry as a person types it: the day (none when the field was left
/// empty), the kind, a text and the amount in kroner as typed (`25 000,50`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountEntryInput {
    pub date: Option<NaiveDate>,
    pub kind: AccountKind,
    pub text: String,
    /// Kroner as typed.
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountEntry {
    pub id: String,
    pub council_id: String,
    pub date: NaiveDate,
    pub kind: AccountKind,
    pub text: String,
    /// Always positive; `kind` gives the sign.
    #[ts(type = "number")]
    pub amount_ore: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A council's account for one year, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountSummary {
    pub year: i32,
    /// The closing balance of the year before: every entry before 1 January.
    #[ts(type = "number")]
    pub opening_ore: i64,
    /// The running grant from the kommune received in the year.
    #[ts(type = "number")]
    pub grant_ore: i64,
    #[ts(type = "number")]
    pub income_ore: i64,
    #[ts(type = "number")]
    pub expense_ore: i64,
    /// Opening + grant + income − expenses; negative is a deficit.
    #[ts(type = "number")]
    pub closing_ore: i64,
    /// The closing balance is below zero (underskudd): shown, never refused.
    pub deficit: bool,
    /// The year has entries, or a balance carried into it.
    pub any: bool,
}

/// A council's account for one year: the summary and the year's entries by day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilAccount {
    pub council_id: String,
    pub summary: AccountSummary,
    pub entries: Vec<AccountEntry>,
}

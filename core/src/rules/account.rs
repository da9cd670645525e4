//! The council's own account: an entry as typed, held to its rules (every
//! fault at once, each at its field), and a year summed up — the opening
//! balance carried from the year before, the running grant, other income,
//! expenses and the closing balance. A negative balance is a deficit
//! (underskudd): shown, never refused.

use chrono::{Datelike, NaiveDate};

use super::money::{self, AmountError, MAX_ORE};
use super::validate::{clean_text, date_in_range, text_issues};
use crate::error::{CoreError, FieldIssue, Result};
use crate::model::{AccountEntry, AccountEntryInput, AccountKind, AccountSummary};

/// An entry checked and cleaned: the day, the kind, the text and the amount in øre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanEntry {
    pub date: NaiveDate,
    pub kind: AccountKind,
    pub text: String,
    pub amount_ore: i64,
}

/// How far ahead of today an entry may be dated: the grant for next year
/// is sometimes booked before New Year, a date years ahead is a typing mistake.
pub fn latest_date(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).unwrap_or(NaiveDate::MAX)
}

fn amount_issue(field: &str, e: AmountError) -> FieldIssue {
    let issue = FieldIssue::new(field, e.key());
    match e {
        AmountError::TooLarge => issue.with("max", money::kr(MAX_ORE)),
        _ => issue,
    }
}

/// Checks an entry as typed on `today`: a day given, between 1900 and the
/// end of next year; a text, within its length and without a national
/// identity number; an amount above zero as Norwegians write it. Every fault
/// at once, each at its field (`date`, `text`, `amount`).
pub fn entry(input: &AccountEntryInput, today: NaiveDate) -> Result<CleanEntry> {
    let mut issues = Vec::new();
    match input.date {
        None => issues.push(FieldIssue::new("date", "validation.account_date_missing")),
        Some(day) if !date_in_range(day) => issues.push(FieldIssue::new("date", "validation.date_out_of_range")),
        Some(day) if day > latest_date(today) => issues.push(
            FieldIssue::new("date", "validation.account_date_ahead")
                .with("latest", crate::i18n::date(latest_date(today))),
        ),
        Some(_) => {}
    }
    let text = clean_text(&input.text);
    if text.is_empty() {
        issues.push(FieldIssue::new("text", "validation.account_text_empty"));
    }
    issues.extend(text_issues("text", &text));
    let amount_ore = match money::parse(&input.amount) {
        Ok(0) => {
            issues.push(FieldIssue::new("amount", "validation.amount_zero"));
            0
        }
        Ok(ore) => ore,
        Err(e) => {
            issues.push(amount_issue("amount", e));
            0
        }
    };
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    Ok(CleanEntry {
        date: input.date.expect("checked above"),
        kind: input.kind,
        text,
        amount_ore,
    })
}

/// The balance `entries` leave: income and grants add, expenses take away.
pub fn balance<'a>(entries: impl IntoIterator<Item = (AccountKind, &'a i64)>) -> i64 {
    entries.into_iter().map(|(kind, ore)| kind.signed(*ore)).sum()
}

/// The year summed up: `opening_ore` is what the entries before the year
/// left (the closing balance of the year before); `entries` are the year's.
pub fn summary(year: i32, opening_ore: i64, entries: &[AccountEntry]) -> AccountSummary {
    let total = |kind: AccountKind| -> i64 {
        entries
            .iter()
            .filter(|e| e.kind == kind && e.date.year() == year)
            .map(|e| e.amount_ore)
            .sum()
    };
    let grant_ore = total(AccountKind::Grant);
    let income_ore = total(AccountKind::Income);
    let expense_ore = total(AccountKind::Expense);
    let closing_ore = opening_ore + grant_ore + income_ore - expense_ore;
    AccountSummary {
        year,
        opening_ore,
        grant_ore,
        income_ore,
        expense_ore,
        closing_ore,
        deficit: closing_ore < 0,
        any: opening_ore != 0 || entries.iter().any(|e| e.date.year() == year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::validate::tests::invalid_fields as fields;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn input(date: Option<NaiveDate>, kind: AccountKind, text: &str, amount: &str) -> AccountEntryInput {
        AccountEntryInput {
            date,
            kind,
            text: text.into(),
            amount: amount.into(),
        }
    }

    fn entry_of(date: NaiveDate, kind: AccountKind, ore: i64) -> AccountEntry {
        AccountEntry {
            id: String::new(),
            council_id: String::new(),
            date,
            kind,
            text: "x".into(),
            amount_ore: ore,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn an_entry_as_typed_is_cleaned_and_parsed() {
        let clean = entry(
            &input(
                Some(day(2026, 3, 1)),
                AccountKind::Grant,
                "  Driftstilskudd 2026 \r\n",
                "25 000,50",
            ),
            day(2026, 3, 2),
        )
        .unwrap();
        assert_eq!(clean.text, "Driftstilskudd 2026");
        assert_eq!(clean.amount_ore, 2_500_050);
        assert_eq!(clean.kind, AccountKind::Grant);
    }

    #[test]
    fn every_fault_of_an_entry_at_once_at_its_field() {
        let err = entry(&input(None, AccountKind::Expense, "   ", "-12"), day(2026, 3, 2)).unwrap_err();
        assert_eq!(
            fields(err),
            vec![
                ("date".into(), "validation.account_date_missing"),
                ("text".into(), "validation.account_text_empty"),
                ("amount".into(), "validation.amount_negative"),
            ]
        );
        let err = entry(
            &input(Some(day(1899, 12, 31)), AccountKind::Expense, "Kaffe", "0"),
            day(2026, 3, 2),
        )
        .unwrap_err();
        assert_eq!(
            fields(err),
            vec![
                ("date".into(), "validation.date_out_of_range"),
                ("amount".into(), "validation.amount_zero"),
            ]
        );
        let err = entry(
            &input(Some(day(2026, 3, 1)), AccountKind::Income, "Loddsalg", "12.500"),
            day(2026, 3, 2),
        )
        .unwrap_err();
        assert_eq!(fields(err), vec![("amount".into(), "validation.amount_malformed")]);
    }

    #[test]
    fn a_date_past_next_year_is_a_typing_mistake() {
        let today = day(2026, 11, 20);
        assert!(entry(
            &input(Some(day(2027, 12, 31)), AccountKind::Grant, "Tilskudd", "100"),
            today
        )
        .is_ok());
        let err = entry(
            &input(Some(day(2028, 1, 1)), AccountKind::Grant, "Tilskudd", "100"),
            today,
        )
        .unwrap_err();
        assert_eq!(fields(err), vec![("date".into(), "validation.account_date_ahead")]);
    }

    #[test]
    fn the_text_goes_through_the_text_guard() {
        // A synthetic national identity number with valid control digits.
        let err = entry(
            &input(
                Some(day(2026, 3, 1)),
                AccountKind::Expense,
                "Refusjon til 01010100131",
                "100",
            ),
            day(2026, 3, 2),
        )
        .unwrap_err();
        assert_eq!(fields(err), vec![("text".into(), "validation.national_id")]);
        let long = "x".repeat(20_001);
        let too_long = entry(
            &input(Some(day(2026, 3, 1)), AccountKind::Expense, &long, "100"),
            day(2026, 3, 2),
        )
        .unwrap_err();
        assert_eq!(fields(too_long), vec![("text".into(), "validation.too_long")]);
    }

    #[test]
    fn the_year_is_summed_from_the_balance_carried_in() {
        let entries = vec![
            entry_of(day(2026, 1, 15), AccountKind::Grant, 1_000_000),
            entry_of(day(2026, 2, 1), AccountKind::Income, 50_000),
            entry_of(day(2026, 5, 17), AccountKind::Expense, 300_000),
            entry_of(day(2026, 9, 1), AccountKind::Expense, 25_050),
        ];
        let s = summary(2026, 120_000, &entries);
        assert_eq!(
            (s.opening_ore, s.grant_ore, s.income_ore, s.expense_ore, s.closing_ore),
            (120_000, 1_000_000, 50_000, 325_050, 844_950)
        );
        assert!(!s.deficit);
        assert!(s.any);
    }

    #[test]
    fn a_negative_balance_is_a_deficit_not_a_refusal() {
        let entries = vec![entry_of(day(2026, 4, 1), AccountKind::Expense, 150_000)];
        let s = summary(2026, 100_000, &entries);
        assert_eq!(s.closing_ore, -50_000);
        assert!(s.deficit);
        // The next year opens with the deficit.
        let opening = balance([(AccountKind::Grant, &100_000), (AccountKind::Expense, &150_000)]);
        let next = summary(2027, opening, &[]);
        assert_eq!(
            (next.opening_ore, next.closing_ore, next.deficit),
            (-50_000, -50_000, true)
        );
    }

    #[test]
    fn an_empty_year_with_nothing_carried_in_is_empty() {
        let s = summary(2026, 0, &[]);
        assert!(!s.any);
        assert_eq!(s.closing_ore, 0);
        assert!(!s.deficit);
    }
}

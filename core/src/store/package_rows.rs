//! A package's rows read like typed input: every value of every row is held
//! to the rules the forms hold a person to — ids, dates, times and instants
//! that parse, amounts, years, seats, votes, weights and scores in range,
//! free text within its field's length and without a national identity
//! number, e-mail addresses and organisation numbers that are ones — and the
//! rules across rows: nothing granted beyond the budget, the scheme's maximum
//! or what was asked, nothing paid beyond the grant. One bad row refuses the
//! whole package, naming its table, its row and what is wrong.
//!
//! Columns are checked by name, as the schema names them (`*_id`, `*_ore`,
//! `*_at`, the date columns), so a new column of a known kind needs no code;
//! enums are held by the tables' own `CHECK` constraints when the rows are written.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime};
use rusqlite::types::Value;

use crate::error::{CoreError, FieldIssue};
use crate::package::{Contents, PackageFault, Row};
use crate::rules::{self, grants, meetings, money, validate};

/// Columns holding a day (`YYYY-MM-DD`).
const DATE_COLUMNS: &[&str] = &[
    "date",
    "term_from",
    "term_to",
    "ended_on",
    "due",
    "deadline",
    "report_deadline",
    "received",
    "report_received",
    "due_date",
];
/// Columns holding a time of day (`HH:MM:SS`); every other `*_at` is an instant.
const TIME_COLUMNS: &[&str] = &["starts_at", "ends_at"];
/// Columns holding the id of another row, though not named `*_id`.
const REFERENCE_COLUMNS: &[&str] = &[
    "approved_in_item",
    "substitute_for",
    "reported_in",
    "from_item",
    "until_item",
];
/// Columns holding a SHA-256 digest in hex: checked as such, never as free
/// text (a digest may hold a run of digits that looks like an identity number).
const DIGEST_COLUMNS: &[&str] = &["sha256", "content_sha256"];
/// Columns holding 0 or 1.
const FLAG_COLUMNS: &[&str] = &[
    "closed",
    "withdrawn",
    "enkeltvedtak",
    "reviewing",
    "report_accepted",
    "exempt",
    "title_withheld",
    "public",
];
/// The largest count or position a row may hold (a case number, an
/// application's number, a place on the agenda).
const MAX_COUNT: i64 = 1_000_000;

/// `end_reason` → `endReason`: the name the forms give the field.
fn field_name(column: &str) -> String {
    let mut out = String::with_capacity(column.len());
    let mut upper = false;
    for c in column.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn is_reference(column: &str) -> bool {
    column == "id" || column.ends_with("_id") || REFERENCE_COLUMNS.contains(&column)
}

fn issue(field: &str, key: &'static str) -> FieldIssue {
    FieldIssue::new(field, key)
}

fn the_issue(err: CoreError) -> Vec<FieldIssue> {
    match err {
        CoreError::Invalid(issues) => issues,
        CoreError::Conflict(issue) => vec![issue],
        other => vec![FieldIssue::new("", "package.row_unreadable").with("detail", other.to_string())],
    }
}

/// Every rule one value breaks, as a form would word it.
fn check_value(column: &str, value: &Value) -> Vec<FieldIssue> {
    let field = field_name(column);
    let f = field.as_str();
    match value {
        Value::Null => Vec::new(),
        Value::Real(_) => vec![issue(f, "package.row_number").with("value", "…")],
        Value::Blob(bytes) => {
            if bytes.is_empty() || bytes.starts_with(b"%PDF-") {
                Vec::new()
            } else {
                vec![issue(f, "package.row_pdf")]
            }
        }
        Value::Integer(n) => check_integer(column, f, *n),
        Value::Text(text) => check_text(column, f, text),
    }
}

fn check_integer(column: &str, f: &str, n: i64) -> Vec<FieldIssue> {
    let number = || issue(f, "package.row_number").with("value", n.to_string());
    let out_of = |low: i64, high: i64| -> Option<FieldIssue> { (!(low..=high).contains(&n)).then(number) };
    let found = if column.ends_with("_ore") {
        if n < 0 {
            Some(issue(f, "validation.amount_negative"))
        } else if n > money::MAX_ORE {
            Some(issue(f, "validation.amount_too_large").with("max", money::kr(money::MAX_ORE)))
        } else {
            None
        }
    } else if column == "year" || column == "case_year" {
        i32::try_from(n)
            .ok()
            .and_then(|y| validate::year(y).ok())
            .is_none()
            .then(|| issue(f, "validation.year_out_of_range").with("year", n.to_string()))
    } else if column == "seats" || column.starts_with("seats_") {
        if n < 0 {
            Some(issue(f, "validation.seats_negative"))
        } else {
            (n > i64::from(validate::MAX_SEATS))
                .then(|| issue(f, "validation.seats_too_many").with("max", validate::MAX_SEATS.to_string()))
        }
    } else if column.starts_with("votes_") {
        if n < 0 {
            Some(issue(f, "validation.votes_negative"))
        } else {
            (n > i64::from(meetings::MAX_VOTES))
                .then(|| issue(f, "validation.votes_too_many").with("max", meetings::MAX_VOTES.to_string()))
        }
    } else if column == "weight" {
        (!(1..=i64::from(grants::MAX_WEIGHT)).contains(&n))
            .then(|| issue(f, "validation.criterion_weight").with("max", grants::MAX_WEIGHT.to_string()))
    } else if column == "score" {
        (!(1..=5).contains(&n)).then(|| issue(f, "validation.score_range"))
    } else if FLAG_COLUMNS.contains(&column) {
        out_of(0, 1)
    } else {
        out_of(0, MAX_COUNT)
    };
    found.into_iter().collect()
}

fn check_text(column: &str, f: &str, text: &str) -> Vec<FieldIssue> {
    let shown = || text.chars().take(40).collect::<String>();
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
        return vec![issue(f, "package.row_control")];
    }
    if is_reference(column) {
        return match uuid::Uuid::parse_str(text) {
            Ok(_) => Vec::new(),
            Err(_) => vec![issue(f, "package.row_id").with("value", shown())],
        };
    }
    if DIGEST_COLUMNS.contains(&column) {
        let hex = text.len() == 64 && text.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f'));
        return if hex {
            Vec::new()
        } else {
            vec![issue(f, "package.row_digest").with("value", shown())]
        };
    }
    if DATE_COLUMNS.contains(&column) {
        return match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) if validate::date_in_range(day) => Vec::new(),
            Ok(_) => vec![issue(f, "validation.date_out_of_range")],
            Err(_) => vec![issue(f, "package.row_date").with("value", shown())],
        };
    }
    if TIME_COLUMNS.contains(&column) {
        return match NaiveTime::parse_from_str(text, "%H:%M:%S") {
            Ok(_) => Vec::new(),
            Err(_) => vec![issue(f, "package.row_time").with("value", shown())],
        };
    }
    if column.ends_with("_at") {
        return match DateTime::parse_from_rfc3339(text) {
            Ok(at) if validate::date_in_range(at.date_naive()) => Vec::new(),
            _ => vec![issue(f, "package.row_instant").with("value", shown())],
        };
    }
    let mut issues = validate::text_issues(f, text);
    if column.ends_with("email") && !text.is_empty() && !validate::looks_like_email(text) {
        issues.push(issue(f, "validation.email_invalid"));
    }
    if column == "org_number" && !text.is_empty() && !grants::org_number_valid(text) {
        issues.push(issue(f, "validation.org_number_invalid"));
    }
    issues
}

fn column<'a>(row: &'a Row, name: &str) -> Option<&'a Value> {
    row.iter().find(|(c, _)| c == name).map(|(_, v)| v)
}

fn text<'a>(row: &'a Row, name: &str) -> &'a str {
    match column(row, name) {
        Some(Value::Text(s)) => s,
        _ => "",
    }
}

fn integer(row: &Row, name: &str) -> Option<i64> {
    match column(row, name) {
        Some(Value::Integer(n)) => Some(*n),
        _ => None,
    }
}

/// The fault for row `index` (from 0) of `table`.
fn bad_row(table: &str, index: usize, row: &Row, issue: FieldIssue) -> PackageFault {
    PackageFault::BadRow {
        table: table.to_owned(),
        row: index + 1,
        id: text(row, "id").to_owned(),
        issue: Box::new(issue),
    }
}

/// Rules within one row that a form checks across its fields.
fn check_row(table: &str, row: &Row) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    match table {
        "meeting" => {
            let (starts, ends) = (text(row, "starts_at"), text(row, "ends_at"));
            if !ends.is_empty() && ends <= starts {
                issues.push(issue("endsAt", "validation.meeting_end_before_start"));
            }
        }
        "agenda_item" if text(row, "title").trim().is_empty() => {
            issues.push(issue("title", "validation.title_empty"));
        }
        "account_entry" => {
            if text(row, "text").trim().is_empty() {
                issues.push(issue("text", "validation.account_text_empty"));
            }
            if integer(row, "amount_ore") == Some(0) {
                issues.push(issue("amountOre", "validation.amount_zero"));
            }
        }
        "council" | "person" if text(row, "name").trim().is_empty() => {
            issues.push(issue("name", "validation.name_empty"));
        }
        _ => {}
    }
    issues
}

/// Checks every row of a package, then the grant rules across rows. The
/// first broken rule refuses the package.
pub fn check(contents: &Contents) -> Result<(), PackageFault> {
    for (table, rows) in &contents.tables {
        for (index, row) in rows.iter().enumerate() {
            let found = row
                .iter()
                .flat_map(|(column, value)| check_value(column, value))
                .chain(check_row(table, row))
                .next();
            if let Some(issue) = found {
                return Err(bad_row(table, index, row, issue));
            }
        }
    }
    check_grants(contents)
}

/// Nothing granted beyond what was asked, the scheme's maximum or its
/// budget; nothing paid beyond the grant — as `rules::grants` holds a decision.
fn check_grants(contents: &Contents) -> Result<(), PackageFault> {
    let schemes: HashMap<&str, &Row> = contents
        .rows("grant_scheme")
        .iter()
        .map(|row| (text(row, "id"), row))
        .collect();
    let applications = contents.rows("grant_application");
    let mut paid: HashMap<&str, i64> = HashMap::new();
    for row in contents.rows("grant_payout") {
        *paid.entry(text(row, "application_id")).or_default() += integer(row, "amount_ore").unwrap_or(0);
    }
    let mut granted_in_scheme: HashMap<&str, i64> = HashMap::new();
    for row in applications {
        *granted_in_scheme.entry(text(row, "scheme_id")).or_default() += integer(row, "granted_ore").unwrap_or(0);
    }
    for (index, row) in applications.iter().enumerate() {
        let id = text(row, "id");
        let paid_ore = paid.get(id).copied().unwrap_or(0);
        let refused = |issue| Err(bad_row("grant_application", index, row, issue));
        let Some(granted) = integer(row, "granted_ore") else {
            if paid_ore > 0 {
                return refused(the_issue(rules::grants::check_payout(paid_ore, 0, 0).unwrap_err()).remove(0));
            }
            continue;
        };
        let Some(scheme) = schemes.get(text(row, "scheme_id")) else {
            continue; // a reference to no scheme: the foreign key refuses it when written.
        };
        let figures = grants::GrantFigures {
            asked_ore: integer(row, "amount_asked_ore").unwrap_or(0),
            max_per_application_ore: integer(scheme, "max_per_application_ore"),
            budget_ore: integer(scheme, "budget_ore").unwrap_or(0),
            granted_elsewhere_ore: granted_in_scheme[text(row, "scheme_id")] - granted,
            paid_ore,
        };
        if let Err(err) = grants::check_grant("grantedOre", granted, figures) {
            return refused(the_issue(err).remove(0));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_checked_by_their_kind() {
        let bad = |column: &str, value: Value| check_value(column, &value).first().map(|i| i.key);
        let text = |s: &str| Value::Text(s.into());
        assert_eq!(bad("date", text("2026-13-45")), Some("package.row_date"));
        assert_eq!(bad("date", text("1066-10-14")), Some("validation.date_out_of_range"));
        assert_eq!(bad("date", text("2026-02-28")), None);
        assert_eq!(bad("starts_at", text("25:00:00")), Some("package.row_time"));
        assert_eq!(bad("created_at", text("i går")), Some("package.row_instant"));
        assert_eq!(bad("created_at", text("2026-11-22T10:00:00.000Z")), None);
        assert_eq!(bad("council_id", text("x\" OR 1")), Some("package.row_id"));
        assert_eq!(bad("title", text("fnr 010101-00131")), Some("validation.national_id"));
        // A digest is a digest, though it holds a run of digits like an identity number.
        let digest = format!("{}01010100131", "ab".repeat(26) + "c");
        assert_eq!(digest.len(), 64);
        assert_eq!(bad("content_sha256", text(&digest)), None);
        assert_eq!(bad("sha256", text("not a digest")), Some("package.row_digest"));
        assert_eq!(bad("from_item", text("sak 5")), Some("package.row_id"));
        assert_eq!(bad("title", text(&"x".repeat(201))), Some("validation.too_long"));
        assert_eq!(bad("background", text(&"x".repeat(5_000))), None);
        assert_eq!(bad("title", text("a\u{0}b")), Some("package.row_control"));
        assert_eq!(
            bad("granted_ore", Value::Integer(-1)),
            Some("validation.amount_negative")
        );
        assert_eq!(
            bad("budget_ore", Value::Integer(i64::MAX)),
            Some("validation.amount_too_large")
        );
        assert_eq!(
            bad("year", Value::Integer(2147483647)),
            Some("validation.year_out_of_range")
        );
        assert_eq!(bad("score", Value::Integer(6)), Some("validation.score_range"));
        assert_eq!(bad("closed", Value::Integer(2)), Some("package.row_number"));
        assert_eq!(bad("bytes", Value::Blob(b"MZ\x90".to_vec())), Some("package.row_pdf"));
        assert_eq!(bad("email", text("ikke en adresse")), Some("validation.email_invalid"));
        assert_eq!(
            bad("org_number", text("974760674")),
            Some("validation.org_number_invalid")
        );
        assert_eq!(field_name("report_summary"), "reportSummary");
    }
}

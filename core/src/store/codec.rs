//! Conversions between Rust values and the text SQLite stores.
//!
//! Enums are stored as their serde names (the same names the UI and the CLI's
//! JSON use), dates as ISO 8601 text, instants as RFC 3339 UTC text.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::Type;
use serde::{de::DeserializeOwned, Serialize};

/// The stored name of an enum value, e.g. `SeatCategory::Volunteer` → `volunteer`.
pub fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("only unit enum values are stored by name, got {other:?}"),
    }
}

/// Reads back an enum value stored by [`name`].
pub fn parse<T: DeserializeOwned>(column: usize, text: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

pub fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn parse_day(column: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

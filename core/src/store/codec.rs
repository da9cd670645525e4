//! Conversions between Rust values and the text SQLite stores.
//!
//! Enums are stored as their serde names (the same names the UI and the CLI's
//! JSON use), dates as ISO 8601 text, instants as RFC 3339 UTC text.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, SecondsFormat, Timelike, Utc};
use rusqlite::types::Type;
use serde::{de::DeserializeOwned, Serialize};

/// The stored name of an enum value, e.g. `SeatCategory::VOLUNTEER` → `volunteer`.
pub fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("only unit enum values are stored by name, got {other:?}"),
    }
}

/// Reads back an enum value stored by [`name`].
/// (Straight from the text: no copy, no JSON value in between.)
pub fn parse<T: DeserializeOwned>(column: usize, text: &str) -> rusqlite::Result<T> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(text))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

pub fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn day(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A `YYYY-MM-DD` column as a date. Every list reads many of these, so the
/// common shape is read by hand; anything else goes to chrono's parser,
/// which also words the error.
pub fn parse_day(column: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(date);
            }
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// A `HH:MM:SS` column as a time of day, read by hand in the common shape
/// like [`parse_day`]; anything else goes to chrono's parser.
pub fn parse_time(column: usize, text: &str) -> rusqlite::Result<NaiveTime> {
    let b = text.as_bytes();
    let two = |at: usize| {
        let (h, l) = (b[at], b[at + 1]);
        (h.is_ascii_digit() && l.is_ascii_digit()).then(|| u32::from(h - b'0') * 10 + u32::from(l - b'0'))
    };
    if b.len() == 8 && b[2] == b':' && b[5] == b':' {
        if let (Some(h), Some(m), Some(s)) = (two(0), two(3), two(6)) {
            if let Some(time) = NaiveTime::from_hms_opt(h, m, s) {
                return Ok(time);
            }
        }
    }
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// A time of day as [`parse_time`] reads it.
pub fn time(t: NaiveTime) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// An optional enum stored by its serde name in column `at`.
pub fn parse_opt<T: DeserializeOwned>(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Option<T>> {
    r.get::<_, Option<String>>(at)?.map(|v| parse(at, &v)).transpose()
}

/// Votes for, against and blank from three columns from `at`: all three, or none recorded.
pub fn votes(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Option<crate::model::Votes>> {
    Ok(
        match (
            r.get::<_, Option<i32>>(at)?,
            r.get::<_, Option<i32>>(at + 1)?,
            r.get::<_, Option<i32>>(at + 2)?,
        ) {
            (Some(in_favour), Some(against), Some(blank)) => Some(crate::model::Votes {
                in_favour,
                against,
                blank,
            }),
            _ => None,
        },
    )
}

/// Named values for one statement, so that an INSERT and an UPDATE of the
/// same columns are filled from one list (`:name` in the SQL).
#[derive(Default)]
pub struct Named<'a>(Vec<(&'static str, Box<dyn rusqlite::ToSql + 'a>)>);

impl<'a> Named<'a> {
    pub fn with(mut self, name: &'static str, value: impl rusqlite::ToSql + 'a) -> Named<'a> {
        self.0.push((name, Box::new(value)));
        self
    }

    /// An INSERT into `table` of every value, each into the column of its name.
    pub fn insert(&self, conn: &rusqlite::Connection, table: &str) -> rusqlite::Result<usize> {
        let names: Vec<&str> = self.0.iter().map(|(n, _)| *n).collect();
        let columns: Vec<&str> = names.iter().map(|n| n.trim_start_matches(':')).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            names.join(", ")
        );
        self.execute(conn, &sql)
    }

    pub fn execute(&self, conn: &rusqlite::Connection, sql: &str) -> rusqlite::Result<usize> {
        let params: Vec<(&str, &dyn rusqlite::ToSql)> = self.0.iter().map(|(n, v)| (*n, v.as_ref())).collect();
        conn.execute(sql, params.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_names_are_read_back_as_written() {
        for (y, m, d) in [
            (2026, 3, 12),
            (1999, 12, 31),
            (2024, 2, 29),
            (1000, 1, 1),
            (9999, 12, 31),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(day(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(parse_day(0, &day(date)).unwrap(), date);
        }
        assert!(parse_day(0, "2026-02-30").is_err(), "no such day");
        assert!(parse_day(0, "2026-1x-01").is_err());
        assert!(parse_day(0, "").is_err());
        assert_eq!(
            parse::<crate::model::Role>(0, "nestleder").unwrap(),
            crate::model::Role::Nestleder
        );
        assert!(parse::<crate::model::Role>(0, "Nestleder").is_err(), "names are exact");
        assert_eq!(
            parse_day(0, "2026-3-1").ok(),
            NaiveDate::parse_from_str("2026-3-1", "%Y-%m-%d").ok(),
            "other shapes are read as chrono reads them"
        );
    }

    #[test]
    fn times_are_read_back_as_written() {
        for (h, m, s) in [(0, 0, 0), (19, 30, 0), (23, 59, 59), (7, 5, 9)] {
            let t = NaiveTime::from_hms_opt(h, m, s).unwrap();
            assert_eq!(time(t), t.format("%H:%M:%S").to_string());
            assert_eq!(parse_time(0, &time(t)).unwrap(), t);
        }
        assert!(parse_time(0, "24:00:00").is_err(), "no such time");
        assert!(parse_time(0, "19:3x:00").is_err());
        assert!(parse_time(0, "").is_err());
        assert_eq!(
            parse_time(0, "9:30:00").ok(),
            NaiveTime::parse_from_str("9:30:00", "%H:%M:%S").ok(),
            "other shapes are read as chrono reads them"
        );
    }
}

//! `write-lines` (hidden): one open store, one write per line of stdin.
//!
//! The filesystem tests (`cli/tests/filesystem.rs`) fill a real disk while
//! this process holds the database open, send a write that must be refused
//! as "disk full", free the space, and send one that must then succeed — all
//! without a restart, as the app would experience it.

use std::io::{BufRead, Write};
use std::path::Path;

use chrono::{NaiveDate, Utc};
use grendebok_core::model::*;
use grendebok_core::rules::validate::TEXT_LIMITS;
use grendebok_core::Store;

/// For every line `NAME SIZE` on stdin: adds NAME as a new member of the
/// council named `council`, with an organisation text of SIZE characters, at
/// most the field's limit (one write, one transaction), and prints one JSON line — `{"ok":true}`,
/// or the error report (`code`, `message`, `fields`) in `lang`.
pub fn write_lines(db: &Path, council: &str, lang: Lang) -> grendebok_core::Result<()> {
    let mut store = Store::open_existing(db)?;
    let council_id = match store.find_councils(council)?.into_iter().next() {
        Some(c) => c.id,
        None => {
            return Err(grendebok_core::CoreError::NotFound {
                entity: "council",
                id: council.to_owned(),
            })
        }
    };
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let (name, size) = line.trim().rsplit_once(' ').unwrap_or((line.trim(), "0"));
        let input = MembershipInput {
            council_id: council_id.clone(),
            person: PersonChoice::New {
                person: PersonInput {
                    name: name.to_owned(),
                    email: String::new(),
                    phone: String::new(),
                    gender: None,
                },
            },
            category: SeatCategory::VOLUNTEER,
            role: Role::Varamedlem,
            organisation: "Fyll ".repeat(size.parse::<usize>().unwrap_or(0).min(TEXT_LIMITS.short as usize) / 5),
            term_from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
            term_to: None,
        };
        let answer = match store.actor(Utc::now()).and_then(|a| store.add_membership(&a, &input)) {
            Ok(_) => serde_json::json!({ "ok": true }),
            Err(e) => serde_json::to_value(e.report(lang)).expect("an error report is JSON"),
        };
        let mut out = stdout.lock();
        writeln!(out, "{answer}")?;
        out.flush()?;
    }
    Ok(())
}

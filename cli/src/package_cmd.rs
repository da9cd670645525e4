//! `export package`, `import package` and `export minutes --year --all`: a
//! council handed to the kommune as one `.grendebok` file, and for the
//! coordinator, every council's minutes of a year as PDFs in one folder.

use std::path::Path;

use chrono::Utc;
use grendebok_core::i18n::t;
use grendebok_core::{package, CoreError, Store};

use crate::{find_council, output, Cli, Failure};

pub fn export_package(cli: &Cli, path: &Path, council: &str, out: &Path) -> Result<(), Failure> {
    let mut store = Store::open_existing(path)?;
    let id = find_council(&store, council, cli.lang)?;
    let actor = store.actor(Utc::now())?;
    let info = store.export_package(&actor, &id, out)?;
    output::saved(cli.json, cli.lang, out, &info, &info);
    Ok(())
}

/// Reads a package into the database, which is made if there is none yet.
/// Refused for want of `--replace`, the message says how to go on.
pub fn import_package(cli: &Cli, path: &Path, file: &Path, replace: bool) -> Result<(), Failure> {
    let mut store = Store::open(path)?;
    let actor = store.actor(Utc::now())?;
    let outcome = match store.import_package(&actor, file, replace) {
        Err(e @ CoreError::WouldReplace(_)) => {
            let message = format!(
                "{} {}",
                e.message(cli.lang),
                t(cli.lang, "package.replace_hint_cli", &[])
            );
            return Err(Failure::Message {
                code: e.code(),
                message,
            });
        }
        other => other?,
    };
    output::done(cli.json, &package::import_message(cli.lang, &outcome, file), &outcome);
    Ok(())
}

/// Every approved meeting's minutes of `year`, of every council, one
/// PDF per meeting in `dir`, each archived; a progress line per file on
/// stderr. Ctrl-C stops it with nothing written or archived.
pub fn all_minutes(cli: &Cli, path: &Path, year: i32, dir: &Path) -> Result<(), Failure> {
    let mut store = Store::open_existing(path)?;
    let actor = store.actor(Utc::now())?;
    // `[3/40] Protokoll … .pdf`
    let lines = crate::interrupt::Interruptible::new(|done, total, what: &str| {
        if done > 0 {
            eprintln!("[{done}/{total}] {what}");
        }
    });
    let records = store.export_minutes_of_year(&actor, year, dir, &lines)?;
    let message = t(
        cli.lang,
        "package.minutes_saved",
        &[
            ("count", &records.iter().filter(|r| !r.public).count().to_string()),
            ("year", &year.to_string()),
            ("path", &dir.display().to_string()),
        ],
    );
    let waiting = store.minutes_waiting(None, year)?;
    let message = if waiting.is_empty() {
        message
    } else {
        let list: Vec<String> = waiting
            .iter()
            .map(|m| {
                t(
                    cli.lang,
                    "export.waiting_minutes",
                    &[("date", &grendebok_core::i18n::date(m.date))],
                )
            })
            .collect();
        let more = t(
            cli.lang,
            "export.kommune_waiting",
            &[("count", &waiting.len().to_string()), ("list", &list.join("; "))],
        );
        format!("{message} {more}")
    };
    output::done(cli.json, &message, &records);
    Ok(())
}

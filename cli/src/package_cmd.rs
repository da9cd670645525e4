//! `export package`, `import package` and `export minutes --year --all`: a
//! council handed to the kommune as one `.grendebok` file, and for the
//! coordinator, every council's minutes of a year as PDFs in one folder.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{Datelike, Utc};
use grendebok_core::i18n::t;
use grendebok_core::model::{DocumentKind, MeetingStatus};
use grendebok_core::{package, Store};

use crate::{find_council, output, Cli, Failure};

pub fn export_package(cli: &Cli, path: &Path, council: &str, out: &Path) -> Result<(), Failure> {
    let mut store = Store::open_existing(path)?;
    let id = find_council(&store, council, cli.lang)?;
    let actor = store.actor(Utc::now())?;
    let info = store.export_package(&actor, &id, out)?;
    output::done(cli.json, &package::export_message(cli.lang, &info), &info);
    Ok(())
}

/// Reads a package into the database, which is made if there is none yet.
pub fn import_package(cli: &Cli, path: &Path, file: &Path) -> Result<(), Failure> {
    let mut store = Store::open(path)?;
    let actor = store.actor(Utc::now())?;
    let outcome = store.import_package(&actor, file)?;
    output::done(cli.json, &package::import_message(cli.lang, &outcome), &outcome);
    Ok(())
}

/// Every held or approved meeting's minutes of `year`, of every council, one
/// PDF per meeting in `dir`, each archived; a progress line per file on stderr.
pub fn all_minutes(cli: &Cli, path: &Path, year: i32, dir: &Path) -> Result<(), Failure> {
    let mut store = Store::open_existing(path)?;
    let mut meetings = Vec::new();
    for council in store.councils()? {
        let mut held: Vec<_> = store
            .meetings_of_council(&council.id)?
            .into_iter()
            .filter(|m| m.date.year() == year && matches!(m.status, MeetingStatus::Held | MeetingStatus::Approved))
            .collect();
        held.sort_by_key(|m| (m.date, m.starts_at));
        meetings.extend(held);
    }
    std::fs::create_dir_all(dir).map_err(grendebok_core::CoreError::from)?;
    let actor = store.actor(Utc::now())?;
    let mut names = BTreeSet::new();
    let mut records = Vec::new();
    for (i, meeting) in meetings.iter().enumerate() {
        let name = store.document_file_name(&meeting.id, DocumentKind::Minutes)?;
        // Two meetings of a council on one day would share a name.
        let stem = name.trim_end_matches(".pdf").to_owned();
        let name = (1..)
            .map(|n| {
                if n == 1 {
                    name.clone()
                } else {
                    format!("{stem} ({n}).pdf")
                }
            })
            .find(|candidate| names.insert(candidate.clone()))
            .expect("some name is free");
        records.push(store.export_document(&actor, &meeting.id, DocumentKind::Minutes, &dir.join(&name))?);
        eprintln!("[{}/{}] {name}", i + 1, meetings.len());
    }
    let message = t(
        cli.lang,
        "package.minutes_saved",
        &[
            ("count", &records.len().to_string()),
            ("year", &year.to_string()),
            ("path", &dir.display().to_string()),
        ],
    );
    output::done(cli.json, &message, &records);
    Ok(())
}

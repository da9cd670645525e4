//! `profile export` and `profile import`: the kommune profile (seat
//! categories, yearly duties, meeting kinds) out to a JSON file and a newer
//! one read in.

use std::path::Path;

use chrono::Utc;
use grendebok_core::i18n::t;
use grendebok_core::model::ProfileOutcome;
use grendebok_core::rules::profile::describe;
use grendebok_core::Store;

use crate::{output, Cli, Failure};

pub fn export(cli: &Cli, path: &Path, out: &Path) -> Result<(), Failure> {
    let store = Store::open_existing_to_read(path)?;
    let profile = store.export_profile(out)?;
    output::saved(cli.json, cli.lang, out, &profile, &profile);
    Ok(())
}

pub fn import(cli: &Cli, path: &Path, file: &Path) -> Result<(), Failure> {
    let mut store = Store::open_existing(path)?;
    let outcome = store.import_profile_file(file, Utc::now(), cli.lang)?;
    output::done(cli.json, &message(cli, &outcome), &outcome);
    Ok(())
}

/// What was read in, each change on its own line, and the removed seat
/// categories sitting members still hold.
fn message(cli: &Cli, outcome: &ProfileOutcome) -> String {
    let lang = cli.lang;
    let issued = grendebok_core::package::when(lang, outcome.profile.issued_at);
    let mut lines = vec![t(
        lang,
        "profile.imported",
        &[("issuer", &outcome.profile.kommune), ("issued", &issued)],
    )];
    if outcome.changes.is_empty() {
        lines.push(format!("  {}", t(lang, "profile.no_changes", &[])));
    }
    lines.extend(outcome.changes.iter().map(|c| format!("  {}", describe(c, lang))));
    lines.extend(outcome.removed_in_use.iter().map(|r| format!("  {}", r.message)));
    lines.join("\n")
}

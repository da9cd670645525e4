//! `duties`, `export annual-report` and `export ics`: the yearly duties of the
//! councils, the annual report that fulfils one of them, and a calendar of
//! the year's meetings and due dates.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use grendebok_core::i18n::t;
use grendebok_core::Store;

use crate::{find_council, output, Cli, Failure};

pub fn duties(cli: &Cli, path: &Path, year: i32, council: Option<&str>, today: NaiveDate) -> Result<(), Failure> {
    let store = Store::open_existing_to_read(path)?;
    let duties = match council {
        Some(query) => store.duties(&find_council(&store, query, cli.lang)?, year, today, cli.lang)?,
        None => store.all_duties(year, today, cli.lang)?,
    };
    if cli.json {
        output::json(&duties);
    } else {
        output::duty_list(cli.lang, &duties);
    }
    Ok(())
}

pub fn annual_report(cli: &Cli, path: &Path, council: &str, year: i32, out: &Path) -> Result<(), Failure> {
    let mut store = Store::open_existing(path)?;
    let id = find_council(&store, council, cli.lang)?;
    let actor = store.actor(Utc::now())?;
    let record = store.export_annual_report(&actor, &id, year, out)?;
    output::saved(cli.json, cli.lang, out, &record, &record);
    Ok(())
}

pub fn ics(cli: &Cli, path: &Path, year: i32, council: Option<&str>, out: &Path) -> Result<(), Failure> {
    let store = Store::open_existing(path)?;
    let id = council.map(|q| find_council(&store, q, cli.lang)).transpose()?;
    let calendar = store.export_calendar(year, id.as_deref(), out, Utc::now(), cli.lang)?;
    let value = serde_json::json!({
        "path": out.display().to_string(),
        "meetings": calendar.meetings,
        "dueDates": calendar.due_dates,
    });
    output::saved(cli.json, cli.lang, out, &calendar, &value);
    Ok(())
}

pub fn kommune(cli: &Cli, path: &Path, council: &str, year: i32, out: &Path) -> Result<(), Failure> {
    let store = Store::open_existing(path)?;
    let id = find_council(&store, council, cli.lang)?;
    let export = store.export_for_kommune(&id, year, out, Utc::now(), cli.lang)?;
    output::saved(cli.json, cli.lang, Path::new(&export.folder), &export, &export);
    Ok(())
}

/// `demo --scale large`: a fictional large kommune, with a progress line.
/// Ctrl-C stops it and removes what it wrote.
pub fn generate(cli: &Cli, path: &Path, today: NaiveDate) -> Result<(), Failure> {
    use std::io::Write;
    let mut store = Store::open(path)?;
    let actor = store.actor(Utc::now())?;
    let started = std::time::Instant::now();
    let spec = grendebok_core::store::ScaleSpec::LARGE;
    let line = crate::interrupt::Interruptible::new(|done, total, _: &str| {
        eprint!("\r[{done}/{total}] {:.0} s", started.elapsed().as_secs_f64());
        let _ = std::io::stderr().flush();
    });
    let summary = store.generate_with_progress(&actor, &spec, today, &line)?;
    eprintln!();
    let message = t(
        cli.lang,
        "cli.generated",
        &[
            ("path", &path.display().to_string()),
            ("councils", &summary.councils.to_string()),
            ("meetings", &summary.meetings.to_string()),
            ("items", &summary.items.to_string()),
            ("applications", &summary.applications.to_string()),
            ("seconds", &format!("{:.0}", started.elapsed().as_secs_f64())),
        ],
    );
    output::done(cli.json, &message, &summary);
    Ok(())
}

pub fn search(cli: &Cli, path: &Path, text: &str, council: Option<&str>, year: Option<i32>) -> Result<(), Failure> {
    let store = Store::open_existing_to_read(path)?;
    let council_id = council.map(|q| find_council(&store, q, cli.lang)).transpose()?;
    let query = grendebok_core::model::SearchQuery {
        text: text.to_owned(),
        council_id,
        year,
    };
    let results = store.search(&query, cli.lang)?;
    if cli.json {
        output::json(&results);
    } else {
        output::search_results(cli.lang, &results);
    }
    Ok(())
}

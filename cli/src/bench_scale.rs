//! `grendebok-cli bench --scale large`: every command the UI calls, search,
//! and printing, on a large kommune (generated into the file if it is
//! empty). Prints medians and 99th percentiles; targets are figures to
//! compare with, never assertions.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Datelike, Local, Utc};
use grendebok_core::model::*;
use grendebok_core::store::ScaleSpec;
use grendebok_core::Store;

use crate::bench::{peak_rss_kib, percentile};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `f` `runs` times (with the index, to vary the input) and prints one line.
fn measure<T>(name: &str, target_ms: f64, runs: usize, mut f: impl FnMut(usize) -> grendebok_core::Result<T>) {
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let start = Instant::now();
        let value = f(i);
        times.push(start.elapsed());
        if let Err(e) = &value {
            println!("  {name:<48} failed: {e}");
            return;
        }
        std::hint::black_box(value.ok());
    }
    times.sort();
    let p99 = ms(percentile(&times, 0.99));
    println!(
        "  {name:<48} median {:>7.2} ms   p99 {:>7.2} ms   target ≤ {target_ms} ms  {}",
        ms(percentile(&times, 0.5)),
        p99,
        if p99 <= target_ms { "ok" } else { "MISSED" }
    );
}

pub fn run(path: &Path, runs: usize) -> grendebok_core::Result<()> {
    let today = Local::now().date_naive();
    {
        let mut store = Store::open(path)?;
        if store.councils()?.is_empty() {
            eprintln!("Generating a large kommune in {} …", path.display());
            let actor = store.actor(Utc::now())?;
            let started = Instant::now();
            let sum = store.generate(&actor, &ScaleSpec::LARGE, today, &mut |_, _| {})?;
            println!(
                "generated: {} councils, {} meetings, {} items, {} applications in {:.1} s",
                sum.councils,
                sum.meetings,
                sum.items,
                sum.applications,
                started.elapsed().as_secs_f64()
            );
        }
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let store = Store::open_existing(path)?;
    println!(
        "open (inspect with quick_check, lock, migrate): {:.0} ms, file {:.0} MiB",
        ms(started.elapsed()),
        size as f64 / 1_048_576.0
    );
    let lang = Lang::Nb;
    let year = today.year();
    let councils = store.councils()?;
    let meetings: Vec<MeetingSummary> = councils
        .iter()
        .take(20)
        .map(|c| store.meetings_of_council(&c.id))
        .collect::<grendebok_core::Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .filter(|m| m.status == MeetingStatus::Approved)
        .collect();
    let schemes: Vec<SchemeSummary> = councils
        .iter()
        .take(20)
        .map(|c| store.schemes_of_council(&c.id, today))
        .collect::<grendebok_core::Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    let applications: Vec<String> = schemes
        .iter()
        .take(40)
        .map(|s| store.scheme_detail(&s.scheme.id, today))
        .collect::<grendebok_core::Result<Vec<_>>>()?
        .into_iter()
        .flat_map(|d| d.rows.into_iter().map(|r| r.application.id))
        .collect();
    println!(
        "UI commands ({} runs each, {} councils, {} meetings sampled):",
        runs,
        councils.len(),
        meetings.len()
    );
    let council = |i: usize| &councils[(i * 37) % councils.len()];
    measure("list_councils", 16.0, runs, |_| store.council_summaries(today, lang));
    measure("get_council", 16.0, runs, |i| {
        store.council_detail(&council(i).id, today, lang)
    });
    measure("list_meetings", 16.0, runs, |i| {
        store.meetings_of_council(&council(i).id)
    });
    measure("get_meeting", 16.0, runs, |i| {
        store.meeting_detail(&meetings[(i * 101) % meetings.len()].id, lang)
    });
    measure("list_schemes", 16.0, runs, |i| {
        store.schemes_of_council(&council(i).id, today)
    });
    measure("get_scheme", 16.0, runs, |i| {
        store.scheme_detail(&schemes[(i * 7) % schemes.len()].scheme.id, today)
    });
    measure("get_application", 16.0, runs, |i| {
        store.application_detail(&applications[(i * 13) % applications.len()], today)
    });
    measure("list_duties", 16.0, runs, |i| {
        store.duties(&council(i).id, year, today, lang)
    });
    measure("attendance_by_member (one council, one year)", 16.0, runs, |i| {
        store.attendance_by_member(&council(i).id, year - (i % 20) as i32)
    });
    let typed = ["", "a", "ol", "berg", "øy", "hansen@"];
    measure("find_people (the member form's search, 20 shown)", 16.0, runs, |i| {
        store.find_people(typed[i % typed.len()], 20)
    });
    measure("get_overview (200 councils)", 16.0, runs, |_| {
        store.overview(year, today, lang)
    });

    println!("search:");
    let words = [
        "bøkeskogen",
        "lysløypa",
        "dugnad benker",
        "Furulia",
        "trafikksikkerhet skole",
        "gapahuk",
    ];
    measure("search (whole kommune)", 20.0, runs, |i| {
        store.search(
            &SearchQuery {
                text: words[i % words.len()].into(),
                council_id: None,
                year: None,
            },
            lang,
        )
    });
    measure("search (one council, one year)", 20.0, runs, |i| {
        store.search(
            &SearchQuery {
                text: words[i % words.len()].into(),
                council_id: Some(council(i).id.clone()),
                year: Some(year - (i % 20) as i32),
            },
            lang,
        )
    });

    println!("printing:");
    let batch_year = year - 1;
    let started = Instant::now();
    let mut pdfs = 0;
    let mut bytes = 0;
    for c in councils.iter().take(50) {
        for m in store.meetings_of_council(&c.id)? {
            if m.date.year() == batch_year && m.status >= MeetingStatus::Held {
                bytes += store
                    .render_document(&m.id, DocumentKind::Minutes, Utc::now())?
                    .bytes
                    .len();
                pdfs += 1;
            }
        }
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "  a year's minutes, 50 councils: {pdfs} PDFs, {:.1} MiB in {took:.1} s   target ≤ 10 s  {}",
        bytes as f64 / 1_048_576.0,
        if took <= 10.0 { "ok" } else { "MISSED" }
    );
    if let Some(kib) = peak_rss_kib() {
        println!("peak RSS of this process: {:.0} MiB", kib as f64 / 1024.0);
    }
    Ok(())
}

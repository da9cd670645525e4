//! The same minutes through LibreOffice: the 20-page meeting of `bench`
//! written as a flat OpenDocument text (.fodt) with the same headings,
//! labels and paragraphs, converted with `soffice --headless --convert-to
//! pdf` — what a secretary does today with a word processor — against our
//! own PDF of the same record. Skipped, saying so, when soffice is missing.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use grendebok_core::i18n::date;
use grendebok_core::model::*;

use crate::bench::{big_meeting, percentile};

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The minutes' text as a flat ODT: title, time and place, who met, and
/// every item with its background, proposal, votes and decision.
fn fodt(detail: &MeetingDetail) -> String {
    let mut body = String::new();
    let mut p = |style: &str, text: &str| {
        body.push_str(&format!(
            "<text:{style}>{}</text:{}>\n",
            xml(text),
            style.split(' ').next().unwrap()
        ));
    };
    p(
        "h text:outline-level=\"1\"",
        &format!("Møteprotokoll – {}", detail.council.name),
    );
    p("p", &format!("Tid: {} kl. 18:00–21:00", date(detail.meeting.date)));
    p("p", &format!("Sted: {}", detail.meeting.place));
    p("h text:outline-level=\"2\"", "Til stede og forfall");
    for row in &detail.attendance {
        p("p", &format!("{} – {:?}", row.person_name, row.status));
    }
    p("h text:outline-level=\"2\"", "Saker");
    for item in &detail.items {
        p(
            "h text:outline-level=\"3\"",
            &format!("{} {}", item.case_label.clone().unwrap_or_default(), item.title),
        );
        p("p", &format!("Bakgrunn: {}", item.background));
        p("p", &format!("Forslag til vedtak: {}", item.proposal));
        if let Some(v) = &item.votes {
            p(
                "p",
                &format!("Votering: {} for, {} mot, {} blanke", v.in_favour, v.against, v.blank),
            );
        }
        p("p", &format!("Vedtak: {}", item.decision));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
{body}</office:text></office:body></office:document>
"#
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn compare(runs: usize) -> grendebok_core::Result<()> {
    let (store, meeting) = big_meeting(20)?;
    let detail = store.meeting_detail(&meeting, Lang::Nb)?;
    let created = Utc::now();
    let mut ours = Vec::new();
    for _ in 0..runs.max(5) {
        let start = Instant::now();
        std::hint::black_box(store.render_document(&meeting, DocumentKind::Minutes, created)?);
        ours.push(start.elapsed());
    }
    ours.sort();
    let our_median = percentile(&ours, 0.5);

    let dir = std::env::temp_dir().join(format!("grendebok-office-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let source = dir.join("protokoll.fodt");
    std::fs::write(&source, fodt(&detail))?;
    let profile = dir.join("profile");
    let convert = |out: &Path| {
        Command::new("soffice")
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(out)
            .arg(&source)
            .output()
    };
    println!("LibreOffice, the same 20-page minutes (.fodt → PDF):");
    let first = Instant::now();
    match convert(&dir) {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            println!(
                "  skipped: soffice failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return Ok(());
        }
        Err(_) => {
            println!("  skipped: soffice is not installed (apt-get install libreoffice-writer-nogui)");
            return Ok(());
        }
    }
    let first = first.elapsed();
    let mut theirs = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        convert(&dir)?;
        theirs.push(start.elapsed());
    }
    theirs.sort();
    let their_median = percentile(&theirs, 0.5);
    // The page count as poppler's pdfinfo reads it (scripts/setup.sh installs it).
    let pages = Command::new("pdfinfo")
        .arg(dir.join("protokoll.pdf"))
        .output()
        .ok()
        .and_then(|o| {
            let text = String::from_utf8_lossy(&o.stdout).into_owned();
            let line = text.lines().find(|l| l.starts_with("Pages:"))?.to_owned();
            line.split_whitespace().nth(1).map(str::to_owned)
        })
        .unwrap_or_else(|| "?".into());
    println!("  soffice first run (new profile): {:.0} ms", ms(first));
    println!(
        "  soffice median of 3 later runs: {:.0} ms ({pages} pages)",
        ms(their_median)
    );
    println!("  Grendebok median: {:.1} ms", ms(our_median));
    println!(
        "  ratio: Grendebok is {:.0}× faster   target ≥ 20×  {}",
        their_median.as_secs_f64() / our_median.as_secs_f64(),
        if their_median.as_secs_f64() >= 20.0 * our_median.as_secs_f64() {
            "ok"
        } else {
            "MISSED"
        }
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

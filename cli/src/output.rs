//! What the CLI prints: aligned tables for people, JSON for programs.

use std::io::Write;
use std::path::Path;

use grendebok_core::i18n::{date, label, t};
use grendebok_core::model::{
    Application, CouncilDetail, CouncilSummary, Duty, GrantScheme, HealthReport, Lang, MeetingDetail, MeetingSummary,
    Membership, Notice, ProfileLabels, SavedFile, Severity,
};
use grendebok_core::rules::money::kr;
use grendebok_core::saved::Told;
use serde::Serialize;

pub fn json_to<T: Serialize>(out: &mut impl Write, value: &T) {
    let text = serde_json::to_string_pretty(value).expect("core types serialise");
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = writeln!(out, "{text}");
}

pub fn json<T: Serialize>(value: &T) {
    json_to(&mut std::io::stdout().lock(), value);
}

/// Confirms a finished export in the words the app shows (one
/// [`SavedFile`] for every export): its message and, for an archived
/// document, its checksums; or `value` as JSON.
pub fn saved<T: Serialize>(as_json: bool, lang: Lang, path: &Path, done: &impl Told, value: &T) {
    if as_json {
        json(value);
    } else {
        // A relative `--out a.pdf` is told by its folder's name, as the app tells it.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let saved = SavedFile::of(lang, &path, done);
        println!("{}", saved.message);
        if !saved.details.is_empty() {
            println!("{}", saved.details);
        }
    }
}

/// Confirms a finished action: the message for people, or `value` as JSON.
pub fn done<T: Serialize>(as_json: bool, message: &str, value: &T) {
    if as_json {
        json(value);
    } else {
        println!("{message}");
    }
}

/// Prints rows as columns padded to their widest cell (counted in characters).
pub fn table(header: &[String], rows: &[Vec<String>]) {
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            std::iter::once(&header[i])
                .chain(rows.iter().map(|r| &r[i]))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(header);
    line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>());
    for row in rows {
        line(row);
    }
}

pub fn council_list(lang: Lang, councils: &[CouncilSummary]) {
    if councils.is_empty() {
        println!("{}", t(lang, "cli.councils_none", &[]));
        return;
    }
    let header = [
        "cli.col.name",
        "cli.col.kind",
        "cli.col.seats",
        "cli.col.vacant",
        "cli.col.warnings",
    ]
    .map(|k| t(lang, k, &[]));
    let rows: Vec<Vec<String>> = councils
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                label(lang, "kind", &c.kind),
                t(
                    lang,
                    "cli.seats_of",
                    &[
                        ("filled", &c.seats_filled.to_string()),
                        ("planned", &c.seats_planned.to_string()),
                    ],
                ),
                c.seats_vacant.to_string(),
                c.warning_count.to_string(),
            ]
        })
        .collect();
    table(&header, &rows);
}

fn term(lang: Lang, m: &Membership) -> String {
    let end = m
        .last_day()
        .map(date)
        .unwrap_or_else(|| t(lang, "cli.until_further", &[]));
    format!("{}–{}", date(m.term_from), end)
}

pub fn council_detail(lang: Lang, detail: &CouncilDetail, labels: &ProfileLabels) {
    let c = &detail.council;
    println!("{}", c.name);
    println!("{}: {}", label(lang, "kind", &c.kind), c.area);
    if let Some(kept) = &c.kept_elsewhere {
        let note = grendebok_core::package::kept_note(lang, &c.name, &kept.kept_by, &kept.file_name, kept.exported_at);
        println!("{note}");
    }
    println!();
    let header = [
        "cli.col.category",
        "cli.col.name",
        "cli.col.role",
        "cli.col.organisation",
        "cli.col.term",
    ]
    .map(|k| t(lang, k, &[]));
    let mut rows = Vec::new();
    for status in &detail.composition.categories {
        let category = labels.seat_category(status.category.key());
        for m in detail.current.iter().filter(|m| m.category == status.category) {
            rows.push(vec![
                category.clone(),
                m.person.name.clone(),
                label(lang, "role", &m.role),
                m.organisation.clone(),
                term(lang, m),
            ]);
        }
        for _ in 0..status.vacant {
            rows.push(vec![
                category.clone(),
                format!("({})", t(lang, "cli.vacant_seat", &[])),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    table(&header, &rows);
    println!();
    notices(lang, &detail.composition.notices);
}

fn notices(lang: Lang, notices: &[Notice]) {
    if notices.is_empty() {
        println!("{}", t(lang, "cli.no_notices", &[]));
    }
    for n in notices {
        let mark = match n.severity {
            Severity::Warning => "!",
            Severity::Advice => "i",
        };
        println!("{mark} {}", n.message);
    }
}

pub fn health(lang: Lang, health: &HealthReport) {
    println!(
        "{}",
        t(lang, "cli.check_integrity", &[("result", &health.integrity.join("; "))])
    );
    println!(
        "{}",
        t(
            lang,
            "cli.check_fk",
            &[("count", &health.foreign_key_violations.to_string())]
        )
    );
    println!(
        "{}",
        t(
            lang,
            "cli.check_schema",
            &[("version", &health.schema_version.to_string())]
        )
    );
    for council in &health.councils {
        println!();
        println!(
            "{} — {}",
            council.name,
            t(
                lang,
                "cli.seats_of",
                &[
                    ("filled", &council.composition.seats_filled.to_string()),
                    ("planned", &council.composition.seats_planned.to_string())
                ]
            )
        );
        notices(lang, &council.composition.notices);
    }
    println!();
    let verdict = if health.sound { "cli.check_ok" } else { "cli.check_bad" };
    println!("{}", t(lang, verdict, &[]));
}

pub fn meeting_list(lang: Lang, meetings: &[MeetingSummary], labels: &ProfileLabels) {
    if meetings.is_empty() {
        println!("{}", t(lang, "cli.meetings_none", &[]));
        return;
    }
    let header = [
        "cli.col.date",
        "cli.col.kind",
        "cli.col.place",
        "cli.col.status",
        "cli.col.items",
        "cli.col.id",
    ]
    .map(|k| t(lang, k, &[]));
    let rows: Vec<Vec<String>> = meetings
        .iter()
        .map(|m| {
            vec![
                format!("{} {}", date(m.date), m.starts_at.format("%H:%M")),
                labels.meeting_kind(m.kind.key()),
                m.place.clone(),
                label(lang, "meeting_status", &m.status),
                m.item_count.to_string(),
                m.id.clone(),
            ]
        })
        .collect();
    table(&header, &rows);
}

pub fn meeting_detail(lang: Lang, detail: &MeetingDetail) {
    let m = &detail.meeting;
    println!(
        "{} — {}",
        detail.council.name,
        detail.names.get(lang).meeting_kind(m.kind.key())
    );
    let end = m.ends_at.map(|e| format!("–{}", e.format("%H:%M"))).unwrap_or_default();
    println!("{} {}{end}, {}", date(m.date), m.starts_at.format("%H:%M"), m.place);
    println!("{}", label(lang, "meeting_status", &m.status));
    println!();
    let header = ["cli.col.name", "cli.col.role", "cli.col.attendance"].map(|k| t(lang, k, &[]));
    let rows: Vec<Vec<String>> = detail
        .attendance
        .iter()
        .map(|r| {
            let status = r
                .status
                .map(|s| label(lang, "attendance", &s))
                .unwrap_or_else(|| "–".into());
            vec![r.person_name.clone(), label(lang, "role", &r.role), status]
        })
        .collect();
    table(&header, &rows);
    println!();
    for (key, name) in [("cli.chair", &detail.chair), ("cli.minute_taker", &detail.minute_taker)] {
        println!("{}: {}", t(lang, key, &[]), name.as_deref().unwrap_or("–"));
    }
    println!();
    for item in &detail.items {
        let case = item.case_label.clone().unwrap_or_else(|| "–".into());
        let q = &item.quorum;
        let quorum = t(
            lang,
            if q.quorate { "cli.quorate" } else { "cli.not_quorate" },
            &[("voting", &q.voting.to_string()), ("required", &q.required.to_string())],
        );
        let withdrawn = if item.withdrawn {
            format!(" ({})", t(lang, "cli.withdrawn", &[]))
        } else {
            String::new()
        };
        println!("{case}  {}{withdrawn} — {quorum}", item.title);
        if let Some(chair) = &item.chair_name {
            println!("    {}: {chair}", t(lang, "cli.chair", &[]));
        }
        if let Some(s) = &item.statement {
            let late = if s.late {
                format!(" ({})", t(lang, "statement.late", &[]))
            } else {
                String::new()
            };
            let line = t(
                lang,
                "cli.statement",
                &[
                    ("case_ref", &s.case_ref),
                    ("deadline", &date(s.deadline)),
                    ("id", &item.id),
                ],
            );
            println!("    {line}{late}");
        }
        for (n, a) in item.alternatives.iter().enumerate() {
            let outcome = a.outcome.map(|o| format!(" – {}", label(lang, "vote_outcome", &o)));
            println!(
                "    {} {}{}",
                t(lang, "pdf.alternative", &[("n", &(n + 1).to_string())]),
                a.text,
                outcome.unwrap_or_default()
            );
        }
        if !item.decision.is_empty() {
            println!("    {}", item.decision);
        }
    }
    println!();
    if detail.missing.is_empty() {
        println!("{}", t(lang, "cli.minutes_complete", &[]));
    }
    for gap in &detail.missing {
        println!("{} {}", if gap.blocking { "!" } else { "i" }, gap.message);
    }
}

/// The backups, newest first by sequence, and under them a warning when the
/// clock looks wrong (a backup is dated after now).
pub fn backup_list(lang: Lang, backups: &[grendebok_core::store::backup::BackupInfo], clock_warning: Option<String>) {
    if let Some(warning) = clock_warning {
        eprintln!("{warning}");
    }
    if backups.is_empty() {
        println!("{}", t(lang, "cli.backups_none", &[]));
        return;
    }
    let header = ["cli.col.taken", "cli.col.kind", "cli.col.size", "cli.col.file"].map(|k| t(lang, k, &[]));
    let rows: Vec<Vec<String>> = backups
        .iter()
        .map(|b| {
            vec![
                b.taken_at.get(..19).unwrap_or(&b.taken_at).replace('T', " "),
                label(lang, "backup_kind", &b.kind),
                format!("{} KiB", b.size / 1024),
                b.file_name.clone(),
            ]
        })
        .collect();
    table(&header, &rows);
}

/// Each scheme with its budget line, then its applications.
pub fn grant_list(lang: Lang, schemes: &[(GrantScheme, Vec<Application>)]) {
    if schemes.is_empty() {
        println!("{}", t(lang, "cli.grants_none", &[]));
        return;
    }
    let header = [
        "cli.col.number",
        "cli.col.applicant",
        "cli.col.project",
        "cli.col.status",
        "cli.col.asked",
        "cli.col.granted",
        "cli.col.paid",
        "cli.col.id",
    ]
    .map(|k| t(lang, k, &[]));
    for (i, (scheme, applications)) in schemes.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let granted: i64 = applications
            .iter()
            .filter_map(|a| a.decision.as_ref())
            .map(|d| d.granted_ore)
            .sum();
        let paid: i64 = applications.iter().map(|a| a.paid_ore).sum();
        let year = scheme.year.to_string();
        let name = if scheme.name.contains(&year) {
            scheme.name.clone()
        } else {
            format!("{} ({year})", scheme.name)
        };
        println!(
            "{}",
            t(
                lang,
                "cli.scheme_line",
                &[
                    ("name", &name),
                    ("budget", &kr(scheme.budget_ore)),
                    ("granted", &kr(granted)),
                    ("paid", &kr(paid)),
                    ("left", &kr(scheme.budget_ore - granted)),
                    ("id", &scheme.id),
                ],
            )
        );
        let rows: Vec<Vec<String>> = applications
            .iter()
            .map(|a| {
                let mut status = label(lang, "application_status", &a.status);
                if a.late {
                    status = t(lang, "cli.late", &[("status", &status)]);
                }
                vec![
                    a.number.to_string(),
                    a.organisation.clone(),
                    a.title.clone(),
                    status,
                    kr(a.amount_asked_ore),
                    a.decision.as_ref().map(|d| kr(d.granted_ore)).unwrap_or_default(),
                    if a.paid_ore > 0 { kr(a.paid_ore) } else { String::new() },
                    a.id.clone(),
                ]
            })
            .collect();
        table(&header, &rows);
    }
}

pub fn duty_list(lang: Lang, duties: &[Duty]) {
    let header = [
        "cli.col.council",
        "cli.col.duty",
        "cli.col.due",
        "cli.col.status",
        "cli.col.evidence",
    ]
    .map(|k| t(lang, k, &[]));
    let rows: Vec<Vec<String>> = duties
        .iter()
        .map(|d| {
            vec![
                d.council_name.clone(),
                d.name.clone(),
                date(d.due),
                grendebok_core::rules::duties::status_label(lang, d.status),
                grendebok_core::rules::duties::note(d),
            ]
        })
        .collect();
    table(&header, &rows);
}

pub fn search_results(lang: Lang, results: &grendebok_core::model::SearchResults) {
    if results.hits.is_empty() {
        println!("{}", t(lang, "search.none", &[]));
        return;
    }
    let header = ["cli.col.date", "cli.col.council", "cli.col.found", "cli.col.title"].map(|k| t(lang, k, &[]));
    let rows: Vec<Vec<String>> = results
        .hits
        .iter()
        .map(|h| vec![date(h.date), h.council_name.clone(), h.label.clone(), h.title.clone()])
        .collect();
    table(&header, &rows);
    if results.more {
        println!(
            "{}",
            t(lang, "search.more", &[("count", &results.hits.len().to_string())])
        );
    }
}

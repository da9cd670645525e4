//! `grendebok-cli bench`: timings a person can compare across machines.
//! Targets live here as figures printed, never as assertions in tests.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime, Utc};
use grendebok_core::model::*;
use grendebok_core::Store;

/// A held meeting whose minutes run to about `pages` A4 pages.
pub(crate) fn big_meeting(pages: usize) -> grendebok_core::Result<(Store, String)> {
    let mut store = Store::open_in_memory()?;
    let actor = Actor::new("Benk", Utc::now());
    let council = store.create_council(
        &actor,
        &CouncilInput::named("Målestokk nærmiljøutvalg", SeatPlan::new(2, 2, 2, 2, 3)),
    )?;
    let date = NaiveDate::from_ymd_opt(2026, 3, 12).expect("valid date");
    let mut members = Vec::new();
    for (i, category) in SeatCategory::DEFAULTS.iter().cycle().take(11).enumerate() {
        let input = MembershipInput {
            council_id: council.id.clone(),
            person: PersonChoice::New {
                person: PersonInput {
                    name: format!("Medlem Nummer {}", i + 1),
                    email: String::new(),
                    phone: String::new(),
                    gender: None,
                },
            },
            category: category.clone(),
            role: if i == 0 { Role::Leder } else { Role::Medlem },
            organisation: format!("Forening {}", i + 1),
            term_from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
            term_to: None,
        };
        members.push(store.add_membership(&actor, &input)?);
    }
    let meeting = store.create_meeting(
        &actor,
        &MeetingInput {
            ends_at: NaiveTime::from_hms_opt(21, 0, 0),
            ..MeetingInput::ordinary(council.id.clone(), date, "Grendehuset")
        },
    )?;
    let text = "Utvalget drøftet saken grundig, hørte på innspill fra beboerne og kom fram til en løsning \
                som ivaretar både barn, unge og eldre i nærmiljøet. ";
    // About three items per page.
    let mut items = Vec::new();
    for n in 0..pages * 3 {
        let input = AgendaItemInput {
            kind: ItemKind::Vedtak,
            title: format!("Sak om nærmiljøtiltak nummer {}", n + 1),
            background: text.repeat(2),
            proposal: "Utvalget slutter seg til forslaget.".into(),
            access: Default::default(),
            statement: None,
        };
        items.push(store.add_item(&actor, &meeting.id, &input)?);
    }
    store.send_notice(&actor, &meeting.id)?;
    store.mark_held(&actor, &meeting.id)?;
    for m in &members {
        let input = AttendanceInput {
            membership_id: m.id.clone(),
            status: AttendanceStatus::Present,
            substitute_for: None,
        };
        store.set_attendance(&actor, &meeting.id, &input)?;
    }
    for id in &items {
        let record = ItemRecord {
            closed_ground: None,
            chair_vote: None,
            decision: text.repeat(2),
            votes: Some(Votes {
                in_favour: 9,
                against: 1,
                blank: 1,
            }),
            closed: false,
            closed_basis: String::new(),
        };
        store.record_item(&actor, id, &record)?;
    }
    Ok((store, meeting.id))
}

pub(crate) fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Renders the minutes of a ~20-page meeting `runs` times and prints the
/// median, the 99th percentile and the process's peak memory.
pub fn minutes(runs: usize) -> grendebok_core::Result<()> {
    let (store, meeting) = big_meeting(20)?;
    let before = peak_rss_kib();
    let created = Utc::now();
    let first = store.render_document(&meeting, DocumentKind::Minutes, created)?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let rendered = store.render_document(&meeting, DocumentKind::Minutes, created)?;
        times.push(start.elapsed());
        std::hint::black_box(rendered);
    }
    times.sort();
    println!("minutes PDF: {} bytes, {} runs", first.bytes.len(), times.len());
    let pages = grendebok_core::pdf::page_count(&first.bytes).map_or("?".into(), |n| n.to_string());
    println!("  pages:  {pages}");
    println!("  median: {:.1} ms", percentile(&times, 0.5).as_secs_f64() * 1000.0);
    println!("  p99:    {:.1} ms", percentile(&times, 0.99).as_secs_f64() * 1000.0);
    if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
        println!(
            "  peak RSS: {:.1} MiB (before rendering {:.1} MiB)",
            after as f64 / 1024.0,
            before as f64 / 1024.0
        );
    }
    Ok(())
}

//! What a user feels: the real app, each main screen opened by a click again
//! and again, timed in the web view from the click to two animation frames
//! after the screen reports ready (`main[data-ready=true]`), with the screen's
//! DOM element count; at the end, the proportional set size (PSS) of the app
//! and every process it started (WebKit's web and network processes).
//!
//! ```sh
//! (cd ui && npm run build) && cargo build --release -p grendebok --features custom-protocol
//! GRENDEBOK_APP=$PWD/target/release/grendebok dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
//!   cargo run -q -p grendebok-e2e --example probe -- [DATABASE] [ROUNDS]
//! ```
//! Without DATABASE the app runs on a new, empty file (the floor: only the
//! council list and the overview exist there). Nothing here is asserted: it
//! prints a table (BENCHMARKS.md).
//!
//! One round: the overview (header button), the council list (header
//! button), a council (from the list; a different one each round), its
//! newest meeting, back to the council, its newest grant scheme, back. The
//! way back is not timed.
//!
//! Two times per click, both in the web view's own clock: "ready" (the
//! screen's main data is shown) and "settled" (no section of it is still
//! loading, `[data-loading]`), each taken two `requestAnimationFrame`
//! callbacks later, when WebKit has painted the frame.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use grendebok_e2e::*;
use serde_json::{json, Value};

/// Installed before each click: a capture-phase click listener takes the
/// time, then a MutationObserver waits for the target screen's ready main
/// (not the one on screen before), and for no section still loading.
const ARM: &str = r#"
const target = arguments[0];
// The core's answers come over `fetch` to the ipc: scheme (Tauri's invoke
// is not writable): wrapped once per page, each call's send and answer
// (its JSON read and parsed) are noted with the answer's size.
if (!window.__probeFetch) {
  window.__probeFetch = true;
  window.__probeCalls = [];
  const original = window.fetch.bind(window);
  window.fetch = (url, init) => {
    const u = String(url);
    if (!u.startsWith('ipc:') && !u.includes('ipc.localhost')) return original(url, init);
    const call = { cmd: u.replace(/^.*\//, ''), sent: performance.now() };
    window.__probeCalls.push(call);
    return original(url, init).then((response) => {
      call.headers = performance.now();
      const text = response.text.bind(response);
      response.json = () => text().then((body) => {
        call.bytes = body.length;
        const parsed = JSON.parse(body);
        call.answered = performance.now();
        return parsed;
      });
      return response;
    });
  };
}
window.__probeCalls.length = 0;
const before = document.querySelector('main');
const beforeScreen = before ? before.dataset.screen : null;
window.__probe = null;
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));
const nodes = () => document.getElementsByTagName('*').length;
document.addEventListener('click', function onClick() {
  document.removeEventListener('click', onClick, true);
  const t0 = performance.now();
  const result = {};
  let readySeen = false, settledSeen = false, firstCommit = null;
  const check = () => {
    const main = document.querySelector('main[data-screen="' + target + '"][data-ready="true"]');
    if (!main || (main === before && beforeScreen === target)) return;
    if (!readySeen) {
      readySeen = true;
      const dom = performance.now();
      // The calls answered before the ready screen was in the DOM: its own data.
      const calls = window.__probeCalls.filter((c) => c.answered !== undefined && c.answered <= dom);
      result.firstCommit = firstCommit;
      result.dom = dom - t0;
      result.calls = calls.length;
      result.sent = calls.length ? Math.min(...calls.map((c) => c.sent)) - t0 : NaN;
      result.answered = calls.length ? Math.max(...calls.map((c) => c.answered)) - t0 : NaN;
      result.bytes = calls.reduce((n, c) => n + c.bytes, 0);
      result.cmds = calls.map((c) => c.cmd + ' ' + Math.round(c.answered - c.sent) + 'ms ' + c.bytes + 'B').join(', ');
      frames().then((t) => { result.ready = t - t0; result.readyNodes = nodes(); finish(); });
    }
    if (!settledSeen && !document.querySelector('[data-loading]')) {
      settledSeen = true;
      observer.disconnect();
      frames().then((t) => {
        result.settled = t - t0;
        result.nodes = nodes();
        // Where the elements are: each part of the screen (main's children), largest first.
        const main = document.querySelector('main');
        const parts = main ? [...main.children].map((c) => {
          const h = c.querySelector('h1, h2, h3');
          const name = c.dataset.testid || (h && h.textContent.trim().slice(0, 30)) || c.tagName.toLowerCase();
          return [name, c.getElementsByTagName('*').length + 1];
        }) : [];
        parts.sort((a, b) => b[1] - a[1]);
        result.parts = parts.slice(0, 6).map(([n, c]) => n + ' ' + c).join(', ');
        finish();
      });
    }
  };
  const finish = () => { if (result.ready !== undefined && result.settled !== undefined) window.__probe = result; };
  const observer = new MutationObserver(() => {
    if (firstCommit === null) firstCommit = performance.now() - t0;
    check();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  check();
}, true);
"#;

static SHOT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One click as the web view measured it (ms from the click).
#[derive(Clone, Debug)]
struct Click {
    ready: f64,
    settled: f64,
    nodes: u64,
    /// The first DOM change after the click (React's first commit: the new
    /// screen's frame, still loading).
    first_commit: f64,
    /// The first of the screen's calls sent, and the last answered (its JSON
    /// read and parsed), of those answered before the screen was ready.
    sent: f64,
    answered: f64,
    /// The ready screen in the DOM (React has rendered and committed the answer).
    dom: f64,
    calls: u64,
    bytes: u64,
    cmds: String,
    /// The elements of each part of the screen, largest first.
    parts: String,
}

#[derive(Default)]
struct Samples {
    clicks: Vec<Click>,
}

impl Samples {
    fn of(&self, f: impl Fn(&Click) -> f64) -> Vec<f64> {
        sorted(&self.clicks.iter().map(f).filter(|v| v.is_finite()).collect::<Vec<_>>())
    }
}

/// Clicks the `index`th element matching `css` (wrapping) and returns what
/// the web view measured for `screen`.
async fn timed_click(client: &Client, css: &str, index: usize, screen: &str) -> Option<Click> {
    // Let the screen before finish whatever it was doing, as a person would.
    wait_loaded(client).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut all = client.find_all(Locator::Css(css)).await.ok()?;
    // A part of a long page not yet rendered (components/Lazy.tsx): scroll to it, as a person would.
    for _ in 0..10 {
        if !all.is_empty() || count(client, "[data-lazy]").await == 0 {
            break;
        }
        client
            .execute("document.querySelector('[data-lazy]').scrollIntoView();", vec![])
            .await
            .ok()?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        all = client.find_all(Locator::Css(css)).await.ok()?;
    }
    if all.is_empty() {
        return None;
    }
    let element = all[index % all.len()].clone();
    // PROBE_SHOTS=DIR: a picture of the screen before the click (the screen
    // before, as a person sees it once it is settled).
    if let Some(dir) = std::env::var_os("PROBE_SHOTS") {
        let n = SHOT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        screenshot(client, &PathBuf::from(dir).join(format!("{n:02}-before-{screen}.png"))).await;
    }
    let arg = serde_json::to_value(&element).unwrap();
    client
        .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
        .await
        .ok()?;
    tokio::time::sleep(Duration::from_millis(100)).await;
    client
        .execute(ARM, vec![json!(screen)])
        .await
        .expect("the probe installs");
    element.click().await.expect("the click lands");
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let got = client
            .execute("return window.__probe;", vec![])
            .await
            .expect("the probe answers");
        if let Value::Object(m) = got {
            let f = |k: &str| m.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
            return Some(Click {
                ready: f("ready"),
                settled: f("settled"),
                nodes: f("nodes") as u64,
                first_commit: f("firstCommit"),
                sent: f("sent"),
                answered: f("answered"),
                dom: f("dom"),
                calls: f("calls") as u64,
                bytes: f("bytes") as u64,
                cmds: m.get("cmds").and_then(Value::as_str).unwrap_or_default().to_owned(),
                parts: m.get("parts").and_then(Value::as_str).unwrap_or_default().to_owned(),
            });
        }
        assert!(
            Instant::now() < deadline,
            "the {screen} screen did not become ready after clicking {css}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Every process whose executable is `binary`, and all their descendants.
fn app_processes(binary: &std::path::Path) -> Vec<u32> {
    let binary = binary.canonicalize().unwrap_or_else(|_| binary.to_owned());
    let mut parent_of = Vec::new();
    let mut roots = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if std::fs::read_link(entry.path().join("exe")).ok().as_deref() == Some(binary.as_path()) {
            roots.push(pid);
        }
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // The command name is in parentheses and may hold spaces: read after the last ')'.
        if let Some(ppid) = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok())
        {
            parent_of.push((pid, ppid));
        }
    }
    let mut found: HashSet<u32> = roots.iter().copied().collect();
    loop {
        let more: Vec<u32> = parent_of
            .iter()
            .filter(|(pid, ppid)| found.contains(ppid) && !found.contains(pid))
            .map(|(pid, _)| *pid)
            .collect();
        if more.is_empty() {
            break;
        }
        found.extend(more);
    }
    let mut pids: Vec<u32> = found.into_iter().collect();
    pids.sort();
    pids
}

/// Pss of one process in KiB, from /proc/PID/smaps_rollup, and its name.
fn pss_kib(pid: u32) -> Option<(String, u64)> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let kib = rollup
        .lines()
        .find(|l| l.starts_with("Pss:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())?;
    let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    Some((name.trim().to_owned(), kib))
}

fn print_memory(when: &str) {
    let mut total = 0;
    let mut parts = Vec::new();
    for pid in app_processes(&app_binary()) {
        if let Some((name, kib)) = pss_kib(pid) {
            parts.push(format!("{name} {:.0}", kib as f64 / 1024.0));
            total += kib;
        }
    }
    println!(
        "PSS {when}: {:.0} MiB in all ({} MiB)",
        total as f64 / 1024.0,
        parts.join(" + ")
    );
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted(v: &[f64]) -> Vec<f64> {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let db: Option<PathBuf> = args.next().filter(|a| !a.is_empty()).map(PathBuf::from);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(8);
    println!("app: {}", app_binary().display());
    println!(
        "file: {}",
        db.as_ref()
            .map_or("a new, empty file".into(), |d| d.display().to_string())
    );
    let env: Vec<(&str, &OsStr)> = db.iter().map(|d| ("GRENDEBOK_DB", d.as_os_str())).collect();
    let app = App::start_with(&env);
    // The user's name, which the first start asks for: written into a given
    // file before the app starts (on a large file the first write waits for
    // the whole-file check), typed into a new one.
    if let Some(db) = &db {
        let mut store = open_store(db);
        if store.settings().unwrap().user_name.is_none() {
            store.save_user_name("Probe", chrono::Utc::now()).unwrap();
        }
    }
    let client = app.launch().await;
    if count(&client, "#user-name").await > 0 {
        fill(&client, "#user-name", "Probe").await.unwrap();
        click(&client, "[data-testid=save-user-name]").await.unwrap();
        wait(&client, "[data-testid=open-overview]").await.unwrap();
    }
    // Let the start-up's background work (the whole-file check) finish first.
    tokio::time::sleep(Duration::from_secs(3)).await;
    print_memory("at start");

    let mut by_screen: BTreeMap<&str, Samples> = BTreeMap::new();
    let mut record = |screen: &'static str, got: Option<Click>| {
        if let Some(click) = got {
            by_screen.entry(screen).or_default().clicks.push(click);
        }
    };
    for round in 0..rounds {
        record(
            "overview",
            timed_click(&client, "[data-testid=open-overview]", 0, "overview").await,
        );
        record(
            "council list",
            timed_click(&client, "[data-testid=open-councils]", 0, "council-list").await,
        );
        // A different council each round (spread over the list), so no screen is a repeat.
        let council = timed_click(&client, "main [data-testid=open-council]", round * 37, "council").await;
        let has_council = council.is_some();
        record("council", council);
        if !has_council {
            continue;
        }
        let meeting = timed_click(&client, "[data-testid=open-meeting]", 0, "meeting").await;
        if meeting.is_some() {
            record("meeting", meeting);
            timed_click(&client, "[data-testid=back-to-council]", 0, "council").await;
        }
        let scheme = timed_click(&client, "[data-testid=open-scheme]", 0, "scheme").await;
        if scheme.is_some() {
            record("scheme", scheme);
            timed_click(&client, "[data-testid=back-to-council]", 0, "council").await;
        }
        eprintln!("  round {} of {rounds} done", round + 1);
        if round == 0 {
            // What running every screen's code once costs (warming them at start would cost this).
            print_memory("after the first round");
        }
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    print_memory("after every screen");

    println!();
    println!("| screen | clicks | ready p50 | ready p95 | settled p50 | settled p95 | settled max | DOM elements |");
    println!("|---|---|---|---|---|---|---|---|");
    for screen in ["overview", "council list", "council", "meeting", "scheme"] {
        let Some(s) = by_screen.get(screen) else {
            continue;
        };
        let (ready, settled) = (s.of(|c| c.ready), s.of(|c| c.settled));
        let nodes = (
            s.clicks.iter().map(|c| c.nodes).min().unwrap(),
            s.clicks.iter().map(|c| c.nodes).max().unwrap(),
        );
        let nodes = if nodes.0 == nodes.1 {
            format!("{}", nodes.0)
        } else {
            format!("{}–{}", nodes.0, nodes.1)
        };
        println!(
            "| {screen} | {} | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | {nodes} |",
            ready.len(),
            percentile(&ready, 50.0),
            percentile(&ready, 95.0),
            percentile(&settled, 50.0),
            percentile(&settled, 95.0),
            settled.last().unwrap(),
        );
    }
    // Where a click's time goes, to "ready": medians of each part over the
    // clicks, then the first click alone (it runs each code path first).
    println!();
    println!("where the time to ready goes (median of the clicks; first click in brackets), ms:");
    println!("| screen | click → first commit | → call sent | round trip (sent → answer parsed) | answer → ready in DOM (React) | DOM → painted (style, layout, paint, 2 frames) | ready | calls | answer size |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for screen in ["overview", "council list", "council", "meeting", "scheme"] {
        let Some(s) = by_screen.get(screen) else {
            continue;
        };
        let first = &s.clicks[0];
        let part = |f: &dyn Fn(&Click) -> f64| {
            let v = s.of(f);
            let median = if v.is_empty() { f64::NAN } else { percentile(&v, 50.0) };
            format!("{median:.0} ({:.0})", f(first))
        };
        println!(
            "| {screen} | {} | {} | {} | {} | {} | {} | {} | {:.1} KiB |",
            part(&|c| c.first_commit),
            part(&|c| c.sent),
            part(&|c| c.answered - c.sent),
            part(&|c| c.dom
                - if c.answered.is_finite() {
                    c.answered
                } else {
                    c.first_commit
                }),
            part(&|c| c.ready - c.dom),
            part(&|c| c.ready),
            s.clicks.iter().map(|c| c.calls).max().unwrap(),
            s.clicks.iter().map(|c| c.bytes).max().unwrap() as f64 / 1024.0,
        );
    }
    println!();
    println!("the calls before ready, first click of each screen:");
    for screen in ["overview", "council list", "council", "meeting", "scheme"] {
        if let Some(s) = by_screen.get(screen) {
            println!("  {screen}: {}", s.clicks[0].cmds);
            println!("    elements by part: {}", s.clicks[0].parts);
        }
    }
    println!();
    println!("ready, click by click (the first click of a screen builds its code paths):");
    for screen in ["overview", "council list", "council", "meeting", "scheme"] {
        if let Some(s) = by_screen.get(screen) {
            let each: Vec<String> = s.clicks.iter().map(|c| format!("{:.0}", c.ready)).collect();
            println!("  {screen}: {} ms", each.join(", "));
        }
    }
    client.close().await.unwrap();
}

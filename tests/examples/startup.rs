//! Cold start to first paint, and resident memory, of the real app binary:
//! each run starts tauri-driver with a fresh home, opens one WebDriver
//! session (which starts the app) and times until the first screen shows its
//! data; then reads the resident memory of the app and its WebKit processes.
//!
//! ```sh
//! cargo build --release -p grendebok
//! GRENDEBOK_APP=target/release/grendebok dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
//!   cargo run --release -p grendebok-e2e --example startup -- [DATABASE] [RUNS]
//! ```
//! Without DATABASE the app starts on a new, empty file.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use grendebok_e2e::*;

/// Resident memory (VmRSS, KiB) of every process whose command line names `needle`.
fn rss_kib(needle: &str) -> Vec<(String, u64)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let dir = entry.path();
        let Ok(cmdline) = std::fs::read(dir.join("cmdline")) else {
            continue;
        };
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if !cmdline.contains(needle) || cmdline.contains("tauri-driver") || cmdline.contains("startup") {
            continue;
        }
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        let kib = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok());
        if let Some(kib) = kib {
            let name = cmdline.split_whitespace().next().unwrap_or_default().to_owned();
            found.push((name, kib));
        }
    }
    found
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let db: Option<PathBuf> = args.next().map(PathBuf::from);
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    println!("app: {}", app_binary().display());
    let mut times = Vec::new();
    for run in 0..runs {
        let env: Vec<(&str, &OsStr)> = db.iter().map(|d| ("GRENDEBOK_DB", d.as_os_str())).collect();
        let app = App::start_with(&env);
        let started = Instant::now();
        let client = app.launch().await;
        let took = started.elapsed();
        times.push(took);
        println!("  run {}: first screen with data after {:.0} ms", run + 1, ms(took));
        if run + 1 == runs {
            // Let the web view settle, then read what it holds.
            tokio::time::sleep(Duration::from_secs(2)).await;
            let app_name = app_binary().display().to_string();
            let mut total = 0;
            for (name, kib) in rss_kib(&app_name).into_iter().chain(rss_kib("WebKit")) {
                println!("  resident: {:>7.1} MiB  {name}", kib as f64 / 1024.0);
                total += kib;
            }
            println!("  resident in all: {:.1} MiB", total as f64 / 1024.0);
        }
        client.close().await.unwrap();
    }
    times.sort();
    println!(
        "cold start to first screen: median {:.0} ms, slowest {:.0} ms ({} runs; includes the WebDriver session)",
        ms(times[times.len() / 2]),
        ms(*times.last().unwrap()),
        times.len()
    );
}

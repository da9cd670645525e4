//! The crash-safety check: a child process writes a stream of acknowledged
//! batches and is killed with SIGKILL at an arbitrary moment, again and
//! again. After every kill the file must be sound, every acknowledged batch
//! must be there, and no batch may be there in part.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use grendebok_core::model::*;
use grendebok_core::Store;

const COUNCIL: &str = "Krasjtest nærmiljøutvalg";

/// One batch: a new person with a seat, their audit rows — one transaction.
fn batch(council_id: &str, n: u64) -> MembershipInput {
    MembershipInput {
        council_id: council_id.to_owned(),
        person: PersonChoice::New {
            person: PersonInput {
                name: format!("Krasj {n}"),
                email: format!("krasj{n}@eksempel.no"),
                phone: String::new(),
                gender: None,
            },
        },
        category: SeatCategory::Volunteer,
        role: Role::Medlem,
        organisation: "Krasjtestforeningen".into(),
        term_from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
        term_to: None,
    }
}

/// The child: writes batches from `from` on, printing each number only after
/// its transaction has committed, until it is killed.
pub fn write_stream(db: &Path, from: u64) -> grendebok_core::Result<()> {
    let mut store = Store::open_existing(db)?;
    let council = store
        .find_councils(COUNCIL)?
        .into_iter()
        .next()
        .expect("made by crash_test");
    let stdout = std::io::stdout();
    for n in from.. {
        store.add_membership(&store.actor(Utc::now())?, &batch(&council.id, n))?;
        let mut out = stdout.lock();
        if writeln!(out, "{n}").and_then(|()| out.flush()).is_err() {
            // Nobody is listening any more (the parent is gone): stop.
            return Ok(());
        }
    }
    Ok(())
}

/// What the file holds after a kill: the batch numbers present, and whether
/// any batch is there in part.
fn verify(db: &Path, council_id: &str, acked: u64) -> Result<u64, String> {
    let store = Store::open_existing(db).map_err(|e| format!("the file does not open: {e}"))?;
    let health = store
        .health(NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date"), Lang::Nb)
        .map_err(|e| e.to_string())?;
    if !health.sound {
        return Err(format!(
            "integrity: {:?}, foreign keys: {}",
            health.integrity, health.foreign_key_violations
        ));
    }
    let seats = store.memberships_of_council(council_id).map_err(|e| e.to_string())?;
    let mut numbers: Vec<u64> = seats
        .iter()
        .filter_map(|m| m.person.name.strip_prefix("Krasj ").and_then(|n| n.parse().ok()))
        .collect();
    numbers.sort_unstable();
    let people = store.people().map_err(|e| e.to_string())?;
    let stray = people.iter().filter(|p| p.name.starts_with("Krasj ")).count();
    if stray != numbers.len() {
        return Err(format!(
            "{stray} people but {} seats: a batch is there in part",
            numbers.len()
        ));
    }
    for pair in numbers.windows(2) {
        if pair[1] != pair[0] + 1 {
            return Err(format!("batches {} to {} are missing", pair[0] + 1, pair[1] - 1));
        }
    }
    let last = numbers.last().copied().unwrap_or(0);
    if last < acked {
        return Err(format!("batch {acked} was acknowledged but the file ends at {last}"));
    }
    let audited: std::collections::HashSet<String> = store
        .audit_log(None)
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|e| e.entity_id)
        .collect();
    if let Some(m) = seats
        .iter()
        .find(|m| !audited.contains(&m.id) || !audited.contains(&m.person.id))
    {
        return Err(format!("the seat of {} has no audit rows", m.person.name));
    }
    Ok(last)
}

/// A new database with the council the batches go to.
fn fresh_database(db: &Path) -> grendebok_core::Result<String> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut store = Store::create(db)?;
    let actor = Actor::new("Krasjtest", Utc::now());
    let input = CouncilInput::named(COUNCIL, SeatPlan::default());
    Ok(store.create_council(&actor, &input)?.id)
}

/// Kills per database file: the checks read the whole file after every
/// kill, so a long run starts a new file now and then to stay quick.
const KILLS_PER_FILE: usize = 50;

/// Runs `runs` kills and prints the figures; fails at the first broken promise.
pub fn crash_test(runs: usize) -> grendebok_core::Result<bool> {
    let dir = std::env::temp_dir().join(format!("grendebok-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("krasj.sqlite3");
    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let mut council_id = String::new();
    let mut next = 1;
    let mut acked_total = 0;
    let mut failure = None;
    for run in 0..runs {
        if run % KILLS_PER_FILE == 0 {
            council_id = fresh_database(&db)?;
            next = 1;
        }
        let mut child = Command::new(&exe)
            .arg("--db")
            .arg(&db)
            .args(["write-stream", "--from", &next.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let last = Arc::new(Mutex::new(0u64));
        let reader = {
            let last = last.clone();
            let stdout = child.stdout.take().expect("piped");
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Ok(n) = line.trim().parse() {
                        *last.lock().expect("not poisoned") = n;
                    }
                }
            })
        };
        // Kill at a different moment each run: 5 to 60 ms after the start.
        std::thread::sleep(Duration::from_millis(5 + (run as u64 * 7919) % 56));
        child.kill()?; // SIGKILL
        child.wait()?;
        let _ = reader.join();
        let acked = *last.lock().expect("not poisoned");
        acked_total += acked.saturating_sub(next - 1);
        match verify(&db, &council_id, acked) {
            Ok(present) => next = present + 1,
            Err(why) => {
                failure = Some(format!("run {}: {why}", run + 1));
                break;
            }
        }
    }
    let elapsed = started.elapsed();
    match &failure {
        None => {
            println!(
                "crash-test: {runs} kills, {runs} sound, {acked_total} acknowledged batches, 0 lost, 0 partial ({:.1} s)",
                elapsed.as_secs_f64()
            );
            let _ = std::fs::remove_dir_all(&dir);
        }
        Some(why) => println!("crash-test FAILED: {why} (the file is kept at {})", db.display()),
    }
    Ok(failure.is_none())
}

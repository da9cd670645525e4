//! The crash-safety check: a child process writes a stream of acknowledged
//! batches and is killed with SIGKILL at an arbitrary moment, again and
//! again; every other kill is timed into a checkpoint of the WAL into the
//! file. After every kill the file must open the ways the app and the CLI
//! open it and be sound, every acknowledged batch must be there, no write may
//! be there in part, and the grant scheme's books must balance: the sum
//! granted equals the budget used.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use grendebok_core::model::*;
use grendebok_core::Store;

const COUNCIL: &str = "Krasjtest nærmiljøutvalg";

/// Each batch's application asks for kr 1 000 and is granted kr 100.
const ASKED: &str = "1 000";
const GRANTED: &str = "100";
const GRANTED_ORE: i64 = 100 * 100;

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
        category: SeatCategory::VOLUNTEER,
        role: Role::Medlem,
        organisation: "Krasjtestforeningen".into(),
        term_from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
        term_to: None,
    }
}

/// The grant scheme and the vedtak item the batches' grants are decided under.
struct GrantRound {
    scheme_id: String,
    item_id: String,
}

fn grant_round(store: &Store, council_id: &str) -> grendebok_core::Result<GrantRound> {
    let scheme = store.schemes_of_council(council_id, day())?.remove(0).scheme;
    let meeting = store.meetings_of_council(council_id)?.remove(0);
    let item_id = store.meeting_detail(&meeting.id, Lang::Nb)?.items.remove(0).id;
    Ok(GrantRound {
        scheme_id: scheme.id,
        item_id,
    })
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date")
}

fn application(scheme_id: &str, n: u64) -> ApplicationInput {
    ApplicationInput {
        scheme_id: scheme_id.to_owned(),
        organisation: format!("Krasj {n}"),
        org_number: String::new(),
        contact_name: String::new(),
        email: String::new(),
        phone: String::new(),
        title: format!("Tiltak {n}"),
        description: String::new(),
        amount_asked: ASKED.into(),
        project_budget: ASKED.into(),
        received: day(),
    }
}

/// SQLite copies the WAL into the file after a commit that leaves more than
/// this many pages in it: low, so that random kills often land in one.
const AUTOCHECKPOINT_PAGES: u32 = 16;

/// Every this many batches the child checkpoints on purpose, after saying
/// [`CHECKPOINT`] so the parent can time a kill into it.
const CHECKPOINT_EVERY: u64 = 4;

/// What the child prints just before a checkpoint of its own.
const CHECKPOINT: &str = "checkpoint";

/// The child: writes batches from `from` on — a seat (one transaction), then
/// an application (one) and its grant (one) — printing each batch's number
/// only after its last transaction has committed, until it is killed. Now
/// and then it says [`CHECKPOINT`] and checkpoints the WAL into the file.
pub fn write_stream(db: &Path, from: u64) -> grendebok_core::Result<()> {
    let mut store = Store::open_existing(db)?;
    store.set_wal_autocheckpoint(AUTOCHECKPOINT_PAGES)?;
    let council = store
        .find_councils(COUNCIL)?
        .into_iter()
        .next()
        .expect("made by crash_test");
    let round = grant_round(&store, &council.id)?;
    let stdout = std::io::stdout();
    for n in from.. {
        store.add_membership(&store.actor(Utc::now())?, &batch(&council.id, n))?;
        let applied = store.add_application(&store.actor(Utc::now())?, &application(&round.scheme_id, n))?;
        let decision = DecisionInput {
            granted: GRANTED.into(),
            reasons: "Krasjtest".into(),
            item_id: round.item_id.clone(),
        };
        store.decide_application(&store.actor(Utc::now())?, &applied.id, &decision)?;
        let mut out = stdout.lock();
        if writeln!(out, "{n}").and_then(|()| out.flush()).is_err() {
            // Nobody is listening any more (the parent is gone): stop.
            return Ok(());
        }
        if n % CHECKPOINT_EVERY == 0 {
            if writeln!(out, "{CHECKPOINT}").and_then(|()| out.flush()).is_err() {
                return Ok(());
            }
            store.checkpoint()?;
        }
    }
    Ok(())
}

/// Whether a kill cut a checkpoint short: the file is shorter than the page
/// count its header gives (the pages past its end are still in the WAL).
fn shorter_than_its_header(db: &Path) -> bool {
    let Ok(bytes) = std::fs::read(db) else {
        return false;
    };
    let Some(header) = bytes.get(..100) else {
        return false;
    };
    let be32 = |at: usize| {
        u64::from(u32::from_be_bytes([
            header[at],
            header[at + 1],
            header[at + 2],
            header[at + 3],
        ]))
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    (bytes.len() as u64) < page_size * be32(28)
}

/// Removes a database file and its `-wal` and `-shm`.
fn remove_database(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

/// The file as the kill left it must open both ways the programs open a
/// file: the CLI's, which reads every page first (tried on a copy of the file
/// and its WAL, since opening heals the file), and the app's, which reads the
/// header first and every page on a thread of its own. Returns the app's.
fn open_both_ways(db: &Path) -> Result<Store, String> {
    let copy = db.with_file_name("krasj-kopi.sqlite3");
    remove_database(&copy);
    std::fs::copy(db, &copy).map_err(|e| e.to_string())?;
    let wal = format!("{}-wal", db.display());
    if Path::new(&wal).exists() {
        std::fs::copy(&wal, format!("{}-wal", copy.display())).map_err(|e| e.to_string())?;
    }
    drop(Store::open_existing(&copy).map_err(|e| format!("the file does not open in the CLI: {e}"))?);
    let (store, check) =
        Store::open_checking_later(db).map_err(|e| format!("the file does not open in the app: {e}"))?;
    if let Some(check) = check {
        check
            .run()
            .map_err(|e| format!("the app's whole-file check refuses it: {e}"))?;
    }
    Ok(store)
}

/// What the file holds after a kill: the batch numbers present, and whether
/// any batch is there in part.
/// `acked` is every batch acknowledged on this file; the newest is last.
fn verify(db: &Path, council_id: &str, acked: &[u64]) -> Result<u64, String> {
    let store = open_both_ways(db)?;
    let health = store.health(day(), Lang::Nb).map_err(|e| e.to_string())?;
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
    let newest = acked.last().copied().unwrap_or(0);
    if last < newest {
        return Err(format!("batch {newest} was acknowledged but the file ends at {last}"));
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
    check_grants(&store, council_id, acked)?;
    Ok(last)
}

/// Every acknowledged batch's grant is there, and the books balance: the
/// budget used is exactly the sum of the grants, within the budget.
fn check_grants(store: &Store, council_id: &str, acked: &[u64]) -> Result<(), String> {
    let summary = store
        .schemes_of_council(council_id, day())
        .map_err(|e| e.to_string())?
        .remove(0);
    let ledger = store.ledger(&summary.scheme.id).map_err(|e| e.to_string())?;
    let granted: i64 = ledger.iter().map(|r| r.granted_ore).sum();
    let decided = ledger
        .iter()
        .filter(|r| r.status != ApplicationStatus::Received)
        .count() as i64;
    let b = summary.budget;
    if b.granted_ore != granted || granted != decided * GRANTED_ORE {
        return Err(format!(
            "the books do not balance: budget used {}, sum of grants {granted}, {decided} grants",
            b.granted_ore
        ));
    }
    if b.granted_ore > b.budget_ore || b.left_ore != b.budget_ore - b.granted_ore {
        return Err(format!(
            "budget {} but used {} and left {}",
            b.budget_ore, b.granted_ore, b.left_ore
        ));
    }
    for n in acked {
        let name = format!("Krasj {n}");
        if !ledger
            .iter()
            .any(|r| r.organisation == name && r.granted_ore == GRANTED_ORE)
        {
            return Err(format!("the grant of acknowledged batch {n} is missing"));
        }
    }
    Ok(())
}

/// A new database with the council the batches go to, its grant scheme, and
/// a meeting with the vedtak item that decides the grants.
fn fresh_database(db: &Path) -> grendebok_core::Result<String> {
    remove_database(db);
    let mut store = Store::create(db)?;
    let actor = Actor::new("Krasjtest", Utc::now());
    let input = CouncilInput::named(COUNCIL, SeatPlan::default());
    let council = store.create_council(&actor, &input)?;
    let scheme = SchemeInput {
        council_id: council.id.clone(),
        year: 2026,
        name: "Krasjmidler".into(),
        budget: "10 000 000".into(),
        deadline: day(),
        report_deadline: day(),
        max_per_application: String::new(),
        criteria: vec![CriterionInput {
            name: "Tåler krasj".into(),
            weight: 1,
        }],
        enkeltvedtak: false,
        appeal_body: String::new(),
        appeal_address: String::new(),
        conditions: String::new(),
    };
    store.create_scheme(&actor, &scheme)?;
    let meeting = MeetingInput::ordinary(council.id.clone(), day(), "Grendehuset");
    let meeting = store.create_meeting(&actor, &meeting)?;
    let item = AgendaItemInput {
        kind: ItemKind::Vedtak,
        title: "Krasjmidler".into(),
        background: String::new(),
        proposal: String::new(),
        access: Default::default(),
        statement: None,
    };
    store.add_item(&actor, &meeting.id, &item)?;
    Ok(council.id)
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
    let mut mid_checkpoint = 0;
    let mut acked_on_file: Vec<u64> = Vec::new();
    let mut failure = None;
    for run in 0..runs {
        if run % KILLS_PER_FILE == 0 {
            council_id = fresh_database(&db)?;
            next = 1;
            acked_on_file.clear();
        }
        let mut child = Command::new(&exe)
            .arg("--db")
            .arg(&db)
            .args(["write-stream", "--from", &next.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let last = Arc::new(Mutex::new(0u64));
        let (checkpoints, checkpoint) = std::sync::mpsc::channel();
        let reader = {
            let last = last.clone();
            let stdout = child.stdout.take().expect("piped");
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if line.trim() == CHECKPOINT {
                        let _ = checkpoints.send(());
                    } else if let Ok(n) = line.trim().parse() {
                        *last.lock().expect("not poisoned") = n;
                    }
                }
            })
        };
        if run % 2 == 0 {
            // Kill at a different moment each run: 5 to 60 ms after the start
            // (with automatic checkpoints every few batches, some land in one).
            std::thread::sleep(Duration::from_millis(5 + (run as u64 * 7919) % 56));
        } else {
            // Kill 0 to 3 ms after the child says it starts a checkpoint: in
            // it, or just before or after.
            let _ = checkpoint.recv_timeout(Duration::from_secs(5));
            std::thread::sleep(Duration::from_micros((run as u64 * 7919) % 3000));
        }
        child.kill()?; // SIGKILL
        child.wait()?;
        let _ = reader.join();
        let acked = *last.lock().expect("not poisoned");
        acked_total += acked.saturating_sub(next - 1);
        mid_checkpoint += usize::from(shorter_than_its_header(&db));
        acked_on_file.extend(next..=acked);
        match verify(&db, &council_id, &acked_on_file) {
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
                "crash-test: {runs} kills, {runs} sound, {acked_total} acknowledged batches, 0 lost, 0 partial, grants balance; {mid_checkpoint} kills cut a checkpoint short ({:.1} s)",
                elapsed.as_secs_f64()
            );
            let _ = std::fs::remove_dir_all(&dir);
        }
        Some(why) => println!("crash-test FAILED: {why} (the file is kept at {})", db.display()),
    }
    Ok(failure.is_none())
}

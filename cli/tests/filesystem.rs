//! The file system as it really fails, with the real CLI binary: a full disk
//! (a small tmpfs, filled), a read-only folder (a read-only bind mount, which
//! refuses even root) and a read-only file (mode 444, read by `nobody`).
//!
//! Mounting needs a private mount namespace: a test that mounts runs itself
//! again inside `unshare -rm` (see [`inside_private_mounts`]), where it may
//! mount a tmpfs or a bind mount that vanish with it. These tests never skip:
//! a machine that cannot mount, or cannot run a command as `nobody`, fails
//! them with a message saying so. (CI runs them as root on a fresh Debian
//! machine, where both work.)

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::*;

/// Set in the run of a test inside `unshare -rm`.
const INSIDE: &str = "GRENDEBOK_FILESYSTEM_TEST_INSIDE";

const DISK_FULL: &str = "Disken er full, så ingenting ble lagret.";
const READ_ONLY: &str = "Databasen er åpnet skrivebeskyttet, så endringen ble ikke lagret.";

/// In the outer run: runs the test named `test` again inside a private user
/// and mount namespace, checks that it ran and passed there, and returns
/// false. In that inner run: returns true, and the test goes on to mount.
fn inside_private_mounts(test: &str) -> bool {
    if std::env::var_os(INSIDE).is_some() {
        return true;
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = Command::new("unshare")
        .args(["-rm", "--"])
        .arg(exe)
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(INSIDE, "1")
        .output()
        .unwrap_or_else(|e| {
            panic!("this machine cannot run `unshare` (util-linux), so it cannot mount a tmpfs for this test: {e}")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !text.contains("unshare failed") && !text.contains("unshare: "),
        "this machine cannot make a private mount namespace (`unshare -rm`), so it cannot mount a tmpfs \
         or a read-only bind mount for this test:\n{text}"
    );
    assert!(out.status.success(), "{test} failed inside `unshare -rm`:\n{text}");
    assert!(
        text.contains("test result: ok. 1 passed"),
        "{test} did not run inside `unshare -rm`:\n{text}"
    );
    false
}

/// Runs a command that must succeed (mount, umount); panics with `why` and its output if not.
fn run(why: &str, program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{why}: `{program}` does not run: {e}"));
    assert!(
        out.status.success(),
        "{why}: `{program} {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A mount of this test's namespace, unmounted when dropped (before its temp folder goes).
struct Mount(PathBuf);

impl Mount {
    /// A tmpfs of `size` (e.g. "2m") at `dir`, created if missing.
    fn tmpfs(dir: &Path, size: &str) -> Mount {
        std::fs::create_dir_all(dir).unwrap();
        let target = dir.to_str().unwrap();
        run(
            "this machine cannot mount a tmpfs",
            "mount",
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", target],
        );
        Mount(dir.to_owned())
    }

    /// `dir` bound onto itself read-only: writing there fails with EROFS, even for root.
    fn read_only(dir: &Path) -> Mount {
        let target = dir.to_str().unwrap();
        let why = "this machine cannot make a read-only bind mount";
        run(why, "mount", &["--bind", target, target]);
        let mount = Mount(dir.to_owned());
        run(why, "mount", &["-o", "remount,ro,bind", target, target]);
        let probe = std::fs::File::create(dir.join("probe"));
        assert!(
            probe.as_ref().err().map(|e| e.kind()) == Some(std::io::ErrorKind::ReadOnlyFilesystem),
            "the bind mount at {target} is not read-only: {probe:?}"
        );
        mount
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).output();
    }
}

/// The CLI run as `nobody` (uid and gid 65534, no groups): the permission
/// bits of files and folders hold for it, as they do not for root.
fn cli_as_nobody(db: &Path, args: &[&str]) -> Output {
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", CLI, "--db"])
        .arg(db)
        .args(args)
        .env_remove("GRENDEBOK_DB")
        .output()
        .unwrap_or_else(|e| panic!("this machine cannot run `setpriv` (util-linux) to act as nobody: {e}"));
    assert!(
        !stderr(&out).starts_with("setpriv:"),
        "this machine cannot run the CLI as nobody with `setpriv` (the tests run as root): {}",
        stderr(&out)
    );
    out
}

/// Asserts the command failed with exit code 1 and its message contains `text`.
fn fails_with(what: &str, out: &Output, text: &str) {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what} must fail: {}{}",
        stdout(out),
        stderr(out)
    );
    assert!(
        stderr(out).contains(text),
        "{what}: expected «{text}» in: {}",
        stderr(out)
    );
}

fn sha256(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().expect("sha256sum runs");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).split_whitespace().next().unwrap().to_owned()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A closed database with the demo data at `dir/grendebok.sqlite3`, with no
/// `-wal`, `-shm` or lock file beside it: only the file itself.
fn demo_database(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let db = dir.join("grendebok.sqlite3");
    let out = cli(&db, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    remove_lock(&db);
    db
}

/// The demo database alone on a tmpfs of `size` at `top/disk`: returns the
/// disk, its mount (unmounted when dropped, before `top` goes) and the file.
fn demo_on_a_small_disk(top: &Path, size: &str) -> (PathBuf, Mount, PathBuf) {
    let disk = top.join("disk");
    let mount = Mount::tmpfs(&disk, size);
    let db = demo_database(&disk);
    (disk, mount, db)
}

/// Removes the lock file a CLI run leaves beside `db`, so that only the file remains.
fn remove_lock(db: &Path) {
    std::fs::remove_file(db.with_file_name("grendebok.sqlite3.lock")).unwrap();
    assert_eq!(names_in(db.parent().unwrap()), ["grendebok.sqlite3"]);
}

fn approved_meeting(db: &Path) -> String {
    let meetings = json(&cli(db, &["--json", "meeting", "list", "--council", "Lyngvik"]));
    let approved = meetings.as_array().unwrap().iter().find(|m| m["status"] == "approved");
    approved.expect("the demo has an approved meeting")["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn archived_documents(db: &Path, meeting: &str) -> usize {
    json(&cli(db, &["--json", "meeting", "show", meeting]))["documents"]
        .as_array()
        .unwrap()
        .len()
}

fn people(db: &Path) -> Vec<String> {
    json(&cli(db, &["--json", "person", "list"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect()
}

/// Fills the file system `path` is on: writes zeros to it until the disk is full.
fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    loop {
        match file.write_all(&chunk) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling the tmpfs failed otherwise than full: {e}"),
        }
    }
    // What fits of the last chunk is written too: not one block is left.
    let _ = file.sync_all();
}

/// The hidden `write-lines` command: one store held open, one write per line.
struct Writer {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Writer {
    fn start(db: &Path, council: &str) -> Writer {
        let mut child = Command::new(CLI)
            .arg("--db")
            .arg(db)
            .args(["write-lines", "--council", council])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the CLI runs");
        let input = child.stdin.take().unwrap();
        let output = BufReader::new(child.stdout.take().unwrap());
        Writer { child, input, output }
    }

    /// Adds a member named `name` with an organisation text of `size` characters.
    fn add(&mut self, name: &str, size: usize) -> Value {
        writeln!(self.input, "{name} {size}").unwrap();
        self.input.flush().unwrap();
        let mut line = String::new();
        self.output.read_line(&mut line).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("write-lines answered {line:?}: {e}"))
    }

    fn finish(self) {
        let Writer { mut child, input, .. } = self;
        drop(input);
        assert!(child.wait().unwrap().success(), "write-lines ends cleanly");
    }
}

/// A real full disk under an open store: the write is refused with the plain
/// message, none of it is left behind, and once space is freed the next write
/// succeeds in the same process, without a restart.
#[test]
fn a_full_disk_refuses_a_write_whole_and_the_next_write_after_freeing_space_succeeds() {
    if !inside_private_mounts("a_full_disk_refuses_a_write_whole_and_the_next_write_after_freeing_space_succeeds") {
        return;
    }
    let top = tempfile::tempdir().unwrap();
    let (disk, _mount, db) = demo_on_a_small_disk(top.path(), "4m");
    let before = people(&db);

    let mut writer = Writer::start(&db, "Lyngvik");
    assert_eq!(writer.add("Før Fyllingen", 2_000), serde_json::json!({ "ok": true }));
    let filler = disk.join("filler");
    fill(&filler);

    let refused = writer.add("Full Disk", 20_000);
    assert_eq!(refused["code"], "disk_full", "{refused}");
    assert!(refused["message"].as_str().unwrap().starts_with(DISK_FULL), "{refused}");
    let again = writer.add("Full Igjen", 10);
    assert_eq!(again["code"], "disk_full", "a small write is refused too: {again}");

    std::fs::remove_file(&filler).unwrap();
    assert_eq!(
        writer.add("Etter Fyllingen", 20_000),
        serde_json::json!({ "ok": true }),
        "the next write succeeds once space is freed, without a restart"
    );
    writer.finish();

    // Started on a disk that is already full, the CLI says so, not that the
    // file is damaged (SQLite cannot make its `-shm`), and changes nothing.
    fill(&filler);
    let hash = sha256(&db);
    let out = cli(&db, &["--json", "demo"]);
    let report: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(report["code"], "disk_full", "{report}");
    fails_with("a start on a full disk", &cli(&db, &["demo"]), DISK_FULL);
    assert_eq!(sha256(&db), hash, "the file is byte-identical");
    std::fs::remove_file(&filler).unwrap();

    let check = cli(&db, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}{}", stdout(&check), stderr(&check));
    assert!(stdout(&check).contains("Databasen er i orden."));
    let after = people(&db);
    assert_eq!(
        after.len(),
        before.len() + 2,
        "exactly the two acknowledged writes: {after:?}"
    );
    for name in ["Før Fyllingen", "Etter Fyllingen"] {
        assert!(after.iter().any(|p| p == name), "{name} is there");
    }
    assert!(
        !after.iter().any(|p| p.starts_with("Full")),
        "no part of a refused write is left: {after:?}"
    );
    let lyngvik = json(&cli(&db, &["--json", "council", "show", "Lyngvik"]));
    let seated: Vec<&str> = lyngvik["upcoming"]
        .as_array()
        .unwrap()
        .iter()
        .chain(lyngvik["current"].as_array().unwrap())
        .map(|m| m["person"]["name"].as_str().unwrap())
        .collect();
    assert!(
        seated.contains(&"Før Fyllingen") && seated.contains(&"Etter Fyllingen"),
        "each acknowledged write has its seat: {seated:?}"
    );
}

/// An export to a full disk fails with the plain message and leaves no PDF,
/// no temporary file and no archive row; after freeing space it works.
#[test]
fn a_pdf_export_to_a_full_disk_fails_clearly_and_leaves_no_file_and_no_archive_row() {
    if !inside_private_mounts("a_pdf_export_to_a_full_disk_fails_clearly_and_leaves_no_file_and_no_archive_row") {
        return;
    }
    let top = tempfile::tempdir().unwrap();
    let db = demo_database(&top.path().join("data"));
    let meeting = approved_meeting(&db);
    let archived = archived_documents(&db, &meeting);
    let disk = top.path().join("disk");
    let _mount = Mount::tmpfs(&disk, "256k");
    let filler = disk.join("filler");
    fill(&filler);

    let pdf = disk.join("protokoll.pdf");
    let args = [
        "export",
        "minutes",
        "--meeting",
        &meeting,
        "--out",
        pdf.to_str().unwrap(),
    ];
    fails_with("an export to a full disk", &cli(&db, &args), DISK_FULL);
    let mut json_args = vec!["--json"];
    json_args.extend(args);
    let report: Value = serde_json::from_slice(&cli(&db, &json_args).stderr).unwrap();
    assert_eq!(report["code"], "disk_full", "{report}");
    assert_eq!(names_in(&disk), ["filler"], "no PDF and no temporary file are left");
    assert_eq!(archived_documents(&db, &meeting), archived, "no archive row");
    assert_eq!(cli(&db, &["check"]).status.code(), Some(0));

    std::fs::remove_file(&filler).unwrap();
    let out = cli(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert_eq!(archived_documents(&db, &meeting), archived + 1);
}

/// A restore onto a full disk: the backup cannot be copied beside the file,
/// so the restore fails with the full-disk message — and the file in use is
/// byte-identical, nothing is renamed and no half copy is left. After
/// freeing space the same restore works. (It used to rename the file away
/// first: the failed copy then left no database at all.)
#[test]
fn a_restore_onto_a_full_disk_leaves_the_file_in_use_untouched() {
    if !inside_private_mounts("a_restore_onto_a_full_disk_leaves_the_file_in_use_untouched") {
        return;
    }
    let top = tempfile::tempdir().unwrap();
    let (disk, _mount, db) = demo_on_a_small_disk(top.path(), "6m");
    let taken = json(&cli(&db, &["--json", "backup"]));
    let name = taken["fileName"].as_str().unwrap().to_owned();
    assert!(cli(&db, &["council", "list"]).status.success());
    let hash = sha256(&db);
    let filler = top.path().join("disk/filler");
    fill(&filler);
    let before = names_in(&disk);

    fails_with("a restore onto a full disk", &cli(&db, &["restore", &name]), DISK_FULL);
    assert_eq!(sha256(&db), hash, "the file in use is byte-identical");
    assert_eq!(names_in(&disk), before, "nothing renamed, no half copy left");

    std::fs::remove_file(&filler).unwrap();
    assert_eq!(cli(&db, &["check"]).status.code(), Some(0), "the file in use is sound");
    let out = cli(&db, &["restore", &name]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cli(&db, &["check"]).status.code(), Some(0));
    assert!(
        names_in(&disk).iter().any(|n| n.contains(".replaced-")),
        "the replaced file is kept beside: {:?}",
        names_in(&disk)
    );
}

/// A read-only folder (a read-only bind mount: EROFS, even for root): the
/// file is read and checked, every write is refused with the read-only
/// message, and nothing is written — the file is byte-identical and no
/// `-wal`, `-shm` or lock file appears beside it.
#[test]
fn a_read_only_folder_is_read_and_checked_but_never_written() {
    if !inside_private_mounts("a_read_only_folder_is_read_and_checked_but_never_written") {
        return;
    }
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("ro");
    let db = demo_database(&dir);
    let meeting = approved_meeting(&db);
    remove_lock(&db);
    let hash = sha256(&db);
    let _mount = Mount::read_only(&dir);

    let councils = json(&cli(&db, &["--json", "council", "list"]));
    assert_eq!(councils.as_array().unwrap().len(), 3, "{councils}");
    let list = cli(&db, &["council", "list"]);
    assert_says(&stdout(&list), "Lyngvik nærmiljøutvalg");
    let check = cli(&db, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}{}", stdout(&check), stderr(&check));
    assert!(stdout(&check).contains("Databasen er i orden."));

    fails_with("demo", &cli(&db, &["demo"]), READ_ONLY);
    let report: Value = serde_json::from_slice(&cli(&db, &["--json", "demo"]).stderr).unwrap();
    assert_eq!(report["code"], "read_only", "{report}");
    fails_with(
        "demo in English",
        &cli(&db, &["--lang", "en", "demo"]),
        "The database is open read-only",
    );
    fails_with("backup", &cli(&db, &["backup"]), READ_ONLY);
    let pdf = top.path().join("protokoll.pdf");
    fails_with(
        "export",
        &export(&db, "minutes", &["--meeting", &meeting], &pdf),
        READ_ONLY,
    );
    assert!(!pdf.exists(), "a refused export writes no PDF");
    fails_with(
        "init of a new file",
        &cli(&dir.join("ny.sqlite3"), &["init"]),
        "er skrivebeskyttet, så Grendebok kan ikke lage en database der",
    );
    fails_with("init over the file", &cli(&db, &["init"]), "skriver aldri over");

    assert_eq!(sha256(&db), hash, "the file is byte-identical");
    assert_eq!(names_in(&dir), ["grendebok.sqlite3"], "no -wal, -shm or lock file");
}

/// A read-only folder holding a file whose last commit is still only in its
/// `-wal` (copied while a Grendebok had it open), with no `-shm`: SQLite
/// could read that commit only by writing to the folder, so the file is
/// refused with a plain message — not called damaged — and left as it is.
#[test]
fn a_read_only_folder_with_unread_wal_content_is_refused_plainly() {
    if !inside_private_mounts("a_read_only_folder_with_unread_wal_content_is_refused_plainly") {
        return;
    }
    let top = tempfile::tempdir().unwrap();
    let source = demo_database(&top.path().join("source"));
    let dir = top.path().join("ro");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("grendebok.sqlite3");
    let wal = dir.join("grendebok.sqlite3-wal");
    let mut writer = Writer::start(&source, "Lyngvik");
    assert_eq!(writer.add("Bare I Walen", 10), serde_json::json!({ "ok": true }));
    std::fs::copy(&source, &db).unwrap();
    std::fs::copy(source.with_file_name("grendebok.sqlite3-wal"), &wal).unwrap();
    writer.finish();
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the copy's WAL holds the commit"
    );
    let hashes = (sha256(&db), sha256(&wal));
    let _mount = Mount::read_only(&dir);

    let out = cli(&db, &["council", "list"]);
    fails_with(
        "a read-only folder with WAL content",
        &out,
        "de siste endringene i den ligger fortsatt i en egen fil ved siden av (-wal)",
    );
    let report: Value = serde_json::from_slice(&cli(&db, &["--json", "check"]).stderr).unwrap();
    assert_eq!(report["code"], "read_only", "{report}");
    assert_eq!(
        (sha256(&db), sha256(&wal)),
        hashes,
        "the file and its WAL are byte-identical"
    );
    assert_eq!(names_in(&dir), ["grendebok.sqlite3", "grendebok.sqlite3-wal"]);
}

/// A read-only file (mode 444) read by `nobody`, in a folder nobody may
/// write and in one anybody may: read and checked, writes refused, the file
/// byte-identical, no `-wal` or `-shm` beside it. A read-only file older
/// than this program is refused: it cannot be brought up to date.
#[test]
fn a_read_only_file_is_read_and_checked_but_never_written() {
    let top = tempfile::tempdir().unwrap();
    chmod(top.path(), "755");
    let sealed = top.path().join("sealed");
    let shared = top.path().join("shared");
    let mut files = Vec::new();
    for (dir, mode) in [(&sealed, "755"), (&shared, "777")] {
        let db = demo_database(dir);
        chmod(dir, mode);
        chmod(&db, "444");
        files.push((dir.clone(), db));
    }
    let probe = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c"])
        .arg(format!("echo x >> '{}'", files[0].1.display()))
        .output()
        .unwrap_or_else(|e| panic!("this machine cannot run `setpriv` (util-linux) to act as nobody: {e}"));
    assert!(
        !probe.status.success(),
        "nobody could write a file of mode 444: this test needs permission bits to hold"
    );

    for (dir, db) in &files {
        let hash = sha256(db);
        let councils = json(&cli_as_nobody(db, &["--json", "council", "list"]));
        assert_eq!(councils.as_array().unwrap().len(), 3, "{councils}");
        let check = cli_as_nobody(db, &["check"]);
        assert_eq!(check.status.code(), Some(0), "{}{}", stdout(&check), stderr(&check));
        assert!(stdout(&check).contains("Databasen er i orden."));
        fails_with("demo", &cli_as_nobody(db, &["demo"]), READ_ONLY);
        let report: Value = serde_json::from_slice(&cli_as_nobody(db, &["--json", "demo"]).stderr).unwrap();
        assert_eq!(report["code"], "read_only", "{report}");
        fails_with("backup", &cli_as_nobody(db, &["backup"]), READ_ONLY);

        assert_eq!(sha256(db), hash, "the file is byte-identical");
        let expected: &[&str] = if dir == &sealed {
            &["grendebok.sqlite3"]
        } else {
            // The folder is writable: the writer lock is taken, as always; SQLite makes nothing.
            &["grendebok.sqlite3", "grendebok.sqlite3.lock"]
        };
        assert_eq!(names_in(dir), expected, "no -wal or -shm in {}", dir.display());
    }

    // A read-only file from an older Grendebok: its schema version (the
    // header's user_version, at byte 60) one lower than this program's.
    let old = top.path().join("old");
    let db = demo_database(&old);
    let version = json(&cli(&db, &["--json", "check"]))["schemaVersion"].as_i64().unwrap();
    remove_lock(&db);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[60..64].copy_from_slice(&(version as u32 - 1).to_be_bytes());
    std::fs::write(&db, &bytes).unwrap();
    chmod(&old, "755");
    chmod(&db, "444");
    let hash = sha256(&db);
    let out = cli_as_nobody(&db, &["council", "list"]);
    fails_with("an older read-only file", &out, "eldre versjon av Grendebok");
    assert_says(&stderr(&out), "Kopier filen til en mappe du kan skrive i");
    assert_eq!(sha256(&db), hash, "the older file is byte-identical");
    assert_eq!(names_in(&old), ["grendebok.sqlite3"]);
}

fn chmod(path: &Path, mode: &str) {
    run("chmod", "chmod", &[mode, path.to_str().unwrap()]);
}

//! What both CLI test files need: the real binary run on a database file,
//! and what it printed.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub const CLI: &str = env!("CARGO_BIN_EXE_grendebok-cli");

/// The CLI run on `db` with `args`, as a script runs it (no `GRENDEBOK_DB`).
pub fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(CLI)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("GRENDEBOK_DB")
        .output()
        .expect("the CLI runs")
}

/// `export WHAT ARGS --out OUT`.
pub fn export(db: &Path, what: &str, args: &[&str], out: &Path) -> Output {
    let mut all = vec!["export", what];
    all.extend_from_slice(args);
    all.extend(["--out", out.to_str().unwrap()]);
    cli(db, &all)
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a `--json` command that succeeded printed.
pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "failed: {}{}", stdout(out), stderr(out));
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

/// `text` (what a command printed) says `expected`.
pub fn assert_says(text: &str, expected: &str) {
    assert!(text.contains(expected), "{text}");
}

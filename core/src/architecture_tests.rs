//! The invariants ARCHITECTURE.md states about core's own layout, checked
//! on the source: a store of one module per domain, none too long, whose
//! mod.rs forwards nothing; SQL connections only in the store; and the
//! plain types (`error.rs`, `model`) importing nothing from the store or the
//! package format.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name == "tests.rs" || name.ends_with("_tests.rs") || name == "test_fixtures.rs"
}

/// A file's code before its in-file test module, if it has one (a module
/// whose helpers other tests use is `pub(crate)`).
fn without_tests(text: &str) -> &str {
    let start = ["#[cfg(test)]\nmod tests", "#[cfg(test)]\npub(crate) mod tests"]
        .iter()
        .filter_map(|m| text.find(m))
        .min();
    match start {
        Some(at) => &text[..at],
        None => text,
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn no_store_module_is_longer_than_700_lines() {
    let long: Vec<String> = rust_files(&src().join("store"))
        .into_iter()
        .filter(|p| !is_test_file(p))
        .filter_map(|p| {
            let lines = without_tests(&read(&p)).lines().count();
            (lines > 700).then(|| format!("{} ({lines} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these store modules by domain: {long:?}");
}

#[test]
fn the_stores_mod_rs_holds_no_domain_door() {
    // Opening, the write transaction, backup, the export target and the WAL:
    // every other door lives in its domain's module.
    const FILE_DOORS: &[&str] = &[
        "open",
        "open_checking_later",
        "integrity_check",
        "open_to",
        "open_read_only",
        "open_read_only_as",
        "open_existing",
        "open_existing_to_read",
        "create",
        "open_in_memory",
        "setup",
        "read_only",
        "writable",
        "write",
        "backup",
        "path",
        "schema_version",
        "save_and_archive",
        "export_target",
        "set_wal_autocheckpoint",
        "checkpoint",
    ];
    let text = read(&src().join("store/mod.rs"));
    let start = text.find("\nimpl Store {\n").expect("mod.rs has the file's doors");
    let body = &text[start..];
    let body = &body[..body.find("\n}\n").unwrap()];
    let doors: Vec<&str> = body
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let l = l
                .strip_prefix("pub(crate) ")
                .or_else(|| l.strip_prefix("pub "))
                .unwrap_or(l);
            l.strip_prefix("fn ")
        })
        .map(|l| l.split(['(', '<']).next().unwrap())
        .collect();
    let forwarded: Vec<&&str> = doors.iter().filter(|d| !FILE_DOORS.contains(d)).collect();
    assert!(
        forwarded.is_empty(),
        "domain doors in store/mod.rs; move them to their module's `impl Store`: {forwarded:?}"
    );
}

#[test]
fn only_the_store_holds_a_connection() {
    let outside: Vec<String> = rust_files(&src())
        .into_iter()
        .filter(|p| !p.starts_with(src().join("store")))
        .filter(|p| p.file_name().unwrap() != "architecture_tests.rs")
        .filter(|p| {
            let text = read(p);
            [
                "&Connection",
                "rusqlite::Connection",
                "rusqlite::Transaction",
                "use rusqlite::{",
                "params![",
            ]
            .iter()
            .any(|word| text.contains(word))
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(outside.is_empty(), "SQL belongs in core/src/store: {outside:?}");
}

#[test]
fn error_and_model_import_nothing_from_the_store_or_the_package_format() {
    let mut files = vec![
        src().join("error").with_extension("rs"),
        src().join("model").with_extension("rs"),
    ];
    files.extend(rust_files(&src().join("model")));
    let tied: Vec<String> = files
        .into_iter()
        .filter(|p| {
            let text = read(p);
            let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
            code.into_iter()
                .any(|l| l.contains("crate::store") || l.contains("crate::package") || l.contains("use crate::{"))
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        tied.is_empty(),
        "these must not import from store or package (move the type to model): {tied:?}"
    );
}

#[test]
fn no_store_path_writes_in_a_placeholder_language() {
    // A label is built in the language asked for, or in the council's målform
    // (the language its record is kept in); `Lang::Nb` appears only where a
    // målform or a choice is turned into a language.
    let placeholders: Vec<String> = rust_files(&src().join("store"))
        .into_iter()
        .filter(|p| !is_test_file(p))
        .flat_map(|p| {
            let text = read(&p);
            without_tests(&text)
                .lines()
                .enumerate()
                .filter(|(_, l)| l.contains("Lang::Nb") && !l.contains("=>") && !l.contains("Lang::Nn"))
                .map(|(n, _)| format!("{}:{}", p.display(), n + 1))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        placeholders.is_empty(),
        "a placeholder language in the store: {placeholders:?}"
    );
}

#[test]
fn a_store_door_takes_a_language_only_to_write_or_name_in_one() {
    // Labels are added in src/views/; the store's reads are plain data. The
    // doors below write or name something in a language (ARCHITECTURE.md
    // says which and why); a new one belongs in views/ or in this list.
    const WRITES_IN_A_LANGUAGE: &[&str] = &[
        "save_language",
        "carry_over",
        "approve",
        "approve_minutes",
        "export_ledger",
        "ledger_file_name",
        "person_export_file_name",
        "export_for_kommune",
        "export_for_kommune_with_progress",
        "plan_kommune_folder",
        "fill_kommune_folder",
        "labelled",
    ];
    let mut taking: Vec<String> = Vec::new();
    for path in rust_files(&src().join("store"))
        .into_iter()
        .filter(|p| !is_test_file(p))
    {
        let text = read(&path);
        let code = without_tests(&text);
        for (at, _) in code.match_indices("fn ") {
            let signature = &code[at..];
            let end = signature.find(['{', ';']).unwrap_or(signature.len());
            // The parameters: a door that answers in a language it reads
            // from the record (a document's målform) takes none.
            let parameters = &signature[..signature[..end].find("->").unwrap_or(end)];
            if parameters.contains(": Lang") || parameters.contains("::Lang") {
                let name: String = parameters[3..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !WRITES_IN_A_LANGUAGE.contains(&name.as_str()) {
                    taking.push(format!("{}: {name}", path.display()));
                }
            }
        }
    }
    assert!(
        taking.is_empty(),
        "these store doors take a language; label in src/views/ instead: {taking:?}"
    );
}

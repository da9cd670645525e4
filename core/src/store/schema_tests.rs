//! The schema's own invariants (ARCHITECTURE.md): every table is `STRICT`,
//! and a landed migration is never edited — each one's SHA-256 is kept in
//! `landed_migrations.txt`, and a new migration is added there by
//! `UPDATE_MIGRATION_SUMS=1 cargo test -p grendebok-core schema`, which only
//! ever appends: a changed sum must be changed by hand, in review.

use super::*;

#[test]
fn every_table_is_strict() {
    let store = Store::open_in_memory().unwrap();
    let mut stmt = store
        .conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0")
        .unwrap();
    let loose: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .filter(|name: &String| {
            // SQLite's own tables, and the shadow tables of the full-text
            // index (a virtual table; SQLite makes them and cannot make them strict).
            !name.starts_with("sqlite_") && !name.starts_with("search_fts")
        })
        .collect();
    assert!(loose.is_empty(), "tables not STRICT: {loose:?}");
}

fn sums_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/landed_migrations.txt")
}

#[test]
fn no_landed_migration_is_edited() {
    let mut now: Vec<(String, String)> = MIGRATIONS_DIR
        .dirs()
        .map(|dir| {
            let name = dir.path().display().to_string();
            let up = dir
                .get_file(dir.path().join("up.sql"))
                .unwrap_or_else(|| panic!("{name} has an up.sql"));
            (name, crate::pdf::sha256_hex(up.contents()))
        })
        .collect();
    now.sort();
    let text = std::fs::read_to_string(sums_file()).unwrap_or_default();
    let landed: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, sum) = l.split_once(' ').expect("lines are `NAME SHA256`");
            (name.to_owned(), sum.trim().to_owned())
        })
        .collect();
    let edited: Vec<&str> = landed
        .iter()
        .filter(|(name, sum)| now.iter().any(|(n, s)| n == name && s != sum))
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        edited.is_empty(),
        "landed migrations were edited: {edited:?}; add a new migration instead"
    );
    let gone: Vec<&str> = landed
        .iter()
        .filter(|(name, _)| !now.iter().any(|(n, _)| n == name))
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(gone.is_empty(), "landed migrations were removed or renamed: {gone:?}");
    let new: Vec<&(String, String)> = now
        .iter()
        .filter(|(n, _)| !landed.iter().any(|(l, _)| l == n))
        .collect();
    if std::env::var_os("UPDATE_MIGRATION_SUMS").is_some() {
        let mut text = text;
        for (name, sum) in &new {
            text.push_str(&format!("{name} {sum}\n"));
        }
        std::fs::write(sums_file(), text).unwrap();
    } else {
        assert!(
            new.is_empty(),
            "new migrations {new:?} are not in core/src/store/landed_migrations.txt; \
             run `UPDATE_MIGRATION_SUMS=1 cargo test -p grendebok-core schema`"
        );
    }
}

//! The message catalogue for what core says to people: error messages,
//! composition notices, and the fixed words of the CLI's human output.
//!
//! The catalogues are flat JSON files in `i18n/` at the repository root, one
//! per language, with `{name}` placeholders. They are compiled in, so a
//! missing file is a build error and a missing key a failing test.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::model::Lang;

const NB: &str = include_str!("../../i18n/nb.json");
const NN: &str = include_str!("../../i18n/nn.json");
const EN: &str = include_str!("../../i18n/en.json");

/// The raw catalogue text of a language, for tests that compare catalogues.
pub fn catalogue_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => NB,
        Lang::Nn => NN,
        Lang::En => EN,
    }
}

fn catalogue(lang: Lang) -> &'static HashMap<String, String> {
    static CATALOGUES: OnceLock<[HashMap<String, String>; 3]> = OnceLock::new();
    let all = CATALOGUES.get_or_init(|| {
        Lang::ALL.map(|l| {
            serde_json::from_str(catalogue_source(l))
                .unwrap_or_else(|e| panic!("i18n/{}.json is not a flat JSON object: {e}", l.code()))
        })
    });
    &all[lang as usize]
}

/// The text for `key` in `lang`, with `{name}` placeholders filled from
/// `params`. Falls back to bokmål, then to the key itself, so a gap never
/// hides a message (and the catalogue test catches the gap).
///
/// With a `count` of 1 the singular `<key>.one` is taken where the catalogue
/// has one ("1 søknad", not "1 søknader").
pub fn t(lang: Lang, key: &str, params: &[(&str, &str)]) -> String {
    let lookup = |key: &str| catalogue(lang).get(key).or_else(|| catalogue(Lang::Nb).get(key));
    let one = params.iter().any(|&(name, value)| name == "count" && value == "1");
    let text = one
        .then(|| lookup(&format!("{key}.one")))
        .flatten()
        .or_else(|| lookup(key))
        .map(String::as_str)
        .unwrap_or(key);
    fill(text, params)
}

fn fill(text: &str, params: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in params {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The label of an enum value: the catalogue text under `prefix.<serde name>`,
/// e.g. `label(lang, "role", &Role::Leder)` → "Leder".
pub fn label<T: serde::Serialize>(lang: Lang, prefix: &str, value: &T) -> String {
    let name = match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        other => panic!("only unit enum values have labels, got {other:?}"),
    };
    t(lang, &format!("{prefix}.{name}"), &[])
}

/// A date as Norwegians write it: `12.03.2026`.
pub fn date(day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}.{:02}.{:04}", day.day(), day.month(), day.year())
}

/// An instant as Norwegians read it, in Norwegian time: `22.11.2026 kl. 11:00`.
pub fn when(lang: Lang, at: DateTime<Utc>) -> String {
    let (date, time) = norwegian_date_time(at);
    t(lang, "package.when", &[("date", &date), ("time", &time)])
}

/// The day and the time of day of an instant in Norwegian time: `22.11.2026`, `11:00`.
pub fn norwegian_date_time(at: DateTime<Utc>) -> (String, String) {
    let local = norwegian_time(at);
    (date(local.date()), local.format("%H:%M").to_string())
}

/// Norwegian time: UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October (the EU's summer time).
fn norwegian_time(at: DateTime<Utc>) -> NaiveDateTime {
    let change = |month: u32| {
        let last = NaiveDate::from_ymd_opt(at.year(), month + 1, 1)
            .and_then(|first| first.pred_opt())
            .expect("March and October have a last day");
        let sunday = last - Duration::days(i64::from(last.weekday().num_days_from_sunday()));
        sunday.and_hms_opt(1, 0, 0).expect("01:00 exists").and_utc()
    };
    let summer = (change(3)..change(10)).contains(&at);
    at.naive_utc() + Duration::hours(if summer { 2 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(source: &str) -> BTreeSet<String> {
        let map: HashMap<String, String> = serde_json::from_str(source).expect("flat JSON object");
        map.into_keys().collect()
    }

    fn placeholders(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    }

    fn assert_same_keys(what: &str, sources: [(&str, &str); 3]) {
        let (base_name, base) = sources[0];
        let base_keys = keys(base);
        let base_map: HashMap<String, String> = serde_json::from_str(base).unwrap();
        for (name, source) in &sources[1..] {
            let other = keys(source);
            let missing: Vec<_> = base_keys.difference(&other).collect();
            let extra: Vec<_> = other.difference(&base_keys).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{what}: {name} lacks {missing:?} and has extra {extra:?} compared with {base_name}"
            );
            let map: HashMap<String, String> = serde_json::from_str(source).unwrap();
            for (key, text) in &map {
                assert_eq!(
                    placeholders(text),
                    placeholders(&base_map[key]),
                    "{what}: placeholders of {key} differ between {name} and {base_name}"
                );
                assert!(!text.trim().is_empty(), "{what}: {name} has an empty text for {key}");
            }
        }
    }

    #[test]
    fn core_catalogues_have_the_same_keys_and_placeholders() {
        assert_same_keys("core", [("nb", NB), ("nn", NN), ("en", EN)]);
    }

    #[test]
    fn ui_catalogues_have_the_same_keys_and_placeholders() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/i18n");
        let read = |code: &str| {
            std::fs::read_to_string(format!("{dir}/{code}.json"))
                .unwrap_or_else(|e| panic!("ui/src/i18n/{code}.json: {e}"))
        };
        let (nb, nn, en) = (read("nb"), read("nn"), read("en"));
        assert_same_keys("ui", [("nb", &nb), ("nn", &nn), ("en", &en)]);
    }

    #[test]
    fn one_of_a_thing_is_said_in_the_singular_in_every_language() {
        let saved = |lang, count: &str| {
            t(
                lang,
                "export.ledger_saved",
                &[("count", count), ("folder", "Dokumenter"), ("file", "R.csv")],
            )
        };
        for (lang, count, said) in [
            (Lang::Nb, "1", "med 1 søknad er"),
            (Lang::Nb, "2", "med 2 søknader er"),
            (Lang::Nn, "1", "med 1 søknad er"),
            (Lang::En, "1", "with 1 application was"),
            (Lang::En, "11", "with 11 applications was"),
        ] {
            assert!(saved(lang, count).contains(said), "{}", saved(lang, count));
        }
    }

    #[test]
    fn fills_placeholders_and_falls_back_to_the_key() {
        assert_eq!(fill("Hei {name}!", &[("name", "Kari")]), "Hei Kari!");
        assert_eq!(t(Lang::En, "no.such.key", &[]), "no.such.key");
    }

    /// Fails on a value of `values` that has no `prefix.<name>` text in `lang`.
    fn assert_labelled<T: serde::Serialize + std::fmt::Debug>(prefix: &str, values: &[T]) {
        for lang in Lang::ALL {
            for value in values {
                assert!(
                    !label(lang, prefix, value).starts_with(&format!("{prefix}.")),
                    "{value:?} has no text under {prefix}.* in {}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn enum_values_have_labels_in_every_language() {
        use crate::model::*;
        use crate::store::backup::BackupKind;
        assert_labelled("kind", &CouncilKind::ALL);
        assert_labelled("role", &Role::ALL);
        assert_labelled("meeting_kind", &MeetingKind::DEFAULTS);
        assert_labelled("meeting_status", &MeetingStatus::ALL);
        assert_labelled("item_kind", &ItemKind::ALL);
        assert_labelled("attendance", &AttendanceStatus::ALL);
        assert_labelled("duty_status", &DutyStatus::ALL);
        assert_labelled("application_status", &ApplicationStatus::ALL);
        assert_labelled(
            "backup_kind",
            &[BackupKind::Auto, BackupKind::Manual, BackupKind::PreMigration],
        );
        assert_eq!(label(Lang::Nn, "role", &Role::Leder), "Leiar");
    }

    /// Every catalogue key the Rust code names (a string literal such as
    /// `"pdf.minutes.title"` whose first part is a catalogue's) is in the
    /// bokmål catalogue, which the test above keeps equal to the others:
    /// `t` would otherwise show the key itself to the person.
    #[test]
    fn every_key_the_code_names_is_in_the_catalogue() {
        let nb = catalogue(Lang::Nb);
        let prefixes: std::collections::HashSet<&str> = nb.keys().filter_map(|k| k.split('.').next()).collect();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let mut files = Vec::new();
        for dir in ["core/src", "cli/src", "src-tauri/src"] {
            rust_files(&std::path::Path::new(root).join(dir), &mut files);
        }
        assert!(files.len() > 20, "the sources were found under {root}");
        let mut named = 0;
        let mut missing = Vec::new();
        for file in &files {
            let source = std::fs::read_to_string(file).unwrap();
            for literal in quoted_words(&source) {
                // "attendance." is a prefix of keys, not a key.
                let is_key = literal.contains('.') && !literal.ends_with('.');
                if !is_key || !prefixes.contains(literal.split('.').next().unwrap_or("")) {
                    continue;
                }
                named += 1;
                if !nb.contains_key(literal) {
                    missing.push(format!("{}: {literal}", file.display()));
                }
            }
        }
        assert!(named > 100, "only {named} keys found: the scan is broken");
        assert!(
            missing.is_empty(),
            "keys named in code but missing from i18n/nb.json: {missing:#?}"
        );
    }

    /// The texts between double quotes made only of lowercase-led letters,
    /// digits, `_` and `.` (what a key looks like), wherever they stand.
    fn quoted_words(source: &str) -> Vec<&str> {
        let bytes = source.as_bytes();
        let mut words = Vec::new();
        for (at, _) in source.match_indices('"') {
            let rest = &bytes[at + 1..];
            let len = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'.')
                .count();
            if len > 0 && rest.get(len) == Some(&b'"') && rest[0].is_ascii_lowercase() {
                words.push(&source[at + 1..at + 1 + len]);
            }
        }
        words
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn formats_dates_the_norwegian_way() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        assert_eq!(date(day), "12.03.2026");
    }
}

//! The document list of a folder for the kommune (`Dokumentliste.csv`): one
//! row per file — title, date, case numbers, kind, whether it is public or
//! exempt from public access and on what basis, and its SHA-256 — enough
//! for the kommune's archive to register the files. It is a plain list, not
//! a Noark 5 extraction (no arkivstruktur.xml, no schema).
//!
//! CSV as the ledger writes it: semicolons, UTF-8 with a BOM, so a Norwegian
//! spreadsheet opens it without asking; a cell that a spreadsheet would take
//! for a formula is prefixed with an apostrophe.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{self, t};
use crate::model::Lang;

/// What a listed file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Notice,
    Minutes,
    Letter,
    AnnualReport,
    Ledger,
}

/// One file of the folder as the archive registers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderEntry {
    pub file: String,
    pub title: String,
    pub date: NaiveDate,
    /// The case numbers the document carries, e.g. `01/26, 02/26`.
    pub cases: String,
    pub kind: EntryKind,
    /// Public, or exempt from public access: then `basis` says why.
    pub public: bool,
    pub basis: String,
    pub sha256: String,
}

const COLUMNS: [&str; 8] = [
    "records.col.file",
    "records.col.title",
    "records.col.date",
    "records.col.cases",
    "records.col.kind",
    "records.col.access",
    "records.col.basis",
    "records.col.sha256",
];

/// `Dokumentliste.csv`, in the documents' language.
pub fn file_name(lang: Lang) -> String {
    format!("{}.csv", t(lang, "records.file", &[]))
}

fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn kind_label(lang: Lang, kind: EntryKind) -> String {
    let key = match kind {
        EntryKind::Notice => "records.kind.notice",
        EntryKind::Minutes => "records.kind.minutes",
        EntryKind::Letter => "records.kind.letter",
        EntryKind::AnnualReport => "records.kind.annual_report",
        EntryKind::Ledger => "records.kind.ledger",
    };
    t(lang, key, &[])
}

/// The list as CSV bytes.
pub fn csv(records: &[FolderEntry], lang: Lang) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = COLUMNS.iter().map(|k| cell(&t(lang, k, &[]))).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for r in records {
        let access = if r.public {
            t(lang, "records.public", &[])
        } else {
            t(lang, "records.exempt", &[])
        };
        let row = [
            r.file.clone(),
            r.title.clone(),
            i18n::date(r.date),
            r.cases.clone(),
            kind_label(lang, r.kind),
            access,
            r.basis.clone(),
            r.sha256.clone(),
        ];
        let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_quoted_when_needed_and_never_a_formula() {
        assert_eq!(cell("Protokoll"), "Protokoll");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("sa \"x\""), "\"sa \"\"x\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-1"), "'-1");
    }
}

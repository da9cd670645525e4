//! What a person is told after Grendebok wrote a file: one answer for every
//! export, in the app and in the CLI alike. Each kind of export says in
//! [`Told`] what its message is (defined once, next to the document it
//! makes); [`SavedFile::of`] turns any of them into the one shape the app's
//! screens and the CLI show.

use std::path::Path;

use crate::calendar::Calendar;
use crate::model::{AnnualReportRecord, DocumentRecord, KommuneProfile, Lang, LetterRecord, PackageInfo, SavedFile};
use crate::store::privacy::PersonExport;
use crate::store::review::ReviewSheetSaved;
use crate::store::KommuneExport;

/// What an export says it did, for the file it wrote at `path`.
pub trait Told {
    /// Where it went and what it holds, in plain words ("… er lagret i Dokumenter som …").
    fn told(&self, lang: Lang, path: &Path) -> String;

    /// For whoever checks the file later: its SHA-256 and the control number
    /// in its footer, when it is an archived document; else empty.
    fn details(&self, _lang: Lang) -> String {
        String::new()
    }
}

impl SavedFile {
    /// The one answer after `what` was written at `path`.
    pub fn of(lang: Lang, path: &Path, what: &impl Told) -> SavedFile {
        SavedFile {
            path: path.display().to_string(),
            message: what.told(lang, path),
            details: what.details(lang),
        }
    }

    /// The answer after a file was read in (or a change made) that names no
    /// file of its own: only what it did.
    pub fn said(path: impl Into<String>, message: String) -> SavedFile {
        SavedFile {
            path: path.into(),
            message,
            details: String::new(),
        }
    }
}

impl Told for DocumentRecord {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::documents::export_message(lang, path, self)
    }
    fn details(&self, lang: Lang) -> String {
        crate::documents::export_details(lang, &self.sha256, &self.content_sha256)
    }
}

impl Told for LetterRecord {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::letters::export_message(lang, path, self)
    }
    fn details(&self, lang: Lang) -> String {
        crate::documents::export_details(lang, &self.sha256, &self.content_sha256)
    }
}

impl Told for crate::model::StatementLetter {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::statements::export_message(lang, path, self)
    }
    fn details(&self, lang: Lang) -> String {
        crate::documents::export_details(lang, &self.sha256, &self.content_sha256)
    }
}

impl Told for AnnualReportRecord {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::annual::export_message(lang, path, self)
    }
    fn details(&self, lang: Lang) -> String {
        crate::documents::export_details(lang, &self.sha256, &self.content_sha256)
    }
}

impl Told for Calendar {
    fn told(&self, lang: Lang, path: &Path) -> String {
        self.export_message(lang, path)
    }
}

impl Told for PackageInfo {
    fn told(&self, lang: Lang, _path: &Path) -> String {
        crate::package::export_message(lang, self)
    }
}

impl Told for ReviewSheetSaved {
    fn told(&self, lang: Lang, _path: &Path) -> String {
        self.message(lang)
    }
}

impl Told for KommuneExport {
    fn told(&self, lang: Lang, _path: &Path) -> String {
        self.message(lang)
    }
}

impl Told for PersonExport {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::documents::saved_message(lang, "export.person_saved", path, &[("name", &self.person.name)])
    }
}

impl Told for KommuneProfile {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::documents::saved_message(lang, "profile.saved_file", path, &[])
    }
}

/// A grant scheme's ledger of `count` applications (CSV or XLSX).
pub struct Ledger(pub usize);

impl Told for Ledger {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::ledger::export_message(lang, path, self.0)
    }
}

/// An e-mail draft (`.eml`) with its PDF attached, for the person's own mail program.
pub struct MailDraft;

impl Told for MailDraft {
    fn told(&self, lang: Lang, path: &Path) -> String {
        crate::mail::saved_message(lang, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archived_document_says_where_it_went_and_its_checksums_and_a_ledger_only_where() {
        let record = DocumentRecord {
            id: "d".into(),
            kind: crate::model::DocumentKind::Minutes,
            public: false,
            meeting_id: "m".into(),
            file_name: "Protokoll.pdf".into(),
            sha256: "ab".repeat(32),
            content_sha256: "0123456789abcdef".into(),
            size: 1,
            created: crate::model::Step {
                at: "2026-12-05T10:00:00Z".into(),
                by: "Kari".into(),
            },
        };
        let path = Path::new("/home/kari/Dokumenter/Protokoll.pdf");
        let saved = SavedFile::of(Lang::Nb, path, &record);
        assert_eq!(saved.path, "/home/kari/Dokumenter/Protokoll.pdf");
        assert!(
            saved.message.contains("Dokumenter") && saved.message.contains("Protokoll.pdf"),
            "{}",
            saved.message
        );
        assert!(saved.details.contains("0123456789ab"), "{}", saved.details);
        let ledger = SavedFile::of(Lang::Nb, Path::new("/tmp/Regnskap.csv"), &Ledger(3));
        assert!(ledger.message.contains("Regnskap.csv"), "{}", ledger.message);
        assert_eq!(ledger.details, "");
    }
}

//! What a person is told after an export or a read-in, and the Backups
//! screen's warning of a wrong clock, in their language.

use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};

use crate::i18n::t;
use crate::model::Lang;
use crate::store::backup::BackupInfo;
use crate::store::review::{ReviewImported, ReviewSheetSaved};
use crate::store::KommuneExport;

impl KommuneExport {
    /// What a person is told after the folder is made.
    pub fn message(&self, lang: Lang) -> String {
        let saved = crate::i18n::t(
            lang,
            "export.kommune_saved",
            &[
                ("folder", &self.folder),
                ("minutes", &self.minutes.to_string()),
                ("letters", &self.letters.to_string()),
                ("ledgers", &self.ledgers.to_string()),
            ],
        );
        if self.waiting.is_empty() {
            return saved;
        }
        let waiting = crate::i18n::t(
            lang,
            "export.kommune_waiting",
            &[
                ("count", &self.waiting.len().to_string()),
                ("list", &self.waiting.join("; ")),
            ],
        );
        format!("{saved} {waiting}")
    }
}

impl ReviewImported {
    pub fn message(&self, lang: Lang) -> String {
        if self.unchanged {
            return t(lang, "review.unchanged", &[("member", &self.member)]);
        }
        t(
            lang,
            "review.imported",
            &[
                ("member", &self.member),
                ("changed", &self.changed.to_string()),
                ("applications", &self.applications.to_string()),
            ],
        )
    }
}

impl ReviewSheetSaved {
    /// "Vurderingsarket til Kari med 3 søknader er lagret i Dokumenter som «…»."
    pub fn message(&self, lang: Lang) -> String {
        crate::documents::saved_message(
            lang,
            "review.saved",
            Path::new(&self.path),
            &[("member", &self.member), ("count", &self.applications.to_string())],
        )
    }
}

/// A warning for the Backups screen when the clock looks wrong: a backup is
/// dated after `now`. `now` is the face's clock in its own time zone, which
/// the dates in the message are shown in.
pub fn clock_warning(backups: &[BackupInfo], now: DateTime<FixedOffset>, lang: Lang) -> Option<String> {
    let (at, backup) = crate::store::backup::clock_ahead(backups, now.with_timezone(&Utc))?;
    let shown = |t: DateTime<FixedOffset>| format!("{} {}", crate::i18n::date(t.date_naive()), t.format("%H:%M"));
    Some(t(
        lang,
        "backup.clock_ahead",
        &[
            ("when", &shown(at.with_timezone(now.offset()))),
            ("now", &shown(now)),
            ("file", &backup.file_name),
        ],
    ))
}

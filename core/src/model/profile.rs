//! The kommune profile (kommunens oppsett): the seat categories, yearly duties
//! and meeting kinds a kommune sets for its councils, held in the file and
//! handed from the coordinator to the secretaries as JSON.
//!
//! The wire form is what a person may write by hand, so every field a person
//! can get wrong is plain data here (a key is text, an evidence's kind is
//! text) and `rules::profile::validate` says every fault at once, each at its
//! field (`duties[2].dueDate`). The order of the entries is their order in
//! their list.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A name in the three languages: bokmål, nynorsk and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProfileNames {
    pub nb: String,
    pub nn: String,
    pub en: String,
}

impl ProfileNames {
    pub fn new(nb: impl Into<String>, nn: impl Into<String>, en: impl Into<String>) -> Self {
        ProfileNames {
            nb: nb.into(),
            nn: nn.into(),
            en: en.into(),
        }
    }

    /// The name in `lang`.
    pub fn get(&self, lang: super::Lang) -> &str {
        match lang {
            super::Lang::Nb => &self.nb,
            super::Lang::Nn => &self.nn,
            super::Lang::En => &self.en,
        }
    }
}

/// A seat category or a meeting kind: its key (a slug that never changes and
/// that rows refer to) and its names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProfileEntry {
    pub key: String,
    pub names: ProfileNames,
}

/// A duty's default due date in the year it is owed for: a month and a day,
/// in that year or (`nextYear`) early in the following one — the annual
/// report of 2026 is due 1 March 2027.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DueDay {
    pub month: u32,
    pub day: u32,
    pub next_year: bool,
}

/// What fulfils a duty, by its kind's name (`ProfileEvidenceKind`); a
/// `meetingOfKind` names the meeting kind's key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DutyEvidence {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub meeting_kind: Option<String>,
}

/// The kinds of evidence a duty can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProfileEvidenceKind {
    /// A held meeting of a given kind in the year.
    MeetingOfKind,
    /// The year's annual report exported (and so archived).
    AnnualReportExported,
    /// Every grant of the year's schemes decided, and every paid grant's
    /// final report received and accepted.
    GrantsDecidedAndReported,
    /// A meeting's notice published before the meeting.
    NoticePublishedBeforeMeeting,
    /// Confirmed by hand, with a date and a note.
    Manual,
}

impl ProfileEvidenceKind {
    pub const ALL: [ProfileEvidenceKind; 5] = [
        ProfileEvidenceKind::MeetingOfKind,
        ProfileEvidenceKind::AnnualReportExported,
        ProfileEvidenceKind::GrantsDecidedAndReported,
        ProfileEvidenceKind::NoticePublishedBeforeMeeting,
        ProfileEvidenceKind::Manual,
    ];

    /// The kind's name in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileEvidenceKind::MeetingOfKind => "meetingOfKind",
            ProfileEvidenceKind::AnnualReportExported => "annualReportExported",
            ProfileEvidenceKind::GrantsDecidedAndReported => "grantsDecidedAndReported",
            ProfileEvidenceKind::NoticePublishedBeforeMeeting => "noticePublishedBeforeMeeting",
            ProfileEvidenceKind::Manual => "manual",
        }
    }

    pub fn from_name(name: &str) -> Option<ProfileEvidenceKind> {
        ProfileEvidenceKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl DutyEvidence {
    pub fn of(kind: ProfileEvidenceKind) -> Self {
        DutyEvidence {
            kind: kind.as_str().to_owned(),
            meeting_kind: None,
        }
    }

    pub fn meeting_of_kind(key: impl Into<String>) -> Self {
        DutyEvidence {
            kind: ProfileEvidenceKind::MeetingOfKind.as_str().to_owned(),
            meeting_kind: Some(key.into()),
        }
    }

    /// The evidence's kind, when it is one of the known ones.
    pub fn known_kind(&self) -> Option<ProfileEvidenceKind> {
        ProfileEvidenceKind::from_name(&self.kind)
    }
}

/// One yearly duty a council owes the kommune.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileDuty {
    pub key: String,
    pub names: ProfileNames,
    pub due_date: DueDay,
    pub evidence: DutyEvidence,
}

/// The kommune's profile. `issuedAt` orders profiles: a file takes only a
/// profile issued after the one it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct KommuneProfile {
    /// The issuing kommune's name (empty in the built-in default).
    pub kommune: String,
    pub issued_at: DateTime<Utc>,
    pub seat_categories: Vec<ProfileEntry>,
    pub duties: Vec<ProfileDuty>,
    pub meeting_kinds: Vec<ProfileEntry>,
}

impl Default for KommuneProfile {
    /// An empty profile issued at the epoch (what a JSON file without
    /// fields reads as; not the built-in profile, which is
    /// `rules::profile::default_profile`).
    fn default() -> Self {
        KommuneProfile {
            kommune: String::new(),
            issued_at: DateTime::<Utc>::UNIX_EPOCH,
            seat_categories: Vec::new(),
            duties: Vec::new(),
            meeting_kinds: Vec::new(),
        }
    }
}

/// A part of the profile, for a change listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProfileSection {
    SeatCategories,
    Duties,
    MeetingKinds,
}

/// What happened to an entry between two profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProfileChangeKind {
    Added,
    Removed,
    /// Its names changed.
    Renamed,
    /// A duty's due date or evidence changed.
    Changed,
    /// Its place in the list changed.
    Moved,
}

/// One difference between the profile a file holds and another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileChange {
    pub section: ProfileSection,
    pub key: String,
    pub change: ProfileChangeKind,
    /// The entry's name in the reader's language (the new one, or the old
    /// one of an entry removed).
    pub name: String,
    /// A renamed entry's old name.
    pub old_name: Option<String>,
}

/// A seat category the profile no longer has while sitting members hold it:
/// allowed, they keep it for history, and the person is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemovedInUse {
    pub key: String,
    pub name: String,
    pub members: i32,
    /// "«Senior» is removed, but 3 sitting members hold it …", in the reader's language.
    pub message: String,
}

/// What a save or an import of a profile did, or would do: the profile, the
/// changes from the one before, and the removed categories still held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileOutcome {
    pub profile: KommuneProfile,
    /// Who issued it and when, in the reader's words: "Larvik, utstedt 01.12.2026 kl. 10:00".
    pub issued: String,
    /// The same of the profile the file held before (or the built-in one's name).
    pub previous: String,
    /// The profile the file held before.
    pub previous_issued_at: DateTime<Utc>,
    pub previous_kommune: String,
    pub changes: Vec<ProfileChange>,
    pub removed_in_use: Vec<RemovedInUse>,
}

/// The profile the editor starts from: the file's (or the built-in default)
/// and whether it is the built-in one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub profile: KommuneProfile,
    pub built_in: bool,
    /// Who issued it and when, in the reader's words, or the built-in one's name.
    pub issued: String,
}

/// A seat category's or meeting kind's name in one language, as every screen
/// and document shows it. An entry the profile no longer has, still held by
/// rows, is named by its last saved name and marked: "Senior (fjernet)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileLabel {
    pub key: String,
    pub name: String,
    pub removed: bool,
}

/// The names of the profile's seat categories and meeting kinds in one
/// language: the current entries in the profile's order, then the removed
/// ones still in use.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileLabels {
    pub seat_categories: Vec<ProfileLabel>,
    pub meeting_kinds: Vec<ProfileLabel>,
}

impl ProfileLabels {
    fn name_in(list: &[ProfileLabel], key: &str) -> String {
        list.iter()
            .find(|l| l.key == key)
            .map_or_else(|| key.to_owned(), |l| l.name.clone())
    }

    /// A seat category's name (its key, if no name is known at all).
    pub fn seat_category(&self, key: &str) -> String {
        Self::name_in(&self.seat_categories, key)
    }

    /// A meeting kind's name (its key, if no name is known at all).
    pub fn meeting_kind(&self, key: &str) -> String {
        Self::name_in(&self.meeting_kinds, key)
    }

    /// Where a seat category comes in the profile's order (unknown ones last).
    pub fn seat_category_rank(&self, key: &str) -> usize {
        self.seat_categories
            .iter()
            .position(|l| l.key == key)
            .unwrap_or(usize::MAX)
    }
}

/// [`ProfileLabels`] in each language: for documents, which are written in
/// the council's language rather than the reader's. Never sent to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelsByLang {
    pub nb: ProfileLabels,
    pub nn: ProfileLabels,
    pub en: ProfileLabels,
}

impl LabelsByLang {
    pub fn get(&self, lang: super::Lang) -> &ProfileLabels {
        match lang {
            super::Lang::Nb => &self.nb,
            super::Lang::Nn => &self.nn,
            super::Lang::En => &self.en,
        }
    }
}

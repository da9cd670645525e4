//! Yearly duties (forpliktelser) a council owes the kommune, the coordinator's
//! overview of every council, and the annual report (årsmelding).
//!
//! A duty's status is never set by hand: it is computed from the record on a
//! given day. Evidence fulfils it the moment it exists (a held fellesmøte, an
//! exported annual report, a year's grants accounted for); a duty can only be
//! waived with a written reason.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CouncilKind, MeetingKind, MeetingStatus, Step};

/// A yearly duty's key in the kommune profile (`ProfileDuty::key`), e.g.
/// `joint_meeting`: the duties a council owes are the profile's, and a
/// duty's edits, waiver and confirmation are stored under its key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct DutyKey(pub String);

impl DutyKey {
    /// The built-in profile's four keys.
    pub const JOINT_MEETING: &'static str = "joint_meeting";
    pub const OPEN_MEETING: &'static str = "open_meeting";
    pub const ANNUAL_REPORT: &'static str = "annual_report";
    pub const GRANT_REPORT: &'static str = "grant_report";

    pub fn new(key: impl Into<String>) -> Self {
        DutyKey(key.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for DutyKey {
    fn from(key: &str) -> Self {
        DutyKey(key.to_owned())
    }
}

impl PartialEq<&str> for DutyKey {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::fmt::Display for DutyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a duty stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DutyStatus {
    /// Its evidence exists.
    Fulfilled,
    /// Waived with a written reason.
    Waived,
    /// Past its due date with no evidence.
    Overdue,
    /// Due within 30 days.
    DueSoon,
    /// Due later.
    Open,
    /// Nothing to account for (no grant scheme that year).
    NotApplicable,
}

impl DutyStatus {
    pub const ALL: [DutyStatus; 6] = [
        DutyStatus::Fulfilled,
        DutyStatus::Waived,
        DutyStatus::Overdue,
        DutyStatus::DueSoon,
        DutyStatus::Open,
        DutyStatus::NotApplicable,
    ];
}

/// What fulfilled a duty, for a link to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Meeting,
    AnnualReport,
    Scheme,
    /// Confirmed by hand (the confirmation's id).
    Confirmation,
}

/// A duty confirmed by hand: the day it was done and a note of what was
/// done, and who recorded it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DutyConfirmation {
    pub date: NaiveDate,
    pub note: String,
    pub confirmed: Step,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The meeting's, report's or scheme's id.
    pub id: String,
    /// E.g. "Fellesmøte med kommunen 14.10.2026", in the reader's language.
    // Added by `crate::views` from `about` (a confirmation's own note as it is).
    pub label: String,
    pub date: Option<NaiveDate>,
    /// What the label says, in no language: the store's part (core only).
    #[serde(skip)]
    #[ts(skip)]
    pub about: EvidenceAbout,
}

/// What an evidence's label is made of, as the store finds it; the words
/// are added where the language is known (`crate::views::duties`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum EvidenceAbout {
    /// Nothing to add: the label is already the evidence's own text (a
    /// confirmation's note).
    #[default]
    Own,
    /// The first held meeting of the kind with this key, on the evidence's date.
    Meeting { kind: String },
    /// The year's annual report, exported.
    AnnualReport { year: i32 },
    /// Every granted application of the scheme named so accounted for.
    GrantReport { scheme: String },
    /// Every one of this many held meetings had its notice sent in time.
    Notices { held: i64 },
}

/// One duty of one council in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Duty {
    pub council_id: String,
    pub council_name: String,
    pub year: i32,
    /// The duty's key in the kommune profile.
    pub kind: DutyKey,
    /// The duty's name in the reader's language, from the profile.
    pub name: String,
    /// What fulfils it, as the profile says.
    pub evidence_kind: super::ProfileEvidenceKind,
    pub due: NaiveDate,
    /// The due date is the built-in default (not edited for this council and year).
    pub default_due: bool,
    pub status: DutyStatus,
    /// Days from the day asked about to the due date (negative when past).
    pub days_left: i32,
    pub evidence: Option<Evidence>,
    pub waived_reason: Option<String>,
    pub waived: Option<Step>,
    /// Confirmed by hand (a duty whose evidence is `manual`).
    pub confirmation: Option<DutyConfirmation>,
    /// The duty fell due before the council existed (its earliest record),
    /// so it is not owed.
    pub before_council: bool,
}

/// A change to one duty: its due date (`None` restores the default), a
/// waiver with its written reason, or the waiver lifted; for a duty
/// confirmed by hand, the day it was done with a note, or that undone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "action")]
pub enum DutyEdit {
    SetDue { due: Option<NaiveDate> },
    Waive { reason: String },
    Unwaive,
    Confirm { date: Option<NaiveDate>, note: String },
    Unconfirm,
}

/// A meeting in brief, for the overview and the year wheel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingBrief {
    pub id: String,
    pub council_id: String,
    pub council_name: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    pub date: NaiveDate,
    pub starts_at: NaiveTime,
    pub place: String,
}

/// One council's line in the coordinator's overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilOverview {
    pub council_id: String,
    pub name: String,
    pub kind: CouncilKind,
    pub area: String,
    pub seats_filled: i32,
    pub seats_planned: i32,
    pub next_meeting: Option<MeetingBrief>,
    /// The date of the newest meeting whose minutes are approved.
    pub last_approved: Option<MeetingBrief>,
    pub duties_overdue: i32,
    /// Days the longest overdue duty is past its due date (0 when none is).
    pub days_overdue: i32,
    pub duties_due_soon: i32,
    pub duties_fulfilled: i32,
    pub duties: Vec<Duty>,
    #[ts(type = "number")]
    pub budget_ore: i64,
    #[ts(type = "number")]
    pub granted_ore: i64,
    #[ts(type = "number")]
    pub paid_ore: i64,
    #[ts(type = "number")]
    pub left_ore: i64,
}

/// The coordinator's screen: every council in a year, and the year's
/// meetings and due dates in date order (the year wheel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    pub year: i32,
    pub today: NaiveDate,
    pub councils: Vec<CouncilOverview>,
    pub meetings: Vec<MeetingBrief>,
}

/// The column the coordinator's overview is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OverviewSortKey {
    /// The council's name, in the Norwegian order.
    #[default]
    Name,
    /// Overdue duties, then those due soon.
    Overdue,
    /// The money left of the year's grant schemes.
    Left,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortDir {
    #[default]
    Ascending,
    Descending,
}

/// Which councils the overview shows and in what order: the text their name
/// contains, only those behind, and the column sorted by. Ties always fall
/// back to the name, A–Å.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverviewQuery {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub behind_only: bool,
    #[serde(default)]
    pub sort: OverviewSortKey,
    #[serde(default)]
    pub dir: SortDir,
}

/// How many councils stand at one status of a duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    pub status: DutyStatus,
    pub count: i32,
}

/// One kind of duty across the councils shown: a count for every status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DutyTally {
    pub kind: DutyKey,
    /// The duty's name in the reader's language, from the profile.
    pub name: String,
    /// In [`DutyStatus::ALL`]'s order.
    pub counts: Vec<StatusCount>,
}

/// The meetings of one month of the year: held (or approved), and still to come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthTally {
    /// 1 to 12.
    pub month: u32,
    pub held: i32,
    pub coming: i32,
}

/// The year at a glance, for the councils shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct YearGlance {
    pub duties: Vec<DutyTally>,
    /// Twelve months, January first.
    pub months: Vec<MonthTally>,
}

/// The coordinator's screen as it is shown: the councils the query lets
/// through, in its order, and the year in figures for them. The year wheel
/// (the year's meetings and due dates) is asked for on its own
/// ([`YearWheel`]), when it is scrolled to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverviewScreen {
    pub year: i32,
    pub today: NaiveDate,
    /// Every council in the file, shown or not.
    pub total: i32,
    pub councils: Vec<CouncilOverview>,
    pub glance: YearGlance,
    /// The year wheel too, when the file holds few councils (at most
    /// [`crate::rules::overview::WHEEL_WITH_SCREEN`]): one call instead of
    /// two. A kommune's is asked for when scrolled to.
    pub wheel: Option<YearWheel>,
    /// The statements to the kommune of the councils shown.
    #[serde(default)]
    pub statements: super::StatementOverview,
}

/// One entry of the year wheel: a meeting, or a duty's due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum WheelEntry {
    Meeting { date: NaiveDate, meeting: MeetingBrief },
    Due { date: NaiveDate, duty: Box<Duty> },
}

/// The year wheel ("årshjul") of the councils shown: the year's meetings and
/// owed due dates by month, each month by date (on one day the meetings
/// first, by time, then the due dates, by council); due dates that fall in
/// another year (the accounts, early the next) apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct YearWheel {
    /// Twelve lists, January first.
    pub months: Vec<Vec<WheelEntry>>,
    pub outside: Vec<WheelEntry>,
}

/// The sections of a council's page below its meetings and seats, in one
/// answer asked for beside the council and its meetings (not after them):
/// its grant schemes, its duties of the accounting year and the attendance
/// of this year. Each section asks again on its own after a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilSections {
    pub schemes: Vec<super::SchemeSummary>,
    /// The year the duties are of: the council's accounting year on `today`.
    pub accounting_year: i32,
    pub duties: Vec<Duty>,
    /// The attendance of `today`'s year.
    pub attendance: super::AttendanceYear,
}

/// An exported annual report, archived with its checksums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnnualReportRecord {
    pub id: String,
    pub council_id: String,
    pub year: i32,
    pub file_name: String,
    pub sha256: String,
    pub content_sha256: String,
    pub size: i64,
    pub created: Step,
}

//! The plain data types that cross every boundary: into the store, out to the
//! CLI's JSON and, through generated TypeScript bindings, to the UI.
//!
//! Field names are camelCase on the wire and stable: the CLI's `--json` output
//! and the UI both depend on them.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod account;
mod duties;
mod grants;
mod package;
mod profile;
mod search;
mod stats;
pub use account::*;
pub use duties::*;
pub use grants::*;
pub use package::*;
pub use profile::*;
pub use search::*;
pub use stats::*;

/// Who makes a change and when: every write takes one, so the audit log can
/// say who did what, and no rule reads the clock itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub at: DateTime<Utc>,
}

impl Actor {
    pub fn new(name: impl Into<String>, at: DateTime<Utc>) -> Self {
        Actor { name: name.into(), at }
    }
}

/// The language of the UI and of messages: bokmål, nynorsk or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// What the user set once: their name (written into the audit log) and the UI language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub user_name: Option<String>,
    pub language: Lang,
}

/// The kinds of neighbourhood council Norwegian kommuner have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CouncilKind {
    Naermiljoutvalg,
    Grendeutvalg,
    Byutvalg,
    Omradeforum,
    Kommunedelsutvalg,
}

impl CouncilKind {
    pub const ALL: [CouncilKind; 5] = [
        CouncilKind::Naermiljoutvalg,
        CouncilKind::Grendeutvalg,
        CouncilKind::Byutvalg,
        CouncilKind::Omradeforum,
        CouncilKind::Kommunedelsutvalg,
    ];
}

/// The written standard the council uses in its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Malform {
    Bokmal,
    Nynorsk,
}

impl Malform {
    pub const ALL: [Malform; 2] = [Malform::Bokmal, Malform::Nynorsk];
}

/// Whether the council is a formal municipal body under kommuneloven, or a
/// voluntary body that follows its own statutes. It decides which checks are
/// hard rules and which are advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LegalMode {
    Formal,
    Voluntary,
}

impl LegalMode {
    pub const ALL: [LegalMode; 2] = [LegalMode::Formal, LegalMode::Voluntary];
}

/// A seat category of a council's seat plan: its key in the kommune profile
/// (`rules::profile`), e.g. `senior` or, in Sør-Odal, `skarnes`. Rows store
/// the key; its names come from the profile. A key the profile no longer has
/// stays on the rows that hold it, for history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(type = "string")]
pub struct SeatCategory(std::borrow::Cow<'static, str>);

impl SeatCategory {
    pub const SENIOR: SeatCategory = SeatCategory::fixed("senior");
    pub const SCHOOL: SeatCategory = SeatCategory::fixed("school");
    pub const SPORTS: SeatCategory = SeatCategory::fixed("sports");
    pub const BUSINESS: SeatCategory = SeatCategory::fixed("business");
    pub const VOLUNTEER: SeatCategory = SeatCategory::fixed("volunteer");
    /// The built-in profile's five categories, in its order.
    pub const DEFAULTS: [SeatCategory; 5] = [
        SeatCategory::SENIOR,
        SeatCategory::SCHOOL,
        SeatCategory::SPORTS,
        SeatCategory::BUSINESS,
        SeatCategory::VOLUNTEER,
    ];

    const fn fixed(key: &'static str) -> SeatCategory {
        SeatCategory(std::borrow::Cow::Borrowed(key))
    }

    pub fn new(key: impl Into<String>) -> SeatCategory {
        SeatCategory(std::borrow::Cow::Owned(key.into()))
    }

    pub fn key(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SeatCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A member's role in the council. A varamedlem (deputy) holds no seat of
/// their own: they meet when a member cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Leder,
    Nestleder,
    Sekretaer,
    Medlem,
    Varamedlem,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Leder,
        Role::Nestleder,
        Role::Sekretaer,
        Role::Medlem,
        Role::Varamedlem,
    ];

    /// Whether someone in this role fills one of the planned seats.
    pub fn holds_seat(self) -> bool {
        self != Role::Varamedlem
    }
}

/// Recorded only for the gender-balance advice, and only if the person wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
}

/// How many seats each category has, by the category's key. Signed so that
/// a negative number typed by a user reaches validation and gets a message,
/// rather than failing to parse. Its JSON is an object of key to seats
/// (`{"senior": 1, …}`), as it was when the five categories were fixed, so
/// older packages and audit rows read the same. A category not in the plan
/// has no seats, and a category with none is not held (so two plans that
/// give the same seats are equal). The order shown is the profile's, not the map's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(from = "BTreeMap<SeatCategory, i32>", into = "BTreeMap<SeatCategory, i32>")]
#[ts(type = "Record<string, number>")]
pub struct SeatPlan(BTreeMap<SeatCategory, i32>);

impl From<BTreeMap<SeatCategory, i32>> for SeatPlan {
    fn from(seats: BTreeMap<SeatCategory, i32>) -> SeatPlan {
        SeatPlan::of(seats)
    }
}

impl From<SeatPlan> for BTreeMap<SeatCategory, i32> {
    fn from(plan: SeatPlan) -> BTreeMap<SeatCategory, i32> {
        plan.0
    }
}

impl SeatPlan {
    /// Seats per built-in category, in the order senior, school, sports,
    /// business, volunteer: Stavern's plan is `SeatPlan::new(1, 1, 1, 1, 2)`.
    pub fn new(senior: i32, school: i32, sports: i32, business: i32, volunteer: i32) -> SeatPlan {
        SeatPlan::of(
            SeatCategory::DEFAULTS
                .into_iter()
                .zip([senior, school, sports, business, volunteer]),
        )
    }

    /// A plan of the given categories and seats.
    pub fn of(seats: impl IntoIterator<Item = (SeatCategory, i32)>) -> SeatPlan {
        SeatPlan(seats.into_iter().filter(|(_, n)| *n != 0).collect())
    }

    pub fn seats(&self, category: &SeatCategory) -> i32 {
        self.0.get(category).copied().unwrap_or(0)
    }

    pub fn set(&mut self, category: SeatCategory, seats: i32) {
        if seats == 0 {
            self.0.remove(&category);
        } else {
            self.0.insert(category, seats);
        }
    }

    /// The categories in the plan (with any number of seats) and their seats, by key.
    pub fn entries(&self) -> impl Iterator<Item = (&SeatCategory, i32)> {
        self.0.iter().map(|(c, n)| (c, *n))
    }

    pub fn total(&self) -> i32 {
        self.0.values().map(|n| (*n).max(0)).sum()
    }
}

/// What a user types to create or edit a council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilInput {
    pub name: String,
    pub kind: CouncilKind,
    pub area: String,
    pub mandate: String,
    pub malform: Malform,
    pub legal_mode: LegalMode,
    /// The kommune's contact person for this council (kontaktperson).
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub seat_plan: SeatPlan,
}

impl CouncilInput {
    /// A voluntary nærmiljøutvalg in bokmål with a name and a seat plan, and
    /// nothing else filled in: a start for fixtures and generated data.
    pub fn named(name: impl Into<String>, seat_plan: SeatPlan) -> CouncilInput {
        CouncilInput {
            name: name.into(),
            kind: CouncilKind::Naermiljoutvalg,
            area: String::new(),
            mandate: String::new(),
            malform: Malform::Bokmal,
            legal_mode: LegalMode::Voluntary,
            contact_name: String::new(),
            contact_email: String::new(),
            contact_phone: String::new(),
            seat_plan,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Council {
    pub id: String,
    pub name: String,
    pub kind: CouncilKind,
    pub area: String,
    pub mandate: String,
    pub malform: Malform,
    pub legal_mode: LegalMode,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub seat_plan: SeatPlan,
    /// Set when the council is kept in another file (read in from its
    /// package): here it is only read, and every write to it is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kept_elsewhere: Option<KeptElsewhere>,
}

impl Council {
    pub fn input(&self) -> CouncilInput {
        CouncilInput {
            name: self.name.clone(),
            kind: self.kind,
            area: self.area.clone(),
            mandate: self.mandate.clone(),
            malform: self.malform,
            legal_mode: self.legal_mode,
            contact_name: self.contact_name.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            seat_plan: self.seat_plan.clone(),
        }
    }
}

/// One row of the council list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilSummary {
    pub id: String,
    pub name: String,
    pub kind: CouncilKind,
    pub area: String,
    pub seats_planned: i32,
    pub seats_filled: i32,
    pub seats_vacant: i32,
    /// Warnings from the composition check (advice not counted).
    pub warning_count: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub gender: Option<Gender>,
}

/// The people whose name or e-mail holds what was typed, at most the number
/// asked for; `more` when others match too (type more to narrow).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeopleFound {
    pub people: Vec<Person>,
    pub more: bool,
}

/// The person a new membership is for: someone already registered, or someone new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum PersonChoice {
    Existing { id: String },
    New { person: PersonInput },
}

/// What reading a members' spreadsheet did: seats given, people
/// registered, and people found already registered (same name and e-mail).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MembersImported {
    pub seats: usize,
    pub people_added: usize,
    pub people_matched: usize,
}

/// What a user types to give someone a seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MembershipInput {
    pub council_id: String,
    pub person: PersonChoice,
    pub category: SeatCategory,
    pub role: Role,
    /// The organisation the member represents, e.g. "Lyngvik idrettslag".
    pub organisation: String,
    pub term_from: NaiveDate,
    pub term_to: Option<NaiveDate>,
}

/// What a user changes on an existing seat, with the person's details, in one write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MembershipEdit {
    pub person: PersonInput,
    pub category: SeatCategory,
    pub role: Role,
    pub organisation: String,
    pub term_from: NaiveDate,
    pub term_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    pub id: String,
    pub council_id: String,
    pub person: Person,
    pub category: SeatCategory,
    pub role: Role,
    pub organisation: String,
    pub term_from: NaiveDate,
    pub term_to: Option<NaiveDate>,
    /// The day the member no longer sits: set when a seat is ended early.
    pub ended_on: Option<NaiveDate>,
    pub end_reason: String,
}

impl Membership {
    /// The last day the member sits, if the seat has an end.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let ended = self.ended_on.and_then(|d| d.pred_opt());
        match (self.term_to, ended) {
            (Some(t), Some(e)) => Some(t.min(e)),
            (t, e) => t.or(e),
        }
    }

    /// Whether the member sits on `day`.
    pub fn sits_on(&self, day: NaiveDate) -> bool {
        self.term_from <= day && self.last_day().is_none_or(|last| day <= last)
    }
}

/// Where a seat of a council stands on a given day: the numbers per category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryStatus {
    pub category: SeatCategory,
    pub planned: i32,
    pub filled: i32,
    pub vacant: i32,
    pub over: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    Vacant,
    Overfilled,
    TermEnding,
    NoLeader,
    GenderBalance,
}

/// A warning needs attention; advice is shown but never blocks anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Advice,
}

/// One finding of the composition check, with its message in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub kind: NoticeKind,
    pub severity: Severity,
    pub category: Option<SeatCategory>,
    pub membership_id: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GenderCount {
    pub female: i32,
    pub male: i32,
    pub other: i32,
    pub unknown: i32,
}

/// The composition check of a council on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Composition {
    pub as_of: NaiveDate,
    pub categories: Vec<CategoryStatus>,
    pub seats_planned: i32,
    pub seats_filled: i32,
    pub seats_vacant: i32,
    pub genders: GenderCount,
    pub notices: Vec<Notice>,
}

impl Composition {
    pub fn warning_count(&self) -> usize {
        self.notices.iter().filter(|n| n.severity == Severity::Warning).count()
    }
}

/// Everything the council page shows, in one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilDetail {
    pub council: Council,
    pub composition: Composition,
    /// Members who sit on the day of the check, by category then role.
    pub current: Vec<Membership>,
    /// Seats that start later.
    pub upcoming: Vec<Membership>,
    /// Seats that have ended: the history.
    pub former: Vec<Membership>,
    /// The year whose duties, annual report and folder for the kommune the
    /// council page offers first ([`crate::rules::duties::accounting_year`]).
    pub accounting_year: i32,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub at: String,
    pub who: String,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The outcome of `check`: is the file sound, and how does each council stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthReport {
    pub sound: bool,
    pub integrity: Vec<String>,
    pub foreign_key_violations: i32,
    pub schema_version: i32,
    pub councils: Vec<CouncilHealth>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilHealth {
    pub id: String,
    pub name: String,
    pub composition: Composition,
}

/// The stable code of an error, the one list of them: core's errors
/// ([`crate::CoreError::code`]) and the few the faces make themselves. The UI
/// and scripts reading the CLI's JSON switch on it, never on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Invalid,
    NotFound,
    Conflict,
    AlreadyExists,
    NoDatabase,
    TooNew,
    Damaged,
    Locked,
    ReadOnly,
    BadPackage,
    /// A committee member's review sheet that cannot be read back whole.
    BadReviewSheet,
    KeptElsewhere,
    ConfirmReplace,
    BackupDamaged,
    /// The app is replacing its database with a backup.
    Restoring,
    ExportOverStore,
    /// The person cancelled a long job or closed a file dialog.
    Cancelled,
    DiskFull,
    Database,
    Io,
    /// The shell lost a command's thread (a bug, not the person's doing).
    Internal,
    /// The CLI: a council's name matches more than one council.
    Ambiguous,
    /// A kommune profile read in that is not newer than the file's own.
    ProfileNotNewer,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 23] = [
        ErrorCode::Invalid,
        ErrorCode::NotFound,
        ErrorCode::Conflict,
        ErrorCode::AlreadyExists,
        ErrorCode::NoDatabase,
        ErrorCode::TooNew,
        ErrorCode::Damaged,
        ErrorCode::Locked,
        ErrorCode::ReadOnly,
        ErrorCode::BadPackage,
        ErrorCode::BadReviewSheet,
        ErrorCode::KeptElsewhere,
        ErrorCode::ConfirmReplace,
        ErrorCode::BackupDamaged,
        ErrorCode::Restoring,
        ErrorCode::ExportOverStore,
        ErrorCode::Cancelled,
        ErrorCode::DiskFull,
        ErrorCode::Database,
        ErrorCode::Io,
        ErrorCode::Internal,
        ErrorCode::Ambiguous,
        ErrorCode::ProfileNotNewer,
    ];

    /// The code as text, as it is serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::AlreadyExists => "already_exists",
            ErrorCode::NoDatabase => "no_database",
            ErrorCode::TooNew => "too_new",
            ErrorCode::Damaged => "damaged",
            ErrorCode::Locked => "locked",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::BadPackage => "bad_package",
            ErrorCode::BadReviewSheet => "bad_review_sheet",
            ErrorCode::KeptElsewhere => "kept_elsewhere",
            ErrorCode::ConfirmReplace => "confirm_replace",
            ErrorCode::BackupDamaged => "backup_damaged",
            ErrorCode::Restoring => "restoring",
            ErrorCode::ExportOverStore => "export_over_store",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::Database => "database",
            ErrorCode::Io => "io",
            ErrorCode::Internal => "internal",
            ErrorCode::Ambiguous => "ambiguous",
            ErrorCode::ProfileNotNewer => "profile_not_newer",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An error as the UI and the CLI's JSON receive it: a stable code to switch
/// on, a message in the user's language, and messages tied to form fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldMessage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldMessage {
    /// The path of the field in the input, e.g. `name` or `person.email`.
    pub field: String,
    pub message: String,
}

// --- Meetings ----------------------------------------------------------------

/// The kind of a meeting: its key in the kommune profile's meeting kinds
/// (`rules::profile`), e.g. `ordinary` or a kommune's own `grendemote`. Rows
/// store the key; its names come from the profile. A kind the profile no
/// longer has stays on the meetings that hold it, for history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(type = "string")]
pub struct MeetingKind(std::borrow::Cow<'static, str>);

impl MeetingKind {
    /// Ordinært møte.
    pub const ORDINARY: MeetingKind = MeetingKind::fixed("ordinary");
    /// Ekstraordinært møte.
    pub const EXTRAORDINARY: MeetingKind = MeetingKind::fixed("extraordinary");
    /// Fellesmøte med kommunen.
    pub const JOINT: MeetingKind = MeetingKind::fixed("joint");
    /// Åpent møte for innbyggerne (not an association's årsmøte).
    pub const OPEN: MeetingKind = MeetingKind::fixed("open");
    /// The built-in profile's four kinds, in its order.
    pub const DEFAULTS: [MeetingKind; 4] = [
        MeetingKind::ORDINARY,
        MeetingKind::EXTRAORDINARY,
        MeetingKind::JOINT,
        MeetingKind::OPEN,
    ];

    const fn fixed(key: &'static str) -> MeetingKind {
        MeetingKind(std::borrow::Cow::Borrowed(key))
    }

    pub fn new(key: impl Into<String>) -> MeetingKind {
        MeetingKind(std::borrow::Cow::Owned(key.into()))
    }

    pub fn key(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for MeetingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a meeting is in its life: `planned → notice_sent → held → approved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    NoticeSent,
    Held,
    Approved,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 4] = [
        MeetingStatus::Planned,
        MeetingStatus::NoticeSent,
        MeetingStatus::Held,
        MeetingStatus::Approved,
    ];
}

/// What a user types to plan a meeting or change its time and place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingInput {
    pub council_id: String,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    /// "18:00" or "18:00:00".
    pub starts_at: NaiveTime,
    pub ends_at: Option<NaiveTime>,
    pub place: String,
    /// Guests who attended, as free text.
    pub guests: String,
    /// The kommune's representative at the meeting, as free text.
    pub kommune_rep: String,
}

impl MeetingInput {
    /// An ordinary meeting of `council_id` on `date` at 18:00 in `place`, with
    /// no end time, guests or representative: a start for demo data, fixtures
    /// and tests, so a new field of the form is given its default once.
    pub fn ordinary(council_id: impl Into<String>, date: NaiveDate, place: impl Into<String>) -> MeetingInput {
        MeetingInput {
            council_id: council_id.into(),
            kind: MeetingKind::ORDINARY,
            date,
            starts_at: NaiveTime::from_hms_opt(18, 0, 0).expect("a valid time"),
            ends_at: None,
            place: place.into(),
            guests: String::new(),
            kommune_rep: String::new(),
        }
    }
}

/// How approved minutes were approved: signed by two named members present,
/// or by a decision (an agenda item) at a later meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Approval {
    #[serde(rename_all = "camelCase")]
    Signatories { membership_ids: Vec<String> },
    #[serde(rename_all = "camelCase")]
    LaterMeeting { item_id: String },
}

/// A step of the lifecycle: when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub at: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: String,
    pub council_id: String,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub starts_at: NaiveTime,
    pub ends_at: Option<NaiveTime>,
    pub place: String,
    pub guests: String,
    pub kommune_rep: String,
    pub status: MeetingStatus,
    pub notice_sent: Option<Step>,
    pub held: Option<Step>,
    pub approved: Option<Step>,
    pub approval: Option<Approval>,
    /// Who chaired the meeting (møteleder): a member present.
    pub chair_id: Option<String>,
    /// Who took the minutes (protokollfører): a member present, or
    /// `minute_taker_name` for someone who does not sit on the council.
    pub minute_taker_id: Option<String>,
    pub minute_taker_name: String,
}

/// Who chaired the meeting and who took the minutes, as the secretary records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingRoles {
    pub chair_id: Option<String>,
    /// A member present who took the minutes; or leave it empty and name the person.
    pub minute_taker_id: Option<String>,
    pub minute_taker_name: String,
}

/// How the chair voted when the votes were tied (the chair's vote decides,
/// except in an election).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChairVote {
    For,
    Against,
}

/// On what ground an item was handled in a closed session: for a formal
/// body, what kommuneloven § 11-5 says must be closed (second ledd) or may
/// be closed (third ledd); for a voluntary council, its statutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClosedGround {
    Must,
    May,
    Statutes,
}

impl ClosedGround {
    pub const ALL: [ClosedGround; 3] = [ClosedGround::Must, ClosedGround::May, ClosedGround::Statutes];
}

/// An alternative proposal to an item's proposal, with its own votes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlternativeInput {
    /// Who put it forward, as the minutes name them ("Ola Nordmann").
    pub proposed_by: String,
    pub text: String,
    /// For and against (a blank vote counts for neither side).
    pub votes: Option<Votes>,
    pub chair_vote: Option<ChairVote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlternativeProposal {
    pub id: String,
    pub position: i32,
    pub proposed_by: String,
    pub text: String,
    pub votes: Option<Votes>,
    pub chair_vote: Option<ChairVote>,
    pub outcome: Option<VoteOutcome>,
}

impl Meeting {
    pub fn input(&self) -> MeetingInput {
        MeetingInput {
            council_id: self.council_id.clone(),
            kind: self.kind.clone(),
            date: self.date,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: self.place.clone(),
            guests: self.guests.clone(),
            kommune_rep: self.kommune_rep.clone(),
        }
    }
}

/// One row of a council's meeting list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingSummary {
    pub id: String,
    pub council_id: String,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub starts_at: NaiveTime,
    pub place: String,
    pub status: MeetingStatus,
    pub item_count: i32,
}

/// The kind of an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Orientering,
    Drofting,
    Vedtak,
    /// Elections and appointments (valg og ansettelser): the one kind where a
    /// blank vote may be cast, and a tie is not settled by the chair's vote.
    Valg,
    /// A statement to the kommune (uttalelse, høringssvar) in one of its
    /// cases: adopted by vote like a vedtak, with the kommune's case number
    /// and deadline in [`Statement`].
    Uttalelse,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Orientering,
        ItemKind::Drofting,
        ItemKind::Vedtak,
        ItemKind::Valg,
        ItemKind::Uttalelse,
    ];

    /// Whether the item ends in a decision that is voted on (vedtak, valg or
    /// uttalelse), rather than a note.
    pub fn decides(self) -> bool {
        matches!(self, ItemKind::Vedtak | ItemKind::Valg | ItemKind::Uttalelse)
    }
}

/// What a user types for a statement to the kommune (an item of kind `uttalelse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementInput {
    /// The kommune's case number (saksnummer), e.g. `24/01234`.
    pub case_ref: String,
    /// The kommune's deadline for the statement.
    pub deadline: Option<NaiveDate>,
    /// To whom in the kommune: its unit or case officer; empty for the kommune.
    pub recipient: String,
}

/// The facts of a statement to the kommune, kept with its item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub case_ref: String,
    pub deadline: NaiveDate,
    pub recipient: String,
    /// The deadline is before the meeting: allowed, but a late statement (a warning).
    pub late: bool,
    /// Every exported letter of the statement, oldest first.
    pub letters: Vec<StatementLetter>,
}

/// Where a statement to the kommune stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatementStatus {
    /// On an agenda, or adopted in minutes not yet approved.
    Open,
    /// Adopted, the minutes approved; the letter not yet made.
    Adopted,
    /// Adopted and its letter made for the kommune.
    Sent,
    /// The meeting did not adopt it.
    NotAdopted,
}

impl StatementStatus {
    pub const ALL: [StatementStatus; 4] = [
        StatementStatus::Open,
        StatementStatus::Adopted,
        StatementStatus::Sent,
        StatementStatus::NotAdopted,
    ];
}

/// One statement of the year in the coordinator's overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementBrief {
    pub item_id: String,
    pub meeting_id: String,
    pub council_id: String,
    pub council_name: String,
    /// `Sak 03/26`, when numbered.
    pub case_label: Option<String>,
    pub title: String,
    /// The kommune's case number.
    pub case_ref: String,
    pub deadline: NaiveDate,
    pub meeting_date: NaiveDate,
    pub status: StatementStatus,
    /// Not yet sent, and the deadline is past.
    pub deadline_passed: bool,
    /// The council's case number, of which `crate::views` makes `case_label` (core only).
    #[serde(skip)]
    #[ts(skip)]
    pub case_number: Option<CaseNumber>,
}

/// One council's statements in the overview: how many are not yet sent, and
/// the nearest deadline among them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CouncilStatements {
    pub council_id: String,
    pub council_name: String,
    pub open: i32,
    pub next_deadline: Option<NaiveDate>,
}

/// The statements to the kommune in the coordinator's overview: per council,
/// and the year's list by deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementOverview {
    pub councils: Vec<CouncilStatements>,
    pub statements: Vec<StatementBrief>,
}

/// An exported statement letter, archived with its checksums like the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementLetter {
    pub id: String,
    pub item_id: String,
    pub file_name: String,
    pub sha256: String,
    pub content_sha256: String,
    pub size: i64,
    pub created: Step,
}

/// What a vote came to, as the minutes say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteOutcome {
    /// Everyone who could vote voted for.
    Unanimous,
    Adopted,
    Rejected,
    /// As many for as against outside an election: the chair's vote decides,
    /// and how the chair voted is not recorded yet.
    TieChairDecides,
    /// A tie settled by the chair voting for (møteleders dobbeltstemme).
    AdoptedByChair,
    /// A tie settled by the chair voting against.
    RejectedByChair,
    /// As many for as against in an election: not settled by the chair.
    TieInElection,
}

/// A case number, `Sak 03/26`: given once per council and year, never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseNumber {
    pub year: i32,
    pub number: i32,
}

impl CaseNumber {
    /// `03/26`.
    pub fn short(&self) -> String {
        format!("{:02}/{:02}", self.number, self.year.rem_euclid(100))
    }

    /// `Sak 03/26`, `Case 03/26`: the number as a document or a message in
    /// `lang` names it.
    pub fn label(&self, lang: Lang) -> String {
        crate::i18n::t(lang, "case.label", &[("number", &self.short())])
    }

    /// The number of a row's `(case_year, case_number)` columns, when both are set.
    pub fn of(year: Option<i32>, number: Option<i32>) -> Option<CaseNumber> {
        year.zip(number).map(|(year, number)| CaseNumber { year, number })
    }
}

/// What a user types to put an item on the agenda or change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItemInput {
    pub kind: ItemKind,
    pub title: String,
    pub background: String,
    /// Forslag til vedtak.
    pub proposal: String,
    /// Whether the item is exempt from public access, and on what basis.
    pub access: ItemAccess,
    /// The kommune's case number, deadline and unit, for a statement (`uttalelse`).
    #[serde(default)]
    #[ts(optional)]
    pub statement: Option<StatementInput>,
}

/// Whether an agenda item is exempt from public access (unntatt
/// offentlighet) in the public version of the notice and the minutes. An
/// item handled in a closed session is exempt whatever this says
/// (`rules::access::exemption`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemAccess {
    pub exempt: bool,
    /// The legal basis, e.g. a line of `rules::access::BASES` or written by hand;
    /// required when `exempt`.
    pub basis: String,
    /// The title itself reveals the matter: the public version withholds it too.
    pub title_withheld: bool,
}

/// A legal basis for exemption the item form offers to pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExemptionBasis {
    pub key: String,
    /// The text written into the item, in the council's målform.
    pub text: String,
    /// What it covers, in the user's language.
    pub hint: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Votes {
    #[serde(rename = "for")]
    #[ts(rename = "for")]
    pub in_favour: i32,
    pub against: i32,
    pub blank: i32,
}

/// What the secretary records for an item during or after the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemRecord {
    /// The decision (vedtak) for a vedtak item; the note for orientering and drøfting.
    pub decision: String,
    pub votes: Option<Votes>,
    /// Handled in a closed session (lukket møte); then `closed_basis` is required.
    pub closed: bool,
    pub closed_basis: String,
    /// Must or may be closed (formal body), or by the statutes (voluntary council).
    #[serde(default)]
    pub closed_ground: Option<ClosedGround>,
    /// How the chair voted on a tie.
    #[serde(default)]
    pub chair_vote: Option<ChairVote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InhabilMember {
    pub membership_id: String,
    pub person_name: String,
    pub reason: String,
    /// What the reason is made of, in no language: the store's part (core only).
    #[serde(skip)]
    #[ts(skip)]
    pub about: InhabilAbout,
}

/// What an inhabilitet's reason is made of, as the store finds it; the
/// words are added where the language is known (`crate::views`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum InhabilAbout {
    /// The reason is as recorded (the member's or the committee's words).
    #[default]
    Own,
    /// Declared in the grant committee without a reason.
    Declared,
    /// Represents the applicant, this organisation.
    Organisation(String),
}

/// What a user types to add a decision inside an item: a free decision, or one
/// per application of a grant round (then the title may be left empty and is
/// taken from the application).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemDecisionInput {
    pub title: String,
    /// Forslag til vedtak for this decision.
    pub proposal: String,
    pub application_id: Option<String>,
}

/// What the secretary records for one decision inside an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemDecisionRecord {
    pub decision: String,
    pub votes: Option<Votes>,
    /// How the chair voted on a tie.
    #[serde(default)]
    pub chair_vote: Option<ChairVote>,
}

/// One decision inside an agenda item, with its own proposal, votes and the
/// members who left for it. A member who left for the whole item is out of
/// every decision of it too (and counted so in `quorum`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemDecision {
    pub id: String,
    pub item_id: String,
    pub position: i32,
    /// The grant application decided, in a grant round.
    pub application_id: Option<String>,
    pub title: String,
    pub proposal: String,
    pub decision: String,
    pub votes: Option<Votes>,
    pub chair_vote: Option<ChairVote>,
    /// What the votes came to (`rules::meetings::outcome`), when counted.
    pub outcome: Option<VoteOutcome>,
    /// Who chaired this decision when the meeting's chair left for it.
    pub chair_id: Option<String>,
    pub chair_name: Option<String>,
    /// Members who left for this decision only.
    pub inhabil_members: Vec<InhabilMember>,
    /// Members present who are inhabil for the application (declared in the
    /// committee, or representing the applicant) and not recorded as having
    /// left: the inhabilitet the app proposes. `reason` says why.
    pub proposed_inhabil: Vec<InhabilMember>,
    /// Members present who represent the applicant but whom the grant
    /// committee found not inhabil: they vote, and the minutes say why
    /// (`reason` is the committee's).
    pub inhabil_overruled: Vec<InhabilMember>,
    pub quorum: Quorum,
}

/// An application a grant round item can decide, for the meeting page's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionApplication {
    pub application_id: String,
    /// "Grendemidler 2026 nr. 3: Lyngvik IL – Sommerleir".
    pub label: String,
    /// The scheme's name, the application's number, organisation and title,
    /// of which `crate::views` makes the label (core only).
    #[serde(skip)]
    #[ts(skip)]
    pub about: (String, i32, String, String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpInput {
    pub what: String,
    pub who: String,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub id: String,
    pub what: String,
    pub who: String,
    pub due: Option<NaiveDate>,
}

/// Whether the council could decide an item: the voting members present
/// minus those inhabil on it must be at least half of the council's seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Quorum {
    pub seats: i32,
    pub present: i32,
    pub inhabil: i32,
    pub voting: i32,
    pub required: i32,
    pub quorate: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub id: String,
    pub meeting_id: String,
    pub position: i32,
    pub case_number: Option<CaseNumber>,
    /// `Sak 03/26` (or `Sak 03/26` in nynorsk too), when numbered.
    pub case_label: Option<String>,
    pub kind: ItemKind,
    pub title: String,
    pub background: String,
    pub proposal: String,
    pub decision: String,
    pub votes: Option<Votes>,
    pub chair_vote: Option<ChairVote>,
    /// What the votes came to (`rules::meetings::outcome`), when counted.
    pub outcome: Option<VoteOutcome>,
    /// Alternative proposals, each with its votes.
    pub alternatives: Vec<AlternativeProposal>,
    /// Which proposal was adopted: 0 the item's own, n the n-th alternative;
    /// `None` when none was, or the votes are not counted.
    pub adopted: Option<i32>,
    /// Who chaired this item when the meeting's chair left for it.
    pub chair_id: Option<String>,
    pub chair_name: Option<String>,
    pub closed: bool,
    pub closed_basis: String,
    pub closed_ground: Option<ClosedGround>,
    /// As marked in the item form; see [`AgendaItem::exemption`] for what the public version does.
    pub access: ItemAccess,
    pub withdrawn: bool,
    pub inhabil_members: Vec<InhabilMember>,
    pub follow_ups: Vec<FollowUp>,
    pub quorum: Quorum,
    /// Further decisions inside the item (one per application in a grant
    /// round), in order; empty when the item's own record is its one decision.
    pub decisions: Vec<ItemDecision>,
    /// Grants decided under this item, for the minutes.
    pub grants: Vec<ItemGrant>,
    /// The kommune's case number and deadline, for a statement (`uttalelse`).
    #[serde(default)]
    pub statement: Option<Statement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    Present,
    /// Forfall: excused.
    Excused,
    Absent,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 3] = [
        AttendanceStatus::Present,
        AttendanceStatus::Excused,
        AttendanceStatus::Absent,
    ];
}

/// What a user sets for one member at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceInput {
    pub membership_id: String,
    pub status: AttendanceStatus,
    /// For a varamedlem: the member they meet for.
    pub substitute_for: Option<String>,
}

/// One member of the council at the meeting date, and whether they met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceRow {
    pub membership_id: String,
    pub person_name: String,
    pub category: SeatCategory,
    pub role: Role,
    pub status: Option<AttendanceStatus>,
    pub substitute_for: Option<String>,
    pub substitute_for_name: Option<String>,
    /// Present from this item on (arrived late); `None`: from the start.
    pub from_item: Option<String>,
    /// Present until after this item (left early); `None`: to the end.
    pub until_item: Option<String>,
    /// "møtte fra sak 05/26, gikk etter sak 07/26", in the user's language; empty
    /// when present the whole meeting.
    pub span: String,
}

/// When a member present arrived and left, by agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceSpan {
    pub membership_id: String,
    /// The first item the member was there for; `None`: from the start.
    pub from_item: Option<String>,
    /// The last item the member was there for; `None`: to the end.
    pub until_item: Option<String>,
}

/// What the completeness check found missing before the minutes can be approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MissingKind {
    Time,
    Place,
    EndTime,
    Attendance,
    Decision,
    Note,
    Votes,
    InhabilReason,
    ClosedBasis,
    Quorum,
    NotHeld,
    /// A member present who is inhabil for an application is not recorded as
    /// having left while it was decided.
    InhabilPresent,
    /// No chair recorded, or the chair recorded is not present.
    Chair,
    /// No minute-taker recorded (advice).
    MinuteTaker,
    /// The meeting's chair left for an item or decision, and no one is
    /// recorded as chairing it.
    ItemChair,
    /// A tie outside an election, and how the chair voted is not recorded.
    ChairVote,
    /// More than one of an item's proposals got a majority.
    Proposals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    pub kind: MissingKind,
    pub item_id: Option<String>,
    pub membership_id: Option<String>,
    /// A blocking gap stops approval; the rest is shown as advice.
    pub blocking: bool,
    pub message: String,
}

/// A correction to approved minutes, recorded instead of an edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Amendment {
    pub id: String,
    pub meeting_id: String,
    pub meeting_date: NaiveDate,
    pub text: String,
    pub recorded: Step,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Notice,
    Minutes,
}

/// An exported PDF, archived with its checksum so a printed copy can be matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRecord {
    pub id: String,
    pub kind: DocumentKind,
    /// The public version, in which exempt items are withheld; else the full one.
    pub public: bool,
    pub meeting_id: String,
    pub file_name: String,
    /// SHA-256 of the PDF file.
    pub sha256: String,
    /// SHA-256 of the content the PDF was made from; its first 12 hex digits
    /// are printed in the footer.
    pub content_sha256: String,
    pub size: i64,
    pub created: Step,
}

/// Everything the meeting page shows, in one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingDetail {
    pub meeting: Meeting,
    pub council: Council,
    /// The chair's name, when recorded.
    pub chair: Option<String>,
    /// The minute-taker's name (a member's, or as typed), when recorded.
    pub minute_taker: Option<String>,
    pub items: Vec<AgendaItem>,
    pub attendance: Vec<AttendanceRow>,
    /// Gaps to fill before the minutes can be approved (empty when complete).
    pub missing: Vec<Missing>,
    /// When approved by a decision at a later meeting: that item, e.g. "Sak 05/26 (16.04.2026)".
    pub approved_in: Option<String>,
    /// That item's case number and title, and the later meeting's day, of
    /// which `crate::views` makes `approved_in` (core only).
    #[serde(skip)]
    #[ts(skip)]
    pub approving: Option<(Option<CaseNumber>, String, NaiveDate)>,
    /// Corrections to this meeting's approved minutes.
    pub amendments: Vec<Amendment>,
    /// Corrections to earlier minutes that these minutes report.
    pub earlier_amendments: Vec<Amendment>,
    pub documents: Vec<DocumentRecord>,
    /// Applications of the council's grant schemes that a decision inside an
    /// item can be about (not withdrawn, not yet decided); empty once approved.
    pub applications: Vec<DecisionApplication>,
    /// What the meeting's status allows and means now.
    pub lifecycle: Lifecycle,
    /// The profile's names of seat categories and meeting kinds in every
    /// language, for the notice and the minutes (core only).
    #[serde(skip)]
    #[ts(skip)]
    pub names: LabelsByLang,
}

/// What a meeting's status allows and means on a given day
/// (`rules::meetings::lifecycle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    /// The status "Angre" returns the meeting to, while the next step is not
    /// yet taken; `None` for a planned meeting and for approved minutes.
    pub undo_to: Option<MeetingStatus>,
    /// Days from the day asked about to the meeting's date (positive: the
    /// meeting is still ahead); `None` when no day was given.
    pub days_until: Option<i32>,
    /// Whether attendance, quorum and the minutes' checklist are judged yet:
    /// only once the meeting is held. Before that they are shown as neutral.
    pub judged: bool,
}

/// The one answer after Grendebok saved a file (a PDF, a letter, a ledger,
/// a package, a folder for the kommune) or read one in: where, and what to
/// tell the person. Made by [`SavedFile::of`](crate::saved) in the app and
/// the CLI alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedFile {
    pub path: String,
    /// Where it went, in plain words ("lagret i Dokumenter som …").
    pub message: String,
    /// Its SHA-256 and footer control number when it has them, else empty.
    pub details: String,
}

/// An item of a later meeting that can approve earlier minutes by its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalCandidate {
    pub item_id: String,
    pub meeting_id: String,
    pub meeting_date: NaiveDate,
    pub case_number: Option<CaseNumber>,
    pub title: String,
}

/// How the app's start went: the database it opened, or why it could not,
/// with the backups a person can restore from (newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    pub db_path: String,
    pub error: Option<ErrorReport>,
    /// The file is open read-only (it or its folder cannot be written): it can
    /// be read, and every change is refused.
    pub read_only: bool,
    /// Newest first, by the order they were taken (never by their dates).
    pub backups: Vec<BackupInfo>,
    /// Said on the Backups screen when the clock looks wrong (a backup is
    /// dated after now), in the user's language.
    pub clock_warning: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Taken at start and daily while the app runs.
    Auto,
    /// Asked for by the user.
    Manual,
    /// Taken before the schema is migrated; never rotated away.
    PreMigration,
}

/// A backup file, as the list in the UI and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file_name: String,
    pub path: String,
    pub kind: BackupKind,
    /// Its place in the order backups were taken: higher is newer, whatever
    /// the clock said. 0 for backups named before sequences were used.
    pub sequence: u32,
    /// When it was taken by the computer's clock, RFC 3339 UTC.
    pub taken_at: String,
    pub size: i64,
}

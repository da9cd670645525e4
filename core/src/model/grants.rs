//! Grants: schemes (tilskuddsordninger), applications, the committee's review,
//! decisions tied to a meeting's vedtak, payouts and final reports.
//!
//! Amounts are integer øre (`*_ore`, sent to the UI as plain numbers: the
//! largest, kr 100 000 000, is far inside what JavaScript counts exactly).
//! Amounts a person types travel as text and are parsed by core
//! ([`crate::rules::money`]), so every face reads `12 500,50` the same way.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApprovalCandidate, CaseNumber, Step};

/// A criterion the committee scores each application on, with its weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionInput {
    pub name: String,
    pub weight: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub weight: i32,
}

/// What a user types to create or change a grant scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemeInput {
    pub council_id: String,
    pub year: i32,
    pub name: String,
    /// Kroner as typed, e.g. `400 000`.
    pub budget: String,
    /// Søknadsfrist.
    pub deadline: NaiveDate,
    /// The day final reports are due.
    pub report_deadline: NaiveDate,
    /// Kroner as typed; empty for no maximum.
    pub max_per_application: String,
    pub criteria: Vec<CriterionInput>,
    /// Whether decisions are enkeltvedtak (forvaltningsloven § 2): then every
    /// decision gives reasons and the letter tells of the right to appeal.
    pub enkeltvedtak: bool,
    /// Who decides an appeal, e.g. "Kommunens klagenemnd". Required for an
    /// enkeltvedtak.
    pub appeal_body: String,
    /// Where an appeal is sent: the council's postal or e-mail address (an
    /// appeal goes to the body that decided, forvaltningsloven § 32).
    /// Required for an enkeltvedtak.
    #[serde(default)]
    pub appeal_address: String,
    /// The conditions every grant letter repeats.
    pub conditions: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GrantScheme {
    pub id: String,
    pub council_id: String,
    pub year: i32,
    pub name: String,
    #[ts(type = "number")]
    pub budget_ore: i64,
    pub deadline: NaiveDate,
    pub report_deadline: NaiveDate,
    #[ts(type = "number | null")]
    pub max_per_application_ore: Option<i64>,
    pub criteria: Vec<Criterion>,
    pub enkeltvedtak: bool,
    pub appeal_body: String,
    pub appeal_address: String,
    pub conditions: String,
}

/// Where a scheme's money stands: the budget bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetStatus {
    #[ts(type = "number")]
    pub budget_ore: i64,
    /// Granted in decisions (after amendments).
    #[ts(type = "number")]
    pub granted_ore: i64,
    #[ts(type = "number")]
    pub paid_ore: i64,
    /// Budget not yet granted.
    #[ts(type = "number")]
    pub left_ore: i64,
    /// Proposed by the committee for applications not yet decided.
    #[ts(type = "number")]
    pub proposed_ore: i64,
}

/// One row of a council's list of schemes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemeSummary {
    pub scheme: GrantScheme,
    pub budget: BudgetStatus,
    pub application_count: i32,
    pub reports_overdue: i32,
}

/// `received → in_review → granted / partly_granted / refused → paid →
/// reported`, or `withdrawn`. Derived from what is recorded, never set by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Received,
    InReview,
    Granted,
    PartlyGranted,
    Refused,
    Paid,
    Reported,
    Withdrawn,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 8] = [
        ApplicationStatus::Received,
        ApplicationStatus::InReview,
        ApplicationStatus::Granted,
        ApplicationStatus::PartlyGranted,
        ApplicationStatus::Refused,
        ApplicationStatus::Paid,
        ApplicationStatus::Reported,
        ApplicationStatus::Withdrawn,
    ];
}

/// What a user types when an application comes in, or to correct it before
/// it is decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationInput {
    pub scheme_id: String,
    /// The applicant: an association, a sports club, an informal group.
    pub organisation: String,
    /// Nine digits with a mod-11 control digit; empty for an informal group.
    pub org_number: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub title: String,
    pub description: String,
    /// Kroner as typed.
    pub amount_asked: String,
    /// The project's whole budget, kroner as typed.
    pub project_budget: String,
    pub received: NaiveDate,
}

/// The committee's decision on an application, made by a vedtak in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GrantDecision {
    /// 0 for a refusal; after amendments, the amended amount.
    #[ts(type = "number")]
    pub granted_ore: i64,
    pub reasons: String,
    pub item_id: String,
    pub meeting_id: String,
    pub meeting_date: NaiveDate,
    /// The deciding item's case number (`07/26`), when it has one; each face
    /// labels it in its own language ("Sak 07/26").
    pub case_number: Option<CaseNumber>,
    /// The title of the item that decided it.
    pub item_title: String,
    pub decided: Step,
}

/// What the secretary records for a decision: the amount (kroner as typed;
/// `0` to refuse), the reasons, and the agenda item that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionInput {
    pub granted: String,
    pub reasons: String,
    pub item_id: String,
}

/// A change to a grant after its letter was sent, recorded instead of an edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GrantAmendmentInput {
    /// The new amount, kroner as typed.
    pub granted: String,
    pub reason: String,
    /// The vedtak item of the meeting that decided the change: required when
    /// the scheme's decisions are enkeltvedtak, empty otherwise.
    #[serde(default)]
    pub item_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GrantAmendment {
    pub id: String,
    #[ts(type = "number")]
    pub old_ore: i64,
    #[ts(type = "number")]
    pub new_ore: i64,
    pub reason: String,
    pub recorded: Step,
    /// The decision that made the change, for an enkeltvedtak: its case
    /// number (`04/27`) and the meeting's day.
    pub case_number: Option<CaseNumber>,
    pub meeting_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutInput {
    pub date: NaiveDate,
    /// Kroner as typed.
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Payout {
    pub id: String,
    pub date: NaiveDate,
    #[ts(type = "number")]
    pub amount_ore: i64,
    pub recorded: Step,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportInput {
    pub received: NaiveDate,
    pub summary: String,
    pub accepted: bool,
}

/// The applicant's final report (sluttrapport) on the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FinalReport {
    pub received: NaiveDate,
    pub summary: String,
    pub accepted: bool,
    pub recorded: Step,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub id: String,
    pub scheme_id: String,
    /// 1, 2, 3 … within the scheme, in the order they came in.
    pub number: i32,
    pub organisation: String,
    pub org_number: Option<String>,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub title: String,
    pub description: String,
    #[ts(type = "number")]
    pub amount_asked_ore: i64,
    #[ts(type = "number")]
    pub project_budget_ore: i64,
    pub received: NaiveDate,
    /// Received after the scheme's deadline: flagged, still recorded.
    pub late: bool,
    pub status: ApplicationStatus,
    /// The committee's proposal before the decision.
    #[ts(type = "number | null")]
    pub proposed_ore: Option<i64>,
    pub decision: Option<GrantDecision>,
    /// When the decision letter was sent; from then on only an amendment changes the grant.
    pub letter_sent: Option<Step>,
    #[ts(type = "number")]
    pub paid_ore: i64,
    pub payouts: Vec<Payout>,
    pub report: Option<FinalReport>,
    pub amendments: Vec<GrantAmendment>,
    pub withdrawn: Option<Step>,
}

/// Why a member may not score an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InhabilSource {
    /// The member declared it (or the committee found it).
    Declared,
    /// The member represents the applicant on the council: inhabil by law.
    Organisation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Inhabil {
    pub membership_id: String,
    pub person_name: String,
    pub source: InhabilSource,
    pub reason: String,
}

/// An inhabilitet Grendebok proposed (the member represents the applicant)
/// that the committee overruled: the member is found not inhabil, for
/// `reason`, and scores and votes on the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InhabilOverruled {
    pub membership_id: String,
    pub person_name: String,
    /// The organisation the member represents: the applicant.
    pub organisation: String,
    pub reason: String,
}

/// A score a member gives one criterion: 1–5, or none yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScoreInput {
    pub criterion_id: String,
    pub score: Option<i32>,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    pub criterion_id: String,
    pub score: i32,
    pub comment: String,
}

/// One member of the committee and their review of one application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub membership_id: String,
    pub person_name: String,
    pub organisation: String,
    pub inhabil: Option<Inhabil>,
    /// The proposed inhabilitet the committee overruled, with its reason.
    pub overruled: Option<InhabilOverruled>,
    pub scores: Vec<Score>,
    /// This member's weighted score, when they have scored every criterion.
    pub weighted: Option<f64>,
}

/// A member of the committee: the council's members with a seat on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reviewer {
    pub membership_id: String,
    /// The person's id, which names them on a review sheet.
    pub person_id: String,
    pub person_name: String,
    pub organisation: String,
    /// When the member's newest review sheet was read in, and by whom; none if never.
    pub sheet_returned: Option<Step>,
}

/// One application in the committee's side-by-side view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommitteeRow {
    pub application: Application,
    /// The criteria's weighted mean of every complete review, 1–5.
    pub weighted_score: Option<f64>,
    /// How many members have scored every criterion.
    pub reviews_complete: i32,
    pub inhabil: Vec<Inhabil>,
    /// Members proposed inhabil whom the committee found not inhabil.
    pub overruled: Vec<InhabilOverruled>,
}

/// A final report not received by the scheme's report deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportReminder {
    pub application_id: String,
    pub number: i32,
    pub organisation: String,
    pub title: String,
    pub contact_name: String,
    pub email: String,
    pub due: NaiveDate,
    pub days_overdue: i32,
}

/// Everything the scheme page shows: the budget bar, the committee's
/// side-by-side view of every application, and the reports overdue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemeDetail {
    pub scheme: GrantScheme,
    pub council: super::Council,
    pub budget: BudgetStatus,
    pub reviewers: Vec<Reviewer>,
    pub rows: Vec<CommitteeRow>,
    pub reminders: Vec<ReportReminder>,
    /// Whether scores exist, which locks the criteria.
    pub scoring_started: bool,
}

/// A decision letter exported to PDF, archived with its checksums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterRecord {
    pub id: String,
    pub application_id: String,
    pub file_name: String,
    pub sha256: String,
    pub content_sha256: String,
    pub size: i64,
    pub created: Step,
}

/// Everything the application page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationDetail {
    pub application: Application,
    pub scheme: GrantScheme,
    pub council: super::Council,
    pub reviews: Vec<Review>,
    pub weighted_score: Option<f64>,
    /// Vedtak items of the council's meetings whose minutes are still open:
    /// the items a decision can be tied to.
    pub decision_items: Vec<ApprovalCandidate>,
    /// Members of the committee, not inhabil, who have not scored every
    /// criterion: a decision now is made without their scores (which then lock).
    pub missing_scores: Vec<String>,
    pub letters: Vec<LetterRecord>,
    /// Budget left for this application: what is left in the scheme plus
    /// what this application holds now.
    #[ts(type = "number")]
    pub available_ore: i64,
}

/// A grant decided under an agenda item, as the minutes list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemGrant {
    pub application_id: String,
    pub organisation: String,
    pub title: String,
    #[ts(type = "number")]
    pub asked_ore: i64,
    #[ts(type = "number")]
    pub granted_ore: i64,
}

/// One line of a scheme's ledger (CSV and XLSX).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LedgerRow {
    pub number: i32,
    pub organisation: String,
    pub org_number: Option<String>,
    pub title: String,
    pub status: ApplicationStatus,
    #[ts(type = "number")]
    pub asked_ore: i64,
    #[ts(type = "number")]
    pub granted_ore: i64,
    #[ts(type = "number")]
    pub paid_ore: i64,
    pub report_received: Option<NaiveDate>,
    pub case_number: Option<CaseNumber>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LedgerFormat {
    Csv,
    Xlsx,
}

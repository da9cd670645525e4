//! The TypeScript bindings of the types that cross to the UI, generated with
//! ts-rs into `ui/src/bindings/` and committed. The test fails when a
//! committed file is stale; run it with `UPDATE_BINDINGS=1` to rewrite them.

use std::path::PathBuf;

use ts_rs::{Config, TS};

use crate::model::*;
use crate::store::DemoSummary;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings")
}

macro_rules! bindings {
    ($($ty:ty),* $(,)?) => {
        vec![$((
            <$ty as TS>::output_path().expect("exportable").display().to_string(),
            <$ty as TS>::export_to_string(&Config::new()).expect("renders"),
        )),*]
    };
}

/// The limits themselves as a TypeScript constant, for the forms' counters:
/// the UI shows them, core enforces them.
fn text_limits_ts() -> String {
    use crate::rules::validate::{FIELD_LIMITS, TEXT_LIMITS};
    let limits = serde_json::to_string_pretty(&TEXT_LIMITS).expect("limits serialise");
    let fields: serde_json::Map<String, serde_json::Value> =
        FIELD_LIMITS.iter().map(|(f, l)| (f.to_string(), (*l).into())).collect();
    let fields = serde_json::to_string_pretty(&fields).expect("limits serialise");
    format!(
        "// Generated from core/src/rules/validate.rs (TEXT_LIMITS) by core/src/bindings.rs. Do not edit.\n\
         // Characters are Unicode scalar values: count them with [...text].length.\n\
         import type {{ TextLimits }} from \"./TextLimits\";\n\n\
         export const TEXT_LIMITS: TextLimits = {limits};\n\n\
         /** The limit of a field by the last part of its name; a field not listed holds `TEXT_LIMITS.short`. */\n\
         export const FIELD_LIMITS: Record<string, number> = {fields};\n\n\
         export function textLimit(field: string): number {{\n  \
           const name = field.split(\".\").pop() ?? field;\n  \
           return FIELD_LIMITS[name] ?? TEXT_LIMITS.short;\n\
         }}\n"
    )
}

/// The agenda item kinds in the core's order, and which of them end in a
/// decision voted on (`ItemKind::decides`), so the UI asks the core's rule
/// instead of writing its own.
fn item_kinds_ts() -> String {
    let name = |k: &ItemKind| serde_json::to_string(k).expect("a kind serialises");
    let all: Vec<String> = ItemKind::ALL.iter().map(name).collect();
    let deciding: Vec<String> = ItemKind::ALL.iter().filter(|k| k.decides()).map(name).collect();
    format!(
        "// Generated from core/src/model.rs (ItemKind) by core/src/bindings.rs. Do not edit.\n\
         import type {{ ItemKind }} from \"./ItemKind\";\n\n\
         export const ITEM_KINDS: readonly ItemKind[] = [{}];\n\n\
         /** The kinds that end in a decision voted on, not a note (`ItemKind::decides`). */\n\
         export const DECIDING_ITEM_KINDS: readonly ItemKind[] = [{}];\n",
        all.join(", "),
        deciding.join(", ")
    )
}

#[test]
fn committed_typescript_bindings_are_fresh() {
    let rendered: Vec<(String, String)> = bindings![
        Lang,
        Settings,
        ProfileNames,
        ProfileEntry,
        DueDay,
        DutyEvidence,
        ProfileEvidenceKind,
        ProfileDuty,
        KommuneProfile,
        ProfileSection,
        ProfileChangeKind,
        ProfileChange,
        RemovedInUse,
        ProfileOutcome,
        ProfileView,
        ProfileLabels,
        ProfileLabel,
        AccountKind,
        AccountEntryInput,
        AccountEntry,
        AccountSummary,
        CouncilAccount,
        CouncilKind,
        Malform,
        LegalMode,
        SeatCategory,
        Role,
        Gender,
        SeatPlan,
        CouncilInput,
        Council,
        CouncilSummary,
        PersonInput,
        Person,
        PeopleFound,
        PersonChoice,
        MembershipInput,
        MembersImported,
        MembershipEdit,
        Membership,
        CategoryStatus,
        NoticeKind,
        Severity,
        Notice,
        GenderCount,
        Composition,
        CouncilDetail,
        AuditEntry,
        HealthReport,
        CouncilHealth,
        ErrorCode,
        ErrorReport,
        FieldMessage,
        DemoSummary,
        MeetingKind,
        Lifecycle,
        MeetingStatus,
        MeetingInput,
        Approval,
        Step,
        Meeting,
        MeetingSummary,
        ItemKind,
        CaseNumber,
        AgendaItemInput,
        Votes,
        ItemRecord,
        ItemAccess,
        ExemptionBasis,
        InhabilMember,
        FollowUpInput,
        FollowUp,
        Quorum,
        AgendaItem,
        StatementInput,
        Statement,
        StatementLetter,
        StatementStatus,
        StatementBrief,
        CouncilStatements,
        StatementOverview,
        AttendanceStatus,
        AttendanceInput,
        AttendanceRow,
        AttendanceSpan,
        MissingKind,
        Missing,
        Amendment,
        DocumentKind,
        DocumentRecord,
        MeetingDetail,
        ApprovalCandidate,
        VoteOutcome,
        ItemDecisionInput,
        ItemDecisionRecord,
        ItemDecision,
        MeetingRoles,
        ChairVote,
        ClosedGround,
        AlternativeInput,
        AlternativeProposal,
        DecisionApplication,
        crate::store::backup::BackupKind,
        crate::store::backup::BackupInfo,
        Startup,
        crate::store::privacy::AttendanceRecord,
        crate::store::privacy::PersonExport,
        crate::store::privacy::GrantContactRecord,
        crate::store::privacy::ScoreRecord,
        crate::store::privacy::InhabilRecord,
        crate::store::privacy::Mention,
        CriterionInput,
        Criterion,
        SchemeInput,
        GrantScheme,
        BudgetStatus,
        SchemeSummary,
        ApplicationStatus,
        ApplicationInput,
        GrantDecision,
        DecisionInput,
        GrantAmendmentInput,
        GrantAmendment,
        PayoutInput,
        Payout,
        ReportInput,
        FinalReport,
        Application,
        InhabilSource,
        Inhabil,
        InhabilOverruled,
        ScoreInput,
        Score,
        Review,
        Reviewer,
        CommitteeRow,
        ReportReminder,
        SchemeDetail,
        LetterRecord,
        ApplicationDetail,
        ItemGrant,
        LedgerRow,
        LedgerFormat,
        SavedFile,
        crate::intake::applications::ApplicationField,
        crate::intake::applications::PreviewColumn,
        crate::intake::applications::ApplicationsPreview,
        PackageInfo,
        ImportStatus,
        ImportOutcome,
        PackageProfile,
        KeptElsewhere,
        DutyKey,
        DutyConfirmation,
        DutyStatus,
        EvidenceKind,
        Evidence,
        Duty,
        DutyEdit,
        MeetingBrief,
        CouncilOverview,
        OverviewSortKey,
        SortDir,
        OverviewQuery,
        StatusCount,
        DutyTally,
        MonthTally,
        YearGlance,
        OverviewScreen,
        CouncilSections,
        WheelEntry,
        YearWheel,
        AnnualReportRecord,
        crate::store::KommuneExport,
        crate::records::FolderEntry,
        crate::records::EntryKind,
        crate::progress::ProgressEvent,
        SearchKind,
        SearchQuery,
        SearchHit,
        SearchResults,
        MemberAttendance,
        AttendanceYear,
        crate::rules::validate::TextLimits,
    ];
    let mut rendered = rendered;
    rendered.push(("limits.ts".to_owned(), text_limits_ts()));
    rendered.push(("itemKinds.ts".to_owned(), item_kinds_ts()));
    let update = std::env::var_os("UPDATE_BINDINGS").is_some();
    let dir = dir();
    let mut stale = Vec::new();
    for (file, text) in &rendered {
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(file.clone());
        }
    }
    // Every committed binding is one we still generate.
    let known: Vec<&str> = rendered.iter().map(|(f, _)| f.as_str()).collect();
    for entry in std::fs::read_dir(&dir).expect("ui/src/bindings exists") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !known.contains(&name.as_str()) {
            if update {
                std::fs::remove_file(dir.join(&name)).unwrap();
            } else {
                stale.push(format!("{name} (no longer generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale TypeScript bindings in ui/src/bindings: {stale:?}; run `UPDATE_BINDINGS=1 cargo test -p grendebok-core bindings`"
    );
}

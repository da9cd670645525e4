//! The grant commands: schemes, applications, the committee's review,
//! decisions, payouts, reports, and the letter and ledger exports. Each write
//! answers with the fresh page (scheme or application), so the UI re-renders
//! from one round trip.

use chrono::Utc;
use grendebok_core::intake::applications::{ApplicationField, ApplicationsPreview};
use grendebok_core::model::*;
use grendebok_core::saved::Ledger;
use grendebok_core::Store;
use tauri::State;

use crate::files::{self, save_as};
use crate::{today, with_store, Answer, AppState};

#[tauri::command]
pub async fn list_schemes(state: State<'_, AppState>, council_id: String) -> Answer<Vec<SchemeSummary>> {
    with_store(&state, move |s, _| s.schemes_of_council(&council_id, today())).await
}

#[tauri::command]
pub async fn get_scheme(state: State<'_, AppState>, id: String) -> Answer<SchemeDetail> {
    with_store(&state, move |s, _| s.scheme_detail(&id, today())).await
}

/// What reading a form's export into a scheme would do, written nowhere.
/// Without `file` the person picks one; with `columns` the file's headings
/// are read into the fields the person chose.
#[tauri::command]
pub async fn preview_applications(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    scheme_id: String,
    file: Option<String>,
    columns: Option<Vec<Option<ApplicationField>>>,
) -> Answer<ApplicationsPreview> {
    let file = match file {
        Some(file) => std::path::PathBuf::from(file),
        None => files::pick_file(app, "Regneark / Spreadsheet", &["xlsx", "csv"])
            .await?
            .ok_or_else(files::cancelled)?,
    };
    with_store(&state, move |s, lang| {
        s.preview_applications(&scheme_id, &file, columns, lang)
    })
    .await
}

/// Reads the previewed file into the scheme: every row good, or, when the
/// person chose to leave bad rows out, the good ones with the others named.
/// A long file shows its progress and can be cancelled, leaving nothing.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // a job's id and channel beside the file's
pub async fn import_applications(
    state: State<'_, AppState>,
    jobs: State<'_, crate::jobs::Jobs>,
    job_id: String,
    on_progress: tauri::ipc::Channel<grendebok_core::progress::ProgressEvent>,
    scheme_id: String,
    file: String,
    columns: Vec<Option<ApplicationField>>,
    leave_out_bad: bool,
) -> Answer<SavedFile> {
    let progress = jobs.start(&job_id, on_progress);
    let answer = with_store(&state, move |s, lang| {
        let path = std::path::PathBuf::from(&file);
        let actor = s.actor(Utc::now())?;
        let done = s.import_applications_mapped(&actor, &scheme_id, &path, Some(columns), leave_out_bad, &progress)?;
        let scheme = s.scheme(&scheme_id)?.name;
        let message = grendebok_core::intake::applications::imported_message(lang, &done, &scheme);
        Ok(SavedFile::said(file, message))
    })
    .await;
    jobs.finish(&job_id);
    answer
}

#[tauri::command]
pub async fn create_scheme(state: State<'_, AppState>, input: SchemeInput) -> Answer<SchemeDetail> {
    with_store(&state, move |s, _| {
        let scheme = s.create_scheme(&s.actor(Utc::now())?, &input)?;
        s.scheme_detail(&scheme.id, today())
    })
    .await
}

#[tauri::command]
pub async fn update_scheme(state: State<'_, AppState>, id: String, input: SchemeInput) -> Answer<SchemeDetail> {
    with_store(&state, move |s, _| {
        s.update_scheme(&s.actor(Utc::now())?, &id, &input)?;
        s.scheme_detail(&id, today())
    })
    .await
}

#[tauri::command]
pub async fn get_application(state: State<'_, AppState>, id: String) -> Answer<ApplicationDetail> {
    with_store(&state, move |s, _| s.application_detail(&id, today())).await
}

/// Runs a write on one application and answers with its fresh page.
async fn application_write<F>(state: &AppState, write: F) -> Answer<ApplicationDetail>
where
    F: FnOnce(&mut Store, &Actor) -> grendebok_core::Result<Application> + Send + 'static,
{
    with_store(state, move |s, _| {
        let actor = s.actor(Utc::now())?;
        let application = write(s, &actor)?;
        s.application_detail(&application.id, today())
    })
    .await
}

write_commands! { application_write -> ApplicationDetail {
    fn add_application(input: ApplicationInput) => |s, a| s.add_application(a, &input);
    fn update_application(id: String, input: ApplicationInput) => |s, a| s.update_application(a, &id, &input);
    fn withdraw_application(id: String) => |s, a| s.withdraw_application(a, &id);
    fn start_review(id: String) => |s, a| s.start_review(a, &id);
    fn propose_amount(id: String, amount: String) => |s, a| s.propose_amount(a, &id, &amount);
    fn declare_inhabil(id: String, membership_id: String, reason: String) => |s, a| s.declare_inhabil(a, &id, &membership_id, &reason);
    fn overrule_inhabil(id: String, membership_id: String, reason: String) => |s, a| s.overrule_inhabil(a, &id, &membership_id, &reason);
    fn clear_inhabil(id: String, membership_id: String) => |s, a| s.clear_inhabil(a, &id, &membership_id);
    fn save_scores(id: String, membership_id: String, scores: Vec<ScoreInput>) => |s, a| s.save_scores(a, &id, &membership_id, &scores);
    fn decide_application(id: String, input: DecisionInput) => |s, a| s.decide_application(a, &id, &input);
    fn mark_letter_sent(id: String) => |s, a| s.mark_letter_sent(a, &id);
    fn amend_grant(id: String, input: GrantAmendmentInput) => |s, a| s.amend_grant(a, &id, &input);
    fn add_payout(id: String, input: PayoutInput) => |s, a| s.add_payout(a, &id, &input);
    fn record_report(id: String, input: ReportInput) => |s, a| s.record_report(a, &id, &input);
}}

/// The application form's every fault at once, nothing saved.
#[tauri::command]
pub async fn check_application(state: State<'_, AppState>, input: ApplicationInput) -> Answer<()> {
    with_store(&state, move |s, _| s.check_application(&input)).await
}

/// The decision letter as an e-mail draft to the applicant, the PDF attached.
#[tauri::command]
pub async fn export_letter_mail(app: tauri::AppHandle, state: State<'_, AppState>, id: String) -> Answer<SavedFile> {
    save_as(
        app,
        &state,
        ("E-post", "eml"),
        move |s, _| s.letter_draft(&id, Utc::now()),
        files::write_mail_draft,
    )
    .await
}

#[tauri::command]
pub async fn export_letter(app: tauri::AppHandle, state: State<'_, AppState>, id: String) -> Answer<SavedFile> {
    let for_name = id.clone();
    save_as(
        app,
        &state,
        ("PDF", "pdf"),
        move |s, _| Ok((s.letter_file_name(&for_name)?, ())),
        move |s, (), path| s.export_letter(&s.actor(Utc::now())?, &id, path),
    )
    .await
}

#[tauri::command]
pub async fn export_ledger(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    scheme_id: String,
    format: LedgerFormat,
) -> Answer<SavedFile> {
    let for_name = scheme_id.clone();
    let filter = match format {
        LedgerFormat::Csv => ("CSV", "csv"),
        LedgerFormat::Xlsx => ("Excel", "xlsx"),
    };
    save_as(
        app,
        &state,
        filter,
        move |s, lang| Ok((s.ledger_file_name(&for_name, format, lang)?, lang)),
        move |s, lang, path| Ok(Ledger(s.export_ledger(&scheme_id, format, path, lang)?)),
    )
    .await
}

/// A committee member's review sheet (XLSX), to a file chosen in a save dialog.
#[tauri::command]
pub async fn export_review_sheet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    scheme_id: String,
    person_id: String,
) -> Answer<SavedFile> {
    let (for_scheme, for_person) = (scheme_id.clone(), person_id.clone());
    save_as(
        app,
        &state,
        ("Excel", "xlsx"),
        move |s, _| Ok((s.review_sheet_file_name(&for_scheme, &for_person, today())?, ())),
        move |s, (), path| s.export_review_sheet(&scheme_id, &person_id, today(), path),
    )
    .await
}

/// «Les inn vurderingsark»: a member's returned sheet, picked in the shell's
/// one open dialog; refused whole unless it is this scheme's and unchanged
/// outside its cells.
#[tauri::command]
pub async fn import_review_sheet(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    scheme_id: String,
) -> Answer<SavedFile> {
    let file = files::pick_file(app, "Excel", &["xlsx"])
        .await?
        .ok_or_else(files::cancelled)?;
    with_store(&state, move |s, lang| {
        let done = s.import_review_sheet(&s.actor(Utc::now())?, &file, Some(&scheme_id))?;
        Ok(SavedFile::said(file.display().to_string(), done.message(lang)))
    })
    .await
}

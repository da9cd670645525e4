//! The grant commands: schemes, applications, the committee's review,
//! decisions, payouts, reports, and the letter and ledger exports. Each write
//! answers with the fresh page (scheme or application), so the UI re-renders
//! from one round trip.

use chrono::Utc;
use grendebok_core::model::*;
use grendebok_core::Store;
use tauri::State;

use crate::{choose_export_path, today, with_store, Answer, AppState};

#[tauri::command]
pub async fn list_schemes(state: State<'_, AppState>, council_id: String) -> Answer<Vec<SchemeSummary>> {
    with_store(&state, move |s, _| s.schemes_of_council(&council_id, today())).await
}

#[tauri::command]
pub async fn get_scheme(state: State<'_, AppState>, id: String) -> Answer<SchemeDetail> {
    with_store(&state, move |s, lang| s.scheme_detail(&id, today(), lang)).await
}

#[tauri::command]
pub async fn create_scheme(state: State<'_, AppState>, input: SchemeInput) -> Answer<SchemeDetail> {
    with_store(&state, move |s, lang| {
        let scheme = s.create_scheme(&s.actor(Utc::now())?, &input)?;
        s.scheme_detail(&scheme.id, today(), lang)
    })
    .await
}

#[tauri::command]
pub async fn update_scheme(state: State<'_, AppState>, id: String, input: SchemeInput) -> Answer<SchemeDetail> {
    with_store(&state, move |s, lang| {
        s.update_scheme(&s.actor(Utc::now())?, &id, &input)?;
        s.scheme_detail(&id, today(), lang)
    })
    .await
}

#[tauri::command]
pub async fn get_application(state: State<'_, AppState>, id: String) -> Answer<ApplicationDetail> {
    with_store(&state, move |s, lang| s.application_detail(&id, today(), lang)).await
}

/// Runs a write on one application and answers with its fresh page.
async fn application_write<F>(state: &AppState, write: F) -> Answer<ApplicationDetail>
where
    F: FnOnce(&mut Store, &Actor) -> grendebok_core::Result<Application> + Send + 'static,
{
    with_store(state, move |s, lang| {
        let actor = s.actor(Utc::now())?;
        let application = write(s, &actor)?;
        s.application_detail(&application.id, today(), lang)
    })
    .await
}

#[tauri::command]
pub async fn add_application(state: State<'_, AppState>, input: ApplicationInput) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.add_application(a, &input)).await
}

/// The application form's every fault at once, nothing saved.
#[tauri::command]
pub async fn check_application(state: State<'_, AppState>, input: ApplicationInput) -> Answer<()> {
    with_store(&state, move |s, _| s.check_application(&input)).await
}

#[tauri::command]
pub async fn update_application(
    state: State<'_, AppState>,
    id: String,
    input: ApplicationInput,
) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.update_application(a, &id, &input)).await
}

#[tauri::command]
pub async fn withdraw_application(state: State<'_, AppState>, id: String) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.withdraw_application(a, &id)).await
}

#[tauri::command]
pub async fn start_review(state: State<'_, AppState>, id: String) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.start_review(a, &id)).await
}

#[tauri::command]
pub async fn propose_amount(state: State<'_, AppState>, id: String, amount: String) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.propose_amount(a, &id, &amount)).await
}

#[tauri::command]
pub async fn declare_inhabil(
    state: State<'_, AppState>,
    id: String,
    membership_id: String,
    reason: String,
) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.declare_inhabil(a, &id, &membership_id, &reason)).await
}

#[tauri::command]
pub async fn clear_inhabil(state: State<'_, AppState>, id: String, membership_id: String) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.clear_inhabil(a, &id, &membership_id)).await
}

#[tauri::command]
pub async fn save_scores(
    state: State<'_, AppState>,
    id: String,
    membership_id: String,
    scores: Vec<ScoreInput>,
) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.save_scores(a, &id, &membership_id, &scores)).await
}

#[tauri::command]
pub async fn decide_application(
    state: State<'_, AppState>,
    id: String,
    input: DecisionInput,
) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.decide_application(a, &id, &input)).await
}

#[tauri::command]
pub async fn mark_letter_sent(state: State<'_, AppState>, id: String) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.mark_letter_sent(a, &id)).await
}

#[tauri::command]
pub async fn amend_grant(
    state: State<'_, AppState>,
    id: String,
    input: GrantAmendmentInput,
) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.amend_grant(a, &id, &input)).await
}

#[tauri::command]
pub async fn add_payout(state: State<'_, AppState>, id: String, input: PayoutInput) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.add_payout(a, &id, &input)).await
}

#[tauri::command]
pub async fn record_report(state: State<'_, AppState>, id: String, input: ReportInput) -> Answer<ApplicationDetail> {
    application_write(&state, move |s, a| s.record_report(a, &id, &input)).await
}

/// Asks where to save (a dialog opened from Rust); `None` when cancelled.
pub(crate) async fn ask_path(
    app: tauri::AppHandle,
    suggested: String,
    filter: (&'static str, &'static str),
) -> Answer<std::path::PathBuf> {
    tauri::async_runtime::spawn_blocking(move || choose_export_path(&app, &suggested, filter))
        .await
        .ok()
        .flatten()
        .ok_or_else(crate::cancelled)
}

#[tauri::command]
pub async fn export_letter(app: tauri::AppHandle, state: State<'_, AppState>, id: String) -> Answer<SavedFile> {
    let for_name = id.clone();
    let suggested = with_store(&state, move |s, _| s.letter_file_name(&for_name)).await?;
    let path = ask_path(app, suggested, ("PDF", "pdf")).await?;
    with_store(&state, move |s, lang| {
        let letter = s.export_letter(&s.actor(Utc::now())?, &id, &path)?;
        Ok(SavedFile {
            details: grendebok_core::documents::export_details(lang, &letter.sha256, &letter.content_sha256),
            message: grendebok_core::letters::export_message(lang, &path, &letter),
            path: crate::saved::remember(&path),
        })
    })
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
    let suggested = with_store(&state, move |s, lang| s.ledger_file_name(&for_name, format, lang)).await?;
    let filter = match format {
        LedgerFormat::Csv => ("CSV", "csv"),
        LedgerFormat::Xlsx => ("Excel", "xlsx"),
    };
    let path = ask_path(app, suggested, filter).await?;
    with_store(&state, move |s, lang| {
        let count = s.export_ledger(&scheme_id, format, &path, lang)?;
        Ok(SavedFile {
            details: String::new(),
            message: grendebok_core::ledger::export_message(lang, &path, count),
            path: crate::saved::remember(&path),
        })
    })
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
    let suggested = with_store(&state, move |s, _| {
        s.review_sheet_file_name(&for_scheme, &for_person, crate::today())
    })
    .await?;
    let path = ask_path(app, suggested, ("Excel", "xlsx")).await?;
    with_store(&state, move |s, lang| {
        let saved = s.export_review_sheet(&scheme_id, &person_id, crate::today(), &path)?;
        Ok(SavedFile {
            details: String::new(),
            message: saved.message(lang),
            path: crate::saved::remember(&path),
        })
    })
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
    let chosen = tauri::async_runtime::spawn_blocking(move || crate::pick_file(&app, "Excel", &["xlsx"]))
        .await
        .ok()
        .flatten();
    let Some(file) = chosen else {
        return Err(crate::cancelled());
    };
    with_store(&state, move |s, lang| {
        let done = s.import_review_sheet(&s.actor(Utc::now())?, &file, Some(&scheme_id))?;
        Ok(SavedFile {
            message: done.message(lang),
            path: file.display().to_string(),
            details: String::new(),
        })
    })
    .await
}

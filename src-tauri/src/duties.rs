//! The coordinator's commands: the overview of every council, a council's
//! yearly duties and their edits, the annual report and the calendar export.

use chrono::Utc;
use grendebok_core::model::*;
use grendebok_core::progress::ProgressEvent;
use tauri::ipc::Channel;
use tauri::State;

use crate::files::{self, save_as};
use crate::jobs::Jobs;
use crate::{today, with_store, Answer, AppState};

#[tauri::command]
pub async fn get_overview(state: State<'_, AppState>, year: i32, query: OverviewQuery) -> Answer<OverviewScreen> {
    with_store(&state, move |s, lang| s.overview_screen(year, today(), lang, &query)).await
}

#[tauri::command]
pub async fn get_council_sections(state: State<'_, AppState>, id: String) -> Answer<CouncilSections> {
    with_store(&state, move |s, lang| s.council_sections(&id, today(), lang)).await
}

#[tauri::command]
pub async fn get_year_wheel(state: State<'_, AppState>, year: i32, query: OverviewQuery) -> Answer<YearWheel> {
    with_store(&state, move |s, lang| s.year_wheel(year, today(), lang, &query)).await
}

#[tauri::command]
pub async fn list_duties(state: State<'_, AppState>, council_id: String, year: i32) -> Answer<Vec<Duty>> {
    with_store(&state, move |s, lang| s.duties(&council_id, year, today(), lang)).await
}

#[tauri::command]
pub async fn edit_duty(
    state: State<'_, AppState>,
    council_id: String,
    year: i32,
    kind: DutyKey,
    edit: DutyEdit,
) -> Answer<Vec<Duty>> {
    with_store(&state, move |s, lang| {
        s.edit_duty(&s.actor(Utc::now())?, &council_id, year, &kind, &edit, lang)
    })
    .await
}

#[tauri::command]
pub async fn export_annual_report(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    council_id: String,
    year: i32,
) -> Answer<SavedFile> {
    let for_name = council_id.clone();
    save_as(
        app,
        &state,
        ("PDF", "pdf"),
        move |s, _| Ok((s.annual_report_file_name(&for_name, year)?, ())),
        move |s, (), path| s.export_annual_report(&s.actor(Utc::now())?, &council_id, year, path),
    )
    .await
}

/// The year's meetings and owed due dates, of one council or all, as .ics.
#[tauri::command]
pub async fn export_calendar(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    year: i32,
    council_id: Option<String>,
) -> Answer<SavedFile> {
    save_as(
        app,
        &state,
        ("iCalendar", "ics"),
        move |_, lang| Ok((format!("Grendebok {year}.ics"), lang)),
        move |s, lang, path| s.export_calendar(year, council_id.as_deref(), path, Utc::now(), lang),
    )
    .await
}

/// "Send to the kommune": the year's minutes, letters, annual report and
/// ledgers as a plain folder for an archive without Grendebok.
#[tauri::command]
pub async fn export_for_kommune(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, Jobs>,
    council_id: String,
    year: i32,
    job_id: String,
    on_progress: Channel<ProgressEvent>,
) -> Answer<SavedFile> {
    // Registered first, so an "Avbryt" pressed while the folder dialog is open counts too.
    let progress = jobs.start(&job_id, on_progress);
    let chosen = files::pick_folder(app).await;
    let Ok(Some(parent)) = chosen else {
        jobs.finish(&job_id);
        return Err(chosen.err().unwrap_or_else(files::cancelled));
    };
    let answer = with_store(&state, move |s, lang| {
        let export = s.export_for_kommune_with_progress(&council_id, year, &parent, Utc::now(), lang, &progress)?;
        Ok(files::answer(lang, std::path::Path::new(&export.folder), &export))
    })
    .await;
    jobs.finish(&job_id);
    answer
}

/// Hands a council over as one `.grendebok` file (a save dialog opened from Rust).
#[tauri::command]
pub async fn export_package(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    council_id: String,
) -> Answer<SavedFile> {
    let for_name = council_id.clone();
    save_as(
        app,
        &state,
        ("Grendebok", "grendebok"),
        move |s, _| {
            Ok((
                format!(
                    "{}.grendebok",
                    s.council(&for_name)?.name.replace(['/', '\\', ':'], "_")
                ),
                (),
            ))
        },
        move |s, (), path| s.export_package(&s.actor(Utc::now())?, &council_id, path),
    )
    .await
}

/// The package file whose import waits for the person's answer (a council
/// it would replace): `import_package` with `replace` reads this file, so
/// the path never comes from the web view.
static AWAITING_ANSWER: std::sync::Mutex<Option<std::path::PathBuf>> = std::sync::Mutex::new(None);

/// Reads a council's `.grendebok` file (an open dialog from Rust; the path
/// never comes from the web view): a new council is added, a newer snapshot
/// replaces the old, anything else is refused whole. One that would replace
/// a council kept here, or changes made here since its last package, is
/// refused with `confirm_replace`; asked again with `replace`, the same
/// file is read in and replaces it.
#[tauri::command]
pub async fn import_package(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, Jobs>,
    job_id: String,
    on_progress: Channel<ProgressEvent>,
    replace: Option<bool>,
) -> Answer<SavedFile> {
    // Registered first, so an "Avbryt" pressed while the open dialog is open counts too.
    let progress = jobs.start(&job_id, on_progress);
    let replace = replace.unwrap_or(false);
    let waiting = AWAITING_ANSWER.lock().map(|mut w| w.take()).unwrap_or(None);
    let chosen = match (replace, waiting) {
        (true, waiting) => Ok(waiting),
        (false, _) => files::pick_file(app, "Grendebok", &["grendebok"]).await,
    };
    let Ok(Some(chosen)) = chosen else {
        jobs.finish(&job_id);
        return Err(chosen.err().unwrap_or_else(files::cancelled));
    };
    let file = chosen.clone();
    let answer = with_store(&state, move |s, lang| {
        let outcome = s.import_package_with_progress(&s.actor(Utc::now())?, &file, replace, &progress)?;
        let message = grendebok_core::package::import_message(lang, &outcome, &file);
        Ok(SavedFile::said(crate::saved::remember(&file), message))
    })
    .await;
    if answer.as_ref().is_err_and(|e| e.code == ErrorCode::ConfirmReplace) {
        if let Ok(mut waiting) = AWAITING_ANSWER.lock() {
            *waiting = Some(chosen);
        }
    }
    jobs.finish(&job_id);
    answer
}

/// Searches agenda items, decisions and grant applications.
#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: SearchQuery) -> Answer<SearchResults> {
    with_store(&state, move |s, lang| s.search(&query, lang)).await
}

//! The kommune profile's commands: the coordinator's editor (read, save),
//! the profile out to a JSON file, and a newer one read in from a file —
//! first what it would change, then, once the person agrees, the same file.

use chrono::Utc;
use grendebok_core::model::*;
use tauri::State;

use crate::files::{self, save_as};
use crate::{today, with_store, Answer, AppState};

#[tauri::command]
pub async fn get_profile(state: State<'_, AppState>) -> Answer<ProfileView> {
    with_store(&state, move |s, lang| s.profile_view(lang)).await
}

/// Every seat category's and meeting kind's name in the person's language:
/// the profile's in its order, then removed ones still held, marked.
#[tauri::command]
pub async fn profile_labels(state: State<'_, AppState>) -> Answer<ProfileLabels> {
    with_store(&state, move |s, lang| s.profile_labels(lang)).await
}

#[tauri::command]
pub async fn save_profile(state: State<'_, AppState>, profile: KommuneProfile) -> Answer<ProfileOutcome> {
    with_store(&state, move |s, lang| {
        s.save_profile(&s.actor(Utc::now())?, &profile, today(), lang)
    })
    .await
}

/// The file's profile as JSON where the person chooses (a save dialog from Rust).
#[tauri::command]
pub async fn export_profile(app: tauri::AppHandle, state: State<'_, AppState>) -> Answer<SavedFile> {
    save_as(
        app,
        &state,
        ("JSON", "json"),
        |s, _| Ok((grendebok_core::rules::profile::file_name(&s.profile()?), ())),
        |s, (), path| s.export_profile(path),
    )
    .await
}

/// The profile file picked for reading in, waiting for the person's yes:
/// `import_profile` reads this file, so the path never comes from the web view.
static PICKED: std::sync::Mutex<Option<std::path::PathBuf>> = std::sync::Mutex::new(None);

/// Picks a profile file (an open dialog from Rust) and says what reading it
/// in would change; refused when it is faulty or not newer than the file's.
#[tauri::command]
pub async fn preview_profile_import(app: tauri::AppHandle, state: State<'_, AppState>) -> Answer<ProfileOutcome> {
    let chosen = files::pick_file(app, "JSON", &["json"])
        .await?
        .ok_or_else(files::cancelled)?;
    let file = chosen.clone();
    let preview = with_store(&state, move |s, lang| s.preview_profile_file(&file, today(), lang)).await?;
    if let Ok(mut picked) = PICKED.lock() {
        *picked = Some(chosen);
    }
    Ok(preview)
}

/// Reads in the profile file the preview was of.
#[tauri::command]
pub async fn import_profile(state: State<'_, AppState>) -> Answer<ProfileOutcome> {
    let picked = PICKED.lock().map(|mut p| p.take()).unwrap_or(None);
    let file = picked.ok_or_else(files::cancelled)?;
    with_store(&state, move |s, lang| s.import_profile_file(&file, Utc::now(), lang)).await
}

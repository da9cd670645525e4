//! Statements to the kommune: the adopted statement's letter, through the one
//! export flow. The core refuses a draft (minutes not approved) with its message.

use chrono::Utc;
use grendebok_core::model::SavedFile;
use tauri::State;

use crate::files::save_as;
use crate::{Answer, AppState};

#[tauri::command]
pub async fn export_statement(app: tauri::AppHandle, state: State<'_, AppState>, id: String) -> Answer<SavedFile> {
    let for_name = id.clone();
    save_as(
        app,
        &state,
        ("PDF", "pdf"),
        move |s, _| Ok((s.statement_file_name(&for_name)?, ())),
        move |s, (), path| s.export_statement(&s.actor(Utc::now())?, &id, path),
    )
    .await
}

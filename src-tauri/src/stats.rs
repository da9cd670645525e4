//! Figures for the charts: a council's attendance per member over a year.

use grendebok_core::model::*;
use tauri::State;

use crate::{with_store, Answer, AppState};

#[tauri::command]
pub async fn attendance_by_member(state: State<'_, AppState>, council_id: String, year: i32) -> Answer<AttendanceYear> {
    with_store(&state, move |s, _| s.attendance_by_member(&council_id, year)).await
}

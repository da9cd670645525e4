//! The council's own account: a year of it, and its entries added, edited and deleted.

use chrono::Utc;
use grendebok_core::model::*;
use tauri::State;

use crate::{with_store, Answer, AppState};

#[tauri::command]
pub async fn council_account(state: State<'_, AppState>, council_id: String, year: i32) -> Answer<CouncilAccount> {
    with_store(&state, move |s, _| s.council_account(&council_id, year)).await
}

#[tauri::command]
pub async fn add_account_entry(
    state: State<'_, AppState>,
    council_id: String,
    input: AccountEntryInput,
) -> Answer<AccountEntry> {
    with_store(&state, move |s, _| {
        s.add_account_entry(&s.actor(Utc::now())?, &council_id, &input)
    })
    .await
}

#[tauri::command]
pub async fn update_account_entry(
    state: State<'_, AppState>,
    id: String,
    input: AccountEntryInput,
) -> Answer<AccountEntry> {
    with_store(&state, move |s, _| {
        s.update_account_entry(&s.actor(Utc::now())?, &id, &input)
    })
    .await
}

#[tauri::command]
pub async fn delete_account_entry(state: State<'_, AppState>, id: String) -> Answer<AccountEntry> {
    with_store(&state, move |s, _| s.delete_account_entry(&s.actor(Utc::now())?, &id)).await
}

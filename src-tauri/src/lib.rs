//! The desktop shell: Tauri commands that unpack state, call core off the
//! main thread, and map core's errors to `{code, message, fields}`.
//!
//! Architecture invariant: a command parses nothing and decides nothing. The
//! rules live in `grendebok-core`; a command that needs an `if` about the
//! domain is a sign the rule belongs in core.

use std::sync::{Arc, Mutex};

use chrono::{Local, NaiveDate, Utc};
use grendebok_core::model::*;
use grendebok_core::{paths, Store};
use tauri::State;

/// The one store of the running app, or why it could not be opened.
pub struct AppState {
    store: Result<Arc<Mutex<Store>>, ErrorReport>,
}

impl AppState {
    /// Opens the database at `$GRENDEBOK_DB`, or else in the app's data folder.
    pub fn open() -> AppState {
        let path = paths::default_db_path();
        let store = Store::open(&path)
            .map(|s| Arc::new(Mutex::new(s)))
            .map_err(|e| e.report(Lang::default()));
        AppState { store }
    }
}

type Answer<T> = Result<T, ErrorReport>;

/// Runs `f` with the store on a blocking thread, so the window never waits
/// on SQLite, and maps errors into the user's language.
async fn with_store<T, F>(state: &AppState, f: F) -> Answer<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Store, Lang) -> grendebok_core::Result<T> + Send + 'static,
{
    let store = state.store.clone()?;
    tauri::async_runtime::spawn_blocking(move || {
        // A panic in an earlier command must not lock the user out: every
        // write is a transaction, so the store is consistent either way.
        let mut store = store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let lang = store.settings().map(|s| s.language).unwrap_or_default();
        f(&mut store, lang).map_err(|e| e.report(lang))
    })
    .await
    .map_err(|e| ErrorReport {
        code: "internal".into(),
        message: format!("Grendebok fikk en intern feil: {e}"),
        fields: Vec::new(),
    })?
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

#[tauri::command]
async fn get_settings(state: State<'_, AppState>) -> Answer<Settings> {
    with_store(&state, |s, _| s.settings()).await
}

#[tauri::command]
async fn save_user_name(state: State<'_, AppState>, name: String) -> Answer<Settings> {
    with_store(&state, move |s, _| s.save_user_name(&name, Utc::now())).await
}

#[tauri::command]
async fn save_language(state: State<'_, AppState>, language: Lang) -> Answer<Settings> {
    with_store(&state, move |s, _| s.save_language(language, Utc::now())).await
}

#[tauri::command]
async fn list_councils(state: State<'_, AppState>) -> Answer<Vec<CouncilSummary>> {
    with_store(&state, |s, lang| s.council_summaries(today(), lang)).await
}

#[tauri::command]
async fn get_council(state: State<'_, AppState>, id: String) -> Answer<CouncilDetail> {
    with_store(&state, move |s, lang| s.council_detail(&id, today(), lang)).await
}

#[tauri::command]
async fn create_council(state: State<'_, AppState>, input: CouncilInput) -> Answer<Council> {
    with_store(&state, move |s, _| s.create_council(&s.actor(Utc::now())?, &input)).await
}

#[tauri::command]
async fn update_council(state: State<'_, AppState>, id: String, input: CouncilInput) -> Answer<Council> {
    with_store(&state, move |s, _| s.update_council(&s.actor(Utc::now())?, &id, &input)).await
}

#[tauri::command]
async fn list_people(state: State<'_, AppState>) -> Answer<Vec<Person>> {
    with_store(&state, |s, _| s.people()).await
}

#[tauri::command]
async fn add_membership(state: State<'_, AppState>, input: MembershipInput) -> Answer<Membership> {
    with_store(&state, move |s, _| s.add_membership(&s.actor(Utc::now())?, &input)).await
}

#[tauri::command]
async fn update_membership(state: State<'_, AppState>, id: String, edit: MembershipEdit) -> Answer<Membership> {
    with_store(&state, move |s, _| {
        s.update_membership(&s.actor(Utc::now())?, &id, &edit)
    })
    .await
}

#[tauri::command]
async fn end_membership(
    state: State<'_, AppState>,
    id: String,
    ended_on: NaiveDate,
    reason: String,
) -> Answer<Membership> {
    with_store(&state, move |s, _| {
        s.end_membership(&s.actor(Utc::now())?, &id, ended_on, &reason)
    })
    .await
}

#[tauri::command]
async fn load_demo(state: State<'_, AppState>) -> Answer<Vec<CouncilSummary>> {
    with_store(&state, |s, lang| {
        s.load_demo(&s.actor(Utc::now())?, today())?;
        s.council_summaries(today(), lang)
    })
    .await
}

/// Builds and runs the app until its window closes.
pub fn run() {
    tauri::Builder::default()
        .manage(AppState::open())
        .invoke_handler(tauri::generate_handler![
            get_settings,
            save_user_name,
            save_language,
            list_councils,
            get_council,
            create_council,
            update_council,
            list_people,
            add_membership,
            update_membership,
            end_membership,
            load_demo,
        ])
        .run(tauri::generate_context!())
        .expect("Grendebok could not start its window");
}

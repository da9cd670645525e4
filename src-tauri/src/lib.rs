//! The desktop shell: Tauri commands that unpack state, call core off the
//! main thread, and map core's errors to `{code, message, fields}`.
//!
//! Architecture invariant: a command parses nothing and decides nothing. The
//! rules live in `grendebok-core`; a command that needs an `if` about the
//! domain is a sign the rule belongs in core.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{Local, NaiveDate, Utc};
use grendebok_core::model::*;
use grendebok_core::store::backup;
use grendebok_core::store::IntegrityCheck;
use grendebok_core::{paths, Store};
use tauri::State;

mod account;
#[macro_use]
mod commands;
#[macro_use]
mod writes;
mod duties;
mod files;
mod grants;
mod jobs;
mod meetings;
mod profile;
mod saved;
mod statements;
mod stats;

type Slot = Result<Arc<Mutex<Store>>, ErrorReport>;

/// The one store of the running app, or why it could not be opened.
///
/// Architecture invariant: only the slot keeps the store. A command or a
/// background job takes a clone of it for that one job and lets go when it
/// is done, so a restore can close the store (and its writer lock) by
/// waiting for the jobs under way.
pub struct AppState {
    path: PathBuf,
    store: Arc<Mutex<Slot>>,
    /// Held by a job that reads or replaces the file outside the store (an
    /// automatic backup, a restore), so the two never overlap.
    file_jobs: Arc<Mutex<()>>,
}

impl AppState {
    /// Opens the database at `$GRENDEBOK_DB`, or else in the app's data
    /// folder, without reading every page first: that check runs on a thread
    /// of its own ([`keep_watch`]) while the first screen is shown, and no
    /// write gets through before it has found the file sound.
    pub fn open() -> (AppState, Option<IntegrityCheck>) {
        let path = paths::default_db_path();
        let (store, check) = match Store::open_checking_later(&path) {
            Ok((store, check)) => (Ok(Arc::new(Mutex::new(store))), check),
            Err(e) => (Err(e.report(Lang::default())), None),
        };
        let state = AppState {
            path,
            store: Arc::new(Mutex::new(store)),
            file_jobs: Arc::new(Mutex::new(())),
        };
        (state, check)
    }

    fn current(&self) -> Slot {
        self.store.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// Opens the database at `path` after checking every page (after a restore).
fn open_store(path: &std::path::Path) -> Slot {
    Store::open(path)
        .map(|s| Arc::new(Mutex::new(s)))
        .map_err(|e| e.report(Lang::default()))
}

/// On a thread of its own: first the whole-file check of a store opened
/// without it, then automatic backups ([`keep_backing_up`]).
///
/// A file found damaged is closed: from then on every command answers with
/// the damage, and the UI goes back to its start-up screen, which offers the
/// backups.
fn keep_watch(state: &AppState, check: Option<IntegrityCheck>) {
    let slot = Arc::clone(&state.store);
    let file_jobs = Arc::clone(&state.file_jobs);
    let path = state.path.clone();
    let opened = state.current().ok();
    std::thread::spawn(move || {
        // Give way to the window and WebKit: on Linux this lowers only this thread.
        #[cfg(unix)]
        // SAFETY: setpriority takes plain integers and changes only a nice value.
        unsafe {
            libc::setpriority(libc::PRIO_PROCESS, 0, 19);
        }
        if let (Some(check), Some(opened)) = (check, opened) {
            // A damaged file is closed here; the backups below skip it.
            let _ = close_if_damaged(&slot, &opened, check.run());
        }
        keep_backing_up(&slot, &file_jobs, &path);
    });
}

/// Puts the damage found by the whole-file check in the place of `opened`,
/// unless a restore has put another store there meanwhile.
fn close_if_damaged(slot: &Mutex<Slot>, opened: &Arc<Mutex<Store>>, checked: grendebok_core::Result<()>) -> Answer<()> {
    let Err(e) = checked else { return Ok(()) };
    let report = e.report(Lang::default());
    let mut slot = slot.lock().unwrap_or_else(|p| p.into_inner());
    if slot.as_ref().is_ok_and(|now| Arc::ptr_eq(now, opened)) {
        *slot = Err(report.clone());
    }
    Err(report)
}

/// Answers once the file has been checked whole: Ok when it is sound (at
/// once when it was checked at open), else the damage, after which the UI
/// shows its start-up screen.
#[tauri::command]
async fn await_sound_file(state: State<'_, AppState>) -> Answer<()> {
    let Ok(opened) = state.current() else { return Ok(()) };
    let slot = Arc::clone(&state.store);
    let check = opened.lock().unwrap_or_else(|p| p.into_inner()).integrity_check();
    let Some(check) = check else { return Ok(()) };
    let checked = tauri::async_runtime::spawn_blocking(move || check.run())
        .await
        .map_err(internal)?;
    close_if_damaged(&slot, &opened, checked)
}

/// Takes an automatic backup at start and then whenever one is due
/// (`backup::automatic_due`: the newest, by sequence, is a day old or dated
/// ahead of the clock), checking every hour, for as long as the app runs.
/// A store open read-only, damaged or not open is never backed up.
///
/// The copy is made through a connection of its own (`backup::take_beside`),
/// not under the store's lock, so no screen waits for it. The store itself
/// is looked at only for a moment each hour and never kept: a restore can
/// always close it.
fn keep_backing_up(slot: &Mutex<Slot>, file_jobs: &Mutex<()>, path: &std::path::Path) {
    loop {
        {
            let _only_file_job = file_jobs.lock().unwrap_or_else(|p| p.into_inner());
            let current = slot.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let writable = current.is_ok_and(|store| !store.lock().unwrap_or_else(|p| p.into_inner()).read_only());
            let due = || backup::automatic_due(&backup::list(path).unwrap_or_default(), Utc::now());
            if writable && due() {
                // A failed backup is retried at the next check; the app goes on.
                let _ = backup::take_beside(path, backup::BackupKind::Auto, Utc::now());
            }
        }
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}

pub(crate) type Answer<T> = Result<T, ErrorReport>;

/// Runs `f` with the store on a blocking thread, so the window never waits
/// on SQLite, and maps errors into the user's language.
pub(crate) async fn with_store<T, F>(state: &AppState, f: F) -> Answer<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Store, Lang) -> grendebok_core::Result<T> + Send + 'static,
{
    let store = state.current()?;
    tauri::async_runtime::spawn_blocking(move || {
        // A panic in an earlier command must not lock the user out: every
        // write is a transaction, so the store is consistent either way.
        let mut store = store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let lang = store.settings().map(|s| s.language).unwrap_or_default();
        *LAST_LANG.lock().unwrap_or_else(|p| p.into_inner()) = lang;
        f(&mut store, lang).map_err(|e| e.report(lang))
    })
    .await
    .map_err(internal)?
}

pub(crate) fn today() -> NaiveDate {
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

/// The member form's search: at most `limit` people (50 at the most) whose
/// name or e-mail holds `query`.
#[tauri::command]
async fn find_people(state: State<'_, AppState>, query: String, limit: usize) -> Answer<PeopleFound> {
    with_store(&state, move |s, _| s.find_people(&query, limit.min(50))).await
}

#[tauri::command]
async fn add_membership(state: State<'_, AppState>, input: MembershipInput) -> Answer<Membership> {
    with_store(&state, move |s, _| s.add_membership(&s.actor(Utc::now())?, &input)).await
}

/// Members from a spreadsheet the person picks (XLSX or CSV): every row
/// checked first, then all read in or none.
#[tauri::command]
async fn import_members(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, jobs::Jobs>,
    job_id: String,
    on_progress: tauri::ipc::Channel<grendebok_core::progress::ProgressEvent>,
    council_id: String,
) -> Answer<SavedFile> {
    // Registered first, so an "Avbryt" pressed while the file dialog is open counts too.
    let progress = jobs.start(&job_id, on_progress);
    let chosen = files::pick_file(app, "Regneark / Spreadsheet", &["xlsx", "csv"]).await;
    let Ok(Some(file)) = chosen else {
        jobs.finish(&job_id);
        return Err(chosen.err().unwrap_or_else(files::cancelled));
    };
    let answer = with_store(&state, move |s, lang| {
        let done = s.import_members_with_progress(&s.actor(Utc::now())?, &council_id, &file, &progress)?;
        let council = s.council(&council_id)?.name;
        let message = grendebok_core::intake::imported_message(lang, &done, &council);
        Ok(SavedFile::said(file.display().to_string(), message))
    })
    .await;
    jobs.finish(&job_id);
    answer
}

/// An access request (GDPR art. 15): everything the file holds about one
/// person, as JSON, to a file chosen in a save dialog opened from Rust.
#[tauri::command]
async fn export_person_data(app: tauri::AppHandle, state: State<'_, AppState>, person_id: String) -> Answer<SavedFile> {
    let for_name = person_id.clone();
    files::save_as(
        app,
        &state,
        ("JSON", "json"),
        move |s, lang| Ok((s.person_export_file_name(&for_name, today(), lang)?, ())),
        move |s, (), path| s.export_person_data(&person_id, path),
    )
    .await
}

/// Erases a former member (GDPR art. 17): core refuses a sitting member and
/// keeps a formal body's approved minutes and archive as they are.
#[tauri::command]
async fn erase_person(state: State<'_, AppState>, person_id: String) -> Answer<SavedFile> {
    with_store(&state, move |s, lang| {
        let name = s.person_export(&person_id)?.person.name;
        let alias = s.erase_person(&s.actor(Utc::now())?, &person_id, today())?;
        let message = grendebok_core::i18n::t(lang, "privacy.erased", &[("name", &name), ("alias", &alias)]);
        Ok(SavedFile::said("", message))
    })
    .await
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
async fn load_demo(
    state: State<'_, AppState>,
    jobs: State<'_, jobs::Jobs>,
    job_id: String,
    on_progress: tauri::ipc::Channel<grendebok_core::progress::ProgressEvent>,
) -> Answer<Vec<CouncilSummary>> {
    let progress = jobs.start(&job_id, on_progress);
    let answer = with_store(&state, move |s, lang| {
        s.load_demo_with_progress(&s.actor(Utc::now())?, today(), &progress)?;
        s.council_summaries(today(), lang)
    })
    .await;
    jobs.finish(&job_id);
    answer
}

fn internal(e: impl std::fmt::Display) -> ErrorReport {
    let lang = *LAST_LANG.lock().unwrap_or_else(|p| p.into_inner());
    ErrorReport {
        code: ErrorCode::Internal,
        message: grendebok_core::i18n::t(lang, "error.internal", &[("detail", &e.to_string())]),
        fields: Vec::new(),
    }
}

/// The person's language as the last command read it, for the one answer
/// given without the store: a command's thread that was lost.
static LAST_LANG: Mutex<Lang> = Mutex::new(Lang::Nb);

async fn export(
    app: tauri::AppHandle,
    state: &AppState,
    meeting_id: String,
    kind: DocumentKind,
    public: bool,
) -> Answer<SavedFile> {
    let id = meeting_id.clone();
    files::save_as(
        app,
        state,
        ("PDF", "pdf"),
        move |s, _| Ok((s.version_file_name(&id, kind, public)?, ())),
        move |s, (), path| s.export_version(&s.actor(Utc::now())?, &meeting_id, kind, public, path),
    )
    .await
}

#[tauri::command]
async fn export_notice(app: tauri::AppHandle, state: State<'_, AppState>, meeting_id: String) -> Answer<SavedFile> {
    export(app, &state, meeting_id, DocumentKind::Notice, false).await
}

#[tauri::command]
async fn export_minutes(app: tauri::AppHandle, state: State<'_, AppState>, meeting_id: String) -> Answer<SavedFile> {
    export(app, &state, meeting_id, DocumentKind::Minutes, false).await
}

/// The notice as an e-mail draft to everyone who sits on the council that
/// day, the PDF attached.
#[tauri::command]
async fn export_notice_mail(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Answer<SavedFile> {
    files::save_as(
        app,
        &state,
        ("E-post", "eml"),
        move |s, _| s.notice_draft(&meeting_id, Utc::now()),
        files::write_mail_draft,
    )
    .await
}

/// The public version of the notice: items exempt from public access withheld.
#[tauri::command]
async fn export_public_notice(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Answer<SavedFile> {
    export(app, &state, meeting_id, DocumentKind::Notice, true).await
}

/// The public version of the minutes: items exempt from public access withheld.
#[tauri::command]
async fn export_public_minutes(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Answer<SavedFile> {
    export(app, &state, meeting_id, DocumentKind::Minutes, true).await
}

/// The legal bases for exemption from public access the item form offers a council.
#[tauri::command]
async fn exemption_bases(state: State<'_, AppState>, council_id: String) -> Answer<Vec<ExemptionBasis>> {
    with_store(&state, move |s, lang| s.exemption_bases(&council_id, lang)).await
}

// --- start-up, backups and restore ---------------------------------------------------

/// Whether the database opened, and if not why, whether it is read-only,
/// with the backups to restore from and a warning when the clock looks wrong.
#[tauri::command]
async fn get_startup(state: State<'_, AppState>) -> Answer<Startup> {
    let current = state.current();
    let store = current.clone().ok();
    let error = current.err();
    let path = state.path.clone();
    let (read_only, lang, backups) = tauri::async_runtime::spawn_blocking(move || {
        let (read_only, lang) = store.map_or((false, Lang::default()), |s| {
            let s = s.lock().unwrap_or_else(|p| p.into_inner());
            (s.read_only(), s.settings().map(|s| s.language).unwrap_or_default())
        });
        (read_only, lang, backup::list(&path).unwrap_or_default())
    })
    .await
    .unwrap_or_default();
    let clock_warning = grendebok_core::views::clock_warning(&backups, Local::now().fixed_offset(), lang);
    Ok(Startup {
        db_path: state.path.display().to_string(),
        error,
        read_only,
        backups,
        clock_warning,
    })
}

#[tauri::command]
async fn backup_now(
    state: State<'_, AppState>,
    jobs: State<'_, jobs::Jobs>,
    job_id: String,
    on_progress: tauri::ipc::Channel<grendebok_core::progress::ProgressEvent>,
) -> Answer<backup::BackupInfo> {
    let progress = jobs.start(&job_id, on_progress);
    let answer = with_store(&state, move |s, _| {
        s.backup_with_progress(backup::BackupKind::Manual, Utc::now(), &progress)
    })
    .await;
    jobs.finish(&job_id);
    answer
}

/// Replaces the database with a listed backup (by name; never a path from
/// the web view), keeping the current file beside it, and opens it again.
/// If the restore fails, the current file is untouched and opened again:
/// the app goes on as before.
#[tauri::command]
async fn restore_backup(state: State<'_, AppState>, file_name: String) -> Answer<Startup> {
    let lang = match state.current() {
        Ok(store) => store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .settings()
            .map(|s| s.language)
            .unwrap_or_default(),
        Err(_) => Lang::default(),
    };
    let slot = Arc::clone(&state.store);
    let file_jobs = Arc::clone(&state.file_jobs);
    let path = state.path.clone();
    tauri::async_runtime::spawn_blocking(move || restore_in_place(&slot, &file_jobs, &path, &file_name))
        .await
        .map_err(internal)?
        .map_err(|e| e.report(lang))?;
    get_startup(state).await
}

/// How long a restore waits for the jobs under way on the store to finish.
const CLOSE_WAIT: std::time::Duration = std::time::Duration::from_secs(120);

/// Closes the store, restores the backup `file_name` over the file at
/// `path` (`backup::restore`, as the CLI does), and opens the file again —
/// the restored one, or the untouched current one if the restore failed.
fn restore_in_place(
    slot: &Mutex<Slot>,
    file_jobs: &Mutex<()>,
    path: &std::path::Path,
    file_name: &str,
) -> grendebok_core::Result<backup::BackupInfo> {
    let _only_file_job = file_jobs.lock().unwrap_or_else(|p| p.into_inner());
    let open = {
        let mut slot = slot.lock().unwrap_or_else(|p| p.into_inner());
        if slot.as_ref().is_err_and(|e| e.code == ErrorCode::Restoring) {
            return Err(grendebok_core::CoreError::Restoring);
        }
        std::mem::replace(
            &mut *slot,
            Err(grendebok_core::CoreError::Restoring.report(Lang::default())),
        )
    };
    // The writer lock goes with the store: wait for the jobs that hold it.
    if let Ok(store) = open {
        if let Err(still_held) = close(store) {
            *slot.lock().unwrap_or_else(|p| p.into_inner()) = Ok(still_held);
            return Err(grendebok_core::CoreError::Restoring);
        }
    }
    let restored = backup::restore(path, file_name, grendebok_core::store::known_version(), Utc::now());
    *slot.lock().unwrap_or_else(|p| p.into_inner()) = open_store(path);
    restored
}

/// Drops the store once no job holds it any more (its file and writer lock
/// are then let go), or gives it back if a job still holds it after [`CLOSE_WAIT`].
fn close(mut store: Arc<Mutex<Store>>) -> Result<(), Arc<Mutex<Store>>> {
    let deadline = std::time::Instant::now() + CLOSE_WAIT;
    loop {
        match Arc::try_unwrap(store) {
            Ok(only) => {
                drop(only);
                return Ok(());
            }
            Err(shared) if std::time::Instant::now() < deadline => {
                store = shared;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(shared) => return Err(shared),
        }
    }
}

/// `GRENDEBOK_ZOOM` (e.g. `1.25`) zooms the page as a person who reads at
/// 125 % does: the layout tests take the screens at that zoom.
fn zoom_from_env(app: &tauri::App) {
    use tauri::Manager;
    let zoom = std::env::var("GRENDEBOK_ZOOM").ok().and_then(|z| z.parse::<f64>().ok());
    if let (Some(zoom), Some(window)) = (zoom, app.get_webview_window("main")) {
        let _ = window.set_zoom(zoom);
    }
}

/// Builds and runs the app until its window closes.
pub fn run() {
    let (state, check) = AppState::open();
    keep_watch(&state, check);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(jobs::Jobs::default())
        .setup(|app| {
            zoom_from_env(app);
            Ok(())
        })
        .invoke_handler(with_commands!(handler))
        .run(tauri::generate_context!())
        .expect("Grendebok could not start its window");
}

#[cfg(test)]
mod tests {
    /// The main window's capability is the one build.rs writes from the
    /// command table: exactly the app's own commands (nothing missing, or the
    /// UI would break; nothing else: no plugins).
    #[test]
    fn the_main_window_may_call_exactly_the_apps_commands() {
        assert_eq!(include_str!("../capabilities/main.json"), super::commands::capability());
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).expect("valid JSON");
        assert_eq!(
            capability["permissions"].as_array().map(Vec::len),
            Some(super::commands::COMMANDS.len())
        );
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
    }

    /// ui/src/api.ts invokes every command of the table and no other, each
    /// from the Backend method of the same name in camelCase.
    #[test]
    fn the_ui_calls_exactly_the_apps_commands_by_their_names() {
        let api = include_str!("../../ui/src/api.ts");
        let mut invoked: Vec<&str> = Vec::new();
        for line in api.lines().map(str::trim) {
            let Some((_, rest)) = line.split_once("invoke(\"") else {
                continue;
            };
            let name = rest.split('"').next().unwrap_or_default();
            let camel: String = name
                .split('_')
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        w.to_owned()
                    } else {
                        w[..1].to_uppercase() + &w[1..]
                    }
                })
                .collect();
            assert!(
                line.starts_with(&format!("{camel}: ")),
                "api.ts calls {name} from another method: {line}"
            );
            invoked.push(name);
        }
        let mut commands = super::commands::COMMANDS.to_vec();
        invoked.sort_unstable();
        commands.sort_unstable();
        assert_eq!(invoked, commands);
    }

    /// No inline or evaluated script, and nothing from another host.
    #[test]
    fn the_content_security_policy_is_strict() {
        let config: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json")).expect("valid JSON");
        let csp = config["app"]["security"]["csp"].as_str().expect("a CSP string");
        let directive = |name: &str| {
            csp.split(';')
                .map(str::trim)
                .find(|d| d.starts_with(&format!("{name} ")))
                .unwrap_or_else(|| panic!("the CSP has no {name}"))
                .to_owned()
        };
        assert_eq!(directive("script-src"), "script-src 'self'");
        assert_eq!(directive("default-src"), "default-src 'self'");
        assert!(!csp.contains("unsafe-eval"), "no eval: {csp}");
        let hosts: Vec<&str> = csp.split([' ', ';']).filter(|w| w.contains("://")).collect();
        assert_eq!(hosts, ["http://ipc.localhost"], "no remote hosts: {csp}");
    }
}

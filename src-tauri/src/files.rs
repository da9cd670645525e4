//! The shell's one way to files the person chooses: the save, open and
//! folder dialogs (opened from Rust; no path ever comes from the web view),
//! and the one export flow every "Lagre …" button takes — the core suggests a
//! name, the person chooses where, the core writes, and the answer is one
//! [`SavedFile`] whose message the core defines ([`Told`]).
//!
//! The end-to-end tests stand in for the dialogs with `GRENDEBOK_EXPORT_DIR`
//! (a folder: the suggested name in it) and `GRENDEBOK_IMPORT_FILE`.

use std::path::{Path, PathBuf};

use grendebok_core::model::{ErrorCode, ErrorReport, Lang, SavedFile};
use grendebok_core::saved::{MailDraft, Told};
use grendebok_core::Store;

use crate::{internal, with_store, Answer, AppState};

/// The one export flow: `name` suggests the file's name (and may carry what
/// it made on to `write`, as a mail draft's bytes), the save dialog asks
/// where, `write` writes there, and the answer says so in the person's
/// language. Closing the dialog answers [`cancelled`] and writes nothing.
pub(crate) async fn save_as<C, T, N, W>(
    app: tauri::AppHandle,
    state: &AppState,
    filter: (&'static str, &'static str),
    name: N,
    write: W,
) -> Answer<SavedFile>
where
    C: Send + 'static,
    T: Told,
    N: FnOnce(&mut Store, Lang) -> grendebok_core::Result<(String, C)> + Send + 'static,
    W: FnOnce(&mut Store, C, &Path) -> grendebok_core::Result<T> + Send + 'static,
{
    let (suggested, carried) = with_store(state, name).await?;
    let path = tauri::async_runtime::spawn_blocking(move || save_dialog(&app, &suggested, filter))
        .await
        .map_err(internal)?
        .ok_or_else(cancelled)?;
    with_store(state, move |s, lang| {
        let done = write(s, carried, &path)?;
        Ok(answer(lang, &path, &done))
    })
    .await
}

/// The answer after `done` was written at `path`, which the person may then
/// open ("Åpne") or show in its folder ("Åpne mappen").
pub(crate) fn answer(lang: Lang, path: &Path, done: &impl Told) -> SavedFile {
    crate::saved::remember(path);
    SavedFile::of(lang, path, done)
}

/// Writes an e-mail draft's bytes (`.eml`, the PDF attached); the UI then
/// opens it in the person's mail program. Grendebok never sends mail itself.
pub(crate) fn write_mail_draft(_: &mut Store, bytes: Vec<u8>, path: &Path) -> grendebok_core::Result<MailDraft> {
    grendebok_core::pdf::write_atomically(path, &bytes)
        .map_err(|e| grendebok_core::CoreError::Io(grendebok_core::error::at_path(path, e)))?;
    Ok(MailDraft)
}

/// The save dialog with the suggested name (blocking: call it off the async
/// runtime); `None` when the person closed it.
fn save_dialog(app: &tauri::AppHandle, suggested: &str, filter: (&str, &str)) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("GRENDEBOK_EXPORT_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join(suggested));
    }
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .set_file_name(suggested)
        .add_filter(filter.0, &[filter.1])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// The file a person picks to read in; `None` when the dialog was closed.
pub(crate) async fn pick_file(
    app: tauri::AppHandle,
    filter: &'static str,
    extensions: &'static [&'static str],
) -> Answer<Option<PathBuf>> {
    tauri::async_runtime::spawn_blocking(move || {
        if let Some(file) = std::env::var_os("GRENDEBOK_IMPORT_FILE").filter(|f| !f.is_empty()) {
            return Some(PathBuf::from(file));
        }
        use tauri_plugin_dialog::DialogExt;
        app.dialog()
            .file()
            .add_filter(filter, extensions)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(internal)
}

/// A folder the person picks (the kommune's folder is made in it); `None`
/// when the dialog was closed.
pub(crate) async fn pick_folder(app: tauri::AppHandle) -> Answer<Option<PathBuf>> {
    tauri::async_runtime::spawn_blocking(move || {
        if let Some(dir) = std::env::var_os("GRENDEBOK_EXPORT_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        use tauri_plugin_dialog::DialogExt;
        app.dialog()
            .file()
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(internal)
}

/// The answer when the person closed a dialog without choosing.
pub(crate) fn cancelled() -> ErrorReport {
    ErrorReport {
        code: ErrorCode::Cancelled,
        message: String::new(),
        fields: Vec::new(),
    }
}

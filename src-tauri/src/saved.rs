//! The files this app saved in this session: the only ones the web view may
//! ask to open ("Åpne PDF") or show in their folder ("Åpne mappen"). A path
//! from the web view is never trusted otherwise (ARCHITECTURE.md).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use grendebok_core::error::at_path;
use grendebok_core::model::ErrorReport;
use grendebok_core::CoreError;
use tauri::State;

use crate::{with_store, AppState};

static SAVED: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Notes `path` as saved by the app and returns it as the UI receives it.
pub fn remember(path: &Path) -> String {
    SAVED.lock().unwrap_or_else(|p| p.into_inner()).insert(path.to_owned());
    path.display().to_string()
}

fn remembered(path: &Path) -> bool {
    SAVED.lock().unwrap_or_else(|p| p.into_inner()).contains(path)
}

/// Opens a file the app saved, or (`folder`) the folder it is in, with the
/// desktop's own program. With `$GRENDEBOK_OPEN_LOG` set (the end-to-end
/// tests) it writes what it would open to that file instead.
#[tauri::command]
pub async fn open_saved(state: State<'_, AppState>, path: String, folder: bool) -> Result<(), ErrorReport> {
    with_store(&state, move |_, _| {
        let path = PathBuf::from(path);
        if !remembered(&path) {
            return Err(CoreError::NotFound {
                entity: "file",
                id: path.display().to_string(),
            });
        }
        let target = if folder && !path.is_dir() {
            path.parent().map(Path::to_path_buf).unwrap_or_else(|| path.clone())
        } else {
            path.clone()
        };
        if !target.exists() {
            return Err(CoreError::Io(at_path(&path, std::io::ErrorKind::NotFound.into())));
        }
        if let Some(log) = std::env::var_os("GRENDEBOK_OPEN_LOG") {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new().create(true).append(true).open(log)?;
            writeln!(f, "{}\t{}", if folder { "folder" } else { "file" }, target.display())?;
            return Ok(());
        }
        open_with_desktop(&target).map_err(|e| CoreError::Io(at_path(&target, e)))
    })
    .await
}

fn open_with_desktop(target: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    let mut command = std::process::Command::new("xdg-open");
    #[cfg(target_os = "macos")]
    let mut command = std::process::Command::new("open");
    #[cfg(target_os = "windows")]
    let mut command = std::process::Command::new("explorer");
    command.arg(target).spawn().map(|_| ())
}

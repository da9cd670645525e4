//! Where the database lives by default.

use std::path::PathBuf;

/// The environment variable that points the app at another database file
/// (tests use it; the CLI has `--db`).
pub const DB_ENV: &str = "GRENDEBOK_DB";

/// The app's identifier, which is also the name of its data folder.
pub const APP_ID: &str = "no.grendebok.app";

/// `$XDG_DATA_HOME/no.grendebok.app/grendebok.sqlite3` (on Linux; `~/.local/share`
/// when XDG_DATA_HOME is unset) — the same folder Tauri gives the app, so the
/// app and the CLI find the same file. `GRENDEBOK_DB` overrides it.
pub fn default_db_path() -> PathBuf {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    data_dir().join(APP_ID).join("grendebok.sqlite3")
}

fn data_dir() -> PathBuf {
    let env_dir = |name: &str| std::env::var_os(name).filter(|p| !p.is_empty()).map(PathBuf::from);
    if cfg!(target_os = "windows") {
        return env_dir("APPDATA").unwrap_or_else(|| PathBuf::from("."));
    }
    let home = env_dir("HOME").unwrap_or_else(|| PathBuf::from("."));
    if cfg!(target_os = "macos") {
        return home.join("Library").join("Application Support");
    }
    env_dir("XDG_DATA_HOME").unwrap_or_else(|| home.join(".local").join("share"))
}

//! Declares the app's own commands to Tauri's access control, so each gets an
//! `allow-<command>` permission and no command runs unless the main window's
//! capability (capabilities/main.json) grants it.

include!("src/commands.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build");
}

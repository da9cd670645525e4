//! Declares the app's own commands to Tauri's access control, so each gets an
//! `allow-<command>` permission and no command runs unless the main window's
//! capability (capabilities/main.json) grants it.

/// Every command in `src/lib.rs`'s `generate_handler!`, and nothing else.
const COMMANDS: &[&str] = &[
    "get_settings",
    "save_user_name",
    "save_language",
    "list_councils",
    "get_council",
    "create_council",
    "update_council",
    "list_people",
    "add_membership",
    "update_membership",
    "end_membership",
    "load_demo",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build");
}

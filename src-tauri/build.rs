//! Declares the app's own commands to Tauri's access control, so each gets an
//! `allow-<command>` permission and no command runs unless the main window's
//! capability grants it; writes that capability (capabilities/main.json) from
//! the same table (src/commands.rs).

include!("src/commands.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/commands.rs");
    let path = "capabilities/main.json";
    let capability = capability();
    if std::fs::read_to_string(path).ok().as_deref() != Some(capability.as_str()) {
        std::fs::write(path, capability).expect("capabilities/main.json is written");
    }
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build");
}

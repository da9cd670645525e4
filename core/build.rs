//! The migrations are compiled in by `include_dir!`, which cargo does not
//! track: rebuild the crate when any file under `migrations/` changes.

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}

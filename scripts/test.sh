#!/usr/bin/env bash
# Runs every check and test: formatting, the UI's type check and tests,
# clippy with warnings denied, the core, CLI and binding tests, and the
# end-to-end tests on the real app binary under Xvfb. Builds once.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

if ! command -v tauri-driver >/dev/null; then
  echo "==> Installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

echo "==> cargo fmt --check"
cargo fmt --all --check

echo "==> UI: type check, build and tests"
(cd ui && npm run --silent build && npm test --silent)

echo "==> cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "==> Building the app and the tests"
cargo build --workspace --all-targets --quiet

echo "==> Tests (the end-to-end ones drive the real app under Xvfb)"
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace

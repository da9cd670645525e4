#!/usr/bin/env bash
# Runs every check and test: formatting, the UI's type check and tests,
# clippy with warnings denied, the core, CLI and binding tests, and the
# end-to-end tests on the real app binary under Xvfb (one debug build), and
# last the Debian package: built, installed, started by a fresh user, removed.
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

echo "==> Architecture: core has no Tauri or GUI in its tree; no SQL outside core; the store's layout"
if cargo tree -p grendebok-core --edges normal,build --prefix none | grep -iE '^(tauri|wry|tao|gtk|webkit)'; then
  echo "grendebok-core must not depend on Tauri or a GUI toolkit" >&2; exit 1
fi
if grep -rIlE 'rusqlite|\b(SELECT|INSERT|UPDATE|DELETE) .*(FROM|INTO|SET)\b' cli src-tauri/src tests ui/src --include='*.rs' --include='*.ts' --include='*.tsx' --include=Cargo.toml; then
  echo "SQL belongs in core/src/store only" >&2; exit 1
fi
if grep -rIlE '\b(SELECT|INSERT|UPDATE|DELETE) .*(FROM|INTO|SET)\b' core/src --include='*.rs' | grep -v '^core/src/store/'; then
  echo "SQL belongs in core/src/store only, not elsewhere in core" >&2; exit 1
fi
echo "==> Architecture: no rule reads the clock (the faces do, and pass it in)"
if grep -rnE '(Utc|Local)::now\(\)|SystemTime::now\(\)' core/src --include='*.rs' \
    | grep -vE '^core/src/[^:]*tests?\.rs:|clock-read-allowed'; then
  echo "core reads the clock above: take the time from the caller (an Actor or a day)" >&2; exit 1
fi
# The store's own layout (one module per domain, none over 700 lines, no door
# forwarded through mod.rs, no placeholder language; error.rs and model free
# of store and package): core/src/architecture_tests.rs, run first to fail fast.
cargo test --quiet -p grendebok-core architecture_tests

echo "==> UI: type check, build and tests"
(cd ui && npm run --silent build && npm test --silent)

echo "==> The user guides name only buttons and fields the app really has"
node scripts/guide-check.mjs

echo "==> cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "==> Building the app and the tests"
cargo build --workspace --all-targets --quiet

echo "==> Tests (the end-to-end ones drive the real app under Xvfb)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace 2>&1 | tee "$log"
sum() { grep -oE "test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed" "$log" | awk -v f="$1" '{ s += $f } END { print s + 0 }'; }
echo "cargo: $(sum 4) passed, $(sum 6) failed"

# The Debian package as a user meets it (~9 min cold: a release build, then
# the install test itself takes ~15 s). It needs root for apt and useradd:
# without it this fails rather than skipping.
echo "==> The .deb: release build, apt install, first start as a fresh user, removal"
if [ "$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then
  echo "scripts/deb-check.sh needs root or passwordless sudo (apt-get install, useradd)" >&2; exit 1
fi
# On a clean CI clone the debug build has done its work: free its disk
# before the release build (the two together would need ~4 GiB).
if [ "${GRENDEBOK_FREE_DEBUG_BUILD:-}" = 1 ]; then
  rm -rf target/debug
fi
./scripts/package.sh | tee "$log"
as_root ./scripts/deb-check.sh "$(tail -n 1 "$log")"

#!/usr/bin/env bash
# Installs what Grendebok needs to build, run and test on Debian or Ubuntu,
# skipping whatever is already there. Sourced by run.sh and test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# System packages: WebKitGTK and friends for Tauri, Xvfb, D-Bus and the
# WebKit WebDriver for the end-to-end tests, poppler for looking at PDFs,
# desktop-file-utils for checking the .deb's menu entry.
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev librsvg2-dev
  libxdo-dev libayatana-appindicator3-dev
  xvfb xauth webkit2gtk-driver dbus poppler-utils desktop-file-utils
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Grendebok needs Rust (cargo). Install it from https://rustup.rs and run this command again." >&2
  exit 1
fi

# The UI's npm packages, reinstalled when the lock file changes.
stamp="$ROOT/ui/node_modules/.grendebok-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/ui/package-lock.json" "$stamp"; then
  echo "==> Installing the UI's npm packages"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/ui/package-lock.json" "$stamp"
fi

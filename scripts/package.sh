#!/usr/bin/env bash
# Builds the Debian package of the desktop app: the UI, a release build,
# then the .deb bundled by the Tauri CLI (from npm, pinned to 2; it works
# offline once fetched). The binary is stripped before it is packed.
# Prints the path of the .deb on its last line:
#   ./scripts/package.sh      # then: sudo apt install ./target/release/bundle/deb/grendebok_0.1.0_amd64.deb
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
tauri() { (cd "$ROOT/src-tauri" && npx --yes @tauri-apps/cli@2 "$@"); }

echo "==> Building the UI"
(cd ui && npm run --silent build)

echo "==> Release build of the app"
tauri build --no-bundle --ci
strip "$ROOT/target/release/grendebok"

echo "==> Bundling the .deb"
out="$ROOT/target/release/bundle/deb"
rm -f "$out"/*.deb
tauri bundle --bundles deb --ci

# Tauri names the file after the product (Grendebok_…); Debian's own naming is
# package_version_arch.deb, which is what the README tells people to install.
built="$(ls "$out"/*.deb)"
deb="$out/$(dpkg-deb -f "$built" Package)_$(dpkg-deb -f "$built" Version)_$(dpkg-deb -f "$built" Architecture).deb"
[ "$built" = "$deb" ] || mv "$built" "$deb"
echo "$deb"

#!/usr/bin/env bash
# Sets up what is missing, builds Grendebok and starts it on the local
# database in your data folder (created on first start; demo data is one
# click away in the empty council list). Set GRENDEBOK_DB to use another file.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"

echo "==> Building the UI"
(cd "$ROOT/ui" && npm run --silent build)
echo "==> Building and starting Grendebok"
cd "$ROOT"
exec cargo run --quiet -p grendebok

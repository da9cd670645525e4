#!/usr/bin/env bash
# DEV ONLY: screenshots of every screen on the core's recorded answers (src/dev/playback.ts).
# Needs: python3, chromium (apt-get install -y chromium). Output: ui/shots/*.png
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build:shots >/dev/null
mkdir -p shots
PORT=${PORT:-4178}
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist-shots >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 0.5
SHOTS=${*:-"welcome list-empty list council-new council-edit council council-tall council-storlia add-member add-member-errors edit-member end-member meetings-new meeting meeting-tall meeting-item2 meeting-planned meeting-approved meeting-approved-tall meeting-add-item meeting-approve startup-error startup-restore backups backups-restore scheme scheme-tall scheme-new scheme-edit application-new application-tall application-inhabil application-decided-tall application-refused-tall overview overview-tall overview-behind overview-en-tall council-en council-duties waive-duty search search-more search-none list-imported list-import-refused change-due"}
for shot in $SHOTS; do
  lang=nb; size=1280,800
  case $shot in *-tall) size=1280,2400; shot=${shot%-tall};; esac
  case $shot in *-nn) lang=nn; shot=${shot%-nn};; *-en) lang=en; shot=${shot%-en};; esac
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --window-size=$size --virtual-time-budget=4000 \
    --screenshot="shots/$shot-$lang-${size#*,}.png" "http://127.0.0.1:$PORT/shots.html?shot=$shot&lang=$lang" >/dev/null 2>&1 || echo "failed: $shot"
  rm -rf "$profile"
done
ls shots

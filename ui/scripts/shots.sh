#!/usr/bin/env bash
# DEV ONLY: screenshots of every screen against the in-memory fake backend.
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
SHOTS=${*:-"welcome list-empty list council-new council-new-errors council-edit council council-tall council-lyngvik add-member add-member-errors edit-member end-member meetings-new meetings-new-errors meeting meeting-tall meeting-item2 meeting-planned meeting-send-refused meeting-approved meeting-approved-tall meeting-add-item meeting-approve meeting-approve-refused meeting-approve-later meeting-approve-later-refused meeting-approved-later-tall meeting-approve-later-en meeting-approve-later-nn meeting-record-errors-tall meeting-nn meeting-en startup-error startup-error-none startup-restore startup-restore-refused startup-restored startup-error-nn startup-error-en backups backups-taken backups-restore backups-restored backups-nn backups-en scheme scheme-tall scheme-new scheme-new-errors scheme-edit application-new application-tall application-inhabil application-decided-tall application-refused-tall scheme-nn application-en-tall overview overview-tall overview-behind overview-exported overview-en-tall overview-nn council-duties waive-duty waive-duty-refused change-due"}
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

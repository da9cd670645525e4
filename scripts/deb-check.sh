#!/usr/bin/env bash
# The real install test of the Debian package, as a user would meet it:
#   1. builds the .deb (scripts/package.sh), or takes the one given;
#   2. installs it with apt (as root), which must pull its dependencies;
#   3. checks the menu entry, the icons and the declared dependencies;
#   4. makes a fresh user account and starts the installed /usr/bin/grendebok
#      as that user under Xvfb and D-Bus, and checks that the app kept running
#      and created its database in the user's own data folder
#      (~/.local/share/no.grendebok.app/grendebok.sqlite3) with its first
#      automatic backup beside it;
#   5. removes the package and the user again (also when a check fails).
# Usage: sudo ./scripts/deb-check.sh [path/to/grendebok_VERSION_ARCH.deb]
# Set DEB_CHECK_SHOT=file.png to keep a screenshot of what the app showed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() { echo "deb-check: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "must run as root (it installs a package and adds a user)"
for tool in apt-get dpkg-deb useradd userdel runuser xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null || fail "needs $tool"
done

if [ $# -ge 1 ]; then
  deb="$(realpath "$1")"
else
  deb="$("$ROOT/scripts/package.sh" | tail -n 1)"
fi
[ -f "$deb" ] || fail "no package at $deb"
package="$(dpkg-deb -f "$deb" Package)"
echo "==> Checking $deb ($(du -h "$deb" | cut -f1))"

# Never touch an installation somebody made on purpose.
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  fail "$package is already installed here; remove it first (apt-get remove $package)"
fi

user="grendebok-check-$$"
work="$(mktemp -d)"
cleanup() {
  set +e
  pkill -TERM -u "$user" 2>/dev/null
  sleep 1
  pkill -KILL -u "$user" 2>/dev/null
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok"; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$package" >/dev/null
  fi
  id "$user" >/dev/null 2>&1 && userdel -r "$user" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> apt-get install ./$(basename "$deb")"
start=$SECONDS
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install"; }
echo "    installed in $((SECONDS - start)) s"

echo "==> Installed files"
bin="/usr/bin/grendebok"
[ -x "$bin" ] || fail "$bin is not installed"
desktop="$(dpkg -L "$package" | grep '^/usr/share/applications/.*\.desktop$' | head -n 1)"
[ -n "$desktop" ] || fail "no .desktop file in the package"
grep -qx 'Name=Grendebok' "$desktop" || fail "$desktop has no Name=Grendebok"
grep -q '^Comment=..' "$desktop" || fail "$desktop has no Comment"
grep -qx 'Exec=grendebok' "$desktop" || fail "$desktop does not start grendebok"
grep -qx 'Icon=grendebok' "$desktop" || fail "$desktop has no icon"
grep -q '^Categories=.*Office;' "$desktop" || fail "$desktop is not in the Office menu"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
else
  echo "    (desktop-file-validate not installed: the .desktop file was checked by grep only)"
fi
for size in 32x32 48x48 64x64 128x128 256x256 512x512; do
  icon="/usr/share/icons/hicolor/$size/apps/grendebok.png"
  [ -f "$icon" ] || fail "missing icon $icon"
  file -b "$icon" | grep -q "${size/x/ x }," || fail "$icon is not $size: $(file -b "$icon")"
done
depends="$(dpkg-query -W -f='${Depends}' "$package")"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  grep -qw -- "$dep" <<<"$depends" || fail "the package does not depend on $dep (Depends: $depends)"
done
echo "    $bin, $desktop, icons 32–512 px, Depends: $depends"

echo "==> A fresh user starts the installed app"
useradd -m -s /bin/bash "$user"
home="$(getent passwd "$user" | cut -d: -f6)"
db="$home/.local/share/no.grendebok.app/grendebok.sqlite3"
[ ! -e "$db" ] || fail "$db exists before the first start"
cat >"$home/first-start.sh" <<EOF
#!/bin/sh
# Runs inside Xvfb as $user: start the app, wait for its database, look.
$bin >"$home/app.log" 2>&1 &
app=\$!
i=0
while [ \$i -lt 60 ] && [ ! -s "$db" ] && kill -0 \$app 2>/dev/null; do sleep 0.25; i=\$((i + 1)); done
sleep 4
if command -v import >/dev/null; then import -window root "$home/first-start.png" 2>/dev/null; fi
if kill -0 \$app 2>/dev/null; then echo running >"$home/app.state"; else echo exited >"$home/app.state"; fi
kill -TERM \$app 2>/dev/null
wait \$app
exit 0
EOF
chmod 755 "$home/first-start.sh"
start=$SECONDS
runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" SHELL=/bin/bash \
  PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
  timeout 60 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" "$home/first-start.sh" \
  >"$work/session.log" 2>&1 ||
  { cat "$work/session.log" "$home/app.log" >&2; fail "the first start did not finish"; }
echo "    ran for $((SECONDS - start)) s"
[ -n "${DEB_CHECK_SHOT:-}" ] && [ -f "$home/first-start.png" ] && cp "$home/first-start.png" "$DEB_CHECK_SHOT"

state="$(cat "$home/app.state" 2>/dev/null || echo unknown)"
[ "$state" = running ] || { cat "$home/app.log" >&2; fail "the app did not keep running (it $state)"; }
[ -s "$db" ] || { cat "$home/app.log" >&2; fail "no database at $db"; }
[ "$(head -c 15 "$db")" = "SQLite format 3" ] || fail "$db is not an SQLite database"
[ "$(stat -c %U "$db")" = "$user" ] || fail "$db is owned by $(stat -c %U "$db"), not $user"
backups="$home/.local/share/no.grendebok.app/grendebok-backups"
ls "$backups"/*.sqlite3 >/dev/null 2>&1 || fail "no automatic backup in $backups"
echo "    $db created ($(stat -c %s "$db") bytes, owned by $user); first backup in $backups"

echo "==> apt-get remove $package"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$package" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get remove"; }
[ ! -e "$bin" ] || fail "$bin is still there after removal"
[ ! -e "$desktop" ] || fail "$desktop is still there after removal"
[ -f "$db" ] || fail "removing the package removed the user's database"
echo "    removed; the user's data folder stays until the user deletes it"
echo "deb-check: OK"

#!/usr/bin/env bash
# Smoke-run the one-folder bundle as a person would get it: copied somewhere else,
# started from its own folder, with nothing of the build machine's Python on PATH.
# Usage: installer/bundle-check.sh [BUNDLE_FOLDER]   (default: dist/recovery-desk)
# Prints the bundle's size and how long the first start took; exits non-zero at the
# first step that fails, naming it.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=${1:-dist/recovery-desk}
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml)
password=recovery-demo-only # the demo's accounts (README, `recovery-desk demo --help`)
work=$(mktemp -d)
gui_pid=
cleanup() {
  [[ -n $gui_pid ]] && kill "$gui_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "bundle-check: FAILED: $*" >&2
  exit 1
}
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

[[ -x $bundle/recovery-desk ]] || fail "no bundle in $bundle (run make installer)"
cp -a "$bundle" "$work/recovery-desk"
mkdir -p "$work/home"
cd "$work/recovery-desk"

# A clean environment: no virtualenv, no PYTHONPATH, a home of its own. `bundle` execs
# the program, so `bundle … &` gives its own pid to $! (a subshell's pid, killed, would
# leave the window running); `run` keeps the script's shell for the steps in between.
bundle() {
  exec env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    ${FONTCONFIG_FILE:+FONTCONFIG_FILE="$FONTCONFIG_FILE"} \
    ${RECOVERY_DESK_WALK_WORKERS:+RECOVERY_DESK_WALK_WORKERS="$RECOVERY_DESK_WALK_WORKERS"} \
    ${RECOVERY_DESK_WALK_SPLIT_FROM:+RECOVERY_DESK_WALK_SPLIT_FROM="$RECOVERY_DESK_WALK_SPLIT_FROM"} \
    ./recovery-desk "$@"
}
run() { (bundle "$@"); }

start=$(now)
got=$(run --version) || fail "--version exited non-zero"
cold=$(seconds "$start" "$(now)")
[[ $got == "recovery-desk $version" ]] || fail "--version printed '$got', not 'recovery-desk $version'"
echo "ok --version ($got, first start ${cold} s)"

db=$work/demo.sqlite3
run demo --clients 300 --today 2026-11-27 --db "$db" >"$work/demo.out" 2>&1 ||
  fail "demo: $(tail -n 1 "$work/demo.out")"
[[ -s $db ]] || fail "demo wrote no database"
echo "ok demo ($(grep -o '[0-9,]* clients' "$work/demo.out" | head -n 1))"

run check --db "$db" >"$work/check.out" 2>&1 || fail "check: $(tail -n 1 "$work/check.out")"
echo "ok check"

# In one process whatever the caller exported: the split walk below is compared with it.
echo "$password" | RECOVERY_DESK_WALK_WORKERS=1 run report monthly --db "$db" --user manager --month 2026-10 \
  --out "$work/monthly.pdf" >"$work/report.out" 2>&1 || fail "report monthly: $(tail -n 1 "$work/report.out")"
[[ $(head -c 5 "$work/monthly.pdf") == "%PDF-" ]] || fail "report monthly wrote no PDF"
if command -v pdftotext >/dev/null; then
  pdftotext "$work/monthly.pdf" "$work/monthly.txt"
  grep -q "October 2026" "$work/monthly.txt" || fail "the PDF does not name October 2026"
fi
echo "ok report monthly ($(du -k "$work/monthly.pdf" | cut -f1) kB)"

# The same report with its walk split over two worker processes (300 clients are too few
# to split by themselves): the frozen program must start its workers (on Linux forked
# from its forkserver) and print what one process printed. A worker that fails makes the
# report walk alone and log a warning, which would pass unseen without this grep.
echo "$password" | RECOVERY_DESK_WALK_WORKERS=2 RECOVERY_DESK_WALK_SPLIT_FROM=0 run report monthly \
  --db "$db" --user manager --month 2026-10 --out "$work/monthly-split.pdf" >"$work/split.out" 2>&1 ||
  fail "report monthly, walked by two workers: $(tail -n 1 "$work/split.out")"
if grep -i "worker\|Traceback" "$work/split.out"; then
  fail "report monthly, walked by two workers: a worker failed"
fi
if command -v pdftotext >/dev/null; then
  pdftotext "$work/monthly-split.pdf" "$work/monthly-split.txt"
  # The footers say when each was generated; everything else must be the same.
  diff <(grep -v "Generated" "$work/monthly.txt") <(grep -v "Generated" "$work/monthly-split.txt") ||
    fail "report monthly walked by two workers printed other figures than one process"
fi
echo "ok report monthly, walked by two workers"

echo "$password" | run export funder --db "$db" --user manager --from 2026-01-01 --to 2026-10-31 \
  --out "$work/funder.xlsx" >"$work/funder.out" 2>&1 || fail "export funder: $(tail -n 1 "$work/funder.out")"
[[ $(head -c 2 "$work/funder.xlsx") == "PK" ]] || fail "export funder wrote no workbook"
echo "ok export funder ($(du -k "$work/funder.xlsx" | cut -f1) kB)"

# The exchange export streams through xlsxwriter, the funder workbook through openpyxl:
# a library missing from the bundle fails its command.
echo "$password" | run export data --db "$db" --user manager --purpose treatment \
  --out "$work/data.xlsx" >"$work/data.out" 2>&1 || fail "export data: $(tail -n 1 "$work/data.out")"
[[ $(head -c 2 "$work/data.xlsx") == "PK" ]] || fail "export data wrote no workbook"
echo "ok export data ($(du -k "$work/data.xlsx" | cut -f1) kB)"

# The window, offscreen, for a few seconds, on a machine without fonts (fontconfig
# given an empty list): alive at the end, its labels in the font it carries, no error.
log_file="$work/home/.local/state/recovery-desk/log/recovery-desk.log"
cat >"$work/no-fonts.conf" <<EOF
<?xml version="1.0"?>
<fontconfig><cachedir>$work/font-cache</cachedir></fontconfig>
EOF
start=$(now)
FONTCONFIG_FILE="$work/no-fonts.conf" bundle --db "$db" >"$work/gui.out" 2>&1 &
gui_pid=$!
for _ in $(seq 60); do
  grep -qs "window shown" "$log_file" && break
  kill -0 "$gui_pid" 2>/dev/null || break
  sleep 0.25
done
shown=$(seconds "$start" "$(now)")
sleep 3
kill -0 "$gui_pid" 2>/dev/null || fail "the window closed by itself: $(tail -n 3 "$work/gui.out")"
kill "$gui_pid"
wait "$gui_pid" 2>/dev/null || true
gui_pid=
grep -qs "window shown" "$log_file" || fail "the log never says the window was shown"
if grep -E "ERROR|CRITICAL|Traceback|could not load" "$log_file" "$work/gui.out"; then
  fail "the window logged an error"
fi
grep -qs "labels are set in the shipped DejaVu Sans" "$log_file" ||
  fail "without system fonts the window did not use the font it carries"
echo "ok window (shown after ${shown} s without system fonts, no error in its log)"

# A database without accounts opens the first-run setup, here in Spanish: the bundle
# carries the catalogue compiled from desktop/i18n/*.ts.
bundle --language es --db "$work/new.sqlite3" >"$work/setup.out" 2>&1 &
gui_pid=$!
for _ in $(seq 60); do
  grep -qs "first-run setup shown" "$log_file" && break
  kill -0 "$gui_pid" 2>/dev/null || break
  sleep 0.25
done
kill "$gui_pid" 2>/dev/null || true
wait "$gui_pid" 2>/dev/null || true
gui_pid=
grep -qs "first-run setup shown" "$log_file" || fail "an empty database did not open the setup"
if grep -E "ERROR|CRITICAL|Traceback" "$log_file" "$work/setup.out"; then
  fail "the setup logged an error"
fi
if grep -E "no recovery_desk catalogue for es" "$log_file" "$work/setup.out"; then
  fail "the bundle has no Spanish catalogue"
fi
echo "ok first-run setup (in Spanish)"

echo "bundle-check: all passed; bundle $(du -sh . | cut -f1), first start ${cold} s"

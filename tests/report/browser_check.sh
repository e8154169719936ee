#!/usr/bin/env bash
# Builds the report of one fixture folder and opens it in headless Chromium: every chart must be
# drawn, no error or warning logged, and the page must load nothing from the network. Keeps the
# drawn page (NAME.dom.html) and a screenshot (NAME.png) in WORK_DIR to look at.
#
# usage: browser_check.sh REPORT_TOOL FIXTURE_DIR WORK_DIR CHROMIUM
set -euo pipefail
tool=$1 fixture=$2 work=$3 chromium=$4
name=$(basename "$fixture")
fail() { echo "FAIL ($name): $*" >&2; exit 1; }

command -v "$chromium" >/dev/null 2>&1 ||
  fail "no Chromium ('$chromium'): install Debian's chromium (bash scripts/install-deps.sh)"

mkdir -p "$work"
folder="$work/$name"
rm -rf "$folder"
cp -R "$fixture" "$folder"
rm -f "$folder/report.html"
"$tool" "$folder" || fail "the report tool failed"
report="$folder/report.html"
[ -s "$report" ] || fail "no report.html written"

# Nothing may be fetched: no script, style sheet, image or frame from a URL.
if grep -Eio '<(script|link|img|iframe|source|embed)[^>]*(src|href)=["'"'"']?(https?:)?//' "$report" >&2; then
  fail "report.html loads something from the network"
fi
grep -q '<script type="application/json" id="zorgsim-data">' "$report" || fail "report.html has no data document"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage \
    --user-data-dir="$profile" --virtual-time-budget=20000 "$@" "file://$report" 2>"$work/$name.chromium.log"
}
browser --dump-dom >"$work/$name.dom.html" || fail "Chromium failed: $(tail -5 "$work/$name.chromium.log")"
browser --screenshot="$work/$name.png" --window-size=1280,5000 >/dev/null ||
  fail "Chromium could not take a screenshot"

# The page script builds the sections: its chart places are in the drawn page, not the file.
placeholders=$(grep -o '<figure class="chart[ "]' "$work/$name.dom.html" | wc -l)
[ "$placeholders" -gt 0 ] || fail "the drawn page has no charts"
status=$(grep -o '<p id="zorgsim-status"[^>]*>' "$work/$name.dom.html" || true)
[ -n "$status" ] || fail "no status line in the drawn page"
attribute() { sed -n "s/.* data-$1=\"\([^\"]*\)\".*/\1/p" <<<"$status"; }
state=$(attribute state) expected=$(attribute expected) rendered=$(attribute rendered)
errors=$(attribute errors) warnings=$(attribute warnings)
problems=$(sed -n '/<p id="zorgsim-status"/,/<\/p>/p' "$work/$name.dom.html" | sed 's/<li>/\n  /g; s/<[^>]*>//g')

[ "$state" = done ] || fail "the page did not finish drawing (state '$state'): $problems"
[ "$expected" = "$placeholders" ] || fail "$placeholders chart places but $expected charts"
[ "$rendered" = "$expected" ] || fail "$rendered of $expected charts drawn: $problems"
[ "$errors" = 0 ] || fail "$errors errors: $problems"
[ "$warnings" = 0 ] || fail "$warnings warnings: $problems"
svgs=$(grep -o '<svg[^>]*class="marks"' "$work/$name.dom.html" | wc -l)
[ "$svgs" -ge "$expected" ] || fail "only $svgs chart SVGs in the page for $expected charts"
[ -s "$work/$name.png" ] || fail "no screenshot"
echo "$name: all $rendered charts drawn, no errors or warnings; screenshot: $work/$name.png"

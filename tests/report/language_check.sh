#!/usr/bin/env bash
# Builds one fixture's report in LANG, draws it in headless Chromium and checks the page's
# visible text (visible_text.py): <html lang> is LANG and no text node holds a word of the other
# language, apart from text the results themselves hold (names, titles, policy lines).
#
# usage: language_check.sh REPORT_TOOL FIXTURE_DIR WORK_DIR CHROMIUM LANG WORDS_JSON
set -euo pipefail
tool=$1 fixture=$2 work=$3 chromium=$4 lang=$5 words=$6
name="$(basename "$fixture")-$lang"
fail() { echo "FAIL ($name): $*" >&2; exit 1; }
command -v "$chromium" >/dev/null 2>&1 ||
  fail "no Chromium ('$chromium'): install Debian's chromium (bash scripts/install-deps.sh)"

mkdir -p "$work"
folder="$work/$name"
rm -rf "$folder"
cp -R "$fixture" "$folder"
"$tool" "$folder" --lang "$lang" || fail "the report tool failed"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage \
  --user-data-dir="$profile" --virtual-time-budget=20000 --dump-dom "file://$folder/report.html" \
  >"$work/$name.dom.html" 2>"$work/$name.chromium.log" || fail "Chromium failed"
grep -q 'data-state="done"' "$work/$name.dom.html" || fail "the page did not finish drawing"
python3 "$(dirname "$0")/visible_text.py" "$work/$name.dom.html" "$lang" "$words" ||
  fail "words of the other language in the page (above)"

# The studio's page in headless Chromium (Debian's, driven by playwright-core from npm): a
# policymaker picks the baseline, raises foster care by 20 places from 2027 with 2% prevention a
# year from 2026, runs, reads the paired difference of the foster-care wait (negative, with its
# interval), switches to English, and downloads the scenario file, which `zorgsim validate`
# accepts and `zorgsim compare` reproduces byte for byte. The drawn page's visible text is checked
# in both languages by the report's visible_text.py, and screenshots are kept in WORK_DIR (the
# one in docs/ is made with STUDIO_SCREENSHOT=docs/studio-screenshot.png).
#
# usage: browser_check.sh ZORGSIM SOURCE_DIR NODE CHROMIUM WORK_DIR
source "$(dirname "$0")/lib.sh" "$1" "$2"
node=$3 chromium=$4 out=$5
command -v "$chromium" >/dev/null 2>&1 ||
    fail "no Chromium ('$chromium'): install Debian's chromium (bash scripts/install-deps.sh)"
command -v "$node" >/dev/null 2>&1 || fail "no Node.js ('$node'): bash scripts/install-deps.sh"
[[ -d $SOURCE_DIR/node_modules/playwright-core ]] ||
    fail "no playwright-core in node_modules: run npm ci (bash scripts/install-deps.sh)"
mkdir -p "$out"
start_studio studio "$SOURCE_DIR/scenarios"
NODE_PATH=$SOURCE_DIR/node_modules "$node" "$(dirname "$0")/browser_check.cjs" "$URL" \
    "$(command -v "$chromium")" "$out" "$WORK" "${STUDIO_SCREENSHOT:-}" ||
    fail "the page check failed (screenshots in $out)"

# The language of what the page shows: no English in the Dutch page, no Dutch in the English one.
for page in nl en nl-steps; do
    python3 "$SOURCE_DIR/tests/report/visible_text.py" "$out/studio-$page.dom.html" "${page%%-*}" \
        "$SOURCE_DIR/tools/words/words.json" || fail "words of the other language in the $page page"
done

# The downloaded scenario file: valid, and zorgsim compare gives the studio's numbers.
file=$(cat "$WORK/download-name")
mkdir scenarios
cp "$SOURCE_DIR"/scenarios/*.yaml scenarios/
cp "$WORK/download" "scenarios/$file"
"$ZORGSIM" validate "scenarios/$file" || fail "zorgsim validate refuses the downloaded $file"
read -r replications seed <"$WORK/run-settings"
(cd scenarios && "$ZORGSIM" compare westfriesland-baseline.yaml "$file" --replications "$replications" \
    --seed "$seed" --out ../cli --quiet) || fail "zorgsim compare on the downloaded file failed"
cmp -s cli/differences.csv "$WORK/differences.csv" ||
    fail "zorgsim compare on the downloaded file gives other differences than the studio showed"
cmp -s cli/comparison.json "$WORK/comparison.json" || fail "comparison.json differs from the studio's"
echo "$TEST_NAME: passed (screenshots in $out)"

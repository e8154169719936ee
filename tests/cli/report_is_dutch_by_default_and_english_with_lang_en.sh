# report.html is Dutch by default (<html lang="nl">, Dutch words in its data document) and English
# with --lang en, on run and compare and on `zorgsim report DIR`; a language that is not nl or en
# exits 2 and writes nothing. A capacity policy shows once in the policy timeline.
source "$(dirname "$0")/lib.sh"

lang_of() { grep -o '<html lang="[a-z]*">' "$1/report.html"; }

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --out nl --quiet
[[ "$(lang_of nl)" == '<html lang="nl">' ]] || fail "expected a Dutch report by default"
grep -q '"report_summary":"Samenvatting"' nl/report.html || fail "expected Dutch words in the page"

expect_exit 0 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" \
    --replications 2 --out en --quiet --lang en
[[ "$(lang_of en)" == '<html lang="en">' ]] || fail "expected an English report with --lang en"
grep -q '"report_summary":"Summary"' en/report.html || fail "expected English words in the page"

expect_exit 0 report en
[[ "$(lang_of en)" == '<html lang="nl">' ]] || fail "expected zorgsim report to write Dutch by default"
expect_exit 0 report en --lang en
[[ "$(lang_of en)" == '<html lang="en">' ]] || fail "expected zorgsim report --lang en to write English"

cp en/report.html before.html
expect_exit 2 report en --lang de
cmp -s before.html en/report.html || fail "expected --lang de to leave report.html as it was"
expect_exit 2 run "$FIXTURES/mmc-short.yaml" --replications 2 --out de --quiet --lang de
[[ ! -e de ]] || fail "expected run --lang de to write nothing"

# Each capacity step once: the policy, not also "capacity becomes" for the same step.
expect_exit 0 compare "$SOURCE_DIR/scenarios/westfriesland-baseline.yaml" \
    "$SOURCE_DIR/scenarios/westfriesland-zero-closed-2030.yaml" --replications 2 --out wf --quiet
if grep -q 'jeugdzorgplus capacity becomes' wf/comparison.json; then
    fail "expected each capacity policy once in the policy timeline"
fi
grep -qF 'JeugdzorgPlus contract (7 places) ends; a last contract buys 3 places' wf/comparison.json ||
    fail "expected the capacity policy's own description in the timeline"

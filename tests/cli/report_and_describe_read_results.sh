# `zorgsim report DIR` (re)builds report.html of a results folder (of run or compare) and exits 0;
# a folder that is not a results folder exits 2. `zorgsim describe` prints the resolved network in
# words on stdout (default: the embedded baseline) and exits 2 on a broken scenario.
source "$(dirname "$0")/lib.sh"

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --out out --quiet
rm out/report.html
expect_exit 0 report out
expect_files out report.html
grep -qi '<html' out/report.html || fail "expected report to write an HTML page"

expect_exit 0 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" \
    --replications 2 --out cmp --quiet
rm cmp/report.html
expect_exit 0 report cmp
expect_files cmp report.html

expect_exit 2 report no-such-folder
[[ ! -e no-such-folder ]] || fail "expected report not to create no-such-folder/"
mkdir empty
expect_exit 2 report empty
expect_stderr_matches 'error'
[[ -z "$(ls -A empty)" ]] || fail "expected report to write nothing into a folder without results"

expect_exit 0 describe "$FIXTURES/mmc-short.yaml"
grep -q 'team' "$WORK/stdout" || fail "expected describe to name the service team"
grep -q 'referrals' "$WORK/stdout" || fail "expected describe to name the source referrals"
expect_exit 0 describe
grep -qi 'westfriesland' "$WORK/stdout" ||
    fail "expected describe without a file to describe the embedded Westfriesland baseline"
expect_exit 2 describe "$FIXTURES/broken.yaml"
expect_empty_stdout
expect_stderr_matches 'broken\.yaml:[0-9]+:[0-9]+: error: '

# A results folder always holds exactly one run: a `run` into a folder where a `compare` wrote
# leaves none of the comparison's files (comparison.json, differences.csv, scenario-*.yaml, old
# figures), so that `zorgsim report` cannot rebuild a comparison from the wrong data; the user's
# own files stay, and a manifest line that points outside the folder removes nothing.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml

expect_exit 0 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" --replications 2 \
    --out out --quiet
expect_files out comparison.json differences.csv timeseries.csv report.html
ls out/scenario-*.yaml >/dev/null 2>&1 || fail "expected scenario-NAME.yaml files from compare"
echo "mine" >out/notes.txt
mkdir -p out/figures
echo "<svg/>" >out/figures/old-chart.svg
echo "mine too" >out/figures/my-notes.txt
echo "victim" >victim.txt
printf 'figures/old-chart.svg\n../victim.txt\n/etc/hostname\n' >>out/.zorgsim-manifest

expect_exit 0 run "$mmc" --replications 2 --out out --quiet
expect_files out summary.json timeseries.csv scenario.yaml report.html
for stale in comparison.json differences.csv figures/old-chart.svg; do
    [[ ! -e out/$stale ]] || fail "expected the compare's $stale to be gone after a run into out/"
done
if ls out/scenario-*.yaml >/dev/null 2>&1; then fail "expected no scenario-NAME.yaml after the run"; fi
[[ "$(<out/figures/my-notes.txt)" == "mine too" ]] || fail "expected the user's figures/my-notes.txt to stay"
[[ -e victim.txt ]] || fail "expected a manifest line ../victim.txt to remove nothing outside out/"
[[ "$(<out/notes.txt)" == "mine" ]] || fail "expected the user's notes.txt to stay"
expect_no_staging out
py '
import sys
names = open(sys.argv[1] + "/.zorgsim-manifest").read().split()
assert sorted(names) == ["report.html", "results.xlsx", "scenario.yaml", "summary.json",
                        "timeseries.csv"], names
' out

# The report rebuilt from the folder is a run's report, not a comparison's.
expect_exit 0 report out
[[ "$(<out/notes.txt)" == "mine" ]] || fail "expected the user's notes.txt to stay"
grep -q 'id="differences"' out/report.html && fail "expected no comparison in the rebuilt report"

# And back: a compare into the run's folder leaves no summary.json or scenario.yaml of the run.
expect_exit 0 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" --replications 2 \
    --out out --quiet
for stale in summary.json scenario.yaml; do
    [[ ! -e out/$stale ]] || fail "expected the run's $stale to be gone after a compare into out/"
done
[[ "$(<out/notes.txt)" == "mine" ]] || fail "expected the user's notes.txt to stay"
# A sweep replaces it all again: only its files (and the user's) are left.
expect_exit 0 sweep "$mmc" --set services.team.capacity=3,4 --replications 2 --out out --quiet
left=$(cd out && ls -A | grep -v '^notes.txt$' | grep -v '^figures$' | sort | tr '\n' ' ')
[[ "$left" == ".zorgsim-manifest report.html results.xlsx sweep.csv sweep.json " ]] ||
    fail "expected only the sweep's files in out/ after a sweep, got: $left"

# --out into a folder never removes the user's own files (issue 11): only the files an earlier
# zorgsim command listed in .zorgsim-manifest go; a folder without a manifest loses its known
# names only when it is clearly a results folder (a summary.json, comparison.json or sizing.json
# with a "zorgsim_version"), and then scenario-NAME.yaml only for the scenarios its
# comparison.json names, and nothing in figures/. Removing never follows a symlink.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
base=$FIXTURES/compare-base.yaml
alt=$FIXTURES/compare-alt.yaml

# 1. A folder of the user's own files, which zorgsim never wrote.
mkdir -p proj/figures
cp "$mmc" proj/scenario.yaml
cp "$mmc" proj/scenario-variant.yaml
echo mine >proj/figures/logo.png
echo mine >proj/figures/chart.svg
echo mine >proj/sweep.csv
echo mine >proj/comparison.json
(cd proj && expect_exit 0 compare "$base" "$alt" --replications 2 --out . --quiet)
for file in scenario.yaml scenario-variant.yaml figures/logo.png figures/chart.svg sweep.csv; do
    [[ -e proj/$file ]] || fail "expected the user's $file to stay after compare --out ."
done
(cd proj && expect_exit 0 run "$mmc" --replications 2 --out . --quiet)
for file in scenario-variant.yaml figures/logo.png figures/chart.svg sweep.csv; do
    [[ -e proj/$file ]] || fail "expected the user's $file to stay after run --out ."
done
[[ ! -e proj/comparison.json ]] || fail "expected the compare's own comparison.json to go"

# 2. A folder of an older zorgsim (no manifest): its known names go, the scenario-NAME.yaml of
# the scenarios its comparison.json lists go, the user's scenario-mine.yaml and figures stay.
expect_exit 0 compare "$base" "$alt" --replications 2 --out old --quiet
rm old/.zorgsim-manifest
names=$(py 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["scenarios"]))' old/comparison.json)
cp "$mmc" old/scenario-mine.yaml
mkdir -p old/figures
echo mine >old/figures/chart.svg
expect_exit 0 run "$mmc" --replications 2 --out old --quiet
for name in $names; do
    [[ ! -e old/scenario-$name.yaml ]] || fail "expected the old compare's scenario-$name.yaml to go"
done
for stale in comparison.json differences.csv; do
    [[ ! -e old/$stale ]] || fail "expected the old compare's $stale to go"
done
[[ -e old/scenario-mine.yaml ]] || fail "expected the user's scenario-mine.yaml to stay"
[[ -e old/figures/chart.svg ]] || fail "expected figures/chart.svg (in no manifest) to stay"

# 3. Not a results folder: a comparison.json without zorgsim_version keeps everything.
mkdir fake
echo '{"scenarios": {"a": 1}}' >fake/comparison.json
echo mine >fake/differences.csv
echo mine >fake/scenario-a.yaml
expect_exit 0 run "$mmc" --replications 2 --out fake --quiet
for file in comparison.json differences.csv scenario-a.yaml; do
    [[ -e fake/$file ]] || fail "expected $file of a folder zorgsim never wrote to stay"
done

# 4. A manifest line naming a symlink removes the link, never what it points to; a figures/
# symlink is never followed.
expect_exit 0 run "$mmc" --replications 2 --out links --quiet
mkdir elsewhere
echo victim >elsewhere/chart.svg
echo victim >elsewhere/target.csv
ln -s ../elsewhere/target.csv links/differences.csv
ln -s ../elsewhere links/figures
printf 'differences.csv\nfigures/chart.svg\nfigures\n' >>links/.zorgsim-manifest
expect_exit 0 run "$mmc" --replications 2 --out links --quiet
[[ -e elsewhere/chart.svg ]] || fail "expected elsewhere/chart.svg (behind a figures symlink) to stay"
[[ -e elsewhere/target.csv ]] || fail "expected the target of a symlink to stay"
[[ -d elsewhere ]] || fail "expected the folder a figures symlink points to to stay"

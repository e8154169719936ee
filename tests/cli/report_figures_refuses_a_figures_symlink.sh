# `zorgsim report DIR --figures` writes only into DIR's own figures/ folder (issue 11): a
# DIR/figures that is a symlink (to anywhere) or not a folder is refused with exit 2, and
# nothing is written where it points.
source "$(dirname "$0")/lib.sh"

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --out out --quiet
mkdir elsewhere
ln -s ../elsewhere out/figures
expect_exit 2 report out --figures
expect_stderr_matches 'symlink'
[[ -z "$(ls -A elsewhere)" ]] || fail "expected nothing written into the folder figures points to"

rm out/figures
echo mine >out/figures
expect_exit 2 report out --figures
expect_stderr_matches 'not a folder'
[[ "$(<out/figures)" == mine ]] || fail "expected the file out/figures to stay as it was"

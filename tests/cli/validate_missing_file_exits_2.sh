# A scenario file that does not exist (or is a folder) is bad input: exit 2 with a message on
# stderr that names the file, for validate, run, compare and sweep.
source "$(dirname "$0")/lib.sh"

expect_exit 2 validate no-such-file.yaml
expect_empty_stdout
expect_stderr_matches 'no-such-file\.yaml'
expect_stderr_matches 'error'

mkdir folder.yaml
expect_exit 2 validate folder.yaml
expect_stderr_matches 'folder\.yaml'

expect_exit 2 run no-such-file.yaml --out out
expect_stderr_matches 'no-such-file\.yaml'
expect_no_output "$WORK/out"

expect_exit 2 compare "$FIXTURES/compare-base.yaml" no-such-file.yaml --out out
expect_stderr_matches 'no-such-file\.yaml'
expect_no_output "$WORK/out"

expect_exit 2 sweep no-such-file.yaml --set services.team.capacity=3,4 --out out
expect_stderr_matches 'no-such-file\.yaml'
expect_no_output "$WORK/out"

# A scenario that extends a missing file: the error names the missing file.
printf 'extends: missing-parent.yaml\nname: child\n' >child.yaml
expect_exit 2 validate child.yaml
expect_stderr_matches 'missing-parent\.yaml'

# `zorgsim validate` on a valid scenario prints nothing on stdout and exits 0 (also with a valid
# --set override, and for a file that extends another).
source "$(dirname "$0")/lib.sh"

expect_exit 0 validate "$FIXTURES/mmc-short.yaml"
expect_empty_stdout
[[ ! -s "$WORK/stderr" ]] || fail "expected no diagnostics for a valid scenario"

expect_exit 0 validate "$FIXTURES/mmc-short.yaml" --set services.team.capacity=5
expect_empty_stdout

expect_exit 0 validate "$FIXTURES/compare-extra.yaml"
expect_empty_stdout

# Validating writes nothing.
[[ -z "$(ls -A "$WORK" | grep -v -e '^stdout$' -e '^stderr$' || true)" ]] ||
    fail "expected validate to write no files, found: $(ls -A "$WORK")"

# `zorgsim validate` on a broken scenario reports every mistake (not only the first) on stderr as
# FILE:LINE:COLUMN: error: MESSAGE, prints nothing on stdout and exits 2. The fixture marks its
# mistakes' lines; a YAML syntax error is reported the same way.
source "$(dirname "$0")/lib.sh"

cp "$FIXTURES/broken.yaml" broken.yaml
expect_exit 2 validate broken.yaml
expect_empty_stdout

# Every error line has the form FILE:LINE:COLUMN: error: MESSAGE.
while IFS= read -r line; do
    [[ "$line" =~ ^broken\.yaml:[0-9]+:[0-9]+:\ (error|warning):\ .+ ]] ||
        [[ "$line" =~ ^zorgsim:\ error: ]] ||
        fail "expected every stderr line as 'broken.yaml:LINE:COLUMN: error: MESSAGE', got: $line"
done <"$WORK/stderr"

for line in 7 11 12 16 17 20 21; do
    grep -Eq "^broken\.yaml:$line:[0-9]+: error: " "$WORK/stderr" ||
        fail "expected an error at broken.yaml line $line (the fixture marks a mistake there)"
done

# Messages that help: the nearest known id for a misspelt route, the unknown key's name.
grep -E '^broken\.yaml:12:' "$WORK/stderr" | grep -q 'team' ||
    fail "expected the error at line 12 (to: teem) to suggest the service 'team'"
grep -E '^broken\.yaml:21:' "$WORK/stderr" | grep -q 'colour' ||
    fail "expected the error at line 21 to name the unknown key 'colour'"

# A YAML syntax error: one error with its position, exit 2.
printf 'format: 1\nname: syntax\nsources: [\n  - id: x\n' >syntax.yaml
expect_exit 2 validate syntax.yaml
expect_empty_stdout
expect_stderr_matches '^syntax\.yaml:[0-9]+:[0-9]+: error: '

# The same diagnostics from run (before anything runs).
expect_exit 2 run broken.yaml --out out
for line in 7 11 12 16 17 20 21; do
    grep -Eq "^broken\.yaml:$line:[0-9]+: error: " "$WORK/stderr" ||
        fail "expected run to report the error at broken.yaml line $line as validate does"
done

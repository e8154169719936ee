# `zorgsim --version` and `--help` (of the program and of every command) exit 0 and print on
# stdout; an unknown command or option, or no command at all, is a usage error: exit 2.
source "$(dirname "$0")/lib.sh"

expect_exit 0 --version
grep -Eq '^zorgsim [0-9]+\.[0-9]+\.[0-9]+' "$WORK/stdout" ||
    fail "expected 'zorgsim X.Y.Z' on stdout of --version"

expect_exit 0 --help
for command in run validate describe compare sweep size report; do
    grep -q "$command" "$WORK/stdout" || fail "expected the command '$command' listed by --help"
done

for command in run validate describe compare sweep size report; do
    expect_exit 0 "$command" --help
    grep -qi 'usage' "$WORK/stdout" || fail "expected a usage text on stdout of '$command --help'"
done

expect_exit 2 frobnicate
[[ -s "$WORK/stderr" ]] || fail "expected a message on stderr for an unknown command"
expect_exit 2 run --frobnicate
[[ -s "$WORK/stderr" ]] || fail "expected a message on stderr for an unknown option"
expect_exit 2 validate "$FIXTURES/mmc-short.yaml" --frobnicate
expect_exit 2
expect_exit 2 validate
expect_exit 2 run --seed not-a-number
expect_exit 2 run --threads 0
expect_exit 2 compare "$FIXTURES/compare-base.yaml"

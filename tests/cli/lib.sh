# Helpers shared by the end-to-end tests of the zorgsim binary (sourced by every *.sh here).
#
# Every test script is called as: bash SCRIPT.sh ZORGSIM FIXTURES_DIR SOURCE_DIR
# It runs in a fresh scratch folder ($WORK, removed at exit) and fails with a message that
# says what was expected.

set -euo pipefail

if [[ $# -lt 3 ]]; then
    echo "usage: $0 ZORGSIM FIXTURES_DIR SOURCE_DIR" >&2
    exit 2
fi
ZORGSIM=$(realpath "$1")
FIXTURES=$(realpath "$2")
SOURCE_DIR=$(realpath "$3")
PYTHON=/usr/bin/python3
TEST_NAME=$(basename "$0" .sh)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zorgsim-cli-$TEST_NAME.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# SANITIZED=1 when the binary is the AddressSanitizer build (CTest sets ZORGSIM_SANITIZED there):
# its shadow memory does not fit under an address-space cap, so memory caps are left out and the
# checks that need one are skipped; everything else is checked as usual.
SANITIZED=${ZORGSIM_SANITIZED:-0}

# memory_cap KB: caps this (sub)shell's address space at KB kilobytes (`ulimit -v`), except in
# the sanitizer build.
memory_cap() {
    [[ $SANITIZED == 1 ]] || ulimit -v "$1"
}

# fail MESSAGE...: the test fails, saying what was expected (and shows the last command's output).
fail() {
    echo "FAIL [$TEST_NAME]: $*" >&2
    if [[ -s "$WORK/stdout" ]]; then
        echo "--- stdout of the last command (first 40 lines):" >&2
        head -n 40 "$WORK/stdout" >&2
    fi
    if [[ -s "$WORK/stderr" ]]; then
        echo "--- stderr of the last command (first 40 lines):" >&2
        head -n 40 "$WORK/stderr" >&2
    fi
    exit 1
}

# zs ARGS...: runs zorgsim, keeping its output in $WORK/stdout and $WORK/stderr and its exit
# code in $STATUS (never fails by itself).
zs() {
    LAST_COMMAND="zorgsim $*"
    set +e
    "$ZORGSIM" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
    STATUS=$?
    set -e
}

# expect_exit CODE ARGS...: runs zorgsim and fails unless it exits with CODE.
expect_exit() {
    local code=$1
    shift
    zs "$@"
    [[ $STATUS -eq $code ]] || fail "expected exit code $code from '$LAST_COMMAND', got $STATUS"
}

# expect_empty_stdout: the last command printed nothing on standard output.
expect_empty_stdout() {
    [[ ! -s "$WORK/stdout" ]] || fail "expected nothing on stdout from '$LAST_COMMAND'"
}

# expect_stderr TEXT: some line of the last command's standard error contains TEXT.
expect_stderr() {
    grep -Fq -- "$1" "$WORK/stderr" ||
        fail "expected '$1' on stderr of '$LAST_COMMAND', got: $(head -c 2000 "$WORK/stderr")"
}

# expect_stderr_matches REGEX: some line of the last command's standard error matches REGEX.
expect_stderr_matches() {
    grep -Eq -- "$1" "$WORK/stderr" ||
        fail "expected a line matching /$1/ on stderr of '$LAST_COMMAND'"
}

# expect_files DIR NAME...: each DIR/NAME exists and is not empty.
expect_files() {
    local dir=$1
    shift
    for name in "$@"; do
        [[ -s "$dir/$name" ]] || fail "expected a non-empty $dir/$name after '$LAST_COMMAND'"
    done
}

# expect_no_output DIR: neither DIR nor a hidden staging folder next to it (.NAME.staging-PID)
# exists.
expect_no_output() {
    local dir=$1
    [[ ! -e "$dir" ]] || fail "expected no output folder $dir after '$LAST_COMMAND'"
    expect_no_staging "$dir"
}

# expect_no_staging DIR: no hidden staging folder was left in DIR (.zorgsim-staging-*), nor its
# lock (.zorgsim.lock), nor one next to it (.NAME.staging-*, of earlier versions).
# (Builtins only: starting processes is slow on a busy machine and these checks run often.)
expect_no_staging() {
    local dir=${1%/} parent name left
    parent=.
    [[ $dir == */* ]] && parent=${dir%/*}
    name=${dir##*/}
    for left in "$parent"/."$name".staging-* "$dir"/.zorgsim-staging-* "$dir"/.zorgsim.lock; do
        [[ -e "$left" ]] && fail "expected no staging folder or lock left by $dir, found $left"
    done
    return 0
}

# snapshot DIR: every entry of DIR with its size and modification time (to the nanosecond), to
# show that DIR did not change.
snapshot() {
    ls -lAR --full-time "$1"
}

# py CODE ARGS...: runs Python code (asserts say what was expected) on the given arguments.
py() {
    local code=$1
    shift
    "$PYTHON" -c "$code" "$@" || fail "the Python check above failed (after '$LAST_COMMAND')"
}

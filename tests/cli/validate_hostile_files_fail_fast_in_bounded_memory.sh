# Hostile scenario files are refused at once, in bounded memory, with FILE:LINE:COL: error and
# exit 2: nested aliases ("billion laughs", also under an unknown key or a description) under
# a 1 GB address-space cap, and `extends` of /dev/urandom, /dev/stdin (a pipe kept open), a
# FIFO or a directory within 5 seconds. Invalid UTF-8 is refused at its first bad byte.

source "$(dirname "$0")/lib.sh"

# laughs KEY: nine levels of nine aliases, the first anchor under KEY (~700 bytes).
laughs() {
    printf 'format: 1\nname: laughs\n%s: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n' "$1"
    local previous=a level
    for level in b c d e f g h i j; do
        printf 'x%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' "$level" "$level" \
            "$previous" "$previous" "$previous" "$previous" "$previous" "$previous" \
            "$previous" "$previous" "$previous"
        previous=$level
    done
}

# capped ARGS...: zorgsim under a 1 GB address-space limit and a 5 s timeout.
capped() {
    LAST_COMMAND="zorgsim $* (ulimit -v 1000000, timeout 5)"
    set +e
    (memory_cap 1000000 && exec timeout -s KILL 5 "$ZORGSIM" "$@") >"$WORK/stdout" 2>"$WORK/stderr"
    STATUS=$?
    set -e
}

for key in description unknown_key title; do
    laughs "$key" >laughs.yaml
    capped validate laughs.yaml
    [[ $STATUS -eq 2 ]] || fail "expected exit 2 for nested aliases under $key, got $STATUS"
    expect_stderr_matches '^laughs\.yaml:[0-9]+:[0-9]+: error: the scenario is too large here'
done

mkfifo fifo.yaml
mkdir folder.yaml
for target in /dev/urandom /dev/zero "$WORK/fifo.yaml" "$WORK/folder.yaml"; do
    printf 'format: 1\nname: t\nextends: %s\n' "$target" >extends.yaml
    capped validate extends.yaml
    [[ $STATUS -eq 2 ]] || fail "expected exit 2 at once for extends: $target, got $STATUS"
    expect_stderr_matches "^extends\.yaml:3:10: error: cannot read the extended file '$target'"
done

# /dev/stdin as a pipe that stays open: reading it would wait forever.
printf 'format: 1\nname: t\nextends: /dev/stdin\n' >stdin.yaml
set +e
sleep 30 | (memory_cap 1000000 && exec timeout -s KILL 5 "$ZORGSIM" validate stdin.yaml) \
    >"$WORK/stdout" 2>"$WORK/stderr"
STATUS=${PIPESTATUS[1]}
set -e
LAST_COMMAND="zorgsim validate stdin.yaml (stdin a pipe)"
[[ $STATUS -eq 2 ]] || fail "expected exit 2 at once for extends: /dev/stdin, got $STATUS"
expect_stderr_matches "^stdin\.yaml:3:10: error: cannot read the extended file '/dev/stdin': it is a pipe"

# The scenario file itself must be a regular file.
capped validate fifo.yaml
[[ $STATUS -eq 2 ]] || fail "expected exit 2 at once for a FIFO as the scenario, got $STATUS"
expect_stderr_matches '^.*fifo\.yaml:1:1: error: cannot read the scenario file: it is a pipe'

# Latin-1 text: refused at load, at the first bad byte, instead of failing after the run.
sed 's/^title: .*/title: "Co\xf6rdinatie"/' "$FIXTURES/mmc-short.yaml" >latin1.yaml
grep -q '^title:' latin1.yaml || printf 'title: "Co\xf6rdinatie"\n' >>latin1.yaml
expect_exit 2 validate latin1.yaml
expect_stderr_matches '^latin1\.yaml:[0-9]+:11: error: the file is not valid UTF-8 \(byte 0xF6 here\)'
expect_exit 2 run latin1.yaml --out out --quiet
expect_no_output out

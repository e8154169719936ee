# `zorgsim report DIR` reads only files of a size zorgsim writes: a timeseries.csv just over
# 32 MB, one of more than 250,000 rows or a summary.json over 16 MB is refused before it is read
# (exit 2, FILE: error: ..., report.html untouched, no lock or staging left). A timeseries.csv
# just under the limits succeeds under a 1.5 GB address-space cap; under a cap too small for it,
# memory running out ends as exit 1 "out of memory while ...", never std::terminate (exit 134),
# with the lock and staging removed.

source "$(dirname "$0")/lib.sh"

# capped KB ARGS...: zorgsim under an address-space limit of KB kilobytes and a 60 s timeout.
capped() {
    local limit=$1
    shift
    LAST_COMMAND="zorgsim $* (ulimit -v $limit)"
    set +e
    (memory_cap "$limit" && exec timeout -s KILL 60 "$ZORGSIM" "$@") >"$WORK/stdout" 2>"$WORK/stderr"
    STATUS=$?
    set -e
}

# entries OUT: what snapshot shows, without the "total" block counts, which change by
# themselves while a just-written file reaches the disk.
entries() {
    snapshot "$1" | grep -v '^total '
}

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --out out --quiet
cp out/timeseries.csv timeseries.orig
cp out/summary.json summary.orig

# write_csv BYTES ROWS PAD: out/timeseries.csv with the original header and ROWS rows of unknown
# services (names padded with PAD x's), padded at the end with blank lines to BYTES if BYTES > 0.
write_csv() {
    "$PYTHON" - "$1" "$2" "$3" <<'PY' || fail "could not write timeseries.csv"
import sys
size, rows, pad = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
header = open('timeseries.orig', encoding='utf-8').readline()
body = ''.join(f'mmc-short,2025-04-01,unk{i}{"x" * pad},wait_days,1,1,1,1,1,1,1,1\n'
               for i in range(rows))
text = header + body
if size > 0:
    assert len(text) <= size, (len(text), size)
    text += '\n' * (size - len(text))
open('out/timeseries.csv', 'w', encoding='utf-8').write(text)
PY
}

# refused REGEX: zorgsim report out exits 2 with REGEX on stderr and changes nothing.
refused() {
    local before
    before=$(entries out)
    expect_exit 2 report out
    expect_stderr_matches "$1"
    expect_no_staging out
    cmp -s out/report.html report.orig || fail "report.html changed after '$LAST_COMMAND'"
    [[ "$(entries out)" == "$before" ]] || fail "the folder changed after '$LAST_COMMAND'"
}

cp out/report.html report.orig

# Just over 32 MiB (a few rows, then blank lines): refused by its size, before it is read.
write_csv $((32 * 1024 * 1024 + 1)) 10 0
refused '^out/timeseries\.csv: error: timeseries\.csv is 32\.0 MB; zorgsim.s own files are at most 32 MB$'

# The black-box case: 86 MB of rows for unknown services, under a 2 GB cap.
write_csv 0 1500000 0
before=$(entries out)
capped 2000000 report out
[[ $STATUS -eq 2 ]] || fail "expected exit 2 for an 86 MB timeseries.csv under 2 GB, got $STATUS"
expect_stderr_matches '^out/timeseries\.csv: error: timeseries\.csv is 8[0-9]\.[0-9] MB'
expect_no_staging out
[[ "$(entries out)" == "$before" ]] || fail "the folder changed after '$LAST_COMMAND'"

# More than 250,000 rows in fewer than 32 MB.
write_csv 0 250001 0
refused '^out/timeseries\.csv:250002: error: more than 250000 rows'

# summary.json over 16 MiB (valid JSON, padded with spaces).
cp timeseries.orig out/timeseries.csv
"$PYTHON" -c '
import sys
text = open("summary.orig", encoding="utf-8").read()
open("out/summary.json", "w", encoding="utf-8").write(text + " " * (16 * 1024 * 1024 + 1 - len(text)))
'
refused '^out/summary\.json: error: summary\.json is 16\.0 MB; zorgsim.s own files are at most 16 MB$'
cp summary.orig out/summary.json

# Just under the limits: 249,999 rows of long names, just under 32 MiB.
write_csv $((32 * 1024 * 1024 - 4096)) 249999 70
capped 1500000 report out
[[ $STATUS -eq 0 || $STATUS -eq 1 ]] ||
    fail "expected exit 0 (or a clean 1) for a timeseries.csv just under the limits under a 1.5 GB cap, got $STATUS"
[[ $STATUS -eq 0 ]] || expect_stderr_matches '^zorgsim: error: out of memory while '
expect_no_staging out

# The same file under caps too small for it: memory runs out while reading or while making the
# page; both end cleanly with exit 1, the lock removed and report.html as it was.
cp report.orig out/report.html
[[ $SANITIZED == 1 ]] && exit 0 # the checks below need a memory cap
for limit in 200000 500000; do
    before=$(entries out)
    capped "$limit" report out
    [[ $STATUS -eq 1 ]] || fail "expected exit 1 (out of memory) under ulimit -v $limit, got $STATUS"
    expect_stderr_matches '^zorgsim: error: out of memory while (reading out/|making the report of out)'
    expect_no_staging out
    [[ "$(entries out)" == "$before" ]] || fail "the folder changed after '$LAST_COMMAND'"
done
exit 0

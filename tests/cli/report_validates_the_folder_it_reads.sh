# `zorgsim report DIR` checks the folder it reads: a summary.json that is not a run's summary
# ([] or null or {} ...) or a malformed timeseries.csv is exit 2 with "FILE: error: WHAT" and
# nothing written. Its time is linear in the input: 20,000 rows of services that summary.json
# does not know are read in seconds (they took over a minute).
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
expect_exit 0 run "$mmc" --replications 2 --out out --quiet
rm out/report.html
cp out/summary.json good.json
for bad in '[]' 'null' '{}' '{"format": 1}' '"text"'; do
    printf '%s' "$bad" >out/summary.json
    expect_exit 2 report out
    expect_stderr_matches '^out/summary.json: error: '
    [[ ! -e out/report.html ]] || fail "expected no report.html after '$LAST_COMMAND' on summary.json $bad"
    expect_no_staging out
done
cp good.json out/summary.json
cp out/timeseries.csv good.csv
echo "mmc-short,2025-01-01,team,occupancy,lots,,,,,,," >>out/timeseries.csv
expect_exit 2 report out
expect_stderr_matches '^out/timeseries.csv:[0-9]+: error: .lots. is not a number'
[[ ! -e out/report.html ]] || fail "expected no report.html after a malformed timeseries.csv"
rm -f out/summary.json
cp good.csv out/timeseries.csv
expect_exit 2 report out
expect_stderr_matches 'error: no results to report'

cp good.json out/summary.json
py '
import sys
with open(sys.argv[1], "a") as out:
    for i in range(20000):
        out.write("mmc-short,2025-01-01,ghost%d,occupancy,1,0,2,0,1,1,1,2\n" % i)
' out/timeseries.csv
set +e
timeout -s KILL 60 "$ZORGSIM" report out >"$WORK/stdout" 2>"$WORK/stderr"
STATUS=$?
set -e
LAST_COMMAND="zorgsim report out (20,000 rows of unknown services)"
[[ $STATUS -eq 0 ]] || fail "expected zorgsim report to read 20,000 rows of unknown services within 60 s, exit $STATUS"
expect_files out report.html

# The observed series of a backtest are a user's file: every mistake in them or in the series
# file is reported as FILE:LINE:COLUMN: error: ..., with exit 2, before anything runs and without
# a results folder; a file far too large or with a NUL byte is refused at once; an observed file
# inside the results folder, which the backtest replaces, is refused.
source "$(dirname "$0")/lib.sh"

B="$FIXTURES/backtest"
cp "$B/queue-series.csv" bad-series.csv
cat >bad.csv <<'CSV'
series,date,value,unit,measure,period_start,use,source
team_occupancy,2020-12-31,lots,youths,stock,,calibration,x
team_occupancy,2020-13-01,2,youths,stock,,calibration,x
nobody,2020-12-31,2,youths,stock,,calibration,x
team_occupancy,2020-12-31,2,youths,level,,calibration,x
team_occupancy,2020-12-31,2,youths,stock,,guess,x
team_admissions,2020-12-31,365,admissions,flow,,calibration,x
team_admissions,2020-12-31,365,admissions,flow,2020-02-01,calibration,x
team_admissions,2020-12-31,365,admissions,stock,,calibration,x
team_occupancy,2020-12-31,2,youths,flow,2020-10-01,calibration,x
team_admissions,2020-12-31,365,admissions,flow,2021-01-01,calibration,x
team_occupancy,2020-12-31,2,youths,stock,2020-01-01,calibration,x
CSV
expect_exit 2 backtest "$B/queue-2020.yaml" --observed bad.csv --series bad-series.csv --out out
expect_empty_stdout
expect_no_output "$WORK/out"
expect_stderr_matches "bad\.csv:2:27: error: value 'lots' is not a number"
expect_stderr_matches "bad\.csv:3:16: error: date '2020-13-01' is not a date"
expect_stderr_matches "bad\.csv:4:1: error: series 'nobody' is not in bad-series\.csv"
expect_stderr_matches "bad\.csv:5:.*: error: measure 'level': write stock .* or flow"
expect_stderr_matches "bad\.csv:6:.*: error: use 'guess'"
expect_stderr_matches "bad\.csv:7:.*: error: a flow needs period_start"
expect_stderr_matches "bad\.csv:8:.*: error: the period 2020-02-01 \.\. 2020-12-31 does not start and end with the scenario's quarter periods"
expect_stderr_matches "bad\.csv:9:.*: error: series 'team_admissions' adds counts over a period"
expect_stderr_matches "bad\.csv:10:.*: error: series 'team_occupancy' is a time average"
expect_stderr_matches "bad\.csv:11:.*: error: period_start is after date"
expect_stderr_matches "bad\.csv:12:.*: error: a stock is a count on its date: leave period_start empty"

# The series file: unknown outputs, mixed units, duplicate and bad ids, at their columns.
cat >series.csv <<'CSV'
series,model,unit,label_nl,label_en
a,service.team.occupancy + service.nobody.occupancy,youths,A,A
b,service.team.occupancy + service.team.admissions,youths,B,B
a,system.in_care,youths,A,A
=cmd(),system.in_care,youths,C,C
c,service.team.wait_to_care_p90_days,days,C,C
CSV
printf 'series,date,value,unit,measure,period_start,use,source\n' >empty.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed empty.csv --series series.csv --out out
expect_stderr_matches "series\.csv:2:28: error: 'service\.nobody\.occupancy' is not a per-period output"
expect_stderr_matches "series\.csv:3:28: error: 'service\.team\.admissions' cannot be added to 'service\.team\.occupancy'"
expect_stderr_matches "series\.csv:4:1: error: series 'a' is defined twice"
expect_stderr_matches "series\.csv:5:1: error: series '=cmd\(\)' is not an id"
expect_stderr_matches "series\.csv:6:.*: error: 'service\.team\.wait_to_care_p90_days' is not a per-period output"
expect_no_output "$WORK/out"

# A header without the columns, an unclosed quote, a NUL byte, a file far too large.
printf 'series,when,value\n' >header.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed header.csv --series "$B/queue-series.csv" --out out
expect_stderr_matches "header\.csv:1:1: error: the header has no column 'date'"
printf 'series,date,value,unit,measure,period_start,use,source\nteam_occupancy,2020-12-31,2,youths,stock,,calibration,"https://x\n' >quote.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed quote.csv --series "$B/queue-series.csv" --out out
expect_stderr_matches "quote\.csv:2:55: error: a quoted field is not closed on its line"
printf 'series,date,value,unit,measure,period_start,use,source\nteam_occupancy,2020-12-31,2\0,youths,stock,,calibration,x\n' >nul.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed nul.csv --series "$B/queue-series.csv" --out out
expect_stderr_matches "nul\.csv:2:.*: error: a NUL byte"
head -c 5000000 /dev/zero | tr '\0' 'a' >big.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed big.csv --series "$B/queue-series.csv" --out out
expect_stderr_matches "big\.csv:1:1: error: the file is 5000000 bytes; at most 4194304 are read"
expect_exit 2 backtest "$B/queue-2020.yaml" --observed "$WORK" --series "$B/queue-series.csv" --out out
expect_stderr_matches "not a regular file"
expect_no_output "$WORK/out"

# A file that is wrong on every line stops after 50 errors.
{ printf 'series,date,value,unit,measure,period_start,use,source\n'
  for i in $(seq 1 5000); do printf 'team_occupancy,2020-12-31,x%d,youths,stock,,calibration,x\n' "$i"; done; } >many.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed many.csv --series "$B/queue-series.csv" --out out
[[ $(grep -c ': error: value' "$WORK/stderr") == 50 ]] || fail "expected 50 errors before stopping"
expect_stderr_matches "stopped reading after 50 errors"

# Nothing inside the horizon: nothing to compare.
printf 'series,date,value,unit,measure,period_start,use,source\nteam_occupancy,2030-12-31,2,youths,stock,,test,x\n' >late.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed late.csv --series "$B/queue-series.csv" --out out
expect_stderr_matches "none of its values falls inside queue-2020's horizon"
expect_no_output "$WORK/out"

# The observed file inside the results folder would be replaced by the backtest's files.
mkdir -p inside
cp "$B/queue.csv" inside/backtest.csv
cp "$B/queue-series.csv" inside/backtest-series.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed inside/backtest.csv --out inside
expect_stderr_matches "inside the results folder"
cmp inside/backtest.csv "$B/queue.csv" || fail "the observed file was changed"

# A file that cannot be read is said so once, not also as an empty file.
expect_exit 2 backtest "$B/queue-2020.yaml" --observed missing.csv --series "$B/queue-series.csv" --out out
expect_stderr_matches "missing\.csv:1:1: error: no such file"
if grep -q "the file is empty" "$WORK/stderr"; then fail "a missing file was also called empty"; fi

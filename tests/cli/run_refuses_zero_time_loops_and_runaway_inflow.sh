# Work that cannot end is found before anything runs: a scenario whose youths can go round a
# cycle of moves that take no simulated time (two full services that send their waiting youths
# to each other after 0 days; re-entry without delay after a zero-length stay), or whose inflow
# would have a run follow hundreds of millions of youths, makes `run` exit 2 at once with the
# place and the services, source or policy involved, and writes nothing. (It used to hang at one
# instant, or grow to gigabytes.)
source "$(dirname "$0")/lib.sh"

# run_bounded FILE: `zorgsim run FILE --out out`, killed after 20 s.
run_bounded() {
    LAST_COMMAND="zorgsim run $1 --out out (20 s)"
    set +e
    timeout -s KILL 20 "$ZORGSIM" run "$1" --out out --replications 1 --quiet \
        >"$WORK/stdout" 2>"$WORK/stderr"
    STATUS=$?
    set -e
    [[ $STATUS -ne 137 ]] || fail "expected '$LAST_COMMAND' to stop at once, it was killed"
    [[ $STATUS -eq 2 ]] || fail "expected exit 2 from '$LAST_COMMAND', got $STATUS"
    expect_empty_stdout
    expect_no_output out
}

cat >renege-loop.yaml <<'YAML'
format: 1
name: renege-loop
start: 2025-01-01
horizon_days: 365
sources:
  - {id: referrals, rate_per_year: 50, to: a}
services:
  - {id: a, capacity: 0, duration_days: 5, queue: {max_wait_days: 0, renege_to: b}}
  - {id: b, capacity: 0, duration_days: 5, queue: {max_wait_days: 0, renege_to: a}}
YAML
run_bounded renege-loop.yaml
expect_stderr_matches "^renege-loop\.yaml:8:[0-9]+: error: zero-time loop: youths can go round 'a', 'b' forever"

cat >reentry-loop.yaml <<'YAML'
format: 1
name: reentry-loop
start: 2025-01-01
horizon_days: 365
reentry: {probability: 1, delay_days: 0, via: referrals}
sources:
  - {id: referrals, rate_per_year: 50, to: a}
services:
  - {id: a, capacity: 1, duration_days: 0}
YAML
run_bounded reentry-loop.yaml
expect_stderr_matches "^reentry-loop\.yaml:9:[0-9]+: error: zero-time loop: youths can go round 'a' forever"

cat >inflow.yaml <<'YAML'
format: 1
name: inflow
start: 2025-01-01
end: 2035-01-01
sources:
  - {id: huisarts, rate_per_year: 420, to: a}
services:
  - {id: a, capacity: 10, duration_days: 5}
policies:
  - {id: growth, date: 2026-01-01, inflow: {annual_change: 2}}
  - {id: campaign, date: 2026-01-01, inflow: {multiplier: 1000000}}
YAML
run_bounded inflow.yaml
expect_stderr_matches "^inflow\.yaml:10:[0-9]+: error: annual_change .*2 means \+200% a year; for 2% write 0\.02"
expect_stderr_matches "^inflow\.yaml:11:[0-9]+: error: policy 'campaign' makes source 'huisarts' refer about 420000000 youths a year"

# The warning about waiting lists is read off the simulation: the shipped Westfriesland baseline
# warns of the one list that keeps growing (foster care, a pool of places that loses more
# families than it recruits, docs/calibration.md section 7) and not of family homes, nor of
# closed care at capacity 0 behind an admission stop; a service whose capacity just equals its
# load gets the warning that its list drifts up and spreads out; a truly overloaded service gets
# the warning with the routing's estimate; each warning comes once, in run, compare and validate
# (a pilot run), and validate --quiet prints nothing for a valid file.
source "$(dirname "$0")/lib.sh"

baseline=$SOURCE_DIR/scenarios/westfriesland-baseline.yaml
zero_closed=$SOURCE_DIR/scenarios/westfriesland-zero-closed-2030.yaml

expect_exit 0 run "$baseline" --replications 20 --out base --quiet
[[ ! -s "$WORK/stderr" ]] || fail "expected --quiet to print no warning, got: $(cat "$WORK/stderr")"

expect_exit 0 run "$baseline" --replications 20 --out base2
grep -c ': warning: ' "$WORK/stderr" | grep -qx 1 ||
    fail "expected exactly one warning for the baseline, got: $(grep warning "$WORK/stderr")"
expect_stderr_matches "westfriesland-baseline.yaml:[0-9]+:18: warning: in westfriesland-baseline, the waiting list of pleegzorg keeps growing"
for quiet in gezinshuis jeugdzorgplus; do
    grep -q "list of $quiet " "$WORK/stderr" && fail "expected no warning for $quiet"
done
# The routing's estimate only follows the simulated warning (foster care's pool settles at
# 23.6 / 0.184 = 128 places in the long run); it is no warning of its own.
grep 'inflow exceeds capacity' "$WORK/stderr" | grep -vq 'list of pleegzorg keeps growing' &&
    fail "expected no formula warning at load"
expect_stderr_matches "capacity 128 in the long run \(the pool's recruitment / attrition\)"
# The warning is in summary.json, for the report.
py '
import json
warnings = json.load(open("base2/summary.json"))["warnings"]
assert [w["service"] for w in warnings] == ["pleegzorg"], warnings
w = warnings[0]
assert w["kind"] == "growing" and w["to_mean"] > w["from_mean"] and w["growth_ci95"][0] > 0, w
'

# Capacity just above the load (192 a year x 73 days = 38.4 places needed, 40 places): the list
# wanders up like a random walk and spreads out.
cat >critical.yaml <<'YAML'
format: 1
name: critical
start: 2025-01-01
horizon_days: 3652
sources:
  - id: referrals
    rate_per_year: 192
    to: team
services:
  - id: team
    capacity: 40
    duration_days: {dist: exponential, mean: 73}
YAML
expect_exit 0 run critical.yaml --replications 20 --out critical
expect_stderr_matches "critical.yaml:11:15: warning: in critical, the waiting list of team drifts up and spreads out"
py '
import json
warnings = json.load(open("critical/summary.json"))["warnings"]
assert [w["kind"] for w in warnings] == ["drifting"], warnings
assert warnings[0]["to_mean"] > warnings[0]["from_mean"] and warnings[0]["growth_ci95"][0] > 0, warnings
'

# compare: each scenario's warning once, naming its scenario; none for closed care at capacity 0.
expect_exit 0 compare "$baseline" "$zero_closed" --replications 20 --out both
# (foster care's pool in both; highly specialist ambulant care, whose capacity equals its load,
# drifts in some runs.)
[[ $(grep -c ': warning: ' "$WORK/stderr") -le 4 ]] || fail "expected at most two warnings per scenario"
[[ $(grep -c 'in westfriesland-baseline, the waiting list of pleegzorg keeps growing' "$WORK/stderr") -eq 1 ]] ||
    fail "expected the baseline's foster-care warning once"
[[ $(sort "$WORK/stderr" | uniq -d | grep -c warning) -eq 0 ]] || fail "expected no warning twice"
grep -q "list of jeugdzorgplus" "$WORK/stderr" && fail "expected no warning for closed care at capacity 0"

# A truly overloaded service: 100 a year staying 73 days need 20 places; there are 10.
cat >overloaded.yaml <<'YAML'
format: 1
name: overloaded
start: 2025-01-01
horizon_days: 1826
sources:
  - id: referrals
    rate_per_year: 100
    to: team
services:
  - id: team
    capacity: 10
    duration_days: {dist: exponential, mean: 73}
YAML
expect_exit 0 run overloaded.yaml --replications 4 --out over
expect_stderr "overloaded.yaml:11:15: warning: in overloaded, the waiting list of team keeps growing in the simulation"
expect_stderr "the routing's estimate: inflow exceeds capacity for good: about 100 arrivals/year x 73 days mean stay = 20 places needed, capacity 10"

# validate: errors, then a pilot run's warnings; --quiet: nothing at all for a valid file.
expect_exit 0 validate overloaded.yaml
expect_empty_stdout
expect_stderr "warning: in overloaded, the waiting list of team keeps growing"
expect_exit 0 validate --quiet overloaded.yaml
expect_empty_stdout
[[ ! -s "$WORK/stderr" ]] || fail "expected validate --quiet to print nothing, got: $(cat "$WORK/stderr")"
# With enough places nothing grows and nothing is said.
expect_exit 0 validate overloaded.yaml --set services.team.capacity=30
[[ ! -s "$WORK/stderr" ]] || fail "expected no warning with 30 places, got: $(cat "$WORK/stderr")"

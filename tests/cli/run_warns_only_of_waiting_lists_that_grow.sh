# The warning about waiting lists is read off the simulation: the shipped Westfriesland baseline
# warns of the one list that drifts (highly specialist ambulant care, capacity equal to its load)
# and not of foster care or family homes, whose lists fall, nor of closed care at capacity 0
# behind an admission stop; a truly overloaded service gets the warning with the routing's
# estimate; each warning comes once, in run, compare and validate (a pilot run), and
# validate --quiet prints nothing for a valid file.
source "$(dirname "$0")/lib.sh"

baseline=$SOURCE_DIR/scenarios/westfriesland-baseline.yaml
zero_closed=$SOURCE_DIR/scenarios/westfriesland-zero-closed-2030.yaml

expect_exit 0 run "$baseline" --replications 20 --out base --quiet
[[ ! -s "$WORK/stderr" ]] || fail "expected --quiet to print no warning, got: $(cat "$WORK/stderr")"

expect_exit 0 run "$baseline" --replications 20 --out base2
grep -c ': warning: ' "$WORK/stderr" | grep -qx 1 ||
    fail "expected exactly one warning for the baseline, got: $(grep warning "$WORK/stderr")"
expect_stderr_matches "westfriesland-baseline.yaml:[0-9]+:15: warning: in westfriesland-baseline, the waiting list of ambulant_c drifts up and spreads out"
for quiet in pleegzorg gezinshuis jeugdzorgplus; do
    grep -q "list of $quiet " "$WORK/stderr" && fail "expected no warning for $quiet"
done
grep -q 'inflow exceeds capacity' "$WORK/stderr" && fail "expected no formula warning at load"
# The warning is in summary.json, for the report.
py '
import json
warnings = json.load(open("base2/summary.json"))["warnings"]
assert [w["service"] for w in warnings] == ["ambulant_c"], warnings
w = warnings[0]
assert w["kind"] == "drifting" and w["to_mean"] > w["from_mean"] and w["growth_ci95"][0] > 0, w
'

# compare: each scenario's warning once, naming its scenario; none for closed care at capacity 0.
expect_exit 0 compare "$baseline" "$zero_closed" --replications 20 --out both
[[ $(grep -c ': warning: ' "$WORK/stderr") -le 2 ]] || fail "expected at most a warning per scenario"
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

# The scenario.yaml that run writes (the fully resolved scenario) is itself a valid scenario,
# and running it with the same seed and replications gives the same summary.json and
# timeseries.csv. Checked for the core fixture with a --set override, for a scenario that
# extends another (compare-extra.yaml), for policies dated on the start day (a capacity policy
# there replaces the base capacity, which the census must still fit in) and for every shipped
# scenario (scenarios/ and scenarios/validation/, two replications).

source "$(dirname "$0")/lib.sh"

# same_summary A B: the two summary.json files agree on everything but fields naming a file.
same_summary() {
    py '
import json, sys
def load(path):
    s = json.load(open(path))
    return {k: v for k, v in s.items() if "file" not in k and "path" not in k}
a, b = load(sys.argv[1]), load(sys.argv[2])
for key in sorted(set(a) | set(b)):
    assert a.get(key) == b.get(key), "expected the same %r in %s and %s, got %r and %r" % (
        key, sys.argv[1], sys.argv[2], a.get(key), b.get(key))
' "$1" "$2"
}

check_round_trip() {
    local scenario=$1
    shift
    local replications=${REPLICATIONS:-4}
    expect_exit 0 run "$scenario" --replications "$replications" --seed 5 --out first --quiet "$@"
    expect_files first scenario.yaml
    cp first/scenario.yaml resolved.yaml
    expect_exit 0 validate --quiet resolved.yaml
    expect_empty_stdout
    grep -q ': error: ' "$WORK/stderr" && fail "expected the written scenario.yaml to be valid"
    grep -q '^extends:' resolved.yaml && fail "expected scenario.yaml resolved (no extends)"
    expect_exit 0 run resolved.yaml --replications "$replications" --seed 5 --out second --quiet
    same_summary first/summary.json second/summary.json
    cmp -s first/timeseries.csv second/timeseries.csv ||
        fail "expected the same timeseries.csv from $(basename "$scenario") and its scenario.yaml"
    # Resolving is idempotent: the rerun writes the same scenario.yaml.
    cmp -s first/scenario.yaml second/scenario.yaml ||
        fail "expected scenario.yaml of the rerun to equal the one it ran"
    rm -rf first second resolved.yaml
}

check_round_trip "$FIXTURES/mmc-short.yaml" --set services.team.capacity=4
check_round_trip "$FIXTURES/compare-extra.yaml"
check_round_trip "$FIXTURES/start-day-policies.yaml"

shipped=("$SOURCE_DIR"/scenarios/*.yaml "$SOURCE_DIR"/scenarios/validation/*.yaml)
[[ ${#shipped[@]} -ge 5 ]] || fail "expected the shipped scenarios in $SOURCE_DIR/scenarios"
for scenario in "${shipped[@]}"; do
    REPLICATIONS=2 check_round_trip "$scenario"
done

# The override is in the resolved scenario.
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 1 --out out --quiet \
    --set services.team.capacity=4
py '
import json
s = json.load(open("out/summary.json"))
u, o = s["services"]["team"]["utilization"]["mean"], s["services"]["team"]["occupancy"]["mean"]
assert abs(u - o / 4) < 0.01, "expected utilization = occupancy / 4 with --set services.team.capacity=4"
'

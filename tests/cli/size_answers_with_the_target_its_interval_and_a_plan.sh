# `zorgsim size` answers the question asked: sizing.json gives the target's metric first in
# `achieved` and with its interval and verdict on every curve point and plan step; the terminal
# prints the interval and the rule with the answer; --plan build-up never steps down, phase-out
# never steps up, constant is the constant answer in every period; a turn-away target (a count
# over the horizon) is shared out per period, so its plan is consistent with the constant
# answer; a target more capacity makes harder is refused (exit 2).
source "$(dirname "$0")/lib.sh"

cat > grow.yaml <<'YAML'
format: 1
name: grow
start: 2025-01-01
horizon_days: 1460
warmup_days: 0
period: year
replications: 8
seed: 5
sources:
  - id: referrals
    rate_per_year: 500
    to: team
services:
  - id: team
    capacity: 3
    duration_days: {dist: exponential, mean: 2.0}
    queue: {max_length: 3}
policies:
  - id: more
    date: 2026-01-01
    inflow: {multiplier: 1.3, annual_change: 0.2}
YAML

expect_exit 0 size grow.yaml --service team --target 'rejected.mean <= 5' --plan build-up --out up
grep -q 'capacity [0-9]* meets .rejected.mean <= 5.: rejected.mean = .* (95% interval .* to .*); the whole 95% interval must be <= 5' "$WORK/stdout" ||
    fail "expected the answer with its interval and rule, got: $(cat "$WORK/stdout")"
grep -q 'build-up plan' "$WORK/stdout" || fail "expected the build-up plan printed"
py '
import json
s = json.load(open("up/sizing.json"))
assert s["metric"] == "rejected" and s["statistic"] == "mean", s
assert s["plan_kind"] == "build-up", s["plan_kind"]
assert s["count_target"] is True
assert list(s["achieved"])[0] == "rejected", "expected the target metric first in achieved: %r" % list(s["achieved"])
assert s["achieved"]["rejected"]["ci95"][1] is not None
for p in s["curve"]:
    t = p["target"]
    assert t["verdict"] in ("meets", "misses", "too close to call"), t
    assert t["ci95"][0] <= t["mean"] <= t["ci95"][1], t
    assert p["meets"] == (t["verdict"] == "meets")
plan = [step["capacity"] for step in s["plan"]]
assert plan == sorted(plan), "a build-up plan never steps down: %r" % plan
for step in s["plan"]:
    if step.get("measured"):
        assert abs(step["target"]["threshold"] - 5 / 4) < 0.01, "expected 5 shared out over 4 years: %r" % step
assert s["plan_whole_horizon"]["verdict"] in ("meets", "misses", "too close to call")
'

expect_exit 0 size grow.yaml --service team --target 'wait_days.mean <= 0.5' --plan phase-out --out down --quiet
py '
import json
plan = [step["capacity"] for step in json.load(open("down/sizing.json"))["plan"]]
assert plan == sorted(plan, reverse=True), "a phase-out plan never steps up: %r" % plan
'
expect_exit 0 size grow.yaml --service team --target 'wait_days.mean <= 0.5' --plan constant --out flat --quiet
py '
import json
s = json.load(open("flat/sizing.json"))
assert {step["capacity"] for step in s["plan"]} == {s["capacity"]}, s["plan"]
assert list(s["achieved"])[0] == "wait_days"
'

# Targets sizing cannot answer, and plans it does not know.
expect_exit 2 size grow.yaml --service team --target 'utilization.mean >= 0.8' --out bad
grep -q 'harder' "$WORK/stderr" || fail "expected why utilization >= is refused, got: $(cat "$WORK/stderr")"
expect_no_output "$WORK/bad"
expect_exit 2 size grow.yaml --service team --target 'rejected.mean <= 5' --plan zigzag --out bad
expect_no_output "$WORK/bad"

# summary.json and comparison.json carry what a study report needs to reproduce the run
# (STRESS-DES): zorgsim's version, the source commit when known, the SHA-256 of the resolved
# scenario (that is, of scenario.yaml), seed, replications, the generator and how streams are
# derived; none of it depends on --threads.
source "$(dirname "$0")/lib.sh"

base=$FIXTURES/compare-base.yaml
expect_exit 0 run "$base" --replications 3 --seed 11 --threads 1 --out one --quiet
expect_exit 0 run "$base" --replications 3 --seed 11 --threads 2 --out two --quiet
cmp -s one/summary.json two/summary.json || fail "expected the same summary.json (and provenance) whatever --threads is"
expect_exit 0 compare "$base" "$FIXTURES/compare-alt.yaml" --replications 3 --seed 11 --out cmp --quiet
py '
import hashlib, json, re
def check(p, seed, replications):
    assert p["program"] == "zorgsim"
    assert re.fullmatch(r"\d+\.\d+\.\d+", p["zorgsim_version"]), p
    assert p["source_commit"] is None or re.fullmatch(r"[0-9a-f]{40}", p["source_commit"]), p
    assert p["seed"] == seed and p["replications"] == replications, p
    assert "mt19937_64" in p["random_number_generator"], p
    assert "SplitMix64" in p["stream_seeds"] and "FNV-1a" in p["stream_seeds"], p
s = json.load(open("one/summary.json"))
p = s["provenance"]
check(p, 11, 3)
digest = hashlib.sha256(open("one/scenario.yaml", "rb").read()).hexdigest()
assert p["scenario_sha256"] == {s["scenario"]: digest}, "expected the SHA-256 of scenario.yaml, got %r" % p["scenario_sha256"]
c = json.load(open("cmp/comparison.json"))
check(c["provenance"], 11, 3)
names = list(c["scenarios"])
assert list(c["provenance"]["scenario_sha256"]) == names, c["provenance"]
for n in names:
    d = hashlib.sha256(open("cmp/scenario-%s.yaml" % n, "rb").read()).hexdigest()
    assert c["provenance"]["scenario_sha256"][n] == d, "expected the SHA-256 of scenario-%s.yaml" % n
'

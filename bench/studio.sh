#!/usr/bin/env bash
# Benchmark of the scenario studio (`zorgsim serve`, docs/studio.md): a 100-replication
# comparison of the Westfriesland baseline with "20 more foster families from 2027 and 2%
# prevention a year from 2026", from the POST to the results (every file written: comparison,
# differences, timeseries, Excel, report, zip), as the page does it (the base alone first, then
# the comparison, which reuses the base's replications) and cold (the comparison alone); and
# `zorgsim compare` on the same two files for reference. Five runs each, with other seeds.
#   bash bench/studio.sh [path/to/zorgsim]
# Prints a Markdown table (the one in bench/RESULTS.md). Sends requests to 127.0.0.1 only.
set -euo pipefail
zorgsim=$(realpath "${1:-build/tools/cli/zorgsim}")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
"$zorgsim" serve --listen 127.0.0.1:0 --quiet scenarios >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for ((i = 0; i < 100; i++)); do grep -q 'studio is at' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's|.*the studio is at \(http://[^/]*\)/.*|\1|p' "$work/serve.out")
python3 - "$url" "$zorgsim" "$work" "$pid" <<'PY'
import json, os, shutil, statistics, subprocess, sys, time, urllib.request
url, zorgsim, work, pid = sys.argv[1:5]
tick = os.sysconf("SC_CLK_TCK")

def cpu():  # the studio's CPU seconds so far (user + system, every thread)
    fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick
alternative = {"name": "20 pleeggezinnen meer en 2% preventie", "levers": {
    "capacity:pleegzorg": {"value": 200, "date": "2027-01-01"},
    "inflow": {"value": -2, "date": "2026-01-01"}}}

def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

def run(body):
    global used
    before = cpu()
    start = time.perf_counter()
    job = call("POST", "/api/runs", body)
    while True:
        state = call("GET", "/api/runs/%s?result=0" % job["id"])
        if state["status"] in ("done", "failed", "cancelled"):
            break
        time.sleep(0.01)
    assert state["status"] == "done", state
    wall = time.perf_counter() - start
    used = cpu() - before
    return wall, state

rows = {"page": [], "cold": [], "cli": []}
cpus = {"page": [], "cold": [], "cli": []}
for i in range(5):
    seed = 101 + i
    base = {"base": "westfriesland-baseline", "replications": 100, "seed": seed}
    run(base)
    wall, state = run(dict(base, alternatives=[alternative]))
    rows["page"].append(wall)
    cpus["page"].append(used)
    wall, state = run(dict(base, seed=seed + 1000, alternatives=[alternative]))
    rows["cold"].append(wall)
    cpus["cold"].append(used)
    if i == 0:
        download = urllib.request.urlopen(url + "/api/runs/%s/files/%s" % (
            state["id"], state["alternatives"][0]["file"])).read()
        shutil.copytree("scenarios", work + "/scenarios", dirs_exist_ok=True)
        alt = state["alternatives"][0]["file"]
        open(work + "/scenarios/" + alt, "wb").write(download)
    start = time.perf_counter()
    before = os.times()
    subprocess.run([zorgsim, "compare", "westfriesland-baseline.yaml", alt, "--replications",
                    "100", "--seed", str(seed + 2000), "--out", work + "/cli", "--quiet"],
                   cwd=work + "/scenarios", check=True, stderr=subprocess.DEVNULL)
    rows["cli"].append(time.perf_counter() - start)
    after = os.times()
    cpus["cli"].append(after.children_user + after.children_system - before.children_user -
                       before.children_system)

names = {"page": "studio, as the page does it (base run first, then the comparison)",
         "cold": "studio, the comparison alone (base and alternative simulated)",
         "cli": "zorgsim compare, same two files (reference)"}
load = open("/proc/loadavg").read().split()[0]
print("| 100-replication comparison, Westfriesland (load average %s) | wall, median (s) | wall, best (s) | wall, worst (s) | CPU, median (s) |" % load)
print("|---|---:|---:|---:|---:|")
for key in ("page", "cold", "cli"):
    t = rows[key]
    print("| %s | %.2f | %.2f | %.2f | %.2f |" % (names[key], statistics.median(t), min(t), max(t),
                                               statistics.median(cpus[key])))
PY

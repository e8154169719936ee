# `zorgsim validate` takes time and memory in proportion to the scenario: 20,000 care profiles
# (each in a source's mix and in admission rules) validate within seconds in 1 GiB. The overload
# check once solved one dense system over (service, profile) pairs, which for this file needs
# 12 GB and hours.
source "$(dirname "$0")/lib.sh"

py '
import sys
n = 20000
names = ["P%d" % i for i in range(n)]
with open("many-profiles.yaml", "w") as out:
    out.write("format: 1\nname: many-profiles\nstart: 2025-01-01\nhorizon_days: 365\n")
    out.write("profiles: [%s]\n" % ", ".join(names))
    out.write("sources:\n  - id: referrals\n    rate_per_year: 100\n    to: team\n")
    out.write("    profiles: {%s}\n" % ", ".join("%s: %r" % (p, 1.0 / n) for p in names))
    out.write("services:\n  - id: team\n    capacity: 10\n    duration_days: 30\n")
    out.write("    next: {exit: 0.5, specialist: 0.5}\n")
    out.write("  - id: specialist\n    capacity: 10\n    duration_days: 30\n")
    out.write("    admission: {profiles: [%s]}\n" % ", ".join(names))
'

set +e
(memory_cap 1048576 && timeout -s KILL 30 "$ZORGSIM" validate many-profiles.yaml) \
    >"$WORK/stdout" 2>"$WORK/stderr"
STATUS=$?
set -e
LAST_COMMAND="zorgsim validate many-profiles.yaml (30 s, 1 GiB)"
[[ $STATUS -ne 137 ]] || fail "expected validate of 20,000 profiles to finish within 30 s"
[[ $STATUS -eq 0 ]] || fail "expected validate of 20,000 profiles to exit 0 in 1 GiB, got $STATUS"
expect_empty_stdout

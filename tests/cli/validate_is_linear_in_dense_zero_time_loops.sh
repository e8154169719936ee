# `zorgsim validate` finds zero-time loops in time linear in services + routes: 300 services
# that all route to each other with zero-length stays (90,000 routes, one loop) are refused
# within seconds (the check once compared every reason with every other: 10 s here, and
# quadratic in routes), and the message names at most 10 services and 10 moves, then
# "and N more", instead of all 90,000.
source "$(dirname "$0")/lib.sh"

py '
n = 300
with open("dense.yaml", "w") as out:
    out.write("format: 1\nname: dense\nstart: 2025-01-01\nhorizon_days: 365\n")
    out.write("sources:\n  - id: src\n    rate_per_year: 100\n    to: s0\n")
    out.write("services:\n")
    p = 0.9 / (n - 1)
    for i in range(n):
        routes = ", ".join("s%d: %r" % (j, p) for j in range(n) if j != i)
        out.write("  - id: s%d\n    capacity: 10\n    duration_days: 0\n" % i)
        out.write("    next: {exit: 0.1, %s}\n" % routes)
'

set +e
START=$(date +%s%N)
timeout -s KILL 10 "$ZORGSIM" validate dense.yaml >"$WORK/stdout" 2>"$WORK/stderr"
STATUS=$?
END=$(date +%s%N)
set -e
LAST_COMMAND="zorgsim validate dense.yaml (300 services, zero stays, 10 s)"
[[ $STATUS -ne 137 ]] || fail "expected validate of a dense zero-time loop to finish within 10 s"
[[ $STATUS -eq 2 ]] || fail "expected exit 2 for a zero-time loop, got $STATUS"
echo "validate took $(((END - START) / 1000000)) ms"
expect_empty_stdout
expect_stderr_matches "zero-time loop: youths can go round 's0', .*, and 290 more forever"
expect_stderr_matches "; and [0-9]+ more\); give one of these moves time"
SIZE=$(wc -c <"$WORK/stderr")
[[ $SIZE -lt 4000 ]] || fail "expected a short message, got $SIZE bytes"

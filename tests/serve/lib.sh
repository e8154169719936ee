# Helpers shared by the studio's tests (sourced by every *.sh here).
#
# Every test script is called as: bash SCRIPT.sh ZORGSIM SOURCE_DIR
# It runs in a fresh scratch folder ($WORK, removed at exit, with every studio it started
# stopped) and fails with a message that says what was expected. Requests go to 127.0.0.1 only.

set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 ZORGSIM SOURCE_DIR" >&2
    exit 2
fi
ZORGSIM=$(realpath "$1")
SOURCE_DIR=$(realpath "$2")
TEST_NAME=$(basename "$0" .sh)
command -v curl >/dev/null || { echo "FAIL [$TEST_NAME]: needs curl (bash scripts/install-deps.sh)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zorgsim-serve-$TEST_NAME.XXXXXX")
STUDIO_PIDS=()
cleanup() {
    local pid
    for pid in "${STUDIO_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

fail() {
    echo "FAIL [$TEST_NAME]: $*" >&2
    for f in "$WORK"/studio*.err; do
        [[ -s $f ]] && { echo "--- $f:" >&2; tail -n 20 "$f" >&2; }
    done
    [[ -s "$WORK/body" ]] && { echo "--- last response body:" >&2; head -c 2000 "$WORK/body" >&2; echo >&2; }
    exit 1
}

# start_studio NAME ARGS...: starts `zorgsim serve --listen 127.0.0.1:0 ARGS` in the background;
# sets URL (http://127.0.0.1:PORT), HOSTPORT and PID, waits until it answers.
start_studio() {
    local name=$1
    shift
    "$ZORGSIM" serve --listen 127.0.0.1:0 "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    PID=$!
    STUDIO_PIDS+=("$PID")
    local i
    for ((i = 0; i < 300; i++)); do
        if grep -q 'the studio is at' "$WORK/$name.out" 2>/dev/null; then
            URL=$(sed -n 's|.*the studio is at \(http://[^/]*\)/.*|\1|p' "$WORK/$name.out")
            HOSTPORT=${URL#http://}
            return 0
        fi
        kill -0 "$PID" 2>/dev/null || fail "the studio $name did not start: $(cat "$WORK/$name.err")"
        sleep 0.1
    done
    fail "the studio $name did not say where it listens within 30 s"
}

# req METHOD PATH [CURL ARGS...]: one request to the studio; the body in $WORK/body, the status
# in $CODE. Never fails by itself.
req() {
    local method=$1 path=$2
    shift 2
    CODE=$(curl -s -o "$WORK/body" -w '%{http_code}' --max-time 60 -X "$method" "$@" "$URL$path") || CODE=000
}

# post_json PATH JSON [CURL ARGS...]
post_json() {
    local path=$1 json=$2
    shift 2
    req POST "$path" -H 'Content-Type: application/json' --data-binary "$json" "$@"
}

expect_code() {
    [[ $CODE == "$1" ]] || fail "${2:-request}: expected HTTP $1, got $CODE"
}

expect_body() {
    grep -qF -- "$1" "$WORK/body" || fail "${2:-response}: expected the body to contain '$1'"
}

json_field() { # json_field EXPRESSION: python expression on `d`, the body as JSON
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$WORK/body"
}

# wait_run ID [SECONDS]: polls until the run has ended; its last state in $WORK/body, status in $STATUS
wait_run() {
    local id=$1 limit=${2:-120} i
    for ((i = 0; i < limit * 10; i++)); do
        req GET "/api/runs/$id?result=0"
        STATUS=$(json_field 'd["status"]' 2>/dev/null || echo "?")
        case $STATUS in done | failed | cancelled) return 0 ;; esac
        sleep 0.1
    done
    fail "run $id did not end within $limit s (status $STATUS)"
}

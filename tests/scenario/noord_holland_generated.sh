# scenarios/noord-holland.yaml and noord-holland-zero-closed-2030.yaml are generated: each must
# be exactly what its script in scenarios/generate/ prints, so that nobody edits the YAML by
# hand and the generators' tables stay the single source of the numbers.
#
#   bash noord_holland_generated.sh SOURCE_DIR
#
# On a difference: edit the generator (not the YAML), then run (likewise for the other file)
#   python3 scenarios/generate/noord_holland.py > scenarios/noord-holland.yaml
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 SOURCE_DIR" >&2
    exit 2
fi
SOURCE_DIR=$1
PYTHON=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/zorgsim-noord-holland.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# check GENERATOR YAML: the committed YAML is the generator's output.
check() {
    local generator=$SOURCE_DIR/scenarios/generate/$1 committed=$SOURCE_DIR/scenarios/$2
    "$PYTHON" "$generator" >"$WORK/$2" || {
        echo "FAIL: expected $generator to run (exit 0)" >&2
        exit 1
    }
    if ! diff -u "$committed" "$WORK/$2"; then
        echo "FAIL: expected $committed to be the output of $generator; edit the generator," >&2
        echo "then run: python3 scenarios/generate/$1 > scenarios/$2" >&2
        exit 1
    fi
    echo "ok: scenarios/$2 is the generator's output"
}
check noord_holland.py noord-holland.yaml
check noord_holland_zero_closed.py noord-holland-zero-closed-2030.yaml

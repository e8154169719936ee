# scenarios/noord-holland.yaml is generated: it must be exactly what
# scenarios/generate/noord_holland.py prints, so that nobody edits the YAML by hand and the
# generator's tables stay the single source of the numbers.
#
#   bash noord_holland_generated.sh SOURCE_DIR
#
# On a difference: edit the generator (not the YAML), then run
#   python3 scenarios/generate/noord_holland.py > scenarios/noord-holland.yaml
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 SOURCE_DIR" >&2
    exit 2
fi
SOURCE_DIR=$1
PYTHON=/usr/bin/python3
generator=$SOURCE_DIR/scenarios/generate/noord_holland.py
committed=$SOURCE_DIR/scenarios/noord-holland.yaml

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zorgsim-noord-holland.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" "$generator" >"$WORK/noord-holland.yaml" || {
    echo "FAIL: expected $generator to run (exit 0)" >&2
    exit 1
}
if ! diff -u "$committed" "$WORK/noord-holland.yaml"; then
    echo "FAIL: expected $committed to be the output of $generator; edit the generator," >&2
    echo "then run: python3 scenarios/generate/noord_holland.py > scenarios/noord-holland.yaml" >&2
    exit 1
fi
echo "ok: scenarios/noord-holland.yaml is the generator's output"

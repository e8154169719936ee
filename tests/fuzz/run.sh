#!/usr/bin/env bash
# Runs both libFuzzer targets side by side for a bounded time (docs/fuzzing.md):
#
#   bash tests/fuzz/run.sh BUILD_DIR [SECONDS]     # SECONDS per target, default 60
#
# BUILD_DIR is a build with -DZORGSIM_FUZZ=ON whose targets zorgsim_fuzz_load and
# zorgsim_fuzz_set are built. Seeds are made afresh in BUILD_DIR/fuzz/seeds from the repository
# and tests/fuzz/regressions (less the known failures); what the fuzzers add is kept in
# BUILD_DIR/fuzz/corpus between runs; a finding is written to BUILD_DIR/fuzz/findings and makes
# the script exit 1.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS]}" && pwd)"
seconds="${2:-60}"
work="$build/fuzz"

for target in load set; do
  [ -x "$build/tests/fuzz/zorgsim_fuzz_$target" ] || {
    echo "run.sh: $build/tests/fuzz/zorgsim_fuzz_$target is not built" >&2
    exit 2
  }
done
rm -rf "$work/seeds" "$work/findings"
python3 "$source_dir/tests/fuzz/make_seeds.py" "$source_dir" "$work/seeds"
known="$source_dir/tests/fuzz/regressions/known-failures.txt"
for target in load set; do
  for file in "$source_dir/tests/fuzz/regressions/$target"/*; do
    grep -q "^$target/$(basename "$file")\b" "$known" || cp "$file" "$work/seeds/$target/"
  done
  mkdir -p "$work/corpus/$target" "$work/findings/$target"
done

# Stacks with file:line (Debian's clang finds no llvm-symbolizer of its own version).
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v llvm-symbolizer >/dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer)"
fi

# The limits: a case is a finding when it takes over 10 s or 2 GB (the loader's documented
# bounds are far below both). Inputs are cut at max_len to keep the executions fast.
run() {
  local target="$1" max_len="$2"
  "$build/tests/fuzz/zorgsim_fuzz_$target" "$work/corpus/$target" "$work/seeds/$target" \
    -dict="$work/seeds/$target.dict" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix="$work/findings/$target/" >"$work/$target.log" 2>&1
}
run load 65536 &
load_pid=$!
run set 4096 &
set_pid=$!
status=0
for target in load set; do
  pid_var="${target}_pid"
  if wait "${!pid_var}"; then
    echo "fuzz $target: no finding in ${seconds} s"
  else
    status=1
    echo "fuzz $target: FINDING (log: $work/$target.log)" >&2
    grep -E '^(==|SUMMARY|zorgsim fuzz finding|    #[0-9])' "$work/$target.log" | head -40 >&2 || true
    ls "$work/findings/$target" >&2
  fi
  grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb' \
    "$work/$target.log" | sed "s/^/fuzz $target: /" || true
done
exit "$status"

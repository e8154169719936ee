# The zorgsim commands shown in README.md work as written (exit 0), with 2 replications each to
# stay fast: they are read from the README's code blocks, so the test follows the README.
# Left out: `validate my-scenario.yaml` (a placeholder), `size` (a search over capacities: slow;
# the size command has its own tests), report's --figures (drawn by a browser; tested with the
# report), `backtest` (the national landscape: backtest_of_the_netherlands_runs runs that very
# command) and `serve` (a server that runs until it is stopped; tests/serve start it themselves). The quick-start scripts themselves install packages and are not run here; their
# zorgsim command (`zorgsim run`) is among the README's commands.
source "$(dirname "$0")/lib.sh"

ln -s "$SOURCE_DIR/scenarios" scenarios
ln -s "$SOURCE_DIR/data" data
"$PYTHON" - "$SOURCE_DIR/README.md" >commands.txt <<'PY'
import re, shlex, sys
text = open(sys.argv[1]).read()
commands = []
for language, block in re.findall(r"```(\w*)\n(.*?)```", text, re.S):
    if language not in ("", "sh", "bash", "console"):
        continue  # e.g. the Python example
    lines = block.replace("\\\n", " ").splitlines()
    for line in lines:
        words = shlex.split(line, comments=True)
        if words and words[0] == "zorgsim":
            commands.append(words[1:])
for words in commands:
    print("\t".join(words))
PY
[[ -s commands.txt ]] || fail "expected zorgsim commands in README.md"

count=0
while IFS=$'\t' read -r -a words; do
    command=${words[0]}
    case "$command" in
    size | serve | backtest) continue ;; # backtest: backtest_of_the_netherlands_runs runs it
    validate) [[ -e "${words[1]}" ]] || continue ;;
    esac
    args=()
    for ((i = 0; i < ${#words[@]}; i++)); do
        if [[ ${words[i]} == --replications ]]; then
            i=$((i + 1)) # replaced by --replications 2 below
        elif [[ ${words[i]} != --figures ]]; then
            args+=("${words[i]}")
        fi
    done
    case "$command" in
    run | compare | sweep) args+=(--replications 2 --quiet) ;;
    esac
    expect_exit 0 "${args[@]}"
    count=$((count + 1))
done <commands.txt
((count >= 5)) || fail "expected at least 5 README commands to run, ran $count"
expect_files results/westfriesland-baseline summary.json timeseries.csv scenario.yaml report.html

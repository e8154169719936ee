# One run at a time, at most three waiting: a fifth concurrent run is refused with 429 and a
# message (Retry-After), the queued ones run in turn, and requests are answered while runs go on.
source "$(dirname "$0")/lib.sh"
start_studio studio "$SOURCE_DIR/scenarios" --threads 1
ids=()
for seed in 1 2 3 4; do
    post_json /api/runs "{\"base\": \"westfriesland-baseline\", \"replications\": 300, \"seed\": $seed}"
    expect_code 202 "run $seed"
    ids+=("$(json_field 'd["id"]')")
done
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 300, "seed": 5}' -D headers.txt
expect_code 429 "a fifth run while one runs and three wait"
expect_body "waiting already"
grep -qi '^Retry-After:' headers.txt || fail "a 429 says when to try again"
# Concurrent clients: the API keeps answering while the worker runs.
pids=()
for i in 1 2 3 4 5 6; do
    curl -s -o "get$i.json" -w '%{http_code}\n' --max-time 10 "$URL/api/scenarios" >"code$i" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
for i in 1 2 3 4 5 6; do
    [[ $(cat "code$i") == 200 ]] || fail "concurrent GET $i: $(cat "code$i")"
done
req GET "/api/runs/${ids[1]}?result=0"
[[ $(json_field 'd["status"]') == queued ]] || fail "the second run waits its turn"
req GET "/api/runs/${ids[0]}?result=0"
[[ $(json_field 'd["status"]') == running ]] || fail "the first run runs"
# Cancel the waiting ones and the running one: the queue empties.
for id in "${ids[@]:1}"; do
    req DELETE "/api/runs/$id"
    expect_code 200 "cancel a waiting run"
    req GET "/api/runs/$id?result=0"
    [[ $(json_field 'd["status"]') == cancelled ]] || fail "a cancelled waiting run"
done
req DELETE "/api/runs/${ids[0]}"
expect_code 200 "cancel the running run"
wait_run "${ids[0]}" 20
[[ $STATUS == cancelled ]] || fail "the running run was cancelled, got $STATUS"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 2, "seed": 6}'
expect_code 202 "a run after the queue emptied"
wait_run "$(json_field 'd["id"]')"
[[ $STATUS == done ]] || fail "a run after the queue emptied ended $STATUS"
echo "$TEST_NAME: passed"

# A run whose page is gone (nobody asks about it for --abandon-after seconds, 60 by default) is
# dropped: the running one is cancelled, a waiting one is not started, and the next run starts.
source "$(dirname "$0")/lib.sh"
start_studio studio --abandon-after 2 --threads 1 "$SOURCE_DIR/scenarios"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 1000, "seed": 21}'
expect_code 202 "a long run"
running=$(json_field 'd["id"]')
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 1000, "seed": 22}'
expect_code 202 "a second long run, waiting"
waiting=$(json_field 'd["id"]')
sleep 6 # nobody asks
req GET "/api/runs/$running?result=0"
[[ $(json_field 'd["status"]') == cancelled ]] || fail "the run nobody asked about is dropped, got $(json_field 'd["status"]')"
expect_body "page is gone"
wait_run "$waiting" 30
[[ $STATUS == cancelled ]] || fail "the waiting run nobody asked about is not started, got $STATUS"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 2, "seed": 23}'
id=$(json_field 'd["id"]')
wait_run "$id"
[[ $STATUS == done ]] || fail "a run that is asked about runs, got $STATUS"
echo "$TEST_NAME: passed"

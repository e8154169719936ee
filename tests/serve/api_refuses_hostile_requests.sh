# Every request is treated as hostile (docs/studio.md, "Safe by default"): bad JSON, an unknown
# scenario, a bad `set` path or value (the loader's FILE:LINE:COLUMN message, naming the lever),
# a lever out of range, too many replications or alternatives, an oversized, compressed or
# chunked body, a wrong Host (DNS rebinding), a cross-site POST, a path that tries to leave the
# studio's files, control characters and deep nesting are refused with a message, and the
# studio keeps answering.
source "$(dirname "$0")/lib.sh"
start_studio studio "$SOURCE_DIR/scenarios"
base='"base": "westfriesland-baseline", "replications": 2'

post_json /api/runs '{"base": "westfriesland-baseline", '
expect_code 400 "truncated JSON"
expect_body "not JSON" "truncated JSON"
post_json /api/runs '[1, 2, 3]'
expect_code 400 "a JSON list"
post_json /api/runs '{"base": "nope", "alternatives": []}'
expect_code 404 "an unknown base scenario"
expect_body "no scenario named 'nope'"
post_json /api/runs "{$base, \"extra\": 1}"
expect_code 400 "an unknown key"
expect_body "unknown key 'extra'"

# set: the command line's words for the same mistake (<command line>:N:COLUMN: error: --set ...)
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"set\": {\"services.pleegzorg.capacty\": 200}}]}"
expect_code 400 "a misspelt set path"
expect_body "<command line>:1:" "a misspelt set path"
expect_body "services.pleegzorg.capacty" "the message names the path"
expect_body "capacity" "the message suggests the nearest key"
"$ZORGSIM" validate "$SOURCE_DIR/scenarios/westfriesland-baseline.yaml" --set services.pleegzorg.capacty=200 2>cli.txt || true
msg=$(grep -o 'error: .*' cli.txt | head -1)
grep -qF -- "$msg" "$WORK/body" || fail "the message is the command line's: '$msg'"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"set\": {\"services.pleegzorg.capacity\": \"veel\"}}]}"
expect_code 400 "a set value that is not a number"
expect_body "<command line>:1:" "a bad set value"
expect_body "services.pleegzorg.capacity" "the message names the lever"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"set\": {\"services.nosuch.capacity\": 5}}]}"
expect_code 400 "a set path to an unknown service"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"set\": {\"extends\": \"/etc/passwd\"}}]}"
expect_code 400 "set extends"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"set\": {\"services.pleegzorg.capacity_schedule.0.value\": 3}}]}"
expect_code 400 "a set path with a list index"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"set\": {\"../../etc\": 3}}]}"
expect_code 400 "a set path with dots and slashes"

# levers: range, type, date, unknown
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"levers\": {\"capacity:pleegzorg\": 99999}}]}"
expect_code 400 "a capacity out of range"
expect_body "capacity:pleegzorg" "the message names the lever"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"levers\": {\"capacity:pleegzorg\": 20.5}}]}"
expect_code 400 "a capacity that is not whole"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"levers\": {\"capacity:pleegzorg\": {\"value\": 200, \"date\": \"2099-01-01\"}}}]}"
expect_code 400 "a date outside the horizon"
expect_body "2099-01-01"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"levers\": {\"capacity:nosuch\": 2}}]}"
expect_code 400 "an unknown lever"
expect_body "capacity:nosuch"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\", \"levers\": {\"inflow\": \"-2\"}}]}"
expect_code 400 "a lever value as text"
# a policy the loader refuses: its FILE:LINE:COLUMN in the alternative's file, which is shown
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"Fout\", \"policies\": [{\"id\": \"p\", \"date\": \"2027-01-01\", \"capacity\": {\"service\": \"pleegzorg\", \"value\": -5}}]}]}"
expect_code 400 "a policy with a negative capacity"
expect_body "fout.yaml:" "the loader's position in the alternative's file"
expect_body "scenario_file" "the alternative's file comes with the message"

# sizes
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 1000000}'
expect_code 400 "too many replications"
expect_body "from 1 to 1000"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 0}'
expect_code 400 "zero replications"
post_json /api/runs '{"base": "westfriesland-baseline", "seed": -1}'
expect_code 400 "a negative seed"
alts=$(python3 -c 'import json; print(json.dumps([{"name": "a%d" % i} for i in range(5)]))')
post_json /api/runs "{$base, \"alternatives\": $alts}"
expect_code 400 "five alternatives"
expect_body "at most 4"
python3 -c 'print("{\"base\": \"" + "x" * (2 << 20) + "\"}")' >big.json
req POST /api/runs -H 'Content-Type: application/json' --data-binary @big.json
expect_code 413 "a 2 MiB body"
python3 -c 'print("[" * 100000 + "]" * 100000)' >deep.json
req POST /api/runs -H 'Content-Type: application/json' --data-binary @deep.json
[[ $CODE == 400 ]] || fail "deep nesting: expected 400, got $CODE"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"x\\u0000y\"}]}"
expect_code 400 "a control character"
post_json /api/runs "{$base, \"alternatives\": [{\"name\": \"$(python3 -c 'print("n" * 200)')\"}]}"
expect_code 400 "a name of 200 characters"
req POST /api/runs -H 'Content-Type: text/plain' --data-binary "{$base}"
expect_code 415 "a POST that is not JSON (a cross-site form)"
printf '%s' "{$base}" | gzip >body.gz
req POST /api/runs -H 'Content-Type: application/json' -H 'Content-Encoding: gzip' --data-binary @body.gz
expect_code 415 "a compressed body"
req POST /api/runs -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary "{$base}"
expect_code 411 "a chunked body"

# DNS rebinding and cross-site requests
req GET /api/scenarios -H 'Host: evil.example:8080'
expect_code 421 "a wrong Host"
expect_body "answers only requests for"
req GET / -H 'Host: evil.example'
expect_code 421 "a wrong Host for the page"
req GET /api/scenarios -H 'Host:'
[[ $CODE == 421 || $CODE == 400 ]] || fail "no Host: expected 421 or 400, got $CODE"
req GET /api/scenarios -H "Host: localhost:${HOSTPORT#*:}"
expect_code 200 "Host localhost:PORT"
post_json /api/runs "{$base}" -H 'Origin: http://evil.example'
expect_code 403 "a POST from another site"
post_json /api/runs "{$base}" -H 'Sec-Fetch-Site: cross-site'
expect_code 403 "a POST marked cross-site"
post_json /api/runs "{$base}" -H "Origin: http://$HOSTPORT"
expect_code 202 "a POST from the studio's own page"
req PUT /api/runs
expect_code 405 "PUT"

# Paths that try to leave the studio's own files: only embedded assets and run files by name
for path in '/../../../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/..%2f..%2fetc%2fpasswd' \
    '/api/scenarios/..%2f..%2fetc%2fpasswd/levers' '/studio.js' '/index.html' '/etc/passwd' \
    '/api/runs/0123456789abcdef0123456789abcdef/files/..%2f..%2fetc%2fpasswd'; do
    req GET "$path" --path-as-is
    [[ $CODE == 404 || $CODE == 400 ]] || fail "GET $path: expected 404 or 400, got $CODE"
    ! grep -q 'root:' "$WORK/body" || fail "GET $path gave a system file"
done
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 2}'
id=$(json_field 'd["id"]')
wait_run "$id"
for name in '..%2f..%2f..%2fetc%2fpasswd' '..' '.zorgsim-manifest' '%2fetc%2fpasswd' 'report.html%00.yaml'; do
    req GET "/api/runs/$id/files/$name" --path-as-is
    [[ $CODE == 404 || $CODE == 400 ]] || fail "GET files/$name: expected 404 or 400, got $CODE"
    ! grep -q 'root:' "$WORK/body" || fail "GET files/$name gave a system file"
done

# A slow client does not hold the studio: half a request line, then others are still served.
exec 3<>"/dev/tcp/127.0.0.1/${HOSTPORT#*:}"
printf 'GET /api/scen' >&3
req GET /api/scenarios
expect_code 200 "a request while a slow client holds a connection"
exec 3>&-
kill -0 "$PID" || fail "the studio died"
echo "$TEST_NAME: passed"

# `zorgsim serve` listens on 127.0.0.1 unless told otherwise; another address needs a token file
# (and a wildcard address the names it answers to); with a token, every API request needs it, as
# a cookie or a bearer header; --allow-host adds a name (a reverse proxy's). Bad arguments exit 2
# with a message.
source "$(dirname "$0")/lib.sh"
expect_exit2() {
    local what=$1
    shift
    set +e
    timeout 20 "$ZORGSIM" serve "$@" >out.txt 2>err.txt
    local code=$?
    set -e
    [[ $code == 2 ]] || fail "$what: expected exit 2, got $code ($(cat err.txt))"
}
expect_exit2 "another address without a token" --listen 0.0.0.0:0 "$SOURCE_DIR/scenarios"
grep -q -- '--token-file' err.txt || fail "the message names --token-file"
printf 'short\n' >short.token
expect_exit2 "a short token" --listen 127.0.0.1:0 --token-file short.token "$SOURCE_DIR/scenarios"
openssl rand -hex 16 >studio.token 2>/dev/null || python3 -c 'import secrets; print(secrets.token_hex(16))' >studio.token
expect_exit2 "a wildcard address without --allow-host" --listen 0.0.0.0:0 --token-file studio.token "$SOURCE_DIR/scenarios"
expect_exit2 "a bad --listen" --listen nonsense "$SOURCE_DIR/scenarios"
expect_exit2 "a missing token file" --listen 127.0.0.1:0 --token-file nosuch.token "$SOURCE_DIR/scenarios"
printf 'format: 1\nname: [\n' >broken.yaml
expect_exit2 "no scenario that loads" --listen 127.0.0.1:0 broken.yaml
grep -q 'broken.yaml:' err.txt || fail "the loader's message for the file that does not load"

start_studio plain "$SOURCE_DIR/scenarios/westfriesland-baseline.yaml"
plain_port=${HOSTPORT#*:}
expect_exit2 "an address in use" --listen "127.0.0.1:$plain_port" "$SOURCE_DIR/scenarios"
grep -q 'cannot listen' err.txt || fail "the message says the address is in use"
req GET /api/scenarios
[[ $(json_field '[s["name"] for s in d["scenarios"]]') == "['westfriesland-baseline']" ]] ||
    fail "a studio started on one file offers that scenario only"

start_studio token --token-file studio.token --allow-host zorgsim.example "$SOURCE_DIR/scenarios"
token=$(cat studio.token)
req GET /api/scenarios
expect_code 401 "an API request without the token"
[[ $(json_field 'd["token_required"]') == True ]] || fail "a 401 says a token is required"
req GET /api/scenarios -H "Authorization: Bearer wrong-token-wrong-token"
expect_code 401 "a wrong token"
req GET /api/scenarios -H "Authorization: Bearer $token"
expect_code 200 "a bearer token"
req GET /api/scenarios -H "Cookie: other=1; zorgsim_token=$token"
expect_code 200 "the token as a cookie"
# Behind a reverse proxy with TLS: the public name, without a port, and its https Origin.
req GET /api/scenarios -H "Host: zorgsim.example" -H "Authorization: Bearer $token"
expect_code 200 "the --allow-host name without a port"
req GET /api/scenarios -H "Host: other.example" -H "Authorization: Bearer $token"
expect_code 421 "a name not allowed"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 2}' -H "Host: zorgsim.example" \
    -H "Origin: https://zorgsim.example" -H "Authorization: Bearer $token"
expect_code 202 "a POST from the page behind the proxy"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 2}' -H "Host: zorgsim.example" \
    -H "Origin: https://evil.example" -H "Authorization: Bearer $token"
expect_code 403 "a POST from another site behind the proxy"
req GET /
expect_code 200 "the page itself (it asks for the token)"
expect_body '"token_required":true' "the page knows it must ask for a token"
echo "$TEST_NAME: passed"

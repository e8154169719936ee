# A file given to the loader that is not a scenario (a private file named in `extends`, by
# mistake or on purpose) is one error that quotes none of its content; text quoted in
# messages is bounded and its control characters escaped; CR and CRLF line endings are line
# breaks (a lone CR used to give "unknown key '\r'" with the raw character).

source "$(dirname "$0")/lib.sh"

printf 'root:$6$hunter2:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n' >shadow
printf 'password: hunter2\npassword: hunter2\nuser: admin\n' >secrets.yaml
for file in shadow secrets.yaml; do
    printf 'format: 1\nname: t\nextends: %s\n' "$file" >extends.yaml
    expect_exit 2 validate extends.yaml
    expect_stderr_matches "^extends\.yaml:3:10: error: extends: '$file' is not a zorgsim scenario"
    [[ $(wc -l <"$WORK/stderr") -eq 1 ]] || fail "expected one error for extends: $file"
    grep -q 'hunter2\|password\|daemon' "$WORK/stderr" && fail "expected none of $file echoed"
done
expect_exit 2 validate secrets.yaml
expect_stderr_matches '^secrets\.yaml:1:1: error: secrets\.yaml is not a zorgsim scenario'
grep -q 'hunter2\|password' "$WORK/stderr" && fail "expected none of secrets.yaml echoed"

# CRLF and a lone CR at the end: the same as LF.
sed 's/$/\r/' "$FIXTURES/mmc-short.yaml" >crlf.yaml
printf '\r' >>crlf.yaml
expect_exit 0 validate crlf.yaml
[[ -s "$WORK/stderr" ]] && fail "expected a CRLF scenario with a lone CR at the end to be valid"

# A long value with control characters is quoted short and escaped.
{
    cat "$FIXTURES/mmc-short.yaml"
    printf 'period: "%s\\r\\x1b[2J"\n' "$(head -c 5000 /dev/zero | tr '\0' x)"
} | grep -v '^period: quarter' >long.yaml
expect_exit 2 validate long.yaml
expect_stderr_matches "^long\.yaml:[0-9]+:9: error: .*'x{60}\.\.\.'"
grep -q $'\r\|\x1b' "$WORK/stderr" && fail "expected no raw control characters in messages"
[[ $(wc -c <"$WORK/stderr") -lt 400 ]] || fail "expected the quoted value bounded in length"
exit 0

# Two identical runs into different folders give byte-identical report.html: the report does not
# name the (hidden staging) folder it was made in.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
expect_exit 0 run "$mmc" --replications 3 --seed 5 --out first --quiet
expect_exit 0 run "$mmc" --replications 3 --seed 5 --out elsewhere/second --quiet
cmp -s first/report.html elsewhere/second/report.html ||
    fail "expected identical report.html from identical runs into first/ and elsewhere/second/"
grep -q 'staging' first/report.html && fail "expected report.html not to name a staging folder"
# Rebuilt by `zorgsim report`, it is the same again.
expect_exit 0 report elsewhere/second
cmp -s first/report.html elsewhere/second/report.html ||
    fail "expected zorgsim report to rebuild the same report.html"

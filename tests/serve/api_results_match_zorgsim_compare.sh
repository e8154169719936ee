# An alternative downloaded from the studio is a scenario file that `extends` the base with only
# what differs; `zorgsim validate` accepts it and `zorgsim compare` on it, with the run's seed and
# replications, writes byte for byte the files the studio ran (comparison.json, timeseries.csv,
# differences.csv, report.html, results.xlsx, the resolved scenarios). Also when the studio took
# the base's replications from an earlier run of the base alone, as the page does.
source "$(dirname "$0")/lib.sh"
start_studio studio "$SOURCE_DIR/scenarios"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 20, "seed": 5,
  "alternatives": [{"name": "20 pleeggezinnen meer en 2% preventie", "levers": {
    "capacity:pleegzorg": {"value": 200, "date": "2027-01-01"},
    "inflow": {"value": -2, "date": "2026-01-01"},
    "phase_out:jeugdzorgplus": {"date": "2031-01-01"}}},
  {"name": "Gesloten zorg later", "levers": {"capacity:kleinschalig_wonen": 15}}]}'
expect_code 202 "POST a comparison"
id=$(json_field 'd["id"]')
wait_run "$id"
[[ $STATUS == done ]] || fail "the run ended $STATUS"
req GET "/api/runs/$id?result=0"
results=$(json_field 'd["results"]')
mapfile -t files < <(json_field '"\n".join(a["file"] for a in d["alternatives"])')
[[ ${files[0]} == 20-pleeggezinnen-meer-en-2-preventie.yaml ]] || fail "the file is named after the alternative, got ${files[0]}"

# The base next to the alternatives, as the file says.
mkdir scenarios
cp "$SOURCE_DIR"/scenarios/*.yaml scenarios/
for file in "${files[@]}"; do
    req GET "/api/runs/$id/files/$file"
    expect_code 200 "download $file"
    cp "$WORK/body" "scenarios/$file"
    grep -q '^extends: "westfriesland-baseline.yaml"$' "scenarios/$file" || fail "$file extends the base"
    ! grep -q '^services:' "scenarios/$file" || fail "$file holds only what differs (no services)"
    grep -q 'description: ' "scenarios/$file" || fail "every policy of $file has a description"
    "$ZORGSIM" validate "scenarios/$file" 2>validate.txt || fail "zorgsim validate refuses $file: $(cat validate.txt)"
    grep -q 'error' validate.txt && fail "zorgsim validate reports errors for $file"
done
grep -q 'zorgsim compare westfriesland-baseline.yaml 20-pleeggezinnen-meer-en-2-preventie.yaml --replications 20 --seed 5' \
    "scenarios/${files[0]}" || fail "the file says how to reproduce the numbers"

(cd scenarios && "$ZORGSIM" compare westfriesland-baseline.yaml "${files[@]}" --replications 20 --seed 5 \
    --out ../cli --quiet) || fail "zorgsim compare on the downloaded files failed"
req GET "/api/runs/$id/files/results.zip"
cp "$WORK/body" results.zip
mkdir studio && (cd studio && unzip -q ../results.zip)
for file in comparison.json timeseries.csv differences.csv report.html results.xlsx \
    scenario-westfriesland-baseline.yaml "scenario-${files[0]}"; do
    cmp -s "cli/$file" "studio/$results/$file" || fail "$file differs between the studio and zorgsim compare"
done
n=$(ls cli | wc -l)
m=$(ls "studio/$results" | wc -l)
[[ $n == "$m" ]] || fail "zorgsim compare wrote $n files, the studio $m"

# The page's way: the base alone first, then the comparison, which reuses the base's replications.
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 20, "seed": 6}'
wait_run "$(json_field 'd["id"]')"
[[ $STATUS == done ]] || fail "the base run ended $STATUS"
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 20, "seed": 6,
  "alternatives": [{"name": "Gesloten zorg later", "levers": {"capacity:kleinschalig_wonen": 15}}]}'
id=$(json_field 'd["id"]')
wait_run "$id"
[[ $STATUS == done ]] || fail "the comparison after the base run ended $STATUS"
(cd scenarios && "$ZORGSIM" compare westfriesland-baseline.yaml gesloten-zorg-later.yaml \
    --replications 20 --seed 6 --out ../cli-cached --quiet) || fail "zorgsim compare (seed 6) failed"
for file in comparison.json timeseries.csv differences.csv report.html results.xlsx; do
    req GET "/api/runs/$id/files/$file"
    cp "$WORK/body" "studio-$file"
    cmp -s "cli-cached/$file" "studio-$file" ||
        fail "$file differs from zorgsim compare when the base's replications were reused"
done
req GET "/api/runs/$id/animation?scenario=westfriesland-baseline"
expect_code 200 "the base's film after reusing its replications"
echo "$TEST_NAME: passed"

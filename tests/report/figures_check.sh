#!/usr/bin/env bash
# Writes the figures of one fixture folder and checks that every chart of its report is there as
# an SVG and as a PNG.
#
# usage: figures_check.sh REPORT_TOOL FIXTURE_DIR WORK_DIR SOURCE_DIR [NODE]
set -euo pipefail
tool=$1 fixture=$2 work=$3 source=$4 node=${5:-node}
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work"
folder="$work/$(basename "$fixture")"
rm -rf "$folder"
cp -R "$fixture" "$folder"
"$tool" "$folder" --figures || fail "the report tool failed"

# The charts of the report: what the page script's model builds from the page's data document.
ids=$("$node" -e '
  const fs = require("fs");
  const page = fs.readFileSync(process.argv[1], "utf8");
  const open = "<script type=\"application/json\" id=\"zorgsim-data\">";
  const from = page.indexOf(open) + open.length;
  const data = JSON.parse(page.slice(from, page.indexOf("</script>", from)));
  const model = require(process.argv[2]);
  console.log(model.buildCharts(data).charts.map((c) => c.id).join("\n"));
' "$folder/report.html" "$source/tools/report/assets/report.js")
[ -n "$ids" ] || fail "the report has no charts"
count=0
for id in $ids; do
  svg="$folder/figures/$id.svg" png="$folder/figures/$id.png"
  [ -s "$svg" ] || fail "no $svg"
  grep -q '<svg' "$svg" || fail "$svg is not an SVG"
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
  count=$((count + 1))
done
extra=$(find "$folder" -maxdepth 1 -name '.figures-*' | wc -l)
[ "$extra" = 0 ] || fail "a scratch folder was left behind"
echo "all $count charts written as SVG and PNG in $folder/figures"

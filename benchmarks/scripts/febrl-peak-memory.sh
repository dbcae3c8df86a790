#!/usr/bin/env bash
# The whole FEBRL commands, CSV in to CSV out, measured as a user runs them: wall time and peak memory (maximum resident
# set size, GNU time's %M) of the tool published natively (Native AOT) and of the tool as `dotnet` runs it (JIT).
# Usage: benchmarks/scripts/febrl-peak-memory.sh [runs]   (default 3 runs of each; needs GNU time at /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
data=${IMMUNIZATION_DATASETS:-../shared/datasets}/febrl
work=${TMPDIR:-/tmp}/immunization-febrl-memory
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
[ -f "$data/dataset4a.csv" ] || { echo "FEBRL data not found in $data (set IMMUNIZATION_DATASETS)" >&2; exit 2; }
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)

echo "publishing the native build ($rid) and building the JIT one..."
dotnet publish src/Immunization.Cli -c Release -r "$rid" -p:PublishAot=true -o "$work/aot" > "$work.publish.log" 2>&1 \
  || { cat "$work.publish.log" >&2; exit 1; }
dotnet build src/Immunization.Cli -c Release > "$work.build.log" 2>&1 || { cat "$work.build.log" >&2; exit 1; }

measure() { # build label command...
  local build=$1 label=$2; shift 2
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/stdout" 2> "$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    read -r wall kb < "$work/time"
    f1=$(grep -o 'F1 [0-9.]*' "$work/stdout" || echo "F1 -")
    printf '%-4s %-14s run %d: %5s s  %6.1f MB peak  %s\n' "$build" "$label" "$i" "$wall" "$(echo "$kb / 1024" | bc -l)" "$f1"
  done
}

for build in aot jit; do
  if [ "$build" = aot ]; then tool=("$work/aot/Immunization.Cli"); else tool=(dotnet src/Immunization.Cli/bin/Release/net10.0/Immunization.Cli.dll); fi
  measure "$build" "febrl4 link" "${tool[@]}" link --config samples/febrl4.json --left "$data/dataset4a.csv" \
    --right "$data/dataset4b.csv" --out "$work/febrl4-$build" --truth
  measure "$build" "febrl3 dedupe" "${tool[@]}" dedupe --config samples/febrl3.json --input "$data/dataset3.csv" \
    --out "$work/febrl3-$build" --truth
  measure "$build" "--help" "${tool[@]}" --help
done
cmp -s "$work/febrl4-aot/links.csv" "$work/febrl4-jit/links.csv" && echo "links.csv: the native and JIT builds wrote the same bytes"

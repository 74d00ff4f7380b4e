#!/usr/bin/env bash
# The report phase on its own: `prunekit report FOLDER` draws plots/ and report.html from a finished results folder
# (what `prunekit run` does after the cells, except that the run hands over the results it has just written instead
# of reading them back). Runs each folder N times, interleaved between this checkout's jar and, with --baseline, a jar
# built from another commit, and prints the median CPU (user + sys of the whole JVM, start-up included) per jar and
# the ratio:
#   bench/report.sh [--runs N] [--baseline JAR] FOLDER...
# With --baseline it also checks that both jars draw the same report: every file except the PNGs and report.html
# byte-identical (diff -r), every PNG (in plots/ and embedded in report.html) decoded to the same pixels, and
# report.html identical once its images are left out (bench/SamePixels.java). Build a baseline jar with e.g.
#   git worktree add /tmp/base <commit> && (cd /tmp/base && mvn -B -q package -DskipTests -Dnospark)
# and pass /tmp/base/target/prunekit.jar. Quote `uptime` with the figures (the script prints it).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
baseline=""
folders=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    -*) echo "report.sh: unknown option '$1' (see the header of $0)" >&2; exit 2 ;;
    *) folders+=("$1"); shift ;;
  esac
done
[ ${#folders[@]} -gt 0 ] || { echo "report.sh: no results folder given (see the header of $0)" >&2; exit 2; }
[ -z "$baseline" ] || [ -f "$baseline" ] || { echo "report.sh: no baseline jar at $baseline" >&2; exit 2; }
./prunekit --version >/dev/null # builds target/prunekit.jar when sources changed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp target/prunekit.jar "$work/this.jar"
jars=(this)
if [ -n "$baseline" ]; then cp "$baseline" "$work/baseline.jar"; jars=(baseline this); fi
tck=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $16 + $17}' /proc/$$/stat; } # CPU of this shell's finished children
echo "uptime at start: $(uptime)"
status=0
for f in "${folders[@]}"; do
  [ -f "$f/summary.json" ] || { echo "report.sh: $f is not a results folder (no summary.json)" >&2; exit 2; }
  name=$(basename "$f")
  for j in "${jars[@]}"; do rm -rf "${work:?}/$j"; mkdir -p "$work/$j"; cp -r "$f" "$work/$j/$name"; : >"$work/$j.cpu"; done
  for _ in $(seq "$runs"); do
    for j in "${jars[@]}"; do
      before=$(cpu_ticks)
      java -Xmx4g --add-modules jdk.incubator.vector -jar "$work/$j.jar" report "$work/$j/$name" >"$work/out.log" 2>&1 \
        || { cat "$work/out.log" >&2; echo "report.sh: prunekit report failed ($j jar, $f)" >&2; exit 3; }
      echo "$(( $(cpu_ticks) - before ))" >>"$work/$j.cpu"
    done
  done
  line="$name:"
  for j in "${jars[@]}"; do
    med=$(sort -n "$work/$j.cpu" | awk -v t="$tck" '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m / t}')
    eval "med_$j=$med"
    line="$line $j jar median ${med} s CPU ($runs runs);"
  done
  if [ -n "$baseline" ]; then
    line="$line ratio this/baseline $(awk -v a="$med_this" -v b="$med_baseline" 'BEGIN {printf "%.2f", a / b}')"
  fi
  echo "$line"
  if [ -n "$baseline" ]; then
    if diff -r "$work/baseline/$name" "$work/this/$name" >/dev/null; then
      echo "  same report: diff -r finds no difference"
    else
      other=$(diff -rq -x '*.png' -x report.html "$work/baseline/$name" "$work/this/$name" || true)
      if [ -n "$other" ]; then echo "  DIFFERENT FILES: $other"; status=1; fi
      java bench/SamePixels.java "$work/baseline/$name" "$work/this/$name" | sed 's/^/  /' || status=1
    fi
  fi
done
echo "uptime at end: $(uptime)"
exit $status

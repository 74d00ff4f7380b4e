#!/usr/bin/env bash
# Does a JVM option (or a launcher setting) make a study cheaper? Runs CONFIG with the launcher's defaults and with each
# VARIANT, interleaved, REPS times each, and prints per variant the CPU seconds of the whole process (user + sys,
# /usr/bin/time: JVM start-up and JIT included), the study's own process_cpu_s and wall_s (summary.json), their means
# and the ratio of the mean CPU to the default's, measured in the same run. Quote `uptime` with it.
#
#   bench/jvm-flags.sh CONFIG REPS 'VARIANT' ['VARIANT'...]
#   e.g. bench/jvm-flags.sh results/peers/configs/pima_diabetes-cart.yaml 3 '-XX:CompileThresholdScaling=2'
#        bench/jvm-flags.sh configs/quickstart.yaml 4 PRUNEKIT_CDS=off      # the launcher's class-data archive
#
# A VARIANT is JVM options (PRUNEKIT_JAVA_OPTS), optionally after NAME=VALUE words that are set in the launcher's
# environment for that variant ('PRUNEKIT_CDS=off -XX:+UseSerialGC'). One untimed run comes first (it builds the jar
# and records the launcher's class-data archive, as a user's first run does). --threads 1. Exit 2 on bad arguments,
# 1 when a run fails. CPU-heavy: 1 + REPS x (1 + variants) studies.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { echo "usage: bench/jvm-flags.sh CONFIG REPS 'OPTIONS' ['OPTIONS'...]" >&2; exit 2; }
cfg=$1
reps=$2
shift 2
[ -f "$cfg" ] || { echo "jvm-flags: $cfg: no such config" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "jvm-flags: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "jvm-flags: needs python3" >&2; exit 2; }
variants=("" "$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# built, and the class-data archive recorded, before anything is timed
./prunekit run "$cfg" --out "$tmp/warm-up" --force --threads 1 >"$tmp/log" 2>&1 \
  || { echo "jvm-flags: the untimed first run failed; last lines:" >&2; tail -5 "$tmp/log" >&2; exit 1; }
echo "load before: $(uptime)"
for r in $(seq 1 "$reps"); do
  for i in "${!variants[@]}"; do
    out="$tmp/run-$i"
    env=()
    opts=""
    for w in ${variants[$i]}; do
      if [ -z "$opts" ] && [[ "$w" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then env+=("$w"); else opts="$opts $w"; fi
    done
    env ${env[@]+"${env[@]}"} PRUNEKIT_JAVA_OPTS="$opts" /usr/bin/time -f "%U %S %e" -o "$tmp/time" \
      ./prunekit run "$cfg" --out "$out" --force --threads 1 >"$tmp/log" 2>&1 \
      || { echo "jvm-flags: run failed with '${variants[$i]}'; last lines:" >&2; tail -5 "$tmp/log" >&2; exit 1; }
    python3 - "$out/summary.json" "$tmp/time" "$i" >>"$tmp/rows" <<'EOF'
import json, sys
t = json.load(open(sys.argv[1]))["time"]
u, s, e = map(float, open(sys.argv[2]).read().split()[-3:])
print(sys.argv[3], u + s, e, t["process_cpu_s"], t["wall_s"])
EOF
  done
done
echo "load after: $(uptime)"
python3 - "$tmp/rows" "${variants[@]}" <<'EOF'
import sys
from statistics import mean
rows = [l.split() for l in open(sys.argv[1])]
names = ["(default)"] + sys.argv[3:]
base = None
print("| variant | process CPU s (each run) | mean | study process_cpu_s (mean) | study wall s (mean) | CPU vs default |")
print("|---|---|---|---|---|---|")
for i, name in enumerate(names):
    rs = [r for r in rows if r[0] == str(i)]
    cpu = [float(r[1]) for r in rs]
    if base is None:
        base = mean(cpu)
    print(f"| {name} | {', '.join(f'{c:.1f}' for c in cpu)} | {mean(cpu):.2f} | "
          f"{mean(float(r[3]) for r in rs):.2f} | {mean(float(r[4]) for r in rs):.2f} | {mean(cpu) / base:.2f}x |")
EOF

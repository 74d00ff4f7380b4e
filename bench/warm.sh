#!/usr/bin/env bash
# A baseline jar and this checkout's on a config in a warm JVM: what a change saves once JIT compilation is done.
#   bench/warm.sh [--repeats N] [--rounds R] BASELINE_JAR CONFIG
# For each jar, one JVM runs CONFIG N times in a row (default 6; `prunekit run` with N copies of the config, as
# `java -jar JAR run ... --threads 1` with OMP_NUM_THREADS=1, like bench/jars.sh) and the script prints the wall and
# process CPU of the last N/2 studies (summary.json's `time`) and their mean CPU per phase. Jars alternate, R rounds
# (default 2). Cold runs (one JVM per study) are bench/jars.sh's job; it also checks that both jars give the same
# results. Build a baseline jar with e.g.
#   git worktree add /tmp/base <commit> && (cd /tmp/base && mvn -B -q package -DskipTests -Dnospark)
# Configs with relative data paths are run from this checkout's root. Quote `uptime` with the figures (printed).
# Exit 2 on bad arguments, 3 when a run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=6
rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) repeats=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -*) echo "warm.sh: unknown option '$1' (see the header of $0)" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: bench/warm.sh [--repeats N] [--rounds R] BASELINE_JAR CONFIG" >&2; exit 2; }
[[ "$repeats" =~ ^[0-9]+$ ]] && [ "$repeats" -ge 2 ] || { echo "warm.sh: --repeats must be at least 2" >&2; exit 2; }
[[ "$rounds" =~ ^[0-9]+$ ]] && [ "$rounds" -ge 1 ] || { echo "warm.sh: --rounds must be at least 1" >&2; exit 2; }
base=$1
cfg=$2
[ -f "$base" ] || { echo "warm.sh: no baseline jar at $base" >&2; exit 2; }
[ -f "$cfg" ] || { echo "warm.sh: $cfg: no such config" >&2; exit 2; }
command -v python3 >/dev/null || { echo "warm.sh: needs python3" >&2; exit 2; }
./prunekit --version >/dev/null # builds target/prunekit.jar when sources changed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp target/prunekit.jar "$work/new.jar"
# the launcher's compiler directives (C2 for the hot code only), for both jars
jit=(-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile="$PWD/src/jvm/compiler-directives.json")
cp "$base" "$work/baseline.jar"
configs=()
for i in $(seq 1 "$repeats"); do
  cp "$cfg" "$work/study$i.yaml"
  configs+=("$work/study$i.yaml")
done
echo "load before: $(uptime)"
for round in $(seq 1 "$rounds"); do
  for v in baseline new; do
    out="$work/$v-$round"
    OMP_NUM_THREADS=1 java -Xmx"${PRUNEKIT_HEAP:-4g}" -XX:+ExitOnOutOfMemoryError "${jit[@]}" \
      --add-modules jdk.incubator.vector \
      -jar "$work/$v.jar" run "${configs[@]}" --out "$out" --force --threads 1 >"$out.log" 2>&1 \
      || { echo "warm.sh: $v run failed; last lines:" >&2; tail -5 "$out.log" >&2; exit 3; }
    python3 - "$out" "$repeats" "$v" <<'PY'
import json, sys
out, n, jar = sys.argv[1], int(sys.argv[2]), sys.argv[3]
last = range(n // 2 + 1, n + 1)
phases, walls, cpus = {}, [], []
for i in last:
    t = json.load(open(f"{out}/study{i}/summary.json"))["time"]
    walls.append(t["wall_s"])
    cpus.append(t["process_cpu_s"])
    for arm in t["arms"].values():
        for k, v in arm.items():
            phases[k] = phases.get(k, 0) + v["cpu_s"] / len(last)
    for k, v in t["study"].items():
        phases[k] = phases.get(k, 0) + v["cpu_s"] / len(last)
print(f"{jar:8} wall s {' '.join(f'{w:.2f}' for w in walls)} | CPU s {' '.join(f'{c:.2f}' for c in cpus)} | "
      + " ".join(f"{k} {v:.3f}" for k, v in phases.items()))
PY
  done
done
echo "load after: $(uptime)"

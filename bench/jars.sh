#!/usr/bin/env bash
# Two prunekit jars on the same studies, interleaved: does a change make whole runs cheaper, with the same results?
#   bench/jars.sh [--runs N] [--citime] BASELINE_JAR CONFIG...
# Runs each CONFIG N times (default 2) with BASELINE_JAR and with this checkout's jar, alternating, as
# `java -jar JAR run CONFIG --out DIR --force --threads 1` with the launcher's JVM options (its compiler directives
# included) and OMP_NUM_THREADS=1, and prints per config and jar the process CPU (user + sys, /usr/bin/time: start-up
# and JIT included), the wall time,
# summary.json's phase CPU (encode, size, write, report) and overhead share, and the CPU ratio new/baseline. It then
# checks that both jars wrote the same selected.csv, candidates.csv, cp-table.csv and path-columns.csv (latency
# columns aside) and byte-identical model bundles, and exits 1 if not. Build a baseline jar with e.g.
#   git worktree add /tmp/base <commit> && (cd /tmp/base && mvn -B -q package -DskipTests -Dnospark)
# and pass /tmp/base/target/prunekit.jar. Configs with relative data paths are run from this checkout's root.
# --citime also runs the JVMs with -XX:+CITime and prints their JIT compilation time (all compilers, and C2's: the
# on-stack-replacement compiles included) per run, with the ratio new/baseline: a change meant to cut compilation is
# measured directly, where one cold run's process CPU spreads by seconds.
# Quote `uptime` with the figures (printed). Exit 2 on bad arguments, 3 when a run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=2
citime=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --citime) citime=1; shift ;;
    -*) echo "jars.sh: unknown option '$1' (see the header of $0)" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || { echo "usage: bench/jars.sh [--runs N] [--citime] BASELINE_JAR CONFIG..." >&2; exit 2; }
base=$1
shift
[ -f "$base" ] || { echo "jars.sh: no baseline jar at $base" >&2; exit 2; }
for c in "$@"; do [ -f "$c" ] || { echo "jars.sh: $c: no such config" >&2; exit 2; }; done
[ -x /usr/bin/time ] || { echo "jars.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "jars.sh: needs python3" >&2; exit 2; }
./prunekit --version >/dev/null # builds target/prunekit.jar when sources changed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp target/prunekit.jar "$work/new.jar"
# the launcher's compiler directives (C2 for the hot code only), for both jars
jit=(-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile="$PWD/src/jvm/compiler-directives.json")
[ "$citime" = 1 ] && jit+=(-XX:+CITime) # printed on stdout at exit, into the run's log
echo "load before: $(uptime)"
for cfg in "$@"; do
  for r in $(seq 1 "$runs"); do
    for v in baseline new; do
      jar=$base
      [ "$v" = new ] && jar=$work/new.jar
      out="$work/$(basename "$cfg" .yaml)-$v-$r"
      OMP_NUM_THREADS=1 /usr/bin/time -f "%U %S %e" -o "$out.time" java -Xmx"${PRUNEKIT_HEAP:-4g}" \
        -XX:+ExitOnOutOfMemoryError "${jit[@]}" --add-modules jdk.incubator.vector -jar "$jar" run "$cfg" --out "$out" --force \
        --threads 1 >"$out.log" 2>&1 \
        || { echo "jars.sh: $v run of $cfg failed; last lines:" >&2; tail -5 "$out.log" >&2; exit 3; }
      echo "$cfg $v $out" >>"$work/runs"
    done
  done
done
echo "load after: $(uptime)"
python3 - "$work/runs" "$citime" <<'PY'
import csv, json, os, re, sys
from collections import defaultdict
from statistics import mean

runs = defaultdict(lambda: defaultdict(list))
for line in open(sys.argv[1]):
    cfg, v, out = line.split()
    u, s, e = map(float, open(out + ".time").read().split()[-3:])
    t = json.load(open(os.path.join(out, "summary.json")))["time"]
    ph = defaultdict(float)
    for arm in t.get("arms", {}).values():
        for k, x in arm.items():
            ph[k] += x["cpu_s"]
    for k, x in t.get("study", {}).items():
        ph[k] += x["cpu_s"]
    runs[cfg][v].append({"cpu": u + s, "wall": e, "share": t.get("overhead_share", float("nan")), "ph": ph, "out": out})


def compile_times(out):
    """(all compilers, C2) seconds from -XX:+CITime in the run's log."""
    log = open(out + ".log").read()
    total = re.search(r"Total compilation time\s*:\s*([\d.]+) s", log)
    c2 = re.search(r"^\s*C2 \{.*?standard:\s*([\d.]+) s.*?osr:\s*([\d.]+) s", log, re.M)
    if not total or not c2:
        print(f"jars.sh: no -XX:+CITime figures in {out}.log", file=sys.stderr)
        sys.exit(3)
    return float(total.group(1)), float(c2.group(1)) + float(c2.group(2))

def rows(path):
    if not os.path.exists(path):
        return None
    r = list(csv.reader(open(path)))
    keep = [i for i, c in enumerate(r[0]) if "latency" not in c]
    return [[x[i] for i in keep] for x in r]

print("| config | jar | process CPU s (runs) | wall s (runs) | encode | size | write | report | overhead share | CPU new/baseline |")
print("|---|---|---|---|---|---|---|---|---|---|")
same = True
for cfg, by in runs.items():
    base = mean(x["cpu"] for x in by["baseline"])
    for v in ("baseline", "new"):
        xs = by[v]
        ph = {k: mean(x["ph"][k] for x in xs) for k in ("encode", "size", "write", "report")}
        ratio = "%.2fx" % (mean(x["cpu"] for x in xs) / base) if v == "new" else ""
        cpus = ", ".join("%.1f" % x["cpu"] for x in xs)
        walls = ", ".join("%.2f" % x["wall"] for x in xs)
        shares = ", ".join("%.0f %%" % (100 * x["share"]) for x in xs)
        phases = " | ".join("%.2f" % ph[k] for k in ph)
        print(f"| {os.path.basename(cfg)} | {v} | {cpus} | {walls} | {phases} | {shares} | {ratio} |")
    a, b = by["baseline"][0]["out"], by["new"][0]["out"]
    for f in ("selected.csv", "candidates.csv", "cp-table.csv", "path-columns.csv"):
        if rows(os.path.join(a, f)) != rows(os.path.join(b, f)):
            print(f"jars.sh: {cfg}: {f} differs between the jars", file=sys.stderr)
            same = False
    ma, mb = os.path.join(a, "models"), os.path.join(b, "models")
    for m in sorted(os.listdir(ma)) if os.path.isdir(ma) else []:
        if m.endswith(".model") and open(os.path.join(ma, m), "rb").read() != open(os.path.join(mb, m), "rb").read():
            print(f"jars.sh: {cfg}: models/{m} differs between the jars", file=sys.stderr)
            same = False
if sys.argv[2] == "1":
    print()
    print("| config | jar | compilation s (runs) | of it C2 s (runs) | compilation new/baseline |")
    print("|---|---|---|---|---|")
    for cfg, by in runs.items():
        t = {v: [compile_times(x["out"]) for x in by[v]] for v in ("baseline", "new")}
        for v in ("baseline", "new"):
            ratio = "%.2fx" % (mean(a for a, _ in t["new"]) / mean(a for a, _ in t["baseline"])) if v == "new" else ""
            print(f"| {os.path.basename(cfg)} | {v} | {', '.join('%.2f' % a for a, _ in t[v])} | "
                  f"{', '.join('%.2f' % b for _, b in t[v])} | {ratio} |")
print("same results: " + ("yes" if same else "NO"))
sys.exit(0 if same else 1)
PY

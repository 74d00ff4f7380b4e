#!/usr/bin/env bash
# Spark scaling on this machine: a 42-cell grid (CART + cost-complexity and L1 logistic on credit_scoring, 4,454 rows,
# 5 outer folds x 4 repeats + 2 refits, inner 8-fold CV: a few seconds per cell) on the local engine (1 and 2 threads)
# and on a real Spark standalone cluster on 127.0.0.1 (a master and 1 or 2 workers of 1 core, each its own JVM), plus
# a 2-cell study that measures Spark's fixed cost per job.
# Prints wall times, speed-ups, the cores each local run really used (process CPU / wall, against the cells' own
# thread CPU: the rest is JIT compilation, GC and start-up), and from Spark's event log, per executor, the tasks, busy
# time, run and CPU time, how much the two workers' tasks overlapped, and Spark's own cost per task. Last, Spark's fixed
# overhead per job and per task, the projection for 10,000 cells on 50 executors and the break-even grid size that
# docs/scale-out.md quotes, all from this run's figures.
# Usage: bench/spark-scaling.sh [--smoke]   (needs Java 17, Maven, python3, curl, network for the first Spark download)
#   --smoke: 1 repeat of 2 folds (6 cells), to check the script itself; its figures mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
out="$root/bench/out/spark-scaling"
rm -rf "$out"
mkdir -p "$out"
folds=5 repeats=4
if [ "${1:-}" = "--smoke" ]; then folds=2 repeats=1; fi
data="$root/data/credit_scoring.csv"
tiny_data="$root/data/breast_cancer_wisconsin.csv"
for f in "$data" "$tiny_data"; do [ -f "$f" ] || { echo "spark-scaling: $f is missing" >&2; exit 1; }; done
command -v curl >/dev/null || { echo "spark-scaling: needs curl" >&2; exit 1; }

cat >"$out/grid.yaml" <<YAML
name: spark-grid
data: {path: '$data', target: class, positive: bad}
split: {outer: {kind: stratified-kfold, folds: $folds, repeats: $repeats}, inner: {kind: stratified-kfold, folds: 8}, seed: 42}
imbalance: {strategy: class-weights}
metrics: [balanced-accuracy, average-precision, mcc]
select: {metric: average-precision, rule: one-se}
arms:
  - {name: cart-ccp, model: {family: cart}, prune: {method: cost-complexity}}
  - {name: logistic-l1, model: {family: logistic}, prune: {method: l1-path}}
YAML
cat >"$out/tiny.yaml" <<YAML
name: spark-tiny
data: {path: '$tiny_data', target: class, positive: M}
split: {outer: {kind: holdout, test-fraction: 0.3, repeats: 1}, inner: {kind: holdout, test-fraction: 0.3}, seed: 42}
arms:
  - {name: base, model: {family: baseline}, prune: {method: none}}
YAML
cells=$((2 * (folds * repeats + 1)))

# Build the Spark-enabled jar and Spark's class path (the launcher does both on its first --engine spark run).
./prunekit run "$out/tiny.yaml" --out "$out/warmup" --engine spark --master 'local[1]' --conf spark.ui.enabled=false \
  >/dev/null 2>"$out/warmup.log" || { echo "spark-scaling: warm-up run failed, see $out/warmup.log" >&2; exit 1; }
cp="$(cat target/spark.classpath):$root/target/prunekit.jar"
opens=(-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)

pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_cluster N: a master and N workers of 1 core; sets $master
start_cluster() {
  local n=$1 home="$out/spark-home-$1" port web
  mkdir -p "$home/jars"
  port=$(free_port); web=$(free_port)
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  java -Xmx512m "${opens[@]}" -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
    --webui-port "$web" >"$home/master.log" 2>&1 &
  pids+=($!)
  master="spark://127.0.0.1:$port"
  for ((i = 0; i < n; i++)); do
    java -Xmx512m "${opens[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 \
      --memory 2g --webui-port "$(free_port)" --work-dir "$home/work$i" "$master" >"$home/worker$i.log" 2>&1 &
    pids+=($!)
  done
  for ((t = 0; t < 300; t++)); do
    if curl -s "http://127.0.0.1:$web/json/" 2>/dev/null | grep -q "\"aliveworkers\" : $n"; then return 0; fi
    sleep 1
  done
  echo "spark-scaling: the cluster did not start; see $home" >&2
  exit 1
}

stop_cluster() { cleanup; pids=(); sleep 2; }

# timed NAME ARGS...: runs ./prunekit run ARGS, prints NAME, seconds and the load
timed() {
  local name=$1; shift
  local load t0 t1
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  ./prunekit run "$@" --out "$out/$name" >"$out/$name.out" 2>"$out/$name.log" \
    || { echo "spark-scaling: run $name failed, see $out/$name.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  secs=$(python3 -c "print(round($t1 - $t0, 2))")
  printf '%-22s %8.2f s   load before %s, after %s\n' "$name" "$secs" "$load" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/times.txt"
  eval "T_${name//-/_}=$secs"
}

spark_conf() { # N workers, run name: Spark's event log goes to $out/events/NAME
  mkdir -p "$out/events/$2"
  echo --engine spark --master "$master" --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false \
    --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$out/events/$2" \
    --conf "spark.executor.extraClassPath=$cp" --conf spark.executor.cores=1 --conf "spark.cores.max=$1" \
    --conf spark.executor.memory=1g --conf spark.scheduler.minRegisteredResourcesRatio=1.0 \
    --conf spark.scheduler.maxRegisteredResourcesWaitingTime=300s
}

echo "machine: $(nproc) cores; load now: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/times.txt"
timed local-1-tiny "$out/tiny.yaml" --threads 1
timed local-1 "$out/grid.yaml" --threads 1
timed local-2 "$out/grid.yaml" --threads 2
start_cluster 1
# shellcheck disable=SC2046
timed spark-1-tiny "$out/tiny.yaml" $(spark_conf 1 spark-1-tiny)
# shellcheck disable=SC2046
timed spark-1 "$out/grid.yaml" $(spark_conf 1 spark-1)
stop_cluster
start_cluster 2
# shellcheck disable=SC2046
timed spark-2 "$out/grid.yaml" $(spark_conf 2 spark-2)
stop_cluster

# Same results on every engine (apart from latency): selected.csv without its latency columns.
for r in local-2 spark-1 spark-2; do
  python3 - "$out/local-1/selected.csv" "$out/$r/selected.csv" <<'PY' || { echo "spark-scaling: $r differs from local-1" >&2; exit 1; }
import csv, sys
def rows(p):
    with open(p) as f:
        return [{k: v for k, v in r.items() if "latency" not in k} for r in csv.DictReader(f)]
sys.exit(0 if rows(sys.argv[1]) == rows(sys.argv[2]) else 1)
PY
done

# Where the local runs' CPU went: process CPU / wall = cores the run used; the cells' own thread CPU (cells/*.json
# phases) against the process's CPU: the rest is JIT compilation, GC, start-up and the report.
for r in local-1 local-2; do
  python3 - "$out/$r" <<'PY' | tee -a "$out/times.txt"
import glob, json, os, sys
run = sys.argv[1]
t = json.load(open(os.path.join(run, "summary.json")))["time"]
cells = sum(p["cpuSeconds"] for f in glob.glob(os.path.join(run, "cells", "*.json"))
            for p in json.load(open(f)).get("phases", {}).values())
print(f"{os.path.basename(run)}: wall {t['wall_s']:.1f} s, process CPU {t['process_cpu_s']:.1f} s = "
      f"{t['process_cpu_s'] / t['wall_s']:.2f} cores used; cells' own thread CPU {cells:.1f} s "
      f"({100 * cells / t['process_cpu_s']:.0f}% of the process's CPU; the rest: JIT, GC, start-up, report)")
PY
done

# Spark's event logs: per executor tasks, busy, run and CPU time; overlap of the workers' tasks; cost per task.
for r in spark-1 spark-2; do
  log=$(find "$out/events/$r" -type f | head -1)
  [ -n "$log" ] || { echo "spark-scaling: no event log for $r" >&2; exit 1; }
  python3 bench/spark_events.py "$log" --json "$out/events/$r.json" | sed "s|^[^ :]*:|$r:|" | tee -a "$out/times.txt"
done

python3 - "$cells" "$T_local_1_tiny" "$T_local_1" "$T_local_2" "$T_spark_1_tiny" "$T_spark_1" "$T_spark_2" \
  "$out/events/spark-1.json" "$out/events/spark-2.json" <<'PY' | tee -a "$out/times.txt"
import json, math, sys
n, lt, l1, l2, st, s1, s2 = int(sys.argv[1]), *map(float, sys.argv[2:8])
e1, e2 = (json.load(open(p)) for p in sys.argv[8:10])
job = st - lt                       # Spark context, executor JVM start, planning job and one tiny job, vs local
task_wall = (s1 - l1 - job) / n     # 1 worker of 1 core vs 1 local thread, per cell (includes the executor's JIT)
task = e1["task_overhead_inside_s"] + e1["task_gap_s"]  # Spark's own accounting, per task, 1 worker
cell = e1["mean_cell_run_s"]        # one cell's run time on an executor of 1 core
print(f"cells {n}; same results on every engine (selected.csv without latency)")
print(f"speed-up 2 workers vs 1 worker: {s1 / s2:.2f}x; 2 local threads vs 1: {l1 / l2:.2f}x; "
      f"2 workers vs local 1 thread: {l1 / s2:.2f}x, vs local 2 threads: {l2 / s2:.2f}x")
print(f"2 workers: tasks overlapped {100 * e2['overlap_share']:.0f}% of the cells job, mean tasks running "
      f"{e2['mean_concurrency']}; tasks per executor "
      + ", ".join(f"{k}: {v['tasks']} ({v['busy_s']} s busy)" for k, v in e2["executors"].items()))
print(f"Spark fixed overhead per job: {job:.1f} s; per task: {task:.3f} s (event log: {e1['task_overhead_inside_s']} s "
      f"inside + {e1['task_gap_s']} s between tasks; wall-clock difference per cell vs local: {task_wall:.2f} s)")
print(f"mean cell: {cell:.2f} s on a 1-core executor (CPU {e1['mean_cell_cpu_s']:.2f} s), {l1 / n:.2f} s of the "
      f"1-thread local wall per cell")
waves = math.ceil(10000 / 50)
for c in (cell, 60.0):
    w = job + waves * (c + task)
    print(f"projection, 10,000 cells on 50 executors, cell {c:.2f} s: {job:.1f} + {waves} x ({c:.2f} + {task:.3f}) "
          f"= {w:.0f} s ({w / 3600:.2f} h) vs {10000 * c / 3600:.1f} h on one thread, "
          f"{10000 * c / (l1 / l2) / 3600:.1f} h on this machine's 2 threads")
# Break-even: Spark with E executors beats the local engine at this machine's measured speed-up S when
# N c / S > job + N (c + task) / E, i.e. N > job / (c / S - (c + task) / E).
S = l1 / l2
for E in (2, 8, 50):
    gain = cell / S - (cell + task) / E
    if gain <= 0:
        print(f"break-even with {E} executors: never (each executor gains nothing over this machine's {S:.2f}x)")
    else:
        print(f"break-even with {E} executors: grids of more than {math.ceil(job / gain)} cells of {cell:.2f} s "
              f"({job / gain * cell / 60:.1f} min of one-thread work)")
PY
echo "results and logs: $out"

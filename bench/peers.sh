#!/usr/bin/env bash
# prunekit's chosen models beside the established tools (scikit-learn, rpart, J48, xgboost, cv.glmnet, torch) on the
# peers' own outer folds: bench/peers/folds/<dataset>.csv, peer metrics bench/peers/metrics_folds.csv (source:
# bench/peers/SOURCE.md). Datasets not tuned on (lending_club, coil2000_caravan): folds made the peers' way by
# bench/peers/make_folds.py, peer rows bench/peers/untuned/metrics_folds.csv made by bench/peers/untuned/run.sh.
#
#   bench/peers.sh [--datasets a,b] [--families cart,xgboost,logistic,mlp] [--out DIR] [--threads N] [--compare-only]
#                  [--time] [--one-jvm [--warm N]] [--no-report]
#
# --compare-only skips the prunekit runs and compares the runs already in --out.
# --time also prints, per dataset x family, prunekit's wall and CPU time (summary.json's time block, per phase and the
# harness overhead share) beside the peers' summed time_s and the model fits each side made (bench/peers/timing.py
# says how fits are counted), with the per-fit ratio. Measure on a quiet machine and quote `uptime` with it.
#
# For every dataset x family it writes a config (the header below + bench/peers/arms/<family>.yaml), runs prunekit on
# the fold file (inner folds: 5, or the fragment's "# inner-folds: N" line), then bench/peers/compare.py prints each
# arm's chosen size and metrics beside every peer row of its family, the paired per-fold dAP with a 95 % t interval,
# and a verdict line. Exit status: 0 all verdicts pass, 1 a verdict fails, 2 bad input, 3 a prunekit run failed.
# Wall time per run is saved as <out>/<dataset>-<family>/wall_s (for a timing column).
# --one-jvm runs all the dataset x family studies in one `prunekit run CFG...` call (one JVM, studies one after another,
# each exactly as alone: same files apart from times), instead of one JVM per study; no per-run wall_s then. Either
# way the grid's wall and CPU time (every prunekit process: JVM start-up and JIT included) are saved in <out>/grid-time
# and --time prints them beside the peers' summed time_s (bench/peers/grid_time.py).
# --warm N (with --one-jvm) first runs the whole batch N times in that JVM, as warm-up (its results deleted), so the
# studies timed are those of a JVM whose JIT compilation is done: what a long-lived process would give. No grid time
# then (it would include the warm-up rounds).
# --no-report passes `run --no-report` on (no plots/ or report.html; the time table has no report phase then).
# CPU-heavy (the whole grid is ~4 x 4 prunekit runs of 10 outer x 5 inner folds): iterate on one dataset first.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=breast_cancer_wisconsin,pima_diabetes,german_credit,credit_scoring
families=cart,xgboost,logistic,mlp
out=results/peers
threads=1
compare_only=0
time=0
one_jvm=0
warm=0
report=()
while [ $# -gt 0 ]; do
  case "$1" in
    --datasets) datasets=$2; shift 2 ;;
    --families) families=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --compare-only) compare_only=1; shift ;;
    --time) time=1; shift ;;
    --one-jvm) one_jvm=1; shift ;;
    --warm) warm=$2; shift 2 ;;
    --no-report) report=(--no-report); shift ;;
    *) echo "peers.sh: unknown argument '$1' (see the header of $0)" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "peers.sh: python3 is needed for the comparison" >&2; exit 2; }
[[ "$warm" =~ ^[0-9]+$ ]] || { echo "peers.sh: --warm takes a number of rounds, not '$warm'" >&2; exit 2; }
[ "$warm" -eq 0 ] || [ "$one_jvm" = 1 ] || { echo "peers.sh: --warm needs --one-jvm" >&2; exit 2; }

positive() {
  case "$1" in
    breast_cancer_wisconsin) echo M ;;
    pima_diabetes) echo pos ;;
    german_credit | credit_scoring | lending_club) echo bad ;;
    coil2000_caravan) echo insurance ;;
    *) echo "peers.sh: no peer results for dataset '$1'" >&2; exit 2 ;;
  esac
}

mkdir -p "$out/configs"
cpu_ticks() { awk '{print $16 + $17}' /proc/$$/stat 2>/dev/null || echo 0; } # CPU of the finished children
if [ "$compare_only" = 0 ]; then
  ./prunekit --version >/dev/null # a build (first use, sources changed) is not part of the grid's time
  grid_start=$(date +%s.%N)
  grid_cpu=$(cpu_ticks)
fi
batch=()
for ds in ${datasets//,/ }; do
  pos=$(positive "$ds")
  [ -f "data/$ds.csv" ] || { echo "peers.sh: data/$ds.csv missing" >&2; exit 2; }
  [ -f "bench/peers/folds/$ds.csv" ] || { echo "peers.sh: bench/peers/folds/$ds.csv missing" >&2; exit 2; }
  for fam in ${families//,/ }; do
    [ "$compare_only" = 1 ] && continue
    arms="bench/peers/arms/$fam.yaml"
    [ -f "$arms" ] || { echo "peers.sh: $arms missing (families: cart, xgboost, logistic, mlp)" >&2; exit 2; }
    cfg="$out/configs/$ds-$fam.yaml"
    inner=$(sed -n 's/^# inner-folds: //p' "$arms")
    {
      echo "name: peers-$ds-$fam"
      echo "data: {path: data/$ds.csv, target: class, positive: $pos, missing: impute}"
      echo "split: {outer: {kind: fold-file, file: bench/peers/folds/$ds.csv}, inner: {kind: stratified-kfold, folds: ${inner:-5}}, seed: 42}"
      echo "metrics: [average-precision, recall, precision, specificity, balanced-accuracy, mcc, roc-auc, pr-auc]"
      echo "timing: {rows: 50, repeats: 1}"
      cat "$arms"
    } >"$cfg"
    if [ "$one_jvm" = 1 ]; then
      batch+=("$cfg")
      continue
    fi
    echo "=== $ds x $fam" >&2
    start=$(date +%s)
    ./prunekit run "$cfg" --out "$out/$ds-$fam" --force --threads "$threads" ${report[@]+"${report[@]}"} >"$out/$ds-$fam.log" 2>&1 \
      || { echo "peers.sh: prunekit failed on $cfg; last lines of $out/$ds-$fam.log:" >&2; tail -5 "$out/$ds-$fam.log" >&2; exit 3; }
    echo $(( $(date +%s) - start )) >"$out/$ds-$fam/wall_s"
    uptime >"$out/$ds-$fam/uptime" # the load during the run (1, 5, 15 min averages at its end), for --time
  done
done
if [ "$one_jvm" = 1 ] && [ "${#batch[@]}" -gt 0 ]; then
  # one JVM: --out DIR writes each study to DIR/<config file name> = $out/<dataset>-<family>
  # --warm: the batch's copies first, N rounds, each writing $out/<dataset>-<family>-warm<k> (deleted after)
  warm_up=()
  for k in $(seq 1 "$warm"); do
    for cfg in "${batch[@]}"; do
      copy="$out/configs/warm-up/$(basename "$cfg" .yaml)-warm$k.yaml"
      mkdir -p "$(dirname "$copy")"
      cp "$cfg" "$copy"
      warm_up+=("$copy")
    done
  done
  echo "=== one JVM: ${#batch[@]} studies$([ "$warm" -eq 0 ] || echo " after $warm warm-up rounds")" >&2
  ./prunekit run ${warm_up[@]+"${warm_up[@]}"} "${batch[@]}" --out "$out" --force --threads "$threads" \
    ${report[@]+"${report[@]}"} >"$out/one-jvm.log" 2>&1 \
    || { echo "peers.sh: prunekit failed; last lines of $out/one-jvm.log:" >&2; tail -5 "$out/one-jvm.log" >&2; exit 3; }
  for copy in ${warm_up[@]+"${warm_up[@]}"}; do
    rm -rf "${out:?}/$(basename "$copy" .yaml)"
  done
  for cfg in "${batch[@]}"; do
    uptime >"$out/$(basename "$cfg" .yaml)/uptime" # the load at the batch's end
  done
fi
if [ "$compare_only" = 0 ] && [ "$warm" -gt 0 ]; then
  rm -f "$out/grid-time" # the process ran the warm-up rounds too: no grid time
elif [ "$compare_only" = 0 ]; then
  mode=$([ "$one_jvm" = 1 ] && echo one-jvm || echo jvm-per-study)
  awk -v m="$mode" -v t0="$grid_start" -v t1="$(date +%s.%N)" -v c0="$grid_cpu" -v c1="$(cpu_ticks)" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%s %.2f %.2f\n", m, t1 - t0, (c1 - c0) / hz }' >"$out/grid-time"
fi
# the shared peers' rows and those made here for the datasets not tuned on, as one metrics file
peer_metrics="$out/peer_metrics_folds.csv"
cat bench/peers/metrics_folds.csv >"$peer_metrics"
if [ -f bench/peers/untuned/metrics_folds.csv ]; then tail -n +2 bench/peers/untuned/metrics_folds.csv >>"$peer_metrics"; fi
status=0
python3 bench/peers/compare.py "$peer_metrics" "$out" "$datasets" "$families" || status=$?
if [ "$time" = 1 ]; then
  [ "$status" -le 1 ] || exit "$status"
  echo "load: $(uptime)"
  python3 bench/peers/timing.py "$peer_metrics" "$out" "$datasets" "$families" || exit $?
  python3 bench/peers/grid_time.py "$peer_metrics" "$out" "$datasets" "$families" || exit $?
fi
exit "$status"

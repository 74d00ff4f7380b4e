#!/usr/bin/env bash
# Peer rows for the datasets prunekit was not tuned on, with the recipes of ../shared/peers/README.md (see peers.py's
# header for each recipe and the two assumptions the README leaves open).
#
#   bench/peers/untuned/run.sh [--groups trees,xgb,r,j48,mlp] [--work DIR] [--out CSV] [--merge] DATASET...
#
# Defaults: every group, --work target/peers-untuned, --out bench/peers/untuned/metrics_folds.csv. Each dataset x
# group writes WORK/pred/<dataset>-<group>.csv (kept, so groups and datasets can be run apart); the metrics file is
# then recomputed from every prediction file in WORK; with --merge the rows already in --out are kept unless WORK has
# the same dataset, method and outer fold (to add groups run at another time to the committed file). Needs Debian's
# python3-sklearn python3-xgboost python3-torch r-cran-glmnet r-cran-rpart weka; runs /usr/bin/python3.
# Check of the recipes: `run.sh --out target/peers-check.csv pima_diabetes german_credit` then
# `/usr/bin/python3 bench/peers/untuned/check.py target/peers-check.csv` compares with the shared peers' rows.
set -euo pipefail
cd "$(dirname "$0")/../../.."
groups=trees,xgb,r,j48,mlp
work=target/peers-untuned
out=bench/peers/untuned/metrics_folds.csv
merge=()
while [ $# -gt 0 ]; do
  case "$1" in
    --groups) groups=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --merge) merge=(--merge); shift ;;
    -*) echo "run.sh: unknown option '$1' (see the header of $0)" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "run.sh: name at least one dataset (see the header of $0)" >&2; exit 2; }
py=/usr/bin/python3
for ds in "$@"; do
  for g in ${groups//,/ }; do
    echo "=== $ds $g $(date -u +%T)" >&2
    case "$g" in
      r)
        "$py" bench/peers/untuned/peers.py fit "$ds" export "$work"
        Rscript bench/peers/untuned/peers.R "$work" "$ds"
        rm -rf "${work:?}/enc/$ds" ;;
      trees | xgb | j48 | mlp) "$py" bench/peers/untuned/peers.py fit "$ds" "$g" "$work" ;;
      *) echo "run.sh: unknown group '$g' (trees, xgb, r, j48, mlp)" >&2; exit 2 ;;
    esac
  done
done
"$py" bench/peers/untuned/peers.py collect "$work" "$out" "${merge[@]}"

#!/usr/bin/env bash
# Every benchmark, one after another; each prints its own ratios against a baseline measured in the same run.
# Takes several minutes. Results are printed; nothing is timed inside the unit tests.
set -uo pipefail
cd "$(dirname "$0")/.."
for b in "ccp.sh" "glmnet.sh data/synth50k.csv 5" "l1-sparse-share.sh 5" "encode.sh 40" "cart-fit.sh" "tree-drop.sh 300" "xgb-objective.sh 3" "mlp.sh latency" "metrics.sh" "csv-read.sh"; do
  echo "=== bench/$b"
  bash bench/$b || echo "(bench/$b failed)"
done

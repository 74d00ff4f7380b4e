#!/usr/bin/env bash
# Full 100-lambda binomial lasso path: prunekit vs R glmnet vs Tribuo LibLinear (L1R_LR C grid), one run.
# Usage: bench/glmnet.sh [csv=data/synth50k.csv] [repeats=5] [--no-r] [--no-liblinear]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_HEAP=2g exec bench/java.sh GlmnetBench "$@"

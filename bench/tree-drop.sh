#!/usr/bin/env bash
# Tree dropping: incremental forward selection over ROUNDS rounds (default 300) on synth50k vs the naive version that
# re-predicts the candidate ensemble at every step (extrapolated from timed predictions); latency and size ratios.
# The forward selection's CPU time is printed as a TIME line (target <= 10 s at 300 rounds x 50,000 rows).
# Usage: bench/tree-drop.sh [ROUNDS] [forward]     (`forward`: stop after the forward-selection timing)
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/java.sh TreeDropBench "${1:-300}" ${2:-}

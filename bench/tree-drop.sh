#!/usr/bin/env bash
# Tree dropping: incremental forward selection over ROUNDS rounds (default 300) on synth50k vs the naive version that
# re-predicts the candidate ensemble at every step (extrapolated from timed predictions); latency and size ratios.
# Usage: bench/tree-drop.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/java.sh TreeDropBench "${1:-300}"

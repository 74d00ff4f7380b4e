#!/usr/bin/env bash
# Cost-complexity benchmark: scikit-learn's ccp_pruning_path and per-alpha predict_proba vs prunekit's weakest-link
# path and one-pass scoring, on the synth50k reference tree (3,489 nodes), measured in the same run; prints ratios.
# Usage: bench/ccp.sh            (needs /usr/bin/python3 with python3-sklearn, and Maven with the cached deps)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
PY=${PYTHON:-/usr/bin/python3}
if "$PY" -c 'import sklearn' 2>/dev/null; then
  "$PY" bench/ccp_sklearn.py target/ccp_sklearn.json
else
  echo "scikit-learn not found for $PY: measuring prunekit only" >&2
  rm -f target/ccp_sklearn.json
fi
BENCH_HEAP=2g exec bench/java.sh CcpBench \
  src/test/resources/reference/ccp/synth50k.json data/synth50k.csv target/ccp_sklearn.json

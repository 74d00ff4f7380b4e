#!/usr/bin/env bash
# CART fit benchmark: CPU per fit of Tribuo 4.3.2's CARTClassificationTrainer vs prunekit's CartTrainer (the same tree
# node for node: CartTrainerParityTest), interleaved in one JVM, with scikit-learn's DecisionTreeClassifier on the same
# encoded matrices and weights when /usr/bin/python3 has sklearn. Family defaults (Gini, fully grown), balanced class
# weights, the four peer datasets and fertility_census1980 (all 254,654 rows; REPS/10 fits, at least 3). Prints CPU ms
# per fit (median) and the ratios tribuo/ours (fit, and fit + the node counts the cost-complexity path needs) and
# ours/scikit-learn, all from this run. Quote `uptime` with the figures.
# Usage: bench/cart-fit.sh [REPS]     (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-30}
big_reps=$(( reps / 10 > 3 ? reps / 10 : 3 ))
peers=(breast_cancer_wisconsin pima_diabetes german_credit credit_scoring)
big=fertility_census1980
dir=target/cart-fit
rm -rf "$dir"
mkdir -p "$dir"
PY=${PYTHON:-/usr/bin/python3}
if "$PY" -c 'import sklearn' 2>/dev/null; then
  BENCH_HEAP=2g bench/java.sh CartFitBench export "$dir" "${peers[@]}" "$big"
  "$PY" bench/cart_fit_sklearn.py "$dir" "$reps" "${peers[@]}" >"$dir/sklearn.txt"
  "$PY" bench/cart_fit_sklearn.py "$dir" "$big_reps" "$big" >>"$dir/sklearn.txt"
  [ "$(wc -l <"$dir/sklearn.txt")" -eq 5 ] || { echo "bench: scikit-learn side wrote no timings" >&2; exit 1; }
else
  echo "scikit-learn not found for $PY: measuring Tribuo and prunekit only" >&2
fi
uptime
BENCH_HEAP=3g bench/java.sh CartFitBench time "$dir" "$reps" "${peers[@]}"
BENCH_HEAP=3g bench/java.sh CartFitBench time "$dir" "$big_reps" "$big"
uptime

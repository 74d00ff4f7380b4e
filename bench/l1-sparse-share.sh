#!/usr/bin/env bash
# Which columns should the L1 solver keep sparse? The binomial lasso path on each CSV with columns sparse at shares
# 0 (all dense), 0.1, 0.25 (the default, prune/linear/Design.SPARSE_SHARE), 0.5 and 1 (all), one warm JVM, median
# thread CPU of REPEATS runs per share. Quote `uptime` with the figures.
#   bench/l1-sparse-share.sh [REPEATS=5] [CSV...]   (default: lending_club, german_credit, credit_scoring)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=5
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then reps=$1; shift; fi
[ $# -gt 0 ] || set -- data/lending_club.csv data/german_credit.csv data/credit_scoring.csv
for f in "$@"; do [ -f "$f" ] || { echo "l1-sparse-share.sh: $f: no such file" >&2; exit 2; }; done
echo "load: $(uptime)"
BENCH_HEAP=2g bench/java.sh org.prunekit.prune.linear.SparseShareBench "$reps" "$@"

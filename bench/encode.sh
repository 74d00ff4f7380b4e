#!/usr/bin/env bash
# Encoding a training part (fit the encoder on 80 % of the rows, build the Tribuo dataset), as every fit of a study
# does, against the same rows put into the dataset by Tribuo's own constructor, interleaved in one warm JVM; median
# thread CPU of REPEATS each and the ratio. Quote `uptime` with the figures.
#   bench/encode.sh [REPEATS=40] [CSV...]   (default: lending_club, coil2000_caravan, german_credit, credit_scoring)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=40
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then reps=$1; shift; fi
[ $# -gt 0 ] || set -- data/lending_club.csv data/coil2000_caravan.csv data/german_credit.csv data/credit_scoring.csv
for f in "$@"; do [ -f "$f" ] || { echo "encode.sh: $f: no such file" >&2; exit 2; }; done
echo "load: $(uptime)"
BENCH_HEAP=2g bench/java.sh org.prunekit.data.EncodeBench "$reps" "$@"

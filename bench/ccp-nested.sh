#!/usr/bin/env bash
# Local nested CV of CART + cost-complexity (1-SE on average precision) vs the unpruned tree, until the harness runs
# the configs. Usage: bench/ccp-nested.sh [csv positive classWeights outerFolds innerFolds]
#   bench/ccp-nested.sh breast_cancer_wisconsin.csv M false 5 5
#   bench/ccp-nested.sh lending_club.csv bad true 5 5
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_HEAP=3g exec bench/java.sh CcpNestedCv "$@"

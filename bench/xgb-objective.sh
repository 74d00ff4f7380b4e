#!/usr/bin/env bash
# Family xgboost's fit CPU, objective auto (binary:logistic for two classes, one tree per round) against softprob
# (Tribuo's multi:softprob, two trees per round), with the peers' settings (300 rounds, depth 4, eta 0.1, one thread)
# on every row of each dataset; prints median thread CPU per fit and the softprob / binary ratio from the same run.
# Usage: bench/xgb-objective.sh [REPEATS (3)] [DATASETS (breast_cancer_wisconsin,pima_diabetes,german_credit,credit_scoring)]
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/java.sh XgboostObjectiveBench "${1:-3}" ${2:-}

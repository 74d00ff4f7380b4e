#!/usr/bin/env bash
# Full 100-lambda binomial lasso path: prunekit vs R glmnet vs Tribuo LibLinear (L1R_LR C grid), one run.
# Usage: bench/glmnet.sh [csv=data/synth50k.csv] [repeats=5] [--no-r] [--no-liblinear]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
CP_FILE=target/bench.classpath
[ -f "$CP_FILE" ] || mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" org.prunekit.bench.GlmnetBench "$@"

#!/usr/bin/env bash
# Local nested CV of CART + cost-complexity (1-SE on average precision) vs the unpruned tree, until the harness runs
# the configs. Usage: bench/ccp-nested.sh [csv positive classWeights outerFolds innerFolds]
#   bench/ccp-nested.sh breast_cancer_wisconsin.csv M false 5 5
#   bench/ccp-nested.sh lending_club.csv bad true 5 5
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.prunekit.bench.CcpNestedCv "$@"

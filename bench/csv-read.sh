#!/usr/bin/env bash
# Benchmark: prunekit's strict CSV reader vs a naive Commons CSV read (and Tribuo's CSVLoader on synth50k),
# same JVM, best of 5, with retained heap. Usage: bench/csv-read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -Xmx4g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" org.prunekit.bench.CsvReadBench

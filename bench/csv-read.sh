#!/usr/bin/env bash
# Benchmark: prunekit's strict CSV reader vs a naive Commons CSV read (and Tribuo's CSVLoader on synth50k),
# same JVM, best of 5, with retained heap. Usage: bench/csv-read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/java.sh CsvReadBench

#!/usr/bin/env bash
# Runs one benchmark main class from src/test/java/org/prunekit/bench with the test classpath:
#   bench/java.sh CLASS [ARGS...]     (heap: BENCH_HEAP, default 4g)
# Every bench/*.sh goes through here, so the build-and-classpath step lives in one place.
set -euo pipefail
cd "$(dirname "$0")/.."
cls=$1; shift
mvn -B -o -q test-compile >/dev/null
cp=target/bench-classpath.txt
[ -f "$cp" ] && [ "$cp" -nt pom.xml ] || mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
exec java -Xmx"${BENCH_HEAP:-4g}" -cp "target/test-classes:target/classes:$(cat "$cp")" "org.prunekit.bench.$cls" "$@"

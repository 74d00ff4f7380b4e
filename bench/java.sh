#!/usr/bin/env bash
# Runs one benchmark main class (in src/test/java/org/prunekit/bench, or fully qualified) with the test classpath:
#   bench/java.sh CLASS [ARGS...]     (heap: BENCH_HEAP, default 4g)
# Every bench/*.sh goes through here, so the build-and-classpath step lives in one place. Maven runs offline when
# ~/.m2 already holds everything (the usual case) and online otherwise (a fresh machine); any failure stops the bench
# with Maven's own output and a non-zero status. The plugins are pinned in pom.xml (maven-dependency-plugin 3.8.1).
set -euo pipefail
cd "$(dirname "$0")/.."
cls=${1:?usage: bench/java.sh CLASS [ARGS...]}; shift
log=target/bench-maven.log
mkdir -p target
mvn_quiet() {
  if mvn -B -o -q "$@" >"$log" 2>&1 || mvn -B -q "$@" >"$log" 2>&1; then
    return 0
  fi
  cat "$log" >&2
  echo "bench: mvn $* failed (output above)" >&2
  exit 1
}
mvn_quiet test-compile
cp=target/bench-classpath.txt
if [ ! -s "$cp" ] || [ pom.xml -nt "$cp" ]; then
  mvn_quiet dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
fi
[ -s "$cp" ] || { echo "bench: $cp is empty; cannot build the class path" >&2; exit 1; }
# CLASS is a simple name in org.prunekit.bench or a fully qualified one (a bench of a package-private tuning constant).
case "$cls" in *.*) main=$cls ;; *) main=org.prunekit.bench.$cls ;; esac
# The MLP kernels use the JDK Vector API when this module is present (as in the launcher and the tests).
exec java -Xmx"${BENCH_HEAP:-4g}" --add-modules jdk.incubator.vector -cp "target/test-classes:target/classes:$(cat "$cp")" \
  "$main" "$@"

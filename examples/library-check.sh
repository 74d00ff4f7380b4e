#!/usr/bin/env bash
# prunekit as a library, used from outside the build (called by .ci/run after the tests):
#  1. `mvn install` builds and installs the thin jar, its sources and javadoc jars (javadoc must build without errors);
#  2. examples/consumer, a separate Maven project depending on org.prunekit:prunekit only, compiles every example of
#     docs/java-api.md and runs the CART one, offline;
#  3. jshell runs examples/cart.jsh against the installed jar.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
mvn -B -q install -DskipTests
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
for f in prunekit-$version.jar prunekit-$version-sources.jar prunekit-$version-javadoc.jar; do
  [ -f "$repo/org/prunekit/prunekit/$version/$f" ] || { echo "library-check: $f was not installed" >&2; exit 1; }
done
mvn -B -q -o -f examples/consumer/pom.xml -Dprunekit.version="$version" test
mvn -B -q -o -f examples/consumer/pom.xml -Dprunekit.version="$version" dependency:build-classpath \
  -Dmdep.outputFile="$PWD/examples/consumer/target/classpath.txt"
out=$(jshell --class-path "$(cat examples/consumer/target/classpath.txt)" examples/cart.jsh 2>&1)
echo "$out"
grep -q '^cart: [0-9]* subtrees; alpha .* keeps [0-9]* of [0-9]* leaves$' <<<"$out" \
  || { echo "library-check: examples/cart.jsh did not print its result" >&2; exit 1; }
echo "library-check: ok (prunekit $version installed; consumer project and jshell ran against it)"

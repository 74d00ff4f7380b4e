#!/usr/bin/env bash
# A run must survive a rebuild of the jar in the same checkout (issue 17). A real `./prunekit run` goes while
# target/prunekit.jar is rewritten in place with other bytes, as `mvn package` (which the launcher runs when sources
# change) rewrites it. A JVM reading that file would then fail at its next class load (NoClassDefFoundError /
# ZipException); a JVM running the launcher's immutable copy (target/run/) finishes.
#
#   bench/launcher-rebuild.sh [CONFIG]    (default configs/quickstart.yaml, --threads 1; CPU: one study)
#
# Exit status 0 when the run finished (prints "survived"), 1 when it died (prints its last lines). The jar's bytes
# are restored at the end. Measure nothing with it: it is a reproduction, not a benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
cfg=${1:-configs/quickstart.yaml}
./prunekit --version >/dev/null # built and up to date
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jar=target/prunekit.jar
cp -p "$jar" "$tmp/orig.jar"
./prunekit run "$cfg" --out "$tmp/run" --threads 1 >"$tmp/log" 2>&1 &
run=$!
sleep 4
# the same classes at other offsets, written into the same file (same inode), as a rebuild does
{ head -c 65536 /dev/zero; cat "$tmp/orig.jar"; } >"$jar"
status=0
wait "$run" || status=$?
cat "$tmp/orig.jar" >"$jar" # the original bytes back (in place again)
touch -r "$tmp/orig.jar" "$jar"
if [ "$status" = 0 ]; then
  echo "launcher-rebuild: survived (the run finished while its jar was rewritten)"
else
  echo "launcher-rebuild: the run died with status $status while its jar was rewritten; last lines:" >&2
  tail -5 "$tmp/log" >&2
  exit 1
fi

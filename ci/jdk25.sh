#!/usr/bin/env bash
# The plugin's tests on a second JDK: Temurin 25 where this machine has it (JDK25_HOME, default
# /usr/lib/jvm/temurin-25-jdk-amd64). Elsewhere the leg is skipped, saying so: it is not a failure.
# Runs `mvn -B verify` with every unit and harness test and a sample of the src/it builds (JDK25_ITS: the
# lifecycle of the packaging, a release of each kind, secret hygiene), in a copy of the checkout so that it
# does not touch this checkout's target/. All of the ITs ran here until the stores were added; the sample
# keeps .ci/run well under 30 minutes on 2 cores, and the ITs differ from one JDK to another only in the
# plugin's code they run, which the sample covers. JDK25_ITS='*' runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -x "$jdk/bin/java" ]; then
  echo "   SKIPPED: no JDK 25 at $jdk (set JDK25_HOME to run this leg)"
  exit 0
fi
"$jdk/bin/java" -version 2>&1 | head -1 | sed 's/^/   /'
work=target/jdk25
rm -rf "$work"
mkdir -p "$work"
git ls-files -z -co --exclude-standard | xargs -0 cp --parents -t "$work"
its=${JDK25_ITS:-minimal-project,browser-extension,happy-apikey,happy-oauth,dry-run,debug-no-secrets-apikey,publish-nomodules,three-stores}
if ! (cd "$work" && JAVA_HOME="$jdk" mvn -B -V verify "-Dinvoker.test=$its" > build.log 2>&1); then
  grep -E "Tests run:|FAIL|ERROR" "$work/build.log" | tail -30
  echo "FAIL: mvn -B verify on JDK 25 (log: $work/build.log)" >&2
  exit 1
fi
grep -q "Java version: 25" "$work/build.log" || { echo "FAIL: the build did not run on JDK 25" >&2; exit 1; }
tests=$(grep -E "^\[INFO\] Tests run:" "$work/build.log" | tail -1)
passed=$(grep -E "Passed: [0-9]+, Failed: 0" "$work/build.log" | tail -1 | sed 's/^\[INFO\] *//')
echo "   JDK 25: ${tests#\[INFO\] } | ITs ($its): $passed"

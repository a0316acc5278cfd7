#!/usr/bin/env bash
# Builds the plugin twice from clean, in two copies of the checkout at different paths, and compares the
# jars byte for byte: project.build.outputTimestamp in pom.xml fixes every entry's time (jar, sources,
# javadoc), which otherwise is the build's time.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/reproducible
rm -rf "$work"
for n in 1 2; do
  mkdir -p "$work/build-$n"
  git ls-files -z -co --exclude-standard | xargs -0 cp --parents -t "$work/build-$n"
  if ! (cd "$work/build-$n" && mvn -B clean package -DskipTests -Dinvoker.skip=true > build.log 2>&1); then
    tail -30 "$work/build-$n/build.log"
    echo "FAIL: build $n failed (log: $work/build-$n/build.log)" >&2
    exit 1
  fi
  [ "$n" = 1 ] && sleep 2 # so that a time that leaks into a jar differs
done
different=()
for jar in "$work"/build-1/target/*.jar; do
  name=$(basename "$jar")
  if ! cmp -s "$jar" "$work/build-2/target/$name"; then
    different+=("$name")
    unzip -Z -T "$jar" > "$work/$name.1.txt"; unzip -Z -T "$work/build-2/target/$name" > "$work/$name.2.txt"
    diff "$work/$name.1.txt" "$work/$name.2.txt" | head -10 >&2 || true
  fi
done
count=$(ls "$work"/build-1/target/*.jar | wc -l)
[ "$count" -ge 3 ] || { echo "FAIL: expected the jar, sources and javadoc jars, found $count" >&2; exit 1; }
[ ${#different[@]} -eq 0 ] || { echo "FAIL: not reproducible: ${different[*]}" >&2; exit 1; }
echo "   two clean builds gave the same bytes: $(cd "$work/build-1/target" && sha256sum *.jar | awk '{print $2" "substr($1,1,12)}' | tr '\n' ';')"

#!/usr/bin/env bash
# Releases both examples against the Edge API simulator on each Maven version the plugin supports: the
# minimal edge-extension project (`mvn deploy`: the packaging's lifecycle mapping is the part that differs
# between Maven versions) and the assembly-based one (`mvn deploy -Prelease`), and checks that every version
# sends the same requests and ends the same for each.
# Needs the plugin in the local repository (./demo.sh or `mvn install` puts it there) and the test
# classes (the simulator) in target/test-classes.
set -euo pipefail
cd "$(dirname "$0")/.."
# 4.0.0-rc-7: the newest Maven 4 on Maven Central when checked (4.0.0 final was not there yet)
VERSIONS=${MAVEN_VERSIONS:-"3.6.3 3.9.16 3.10.0 4.0.0-rc-7"}
work=target/maven-matrix
mkdir -p "$work"
sim_pid=
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true; }
trap cleanup EXIT

declare -A expected
for v in $VERSIONS; do
  home="$work/apache-maven-$v"
  if [ ! -x "$home/bin/mvn" ]; then
    echo "== fetching Maven $v from Maven Central"
    mvn -B -q dependency:copy -Dartifact="org.apache.maven:apache-maven:$v:zip:bin" -DoutputDirectory="$work" \
      -Dmdep.overWriteReleases=true
    (cd "$work" && jar xf "apache-maven-$v-bin.zip")
    chmod +x "$home"/bin/*
  fi

  for example in minimal-extension hello-extension; do
    args=(deploy)
    [ "$example" = hello-extension ] && args=(deploy -Prelease)
    rm -f "$work/port"
    java -cp target/test-classes io.github.edgeaddons.sim.SimulatorCli --port-file "$work/port" \
      --upload-polls 1 --publish-polls 1 > "$work/sim-$example-$v.log" 2>&1 &
    sim_pid=$!
    for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
    port=$(cat "$work/port")

    project="$work/$example-$v"
    rm -rf "$project"
    cp -r "examples/$example" "$project"
    echo "== Maven $v: mvn ${args[*]} on examples/$example"
    if ! "$home/bin/mvn" -B -V -f "$project/pom.xml" -s examples/demo-settings.xml "${args[@]}" \
        -Dedge.apiBaseUrl="http://127.0.0.1:$port" > "$work/build-$example-$v.log" 2>&1; then
      tail -40 "$work/build-$example-$v.log"
      echo "FAIL: the release build failed on Maven $v (log: $work/build-$example-$v.log)" >&2
      exit 1
    fi
    grep -q "Apache Maven $v " "$work/build-$example-$v.log" || { echo "FAIL: the build did not run on Maven $v" >&2; exit 1; }
    # Maven 4 warns when a project has no root marker; the example has .mvn/
    if grep -q "Unable to find the root directory" "$work/build-$example-$v.log"; then
      echo "FAIL: Maven $v did not find the root directory of examples/$example (.mvn/)" >&2
      exit 1
    fi
    routes=$(java -cp target/test-classes io.github.edgeaddons.sim.SimRoutes "http://127.0.0.1:$port")
    kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=
    status=$(grep -o '"status": "[A-Za-z]*"' "$project/target/edge-addons/result.json" | head -1)
    summary="$(echo "$routes" | tr '\n' ',') $status"
    echo "   requests: $(echo "$routes" | awk '{print $1"("$2")"}' | tr '\n' ' ')"
    echo "   result.json: $status"
    if [ "$status" != '"status": "Succeeded"' ]; then
      echo "FAIL: Maven $v did not end Succeeded for $example" >&2
      exit 1
    fi
    if [ -z "${expected[$example]:-}" ]; then
      expected[$example]="$summary"
    elif [ "$summary" != "${expected[$example]}" ]; then
      echo "FAIL: Maven $v sent other requests for $example than the first version: $summary vs ${expected[$example]}" >&2
      exit 1
    fi
  done
done
echo "Maven version matrix: the same requests and outcome for both examples on $VERSIONS"

#!/usr/bin/env bash
# Releases both examples on each Maven version the plugin supports: the minimal edge-extension project
# (`mvn deploy`: the packaging's lifecycle mapping is the part that differs between Maven versions) to all
# three stores' simulators (Edge, Chrome Web Store, Firefox Add-ons, with a manifest.firefox.json added so
# that Firefox ships its own zip), and the assembly-based one (`mvn deploy -Prelease`) to Edge's; and checks
# that every version sends Edge the same requests and ends the same for each.
# Needs the plugin in the local repository (./demo.sh or `mvn install` puts it there) and the test
# classes (the simulator) in target/test-classes.
set -euo pipefail
cd "$(dirname "$0")/.."
# 4.0.0-rc-7: the newest Maven 4 on Maven Central when checked (4.0.0 final was not there yet)
VERSIONS=${MAVEN_VERSIONS:-"3.6.3 3.9.16 3.10.0 4.0.0-rc-7"}
work=target/maven-matrix
mkdir -p "$work"
sim_pid=
other_pids=()
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  for p in "${other_pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
# start_other CLASS NAME ARGS...: another store's simulator on a free port; prints the port
start_other() {
  local cls="$1" name="$2"; shift 2
  rm -f "$work/$name.port"
  java -cp target/test-classes "$cls" --port-file "$work/$name.port" "$@" > "$work/sim-$name.log" 2>&1 &
  other_pids+=($!)
  for _ in $(seq 1 100); do [ -s "$work/$name.port" ] && break; sleep 0.1; done
  cat "$work/$name.port"
}
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
    stores=()
    if [ "$example" = minimal-extension ]; then
      cport=$(start_other io.github.edgeaddons.sim.chrome.ChromeSimulatorCli chrome-$v --published 0.9.0)
      fport=$(start_other io.github.edgeaddons.sim.firefox.AmoSimulatorCli amo-$v)
      echo '{"browser_specific_settings": {"gecko": {"id": "sim-addon@example.com"}}}' \
        > "$project/src/main/extension/manifest.firefox.json"
      stores=(-Dchrome.itemId=abcdefghijklmnopabcdefghijklmnop -Dchrome.publisherId=c4c4c4c4-5e5e-4000-8000-000000000001
              "-Dchrome.apiBaseUrl=http://127.0.0.1:$cport" "-Dchrome.tokenUrl=http://127.0.0.1:$cport/token"
              -Dfirefox.addonId=sim-addon@example.com -Dfirefox.license=MPL-2.0 "-Dfirefox.apiBaseUrl=http://127.0.0.1:$fport")
    fi
    echo "== Maven $v: mvn ${args[*]} on examples/$example${stores:+ (Edge, Chrome Web Store, Firefox Add-ons)}"
    if ! CHROME_CLIENT_ID=sim-chrome-client.apps.googleusercontent.com \
        CHROME_CLIENT_SECRET=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3 CHROME_REFRESH_TOKEN=1//sim-refresh-token-SECRET-4444 \
        FIREFOX_JWT_ISSUER=user:12345678:90 FIREFOX_JWT_SECRET=sim-amo-jwt-secret-SECRET-0a1b2c3d4e5f60718293a4b5c6d7e8f9 \
        "$home/bin/mvn" -B -V -f "$project/pom.xml" -s examples/demo-settings.xml "${args[@]}" "${stores[@]}" \
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
    for p in "${other_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    other_pids=()
    if [ "$example" = minimal-extension ]; then
      for line in "Edge: released" "Chrome Web Store: released" "Firefox Add-ons: released"; do
        grep -q "\[INFO\]   $line (" "$work/build-$example-$v.log" \
          || { echo "FAIL: Maven $v: no '$line' line in the summary (log: $work/build-$example-$v.log)" >&2; exit 1; }
      done
      echo "   summary: $(grep -E '^\[(INFO|ERROR)\]   (Edge|Chrome Web Store|Firefox Add-ons): ' "$work/build-$example-$v.log" | sed 's/^\[[A-Z]*\]   //; s/ (.*//' | paste -sd ';' | sed 's/;/; /g')"
    fi
    # Edge's last step (under "stores", whatever store wrote the file last)
    status=$(tr -d '\n ' < "$project/target/edge-addons/result.json" | grep -o '"edge":{"goal":"[a-z]*","status":"[A-Za-z]*"' | grep -o '"status":"[A-Za-z]*"' | sed 's/":"/": "/')
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

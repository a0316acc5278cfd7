#!/usr/bin/env bash
# The whole release flow in one command, with no credentials of yours and no network beyond Maven Central:
# builds the plugin and installs it into your local Maven repository (as README's "Get the plugin" does:
# io.github.edgeaddons:edge-addons-maven-plugin, this checkout's version), starts the Edge Add-ons API
# simulator on 127.0.0.1, and runs `mvn deploy` on examples/minimal-extension (a folder and an 18-line POM
# of packaging edge-extension) against it: package, validate, install, upload, publish, await.
set -euo pipefail
cd "$(dirname "$0")"
MVN=${MVN:-mvn}

version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
echo "==> Building the plugin and installing it into your local Maven repository (~/.m2/repository unless"
echo "    your settings say otherwise): io.github.edgeaddons:edge-addons-maven-plugin:$version, which"
echo "    examples/minimal-extension names (tests are run by: mvn -B verify)"
"$MVN" -B -q install -DskipTests -Dinvoker.skip=true

mkdir -p target/demo
rm -f target/demo/port
java -cp target/test-classes io.github.edgeaddons.sim.SimulatorCli \
  --port-file target/demo/port --upload-polls 1 --publish-polls 2 --log-requests &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ -s target/demo/port ] && break
  sleep 0.1
done
[ -s target/demo/port ] || { echo "The simulator did not start." >&2; exit 1; }
port=$(cat target/demo/port)

echo "==> Releasing examples/minimal-extension: mvn deploy (store simulated on 127.0.0.1:$port)"
# demo-settings.xml holds the simulator's credentials (and keeps yours out of the demo)
"$MVN" -B -f examples/minimal-extension/pom.xml -s examples/demo-settings.xml deploy \
  -Dedge.apiBaseUrl="http://127.0.0.1:$port"
echo "==> Done: the simulated store accepted the submission. The zip is examples/minimal-extension/target/minimal-extension-1.0.0.zip,"
echo "    the result examples/minimal-extension/target/edge-addons/result.json"

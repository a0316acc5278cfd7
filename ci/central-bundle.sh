#!/usr/bin/env bash
# Shows that `mvn -Pcentral deploy` builds a bundle Maven Central accepts, without the project's keys and
# without uploading: in a scratch copy with a release version (Central takes no SNAPSHOT bundle), signs with
# a throw-away GPG key made here (or skips signing when gpg is absent), stops the central-publishing plugin
# to a stand-in for the Central Portal on 127.0.0.1 (ci/FakeCentralPortal.java), and checks that the bundle holds the jar, pom, sources and javadoc,
# each with its checksums and a signature that verifies.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/central-bundle
rm -rf "$work"
mkdir -p "$work"
git ls-files -z -co --exclude-standard | xargs -0 cp --parents -t "$work" 2>/dev/null || cp -r pom.xml src README.md LICENSE "$work"/
version=$(sed -n 's|^  <version>\(.*\)-SNAPSHOT</version>$|\1|p' pom.xml | head -1)
[ -n "$version" ] || { echo "FAIL: no <version>X-SNAPSHOT</version> in pom.xml" >&2; exit 1; }
sed -i "0,/^  <version>.*-SNAPSHOT<\/version>$/s||  <version>$version</version>|" "$work/pom.xml"

sign=(-Dgpg.skip)
if command -v gpg > /dev/null; then
  export GNUPGHOME="$PWD/$work/gnupg"
  mkdir -p -m 700 "$GNUPGHOME"
  gpg --batch --quiet --passphrase '' --quick-gen-key 'edge-addons CI throw-away key <ci@invalid>' ed25519 sign 1d
  sign=()
else
  echo "   gpg is not installed: the bundle is checked without signatures"
fi

# the plugin reads the portal token's server before it decides not to upload: a placeholder, never sent
cat > "$work/global-settings.xml" <<'XML'
<settings><servers><server><id>central</id><username>not-used</username><password>not-used</password></server></servers></settings>
XML
mkdir -p "$work/portal"
java ci/FakeCentralPortal.java "$work/portal" > "$work/portal/portal.log" 2>&1 &
portal_pid=$!
# stop the portal, and the gpg-agent that gpg started for the throw-away key's home
trap 'kill "$portal_pid" 2>/dev/null || true; [ -n "${GNUPGHOME:-}" ] && gpgconf --kill gpg-agent 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do [ -s "$work/portal/port" ] && break; sleep 0.1; done
[ -s "$work/portal/port" ] || { cat "$work/portal/portal.log" >&2; echo "FAIL: the fake portal did not start" >&2; exit 1; }
portal="http://127.0.0.1:$(cat "$work/portal/port")"

echo "   mvn -Pcentral deploy of version $version to a fake portal at $portal (no tests, nothing installed)"
if ! (cd "$work" && mvn -B -gs global-settings.xml -Pcentral ${sign[@]+"${sign[@]}"} -DcentralBaseUrl="$portal" \
    -DskipTests -Dinvoker.skip=true -Dmaven.install.skip=true deploy > build.log 2>&1); then
  tail -40 "$work/build.log"
  echo "FAIL: the central build failed (log: $work/build.log)" >&2
  exit 1
fi
bundle="$work/target/central-publishing/central-bundle.zip"
[ -f "$bundle" ] || { echo "FAIL: no $bundle" >&2; exit 1; }
# uploaded once, as a deployment a person publishes (autoPublish false), then followed until validated
grep -q '^POST /api/v1/publisher/upload?.*publishingType=USER_MANAGED.* auth=UserToken' "$work/portal/requests.log" \
  || { cat "$work/portal/requests.log" >&2; echo "FAIL: no USER_MANAGED upload to the portal" >&2; exit 1; }
grep -q '^POST /api/v1/publisher/status' "$work/portal/requests.log" \
  || { echo "FAIL: the build did not wait for the portal's validation" >&2; exit 1; }
[ "$(stat -c %s "$work/portal/upload.body")" -gt "$(stat -c %s "$bundle")" ] \
  || { echo "FAIL: the portal did not receive the bundle" >&2; exit 1; }
mkdir -p "$work/bundle"
(cd "$work/bundle" && jar xf ../target/central-publishing/central-bundle.zip)
dir="$work/bundle/io/github/edgeaddons/edge-addons-maven-plugin/$version"
base="$dir/edge-addons-maven-plugin-$version"
missing=()
for f in "$base.pom" "$base.jar" "$base-sources.jar" "$base-javadoc.jar"; do
  [ -s "$f" ] || { missing+=("$(basename "$f")"); continue; }
  for sum in md5 sha1; do [ -s "$f.$sum" ] || missing+=("$(basename "$f").$sum"); done
  if [ ${#sign[@]} -eq 0 ]; then
    if [ ! -s "$f.asc" ]; then missing+=("$(basename "$f").asc")
    elif ! gpg --batch --quiet --verify "$f.asc" "$f" 2> /dev/null; then missing+=("a valid $(basename "$f").asc"); fi
  fi
done
[ ${#missing[@]} -eq 0 ] || { echo "FAIL: the bundle lacks: ${missing[*]}" >&2; unzip -l "$bundle" >&2; exit 1; }
unzip -p "$base.jar" META-INF/maven/plugin.xml > /dev/null || { echo "FAIL: the jar has no plugin descriptor" >&2; exit 1; }
unzip -l "$base-javadoc.jar" | grep 'index.html' > /dev/null || { echo "FAIL: the javadoc jar has no index.html" >&2; exit 1; }
unzip -l "$base-sources.jar" | grep 'io/github/edgeaddons/maven/UploadMojo.java' > /dev/null \
  || { echo "FAIL: the sources jar lacks the mojos' sources" >&2; exit 1; }
# what Central checks in the pom
for element in name description url licenses developers scm issueManagement; do
  grep -q "<$element>" "$base.pom" || { echo "FAIL: the bundle's pom has no <$element>" >&2; exit 1; }
done
echo "   central bundle complete: pom, jar, sources, javadoc, each with .asc (verified), .md5, .sha1"

#!/usr/bin/env bash
# `mvn release:prepare -DdryRun=true` in a scratch clone of HEAD: the scm, tag format and versions are
# what maven-release-plugin needs. Commits, tags and pushes nothing (the clone is thrown away).
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/release-dry-run
rm -rf "$work"
git clone -q . "$work"
if ! (cd "$work" && mvn -B release:prepare -DdryRun=true -Darguments="-DskipTests -Dinvoker.skip=true" \
    > ../release-dry-run.log 2>&1); then
  tail -30 target/release-dry-run.log
  echo "FAIL: release:prepare -DdryRun failed (log: target/release-dry-run.log)" >&2
  exit 1
fi
tag=$(sed -n 's|^ *<tag>\(.*\)</tag>$|\1|p' "$work/pom.xml.tag")
version=$(sed -n '0,/^  <version>/s|^  <version>\(.*\)</version>$|\1|p' "$work/pom.xml.tag")
next=$(sed -n '0,/^  <version>/s|^  <version>\(.*\)</version>$|\1|p' "$work/pom.xml.next")
[ "$tag" = "v$version" ] || { echo "FAIL: the release would be tagged '$tag', not v$version" >&2; exit 1; }
case "$next" in *-SNAPSHOT) ;; *) echo "FAIL: the next version '$next' is not a SNAPSHOT" >&2; exit 1 ;; esac
echo "   release:prepare (dry run) would release $version, tag $tag, then continue with $next"

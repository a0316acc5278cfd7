#!/usr/bin/env bash
# Builds the plugin's site (mvn site: maven-plugin-report-plugin's page per goal, README.md as the index) and
# checks it: a page for every goal of the descriptor naming each of the goal's parameters and user
# properties, README's sections on the index page, and README's in-page links landing on the site.
set -euo pipefail
cd "$(dirname "$0")/.."
log=target/site-build.log
mkdir -p target
rm -rf target/site target/generated-site
if ! mvn -B -DskipTests -Dinvoker.skip=true process-classes site > "$log" 2>&1; then
  tail -30 "$log"
  echo "FAIL: mvn site failed (log: $log)" >&2
  exit 1
fi
descriptor=target/classes/META-INF/maven/plugin.xml
problems=()
goals=$(sed -n 's|^ *<goal>\([a-z-]*\)</goal>$|\1|p' "$descriptor")
[ -n "$goals" ] || { echo "FAIL: no goals in $descriptor" >&2; exit 1; }
for goal in $goals; do
  page="target/site/$goal-mojo.html"
  [ -s "$page" ] || { problems+=("no $page"); continue; }
  # this goal's <mojo> block: its editable parameters' names and their ${properties}
  block=$(awk -v g="<goal>$goal</goal>" '/<mojo>/{b=""} {b=b"\n"$0} /<\/mojo>/{if (index(b, g)) print b}' "$descriptor")
  names=$(echo "$block" | awk '/<parameter>/{p=1} p&&/<name>/{gsub(/.*<name>|<\/name>.*/,""); n=$0} p&&/<editable>true/{print n} /<\/parameter>/{p=0}')
  for n in $names; do grep -q "&lt;$n&gt;" "$page" || problems+=("$goal-mojo.html lacks parameter $n"); done
  for prop in $(echo "$block" | sed -n 's|.*>\${\([a-zA-Z.]*\)}</.*|\1|p' | sort -u); do
    case "$prop" in project|session|settings|plugin|mojoExecution) continue ;; esac
    grep -q "$prop" "$page" || problems+=("$goal-mojo.html lacks property $prop")
  done
done
index=target/site/index.html
[ -s "$index" ] || problems+=("no index.html")
for heading in $(sed -n 's|^## \([A-Za-z]*\).*|\1|p' README.md); do
  grep -q ">$heading" "$index" || problems+=("index.html lacks README's section $heading")
done
grep -q 'href="plugin-info.html"' "$index" || problems+=("index.html does not link the goals page")
# README's in-page links land on the site too: every href="#x" of the index has its id="x" (README gives each
# linked heading an explicit <a id> spelled as GitHub spells the heading's anchor; doxia spells its own ids)
for target in $(grep -o 'href="#[^"][^"]*"' "$index" | sed 's|href="#\(.*\)"|\1|' | sort -u); do
  grep -q "id=\"$target\"" "$index" || problems+=("index.html links #$target, which it does not have")
done
[ ${#problems[@]} -eq 0 ] || { printf 'FAIL: %s\n' "${problems[@]}" >&2; exit 1; }
echo "   site built: index.html from README.md, and pages for $(echo $goals | wc -w) goals ($(echo $goals | tr '\n' ' '))"

#!/usr/bin/env bash
# The plugin's cost as users feel it (issue 5): memory, upload throughput, verdict latency, build overhead.
#
#   bench/run.sh [--short | --long] [--keep] [--runs N] [--reps N] [--sizes "1 100 500"] [--no-build] [--only polling,checks,mem,tput,latency,overhead]
#
#   --short     every section, briefly (about 2-3 minutes on 2 cores; .ci/run runs it): one run per poll
#               figure, zips of 1 and 10 MB, one throughput sample, the 2 s operation only, 2 overhead pairs.
#               Its figures show that the benchmark works, not how fast the plugin is
#   --long      also measure the verdict latency of a 5-minute operation (adds about 5.5 minutes)
#   --keep      keep the generated zips and the private local repository (about 0.5 GB) in $BENCH_OUT;
#               they are deleted at the end otherwise
#   --runs N    builds per side for the overhead figure (default 5; the median is printed)
#   --reps N    uploads per client and size for the throughput figure (default 3; medians are compared)
#   --sizes     zip sizes in MB (10^6 bytes) for the memory and throughput figures (default "1 100 500")
#   --no-build  use the plugin already built into the bench's private repository ($BENCH_OUT/m2repo, a copy
#               of ~/.m2/repository kept by an earlier run with --keep) and the simulator in target/test-classes
#   --only      run only some sections (comma separated: polling, checks, mem, tput, latency, overhead, stores);
#               "--only polling" and "--only checks" need no private repository ("polling" takes about 2-3
#               minutes, "checks" a few seconds)
#
# Everything measured runs on this machine: the Edge API simulator (test sources) listens on 127.0.0.1, and
# the example's measured builds resolve from a private copy of the local repository whose only mirror is a
# closed port on 127.0.0.1, so nothing goes beyond loopback. (They cannot run offline, -o: the plugin's
# network goals refuse to run while Maven is offline.) Before them, one untimed build of the example fetches
# what the private copy lacks from Maven Central. ~/.m2 is only read: the plugin is installed into the copy.
# A section that fails (a build, an upload, an operation not Succeeded) makes the script exit 1. Output goes to $BENCH_OUT (default target/bench),
# with a private copy of examples/hello-extension, so two runs with different BENCH_OUT do not collide.
# Needs: bash, JDK 11+, Maven, /usr/bin/time (GNU);
# curl is used when present, else the JDK's HttpClient (bench/BenchTool.java).
set -euo pipefail

LONG=0 SHORT=0 KEEP=0 RUNS=5 REPS=3 BUILD=1 SIZES="1 100 500" ONLY="polling,checks,mem,tput,latency,overhead,stores"
while [ $# -gt 0 ]; do
  case "$1" in
    --short) SHORT=1 RUNS=2 REPS=1 SIZES="1 10" ;;
    --long) LONG=1 ;;
    --keep) KEEP=1 ;;
    --runs) RUNS="$2"; shift ;;
    --reps) REPS="$2"; shift ;;
    --sizes) SIZES="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
want() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
[ "$SHORT" = 1 ] && [ "$LONG" = 1 ] && { echo "bench: --short and --long exclude each other" >&2; exit 2; }
FAILURES=0
failed() { echo "   FAILED: $*" >&2; FAILURES=$((FAILURES + 1)); }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_OUT:-$ROOT/target/bench}"
TOOL_CP="$OUT/tool"
SIM_CP="$ROOT/target/test-classes"
PRODUCT=d34f98f5-f9b7-42b1-bebb-98707202b21d
CLIENT_ID=sim-client-id
API_KEY=sim-api-key-SECRET-1111
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
EXAMPLE="$OUT/hello-extension"

for tool in java javac mvn; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time, package 'time') is required" >&2; exit 1; }

SIM_PID=""
ZIPS=()
stop_sim() {
  if [ -n "$SIM_PID" ]; then
    kill "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
    SIM_PID=""
  fi
}
cleanup() {
  stop_sim
  if [ "$KEEP" = 0 ]; then
    if [ "${#ZIPS[@]}" -gt 0 ]; then rm -f "${ZIPS[@]}"; fi
    rm -rf "$OUT/m2repo" "$OUT/m2repo.tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# start_sim ARGS...: a fresh simulator (fresh records) on a free loopback port; sets SIM_URL
start_sim() {
  stop_sim
  local pf="$OUT/sim.port"
  rm -f "$pf"
  java -Xmx256m -cp "$SIM_CP" io.github.edgeaddons.sim.SimulatorCli --port-file "$pf" "$@" >"$OUT/sim.log" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 200); do
    [ -s "$pf" ] && break
    kill -0 "$SIM_PID" 2>/dev/null || { cat "$OUT/sim.log" >&2; echo "bench: simulator did not start" >&2; exit 1; }
    sleep 0.05
  done
  [ -s "$pf" ] || { echo "bench: simulator did not write its port" >&2; exit 1; }
  SIM_URL="http://127.0.0.1:$(cat "$pf")"
}
sim_requests() { java -cp "$TOOL_CP" BenchTool requests "$SIM_URL"; }
sim_operations() { java -cp "$TOOL_CP" BenchTool operations "$SIM_URL"; }

# ---------------------------------------------------------------------------------------------- machine
echo "== Machine"
echo "date:       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc:      $(nproc)"
echo "memory:     $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "cpu:        $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "kernel:     $(uname -sr)"
echo "load avg:   $(load)"
echo "java:       $(java -version 2>&1 | tr '\n' ' ')"
echo "mvn:        $(mvn -B -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
echo "upload via: $(command -v curl >/dev/null && curl --version | head -1 | cut -d' ' -f1-2 || echo 'JDK HttpClient (no curl)')"
echo

# ---------------------------------------------------------------------------------------------- 0
# The poll policy (issue 9): the real client and Poller against the simulator, on a clock both share that
# skips the waits, so the 10-minute operations take no 10 minutes (see PollBench's Javadoc).
# test_classpath: compiles the test sources once and prints the classpath the in-process benches run on
test_classpath() {
  if [ ! -s "$OUT/test-bench.cp" ]; then
    (cd "$ROOT" && mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/test-bench.cp" \
        -Dmdep.includeScope=test >"$OUT/mvn-test-bench.log" 2>&1) || { tail -40 "$OUT/mvn-test-bench.log" >&2; exit 1; }
  fi
  echo "$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$OUT/test-bench.cp")"
}
rm -f "$OUT/test-bench.cp"
if want polling; then
  echo "== 0. Poll policy: worst-case verdict lag and status requests per operation, previous default vs new  [load $(load)]"
  java -cp "$(test_classpath)" io.github.edgeaddons.edge.PollBench $([ "$SHORT" = 1 ] && echo --short) \
      || failed "poll policy figures"
  echo
fi

# ---------------------------------------------------------------------------------------------- 0b
# The package checks (issue 17): PackageValidator in-process on a 5,000-file, 100 MB zip (ChecksBench's Javadoc).
if want checks; then
  echo "== 0b. Package checks of a 5,000-file, 100 MB zip, in-process  [load $(load)]"
  java -cp "$(test_classpath)" io.github.edgeaddons.pkg.checks.ChecksBench "$OUT/checks-5000.zip" 5000 100000000 \
      "$([ "$SHORT" = 1 ] && echo 5 || echo 20)" || failed "package checks figure"
  echo
fi
case ",$ONLY," in
  *,mem,*|*,tput,*|*,latency,*|*,overhead,*|*,stores,*) ;;
  *) echo "logs in $OUT"; exit $((FAILURES > 0)) ;;
esac

# ---------------------------------------------------------------------------------------------- build
PLUGIN_VERSION="$(awk '/<artifactId>edge-addons-maven-plugin<\/artifactId>/ {f=1} f && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' "$ROOT/pom.xml")"
# A private copy of the local repository, so the plugin measured is the one built from this checkout: other
# builds on the machine may install their own edge-addons-maven-plugin SNAPSHOT into ~/.m2 at any moment.
SRC_REPO="${M2_REPO:-$HOME/.m2/repository}"
REPO="$OUT/m2repo"
if [ ! -d "$REPO" ]; then
  echo "== Copying $SRC_REPO to $REPO (once; the measured builds use no network) ..."
  rm -rf "$REPO.tmp"
  cp -a "$SRC_REPO" "$REPO.tmp"
  rm -rf "$REPO.tmp/io/github/edgeaddons"
  mv "$REPO.tmp" "$REPO"
fi
if [ "$BUILD" = 1 ]; then
  echo "== Building the plugin $PLUGIN_VERSION from $ROOT into $REPO (tests skipped) ..."
  (cd "$ROOT" && mvn -B -o install -DskipTests -Dinvoker.skip=true "-Dmaven.repo.local=$REPO" >"$OUT/mvn-install.log" 2>&1) \
    || { tail -40 "$OUT/mvn-install.log" >&2; exit 1; }
fi
[ -d "$REPO/io/github/edgeaddons/edge-addons-maven-plugin/$PLUGIN_VERSION" ] || { echo "bench: plugin not built; run without --no-build" >&2; exit 1; }
[ -f "$SIM_CP/io/github/edgeaddons/sim/EdgeApiSimulator.class" ] || { echo "bench: simulator not compiled; run without --no-build" >&2; exit 1; }
echo "plugin:     $(unzip -p "$REPO/io/github/edgeaddons/edge-addons-maven-plugin/$PLUGIN_VERSION/edge-addons-maven-plugin-$PLUGIN_VERSION.jar" META-INF/MANIFEST.MF 2>/dev/null | grep -i '^Build-Jdk' | tr -d '\r' || true)$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null | sed 's/^/ commit /')$(cd "$ROOT" && git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes)')"
mkdir -p "$TOOL_CP"
javac -d "$TOOL_CP" "$ROOT/bench/BenchTool.java"

SETTINGS="$OUT/settings.xml"
# the simulator's credentials; for the measured builds also a mirror of every repository on a closed loopback
# port, so that nothing they do reaches the network (what the private repository lacked was fetched before).
# The mirror's id is central's: Maven takes an artifact from the local repository only when it came from a
# repository of the same id (_remote.repositories), and the copy's came from central
cat >"$OUT/settings-fetch.xml" <<EOF
<settings><servers><server><id>edge-addons</id><username>$CLIENT_ID</username><password>$API_KEY</password></server></servers></settings>
EOF
cat >"$SETTINGS" <<EOF
<settings>
  <servers><server><id>edge-addons</id><username>$CLIENT_ID</username><password>$API_KEY</password></server></servers>
  <mirrors><mirror><id>central</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/no-network-in-the-bench</url></mirror></mirrors>
</settings>
EOF
rm -rf "$EXAMPLE"
mkdir -p "$EXAMPLE"
(cd "$ROOT/examples/hello-extension" && tar --exclude=./target -cf - .) | (cd "$EXAMPLE" && tar -xf -)
# Maven on the example project, with the simulator's credentials, the private repository and no network
MVN_COMMON=(-B -s "$SETTINGS" "-Dmaven.repo.local=$REPO" -f "$EXAMPLE/pom.xml" -Prelease "-Dedge-addons-plugin.version=$PLUGIN_VERSION")
# the example project is built once, untimed, with Maven Central reachable: it fetches into the private
# repository whatever the release build needs and the copy lacks, and timed runs do not include a first package
FETCH=("${MVN_COMMON[@]}")
FETCH[2]="$OUT/settings-fetch.xml"
mvn "${FETCH[@]}" deploy -Dedge.skip=true >"$OUT/mvn-package.log" 2>&1 || { tail -40 "$OUT/mvn-package.log" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------- zips
zip_for() { echo "$OUT/bench-$1MB.zip"; }
if want mem || want tput; then
  for mb in $SIZES; do
    z="$(zip_for "$mb")"
    ZIPS+=("$z")
    if [ ! -f "$z" ]; then
      java -cp "$TOOL_CP" BenchTool makezip "$z" "$((mb * 1000000))" 1.0.0
    fi
  done
fi

# upload_run LABEL ZIP MAVEN_OPTS: one `mvn edge-addons:upload` under /usr/bin/time -v against $SIM_URL
#   sets RSS_MB HEAP_PEAK_MB HEAP_LIVE_MB UPLOADED_LOG RC
upload_run() {
  local label="$1" zip="$2" opts="$3"
  local gc="$OUT/gc-$label.log" tv="$OUT/time-$label.txt" log="$OUT/mvn-$label.log"
  rm -f "$gc"
  set +e
  MAVEN_OPTS="$opts -Xlog:gc,gc+heap+exit:file=$gc" /usr/bin/time -v -o "$tv" \
    mvn "${MVN_COMMON[@]}" edge-addons:upload "-Dedge.file=$zip" -Dedge.checkVersion=false \
      "-Dedge.apiBaseUrl=$SIM_URL" >"$log" 2>&1
  RC=$?
  set -e
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$tv")
  # peak heap in use: the largest "before" of any GC and the heap used at exit; live: the largest "after"
  HEAP_PEAK_MB=$(awk '
    /Pause|Full/ && match($0, /[0-9]+M->[0-9]+M/) { split(substr($0, RSTART, RLENGTH), p, /M->|M/); if (p[1] > m) m = p[1] }
    /used [0-9]+K/ && match($0, /used [0-9]+K/) { u = substr($0, RSTART + 5, RLENGTH - 6) / 1024; if (u > m) m = u }
    END { printf "%.0f", m }' "$gc")
  HEAP_LIVE_MB=$(awk '
    /Pause|Full/ && match($0, /[0-9]+M->[0-9]+M/) { split(substr($0, RSTART, RLENGTH), p, /M->|M/); if (p[2] > m) m = p[2]; n++ }
    END { if (n) printf "%.0f", m; else printf "no GC" }' "$gc")
  UPLOADED_LOG=$(grep -o 'Uploaded in [^;]*' "$log" | head -1 || true)
}

# post_file ZIP: the upload POST as curl (or the JDK's HttpClient) sends it: same endpoint, same headers
post_file() {
  if command -v curl >/dev/null; then
    curl -sS -o /dev/null -X POST -T "$1" -H 'Expect:' -H "Authorization: ApiKey $API_KEY" \
      -H "X-ClientID: $CLIENT_ID" -H 'Content-Type: application/zip' \
      "$SIM_URL/v1/products/$PRODUCT/submissions/draft/package"
  else
    java -cp "$TOOL_CP" BenchTool post "$SIM_URL/v1/products/$PRODUCT/submissions/draft/package" "$1" \
      "Authorization: ApiKey $API_KEY" "X-ClientID: $CLIENT_ID" "Content-Type: application/zip" >/dev/null
  fi
}

# last_upload_post_secs: server-side time of the last upload POST (headers received -> answer, body read)
last_upload_post() { sim_requests | awk -F'\t' '$1 == "UPLOAD" && $2 == "POST" {s = $3; n = $4; d = ($6 - $5) / 1000} END {print s, n, d}'; }

# ---------------------------------------------------------------------------------------------- 1
if want mem; then
  echo "== 1. Memory of 'mvn edge-addons:upload' (peak RSS by /usr/bin/time -v; heap by -Xlog:gc)  [load $(load)]"
  printf '%-10s %-8s %9s %15s %15s  %s\n' "zip" "result" "RSS MB" "peak heap MB" "live heap MB" "note"
  start_sim --upload-polls 0
  for mb in $SIZES; do
    z="$(zip_for "$mb")"
    upload_run "${mb}MB" "$z" ""
    read -r st n d < <(last_upload_post)
    res=$([ "$RC" = 0 ] && [ "$st" = 202 ] && [ "$n" = "$(stat -c %s "$z")" ] && echo ok || echo "FAIL($RC)")
    printf '%-10s %-8s %9s %15s %15s  %s\n' "${mb} MB" "$res" "$RSS_MB" "$HEAP_PEAK_MB" "$HEAP_LIVE_MB" "default heap; $UPLOADED_LOG"
    [ "$res" = ok ] || failed "upload of ${mb} MB (log: $OUT/mvn-${mb}MB.log)"
  done
  for mb in $SIZES; do
    upload_run "${mb}MB-xmx96m" "$(zip_for "$mb")" "-Xmx96m"
    read -r st n d < <(last_upload_post)
    res=$([ "$RC" = 0 ] && [ "$st" = 202 ] && [ "$n" = "$(stat -c %s "$(zip_for "$mb")")" ] && echo ok || echo "FAIL($RC)")
    printf '%-10s %-8s %9s %15s %15s  %s\n' "${mb} MB" "$res" "$RSS_MB" "$HEAP_PEAK_MB" "$HEAP_LIVE_MB" "MAVEN_OPTS=-Xmx96m; $UPLOADED_LOG"
    [ "$res" = ok ] || failed "upload of ${mb} MB under -Xmx96m (log: $OUT/mvn-${mb}MB-xmx96m.log)"
  done
  stop_sim
  echo "   peak heap = most heap in use at any GC or at exit, garbage included; live = most heap left after a GC"
  echo "   goal: flat across sizes; the largest upload succeeds under MAVEN_OPTS=-Xmx96m"
  echo
fi

# ---------------------------------------------------------------------------------------------- 2
if want tput; then
  CLIENT=$(command -v curl >/dev/null && echo 'curl -X POST -T' || echo 'JDK HttpClient')
  echo "== 2. Upload throughput on loopback: the plugin (mvn edge-addons:upload) vs $CLIENT, $REPS each, alternating  [load $(load)]"
  echo "   (server-side time of each POST: request headers received -> body read and answered; medians)"
  printf '%-10s %12s %12s %12s %12s %8s   %s\n' "zip" "plugin s" "plugin MB/s" "$(echo "$CLIENT" | cut -d' ' -f1) s" "MB/s" "ratio" "samples plugin | other"
  start_sim --upload-polls 0
  # warm the simulator's JIT first, so neither client pays for it
  for _ in 1 2 3; do post_file "$(zip_for "$(echo $SIZES | tr ' ' '\n' | sort -n | tail -1)")"; done
  for mb in $SIZES; do
    z="$(zip_for "$mb")"
    ps=() cs=()
    for _ in $(seq 1 "$REPS"); do
      post_file "$z"
      read -r st n d < <(last_upload_post); cs+=("$d")
      upload_run "${mb}MB-tput" "$z" ""
      read -r st n d < <(last_upload_post); ps+=("$d")
      [ "$RC" = 0 ] || { echo "bench: plugin upload failed, see $OUT/mvn-${mb}MB-tput.log" >&2; exit 1; }
    done
    p=$(printf '%s\n' "${ps[@]}" | median) c=$(printf '%s\n' "${cs[@]}" | median)
    awk -v mb="$mb" -v p="$p" -v c="$c" -v sp="${ps[*]}" -v sc="${cs[*]}" 'BEGIN {
      pr = (p > 0) ? mb / p : 0; cr = (c > 0) ? mb / c : 0
      printf "%-10s %12.3f %12.1f %12.3f %12.1f %8s   %s | %s\n", mb " MB", p, pr, c, cr,
        (cr > 0 && pr > 0 && mb >= 100) ? sprintf("%.2f", pr / cr) : "(small)", sp, sc
    }'
  done
  stop_sim
  echo "   goal: ratio >= 0.90 (uploads under 100 MB take milliseconds: their ratio is noise and not scored)"
  echo
fi

# ---------------------------------------------------------------------------------------------- 3
if want latency; then
  echo "== 3. Verdict latency with the default (adaptive) polling  [load $(load)]"
  printf '%-10s %16s %18s %14s %10s\n' "operation" "last poll lag s" "goal end lag s" "status GETs" "result"
  DURS="2 30"
  [ "$LONG" = 1 ] && DURS="2 30 300"
  [ "$SHORT" = 1 ] && DURS="2"
  for secs in $DURS; do
    start_sim --upload-polls 0 --publish-after "$secs"
    log="$OUT/mvn-latency-${secs}s.log"
    set +e
    mvn "${MVN_COMMON[@]}" deploy "-Dedge.apiBaseUrl=$SIM_URL" -Dedge.timeout=10m >"$log" 2>&1
    rc=$?
    set -e
    end=$(now_ms)
    [ "$rc" = 0 ] || failed "release with a ${secs} s publish (log: $log)"
    read -r terminal polls < <(sim_operations | awk -F'\t' '$2 == "PUBLISH" {t = $4; p = $5} END {print t, p}')
    last=$(sim_requests | awk -F'\t' '$1 == "PUBLISH_STATUS" {a = $6; n++} END {print a, n}')
    read -r last_answer gets <<<"$last"
    awk -v s="$secs" -v t="$terminal" -v a="$last_answer" -v e="$end" -v g="$gets" -v rc="$rc" 'BEGIN {
      printf "%-10s %16.3f %18.3f %14d %10s\n", s " s", (a - t) / 1000, (e - t) / 1000, g, rc == 0 ? "ok" : "FAIL(" rc ")"
    }'
    stop_sim
  done
  echo "   last poll lag = the answer to the status GET that saw the verdict - the operation's terminalAt"
  echo "   goal end lag  = Maven's exit - terminalAt (includes BUILD SUCCESS and JVM shutdown)"
  echo "   goals: under 1 s for short operations; a 5-minute operation within a few dozen status GETs"
  [ "$LONG" = 1 ] || echo "   (5-minute operation skipped: run with --long$([ "$SHORT" = 1 ] && echo '; 30 s skipped: --short'))"
  echo
fi

# ---------------------------------------------------------------------------------------------- 4
if want overhead; then
  echo "== 4. Overhead of upload + publish + await in 'mvn deploy -Prelease' (instant simulator, $RUNS runs each)  [load $(load)]"
  start_sim --upload-polls 0 --publish-polls 0
  on=() off=() in_on=() in_off=()
  TS=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)
  # plugin_span LOG: ms from the first edge-addons goal's header to BUILD SUCCESS (the plugin's goals run last)
  plugin_span() {
    awk 'function ms(t, a) { split(t, a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4] }
      /--- edge-addons-maven-plugin:/ && !s { s = ms($1) } /BUILD SUCCESS/ { e = ms($1) }
      END { if (s && e) print e - s; else print "NA" }' "$1"
  }
  # one untimed build of each kind first: the OS file cache and the simulator's JIT warm up
  mvn "${MVN_COMMON[@]}" deploy "-Dedge.apiBaseUrl=$SIM_URL" >"$OUT/mvn-overhead-warm.log" 2>&1 \
    || failed "the release build (log: $OUT/mvn-overhead-warm.log)"
  mvn "${MVN_COMMON[@]}" deploy "-Dedge.apiBaseUrl=$SIM_URL" -Dedge.skip=true >/dev/null 2>&1 \
    || failed "the release build with -Dedge.skip=true"
  for i in $(seq 1 "$RUNS"); do
    # alternate the two builds so a change of load hits both alike
    t0=$(now_ms); mvn "${MVN_COMMON[@]}" "${TS[@]}" deploy "-Dedge.apiBaseUrl=$SIM_URL" >"$OUT/mvn-overhead-on.log" 2>&1 \
      || failed "release build $i (log: $OUT/mvn-overhead-on.log)"; t1=$(now_ms)
    on+=($((t1 - t0))); in_on+=("$(plugin_span "$OUT/mvn-overhead-on.log")")
    t0=$(now_ms); mvn "${MVN_COMMON[@]}" "${TS[@]}" deploy "-Dedge.apiBaseUrl=$SIM_URL" -Dedge.skip=true >"$OUT/mvn-overhead-off.log" 2>&1 \
      || failed "skipped build $i (log: $OUT/mvn-overhead-off.log)"; t1=$(now_ms)
    off+=($((t1 - t0))); in_off+=("$(plugin_span "$OUT/mvn-overhead-off.log")")
  done
  # The poll schedule's designed waits, per release build: from the 202 of the upload and of the publish to
  # the first status request of each (0.75 s each by design, PollPolicy), measured on the simulator's clock.
  # They are the schedule's, not the plugin's cost: reported apart from it.
  waits=$(sim_requests | awk -F'\t' '
    $2 == "POST" && ($1 == "UPLOAD" || $1 == "PUBLISH") { pending[$1] = $6 }
    $1 == "UPLOAD_STATUS" && ("UPLOAD" in pending) { w += $5 - pending["UPLOAD"]; delete pending["UPLOAD"] }
    $1 == "PUBLISH_STATUS" && ("PUBLISH" in pending) { w += $5 - pending["PUBLISH"]; delete pending["PUBLISH"]; print w; w = 0 }')
  stop_sim
  mon=$(printf '%s\n' "${on[@]}" | median) moff=$(printf '%s\n' "${off[@]}" | median)
  diffs=()
  for i in "${!on[@]}"; do diffs+=($((on[i] - off[i]))); done
  mdiff=$(printf '%s\n' "${diffs[@]}" | median)
  echo "   with the plugin  (ms): ${on[*]}   median $mon"
  echo "   -Dedge.skip=true (ms): ${off[*]}   median $moff"
  echo "   pair differences (ms): ${diffs[*]}   median $mdiff"
  ion=$(printf '%s\n' "${in_on[@]}" | median) ioff=$(printf '%s\n' "${in_off[@]}" | median)
  echo "   inside the build, first edge-addons goal -> BUILD SUCCESS (ms): ${in_on[*]}   median $ion"
  echo "   the same with -Dedge.skip=true (ms):                          ${in_off[*]}   median $ioff"
  mwait=$(printf '%s\n' $waits | median)
  echo "   designed poll waits per release build (ms): $(echo $waits)   median $mwait"
  awk -v a="$mon" -v b="$moff" -v d="$mdiff" -v w="$mwait" 'BEGIN {
    printf "   with the plugin minus without: %.3f s (difference of the medians), %.3f s (median of the paired differences)\n", (a - b) / 1000, d / 1000
    printf "   plugin overhead %.3f s; designed poll waits %.3f s (the first status request of the upload and of the publish, 0.75 s each after the 202)   goal: overhead < 0.5 s\n", (d - w) / 1000, w / 1000 }'
  awk -v a="$ion" -v b="$ioff" -v w="$mwait" 'BEGIN { printf "   plugin overhead inside the build (log timestamps, less exposed to load swings): %.3f s, designed poll waits apart\n", (a - b - w) / 1000 }'
  # where the plugin's time goes, from the last build's log (plugin goals only)
  grep -E 'Uploaded in' "$OUT/mvn-overhead-on.log" | sed 's/^/   last build: /; s/; waiting.*//' || true
  echo "   load after: $(load)"
  echo
fi

# ---------------------------------------------------------------------------------------------- stores
# The multi-store deploy (issue 18): the wall time of `mvn deploy` of examples/minimal-extension released to
# Edge alone, to the Chrome Web Store alone, and to both, each store's simulator taking a few seconds to
# process (Edge: the upload and the publish end after 3 s each; Chrome: the upload answers IN_PROGRESS for 3
# polls). Side by side, both should take about as long as the slower store, not the sum.
if want stores; then
  echo "== 7. Several stores in one deploy: wall time of mvn deploy, Edge alone, Chrome alone, both  [load $(load)]"
  MIN="$OUT/minimal-extension"
  rm -rf "$MIN"; cp -r "$ROOT/examples/minimal-extension" "$MIN"
  # once, untimed, with Maven Central reachable: what the minimal example needs beyond the copy
  mvn -B -s "$OUT/settings-fetch.xml" "-Dmaven.repo.local=$REPO" -f "$MIN/pom.xml" install >"$OUT/mvn-stores-fetch.log" 2>&1 \
    || { tail -40 "$OUT/mvn-stores-fetch.log" >&2; failed "minimal example build"; }
  CPF="$OUT/chrome.port"; rm -f "$CPF"
  stores_round() { # LABEL EDGE(1/0) CHROME(1/0): one timed deploy against fresh simulators; prints ms
    local label="$1" edge="$2" chrome="$3"
    start_sim --upload-after 3 --publish-after 3
    rm -f "$CPF"
    java -Xmx256m -cp "$SIM_CP" io.github.edgeaddons.sim.chrome.ChromeSimulatorCli --port-file "$CPF" \
        --published 0.9.0 --processing-polls 3 >"$OUT/chrome-sim.log" 2>&1 &
    local cpid=$!
    for _ in $(seq 1 200); do [ -s "$CPF" ] && break; sleep 0.05; done
    local cport; cport=$(cat "$CPF")
    local args=(-B -s "$SETTINGS" "-Dmaven.repo.local=$REPO" -f "$MIN/pom.xml" deploy "-Dedge.apiBaseUrl=$SIM_URL")
    [ "$edge" = 1 ] || args+=("-Dedge.productId=")
    if [ "$chrome" = 1 ]; then
      args+=("-Dchrome.itemId=abcdefghijklmnopabcdefghijklmnop" "-Dchrome.publisherId=c4c4c4c4-5e5e-4000-8000-000000000001"
             "-Dchrome.apiBaseUrl=http://127.0.0.1:$cport" "-Dchrome.tokenUrl=http://127.0.0.1:$cport/token")
    fi
    local t0 t1 rc
    t0=$(now_ms)
    set +e
    CHROME_CLIENT_ID=sim-chrome-client.apps.googleusercontent.com CHROME_CLIENT_SECRET=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3 \
      CHROME_REFRESH_TOKEN=1//sim-refresh-token-SECRET-4444 mvn "${args[@]}" >"$OUT/mvn-stores-$label.log" 2>&1
    rc=$?
    set -e
    t1=$(now_ms)
    kill "$cpid" 2>/dev/null || true; wait "$cpid" 2>/dev/null || true
    stop_sim
    [ "$rc" = 0 ] || { tail -30 "$OUT/mvn-stores-$label.log" >&2; failed "stores deploy $label (log: $OUT/mvn-stores-$label.log)"; }
    echo $((t1 - t0))
  }
  ROUNDS=$([ "$SHORT" = 1 ] && echo 1 || echo 3)
  declare -A WALL
  for label in edge chrome both; do
    xs=()
    for _ in $(seq 1 "$ROUNDS"); do
      case $label in
        edge) xs+=("$(stores_round edge 1 0)") ;;
        chrome) xs+=("$(stores_round chrome 0 1)") ;;
        both) xs+=("$(stores_round both 1 1)") ;;
      esac
      grep -q "BUILD SUCCESS" "$OUT/mvn-stores-$label.log" || failed "stores deploy $label (log: $OUT/mvn-stores-$label.log)"
    done
    WALL[$label]=$(printf '%s\n' "${xs[@]}" | median)
    echo "   $label: ${xs[*]} ms   median ${WALL[$label]} ms"
  done
  grep -h "Chrome Web Store: \|Edge: " "$OUT/mvn-stores-both.log" | sed 's/^/   last both: /' || true
  awk -v e="${WALL[edge]}" -v c="${WALL[chrome]}" -v b="${WALL[both]}" 'BEGIN {
    m = e > c ? e : c; printf "   both: %.1f s; the slower alone: %.1f s; the sum: %.1f s  (both / slower = %.2f)\n", b/1000, m/1000, (e+c)/1000, b/m }'
  echo
fi

[ "$KEEP" = 1 ] && echo "zips and m2repo kept in $OUT (--keep)"
echo "logs in $OUT"
if [ "$FAILURES" -gt 0 ]; then
  echo "bench: $FAILURES section(s) failed" >&2
  exit 1
fi

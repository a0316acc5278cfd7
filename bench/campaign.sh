#!/usr/bin/env bash
# The seeded fault campaign of issue 12, long mode: thousands of releases against the simulator, each with
# its own random faults, every invariant checked on every run (see FaultCampaign in the test sources).
#
#   bench/campaign.sh [RUNS] [FIRST_SEED] [WORKERS]     default: 5000 runs from seed 1000001, 3 workers
#
# Prints the machine, then: runs, faulted answers by kind, outcomes by kind, real time per run, and the
# violations (each failing seed with the command that replays it alone). Exits non-zero on any violation.
# `mvn verify` runs the same campaign with 300 seeds (1..300). Everything stays on 127.0.0.1.
#
#   bench/campaign.sh --stores [RUNS] [FIRST_SEED] [WORKERS]     default: 500 seeds from 1000001, 3 workers
#
# The same campaign on the other stores (StoresFaultCampaign): RUNS seeded Chrome Web Store releases, RUNS
# Firefox Add-ons releases and RUNS/5 three-store deploys (Edge, Chrome, Firefox; each seed once without faults
# and once per store with faults in it alone). Prints per part: faulted answers by kind, outcomes, findings
# (gaps counted, not failing) and violations. `mvn verify` runs it with 60, 60 and 12 seeds.
set -euo pipefail
STORES=""
if [ "${1:-}" = "--stores" ]; then
  STORES=1
  shift
fi
RUNS="${1:-$([ -n "$STORES" ] && echo 500 || echo 5000)}"
FIRST="${2:-1000001}"
WORKERS="${3:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_OUT:-$ROOT/target/bench}"
mkdir -p "$OUT"
FIGURES="$OUT/campaign-figures.txt"
LOG="$OUT/campaign.log"
rm -f "$FIGURES"

echo "== Machine"
echo "date:       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc:      $(nproc)"
echo "cpu:        $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "load avg:   $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:       $(java -version 2>&1 | head -1)"
echo "commit:     $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && git diff --quiet HEAD -- src 2>/dev/null || echo ' (+ uncommitted changes)')"
echo
start=$(date +%s)
set +e
if [ -n "$STORES" ]; then
  echo "== Stores fault campaign: $RUNS Chrome and $RUNS Firefox releases, $((RUNS / 5)) three-store deploys from seed $FIRST, $WORKERS workers"
  (cd "$ROOT" && mvn -B test -Dtest='StoresFaultCampaignTest#seededStoreReleasesKeepEveryInvariant' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dcampaign.storeRuns="$RUNS" -Dcampaign.firstSeed="$FIRST" \
    -Dcampaign.workers="$WORKERS" -Dcampaign.figures="$FIGURES" >"$LOG" 2>&1)
else
  echo "== Fault campaign: $RUNS seeded releases from seed $FIRST, $WORKERS workers"
  (cd "$ROOT" && mvn -B test -Dtest='FaultCampaignTest#seededReleasesKeepEveryInvariant' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dcampaign.runs="$RUNS" -Dcampaign.firstSeed="$FIRST" \
    -Dcampaign.workers="$WORKERS" -Dcampaign.figures="$FIGURES" >"$LOG" 2>&1)
fi
rc=$?
set -e
end=$(date +%s)
if [ ! -s "$FIGURES" ]; then
  tail -60 "$LOG" >&2
  echo "bench: the campaign did not finish (log: $LOG)" >&2
  exit 1
fi
cat "$FIGURES"
echo "load avg after: $(cut -d' ' -f1-3 /proc/loadavg); wall time with Maven: $((end - start)) s"
if [ "$rc" != 0 ]; then
  echo
  echo "== Violations (first 40 lines; all in $LOG)"
  awk '/broke an invariant/ {p = 1} p' "$LOG" | grep -E '^(seed |    )' | head -40 || true
fi
echo "log: $LOG"
exit "$rc"

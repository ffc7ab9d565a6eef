#!/usr/bin/env bash
# Notes, highlights and search benchmarks (issue 5): builds earmark-cli --release and
# runs `earmark-bench notes search|add-note|open` on a generated library of 1,000 episodes with
# one-hour transcripts (900 segments each), kept between runs in DATA_DIR.
#
#   tests/bench/run-notes-benchmarks.sh [DATA_DIR]
#
# DATA_DIR defaults to $EARMARK_BENCH_DIR or ~/.cache/earmark-bench-notes (about 0.5 GB;
# generating it takes a few minutes the first time). Prints the machine, then one JSON
# document per benchmark; exits 1 if a benchmark missed its target. The figures are
# wall-clock times ("p95_ms", judged against "target_p95_ms") with the CPU time of the
# work beside them ("cpu_p95_ms"): on a shared machine the load average printed
# before and after tells how much of the wall clock was waiting for a core.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/earmark-target}"
export PATH="$HOME/.cargo/bin:$PATH"
data="${1:-${EARMARK_BENCH_DIR:-$HOME/.cache/earmark-bench-notes}}"

cargo build --release --quiet -p earmark-bench
benchmarks="$CARGO_TARGET_DIR/release/earmark-bench"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "data: $data ($(df -h --output=fstype,source "$(dirname "$data")" | tail -1 | tr -s ' '))"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$benchmarks" notes generate "$data" --json
missed=0
for bench in search add-note open; do
  result="$("$benchmarks" notes "$bench" "$data" --json)"
  echo "$bench: $result"
  case "$result" in
    *'"met":false'*) echo "MISSED: $bench is over its target" >&2; missed=1 ;;
  esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$missed"

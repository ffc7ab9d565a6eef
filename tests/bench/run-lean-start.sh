#!/usr/bin/env bash
# Issue 18's lean start (docs/benchmarks.md): the release app against a bare Tauri 2
# window (tests/bench/bare-window), in the same run, in the real window under Xvfb.
#
#   tests/bench/run-lean-start.sh [launch|playback|all] [pytest options]
#
# `launch` (the default): five launches of each to a painted library of 1,000 episodes
# and 500 notes, and each one's memory once idle (PSS of every process), a few
# minutes. `playback`: the app's memory after one minute and after an hour of playback
# (EARMARK_BENCH_PLAYBACK_MINUTES, default 60). Figures in
# tests/e2e/artifacts/test_launch_to_a_painted_library_*.json and
# test_memory_after_an_hour_of_playback.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/earmark-target}"
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --quiet -p earmark -p bare-window
cargo build --quiet -p earmark-cli
export EARMARK_APP_BINARY="$CARGO_TARGET_DIR/release/earmark"
export EARMARK_BARE_WINDOW="$CARGO_TARGET_DIR/release/bare-window"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "WebKitGTK: $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo unknown)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
case "${1:-launch}" in
  launch) which=(-k launch_to_a_painted_library) ;;
  playback) which=(-k an_hour_of_playback) ;;
  all) which=() ;;
  *) echo "usage: $0 [launch|playback|all]" >&2; exit 2 ;;
esac
bash tests/e2e/run.sh tests/e2e/test_lean_start.py "${which[@]}" "${@:2}" "${@:2}"
for result in tests/e2e/artifacts/test_launch_to_a_painted_library_*.json \
              tests/e2e/artifacts/test_memory_after_an_hour_of_playback.json; do
  [[ -f "$result" ]] && { echo "$result:"; cat "$result"; echo; }
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

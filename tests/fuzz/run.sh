#!/usr/bin/env bash
# Builds Earmark's fuzz targets and runs each one for SECONDS (default 600), two at a
# time, at the lowest CPU priority. Fails when any target crashes, hangs (one input
# over 10 s) or runs out of memory (2 GB); the input that did it is kept under
# $CARGO_TARGET_DIR/fuzz/work/artifacts/TARGET/ with the target's log beside it.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# Each target starts from its seeds (tests/fuzz/seeds/, files from other projects'
# test suites: seeds/SOURCES.md), the real-world corpus the corpus test reads
# (tests/fixtures/corpus/: its SOURCES.md) and the repository's own fixtures, and keeps
# what it finds in $CARGO_TARGET_DIR/fuzz/work/corpus/TARGET for the next run. Built on stable
# Rust with cargo-fuzz and no sanitizer: see docs/decisions.md ("Fuzzing on stable Rust").
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/earmark-target}"
export PATH="$HOME/.cargo/bin:$PATH"

seconds="${1:-600}"
shift || true
all_targets=(transcript_detect transcript_vtt transcript_srt transcript_json transcript_html
  transcript_text feed web_page opml chapters notes_import mp3_frames adts_frames mp4_track
  artwork)
targets=("${@:-${all_targets[@]}}")
jobs="${FUZZ_JOBS:-2}"
cargo_fuzz_version=0.13.2

fuzz_target_dir="$CARGO_TARGET_DIR/fuzz"
work="$fuzz_target_dir/work"

# The repository's own files that each target starts from, besides its seeds.
fixtures() {
  local core=src-tauri/crates/earmark-core/tests/fixtures
  case "$1" in
    transcript_*) echo "$core"/transcripts/* assets/demo/demo.vtt assets/demo/demo.txt ;;
    feed) echo "$core"/feeds/*.xml ;;
    web_page) echo "$core"/transcripts/*.html ;;
    opml) echo "$core"/feeds/subscriptions.opml ;;
    chapters) echo "$core"/feeds/chapters.json ;;
    mp3_frames) echo tests/fixtures/audio/*.mp3 ;;
    adts_frames) echo tests/fixtures/audio/*.aac ;;
    mp4_track) echo tests/fixtures/audio/*.m4a ;;
    artwork) echo src-tauri/icons/32x32.png src-tauri/icons/64x64.png ;;
  esac
}

# The real-world corpus files a target starts from (tests/fixtures/corpus/SOURCES.md).
corpus_files() {
  local corpus=tests/fixtures/corpus
  case "$1" in
    transcript_*) find "$corpus/transcripts" -type f \( -name '*.vtt' -o -name '*.srt' \) ;;
    feed) find "$corpus/feeds" -type f \( -name '*.xml' -o -name '*.rss' \) ;;
  esac
}

# The committed seeds of a target: the transcript targets share theirs.
seeds() {
  case "$1" in
    transcript_*) echo tests/fuzz/seeds/transcript ;;
    *) echo "tests/fuzz/seeds/$1" ;;
  esac
}

if ! cargo fuzz --version 2>/dev/null | grep -q "$cargo_fuzz_version"; then
  echo "Installing cargo-fuzz $cargo_fuzz_version"
  cargo install --quiet --locked cargo-fuzz --version "$cargo_fuzz_version"
fi

echo "Building the fuzz targets (instrumented, release, debug assertions, no sanitizer)"
nice -n 19 cargo fuzz build --fuzz-dir tests/fuzz -O -a -s none \
  --target-dir "$fuzz_target_dir"
triple="$(rustc -vV | sed -n 's/^host: //p')"
bin_dir="$fuzz_target_dir/$triple/release"

run_one() {
  local target="$1" corpus="$work/corpus/$1" artifacts="$work/artifacts/$1"
  local log="$work/logs/$1.log"
  mkdir -p "$corpus" "$artifacts" "$work/logs"
  local fixture
  for fixture in $(fixtures "$target"); do
    cp -n "$fixture" "$corpus/" 2>/dev/null || true
  done
  # Named by their path: the corpus repeats file names across directories.
  local file
  for file in $(corpus_files "$target"); do
    cp -n "$file" "$corpus/corpus--$(printf '%s' "${file#tests/fixtures/corpus/}" | tr / _)" 2>/dev/null || true
  done
  # A target without committed seeds (mp3_frames: see seeds/SOURCES.md) starts from
  # the fixtures alone.
  local inputs=("$corpus")
  [ -d "$(seeds "$target")" ] && inputs+=("$(seeds "$target")")
  local status=0
  # What this run finds is counted, not what an earlier run left beside it.
  local started="$work/logs/$target.started"
  touch "$started"
  nice -n 19 "$bin_dir/$target" "${inputs[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  local execs corpus_size found
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  # The corpus libFuzzer ended with: inputs/bytes.
  corpus_size="$(sed -n 's/.*DONE .* corp: \([^ ]*\) .*/\1/p' "$log" | tail -1)"
  found="$(find "$artifacts" -type f -newer "$started" | wc -l)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "${execs:-?}" "${corpus_size:-?}" "$found" "$status" \
    >"$work/logs/$target.result"
  if [ "$status" -eq 0 ]; then
    # Keep only the inputs that add coverage, so the next run starts quickly.
    rm -rf "$corpus.min" && mkdir "$corpus.min"
    nice -n 19 "$bin_dir/$target" -merge=1 "$corpus.min" "$corpus" >"$work/logs/$target.merge.log" 2>&1 &&
      rm -rf "$corpus" && mv "$corpus.min" "$corpus"
  else
    echo "FAILED: $target (exit $status); log: $log; inputs: $artifacts" >&2
    grep -E "panicked|ERROR|==[0-9]+==" "$log" | head -5 >&2 || true
  fi
  return "$status"
}

echo "Fuzzing ${targets[*]} for ${seconds} s each, $jobs at a time"
failed=0
running=0
for target in "${targets[@]}"; do
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done

printf '\n%-18s %8s %12s %14s %8s %5s\n' target seconds executions corpus crashes exit
for target in "${targets[@]}"; do
  IFS=$'\t' read -r t s e c f x <"$work/logs/$target.result"
  printf '%-18s %8s %12s %14s %8s %5s\n' "$t" "$s" "$e" "$c" "$f" "$x"
done
exit "$failed"

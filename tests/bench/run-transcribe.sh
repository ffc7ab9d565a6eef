#!/usr/bin/env bash
# Transcription benchmark (issue 16): `earmark-cli transcribe` on recorded read
# speech with known text (tests/fixtures/speech, every clip 1 s apart), and
# faster-whisper's own transcribe() on the same files as the peer (same model, beam
# 5, word timestamps, int8, 2 threads, nice 19 as the helper). Measures, per input:
#   word error rate  normalised text (lower case, no punctuation, 0-10 as words)
#   × real time      audio length / wall time, model loading included
#   peak memory      /usr/bin/time -v max RSS (the CLI and its helper: the larger)
# inputs: clean; sped up 1.25× (sox tempo); light white noise (~25 dB under the
# speech); long (clean repeated to ≥ 10 min). On clean, also the median word-start
# error against PocketSphinx 5.1.1's forced alignment of each clip to its known text.
#
#   tests/bench/run-transcribe.sh          # prints one JSON document
#
# Needs the transcriber venv with pocketsphinx (install-system-deps.sh test), sox,
# /usr/bin/time. Builds earmark-cli (debug: its dependencies are optimised, and the
# recogniser runs in the helper); CARGO_TARGET_DIR is honoured.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$repo"
cargo build -j "${CARGO_BUILD_JOBS:-2}" -p earmark-cli
"$HOME/.cache/earmark-speech/venv/bin/python" "$here/transcribe_bench.py" "$work" "$target/debug/earmark-cli"

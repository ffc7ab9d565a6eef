#!/usr/bin/env bash
# Playback benchmarks: seek time, open time and full-decode time on an hour-long VBR MP3
# without a Xing header (the hardest common case: no table of contents, no frame count),
# against ffmpeg decoding the same file in the same run. Writes the figures, the machine
# and the date into docs/benchmarks.md (between the `bench:playback` markers; other
# sections of that file are left alone).
#
# Needs espeak-ng, sox, ffmpeg (libmp3lame), python3, cargo.
# Usage: tests/bench/run-benchmarks.sh [MINUTES]   (default 60)
# The audio is made in a temporary folder and deleted afterwards.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
minutes="${1:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/earmark-target}"

for tool in espeak-ng sox ffmpeg python3 cargo; do
  command -v "$tool" >/dev/null || { echo "run-benchmarks: $tool is needed" >&2; exit 1; }
done

echo "making ${minutes} minutes of VBR MP3 without a Xing header..." >&2
# Speech from the demo script, looped, over a slow sweep so no two minutes are alike.
espeak-ng -v en-us -s 165 -w "$work/speech.wav" -f "$root/assets/demo/script.txt"
seconds=$((minutes * 60))
speech_len=$(sox --i -D "$work/speech.wav")
repeats=$(python3 -c "import math; print(math.ceil($seconds / $speech_len))")
sox -V1 -D "$work/speech.wav" -r 44100 "$work/speech-long.wav" repeat "$repeats" trim 0 "$seconds"
sox -V1 -D -n -r 44100 -c 1 -b 16 "$work/sweep.wav" synth "$seconds" sine 100-4000 vol 0.05
sox -V1 -D -m "$work/speech-long.wav" "$work/sweep.wav" -b 16 "$work/long.wav"
audio="$work/episode-${minutes}min-vbr-noxing.mp3"
ffmpeg -nostdin -v error -i "$work/long.wav" -c:a libmp3lame -q:a 5 -write_xing 0 "$audio"
rm "$work/long.wav" "$work/speech-long.wav" "$work/sweep.wav"
size_mb=$(python3 -c "import os; print(round(os.path.getsize('$audio') / 1e6, 1))")

echo "building earmark-cli --release..." >&2
(cd "$root" && cargo build --release -p earmark-cli -p earmark-bench >&2)
cli="$CARGO_TARGET_DIR/release/earmark-cli"
benchmarks="$CARGO_TARGET_DIR/release/earmark-bench"

now_ms() { python3 -c 'import time; print(time.monotonic() * 1000)'; }

echo "warming the page cache, then measuring..." >&2
cat "$audio" > /dev/null
probe=$("$cli" probe "$audio" --json)
seek=$("$benchmarks" seek "$audio" --seeks 1000 --seed 1 --verify 50 --json)

# Full decode, ours and ffmpeg's, alternated; the best of three of each.
best_ours=""
best_ffmpeg=""
for _ in 1 2 3; do
  ours=$("$benchmarks" decode "$audio" --json)
  ms=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['ms'])" "$ours")
  if [ -z "$best_ours" ] || python3 -c "import sys; sys.exit(not float(sys.argv[1]) < float(sys.argv[2]))" "$ms" "$best_ours"; then
    best_ours=$ms
    decode=$ours
  fi
  start=$(now_ms)
  ffmpeg -nostdin -v error -i "$audio" -f null -
  end=$(now_ms)
  ff=$(python3 -c "print($end - $start)")
  if [ -z "$best_ffmpeg" ] || python3 -c "import sys; sys.exit(not float(sys.argv[1]) < float(sys.argv[2]))" "$ff" "$best_ffmpeg"; then
    best_ffmpeg=$ff
  fi
done
ffmpeg_version=$(ffmpeg -version | head -1 | cut -d' ' -f1-3)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
cores=$(nproc)
date=$(date -u +%Y-%m-%d)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)

mkdir -p "$root/docs"
python3 - "$root/docs/benchmarks.md" <<PY
import json, re, sys, os
path = sys.argv[1]
probe = json.loads('''$probe''')
seek = json.loads('''$seek''')
decode = json.loads('''$decode''')
ffmpeg_ms = float("$best_ffmpeg")
ratio = decode["ms"] / ffmpeg_ms

def verdict(ok):
    return "**met**" if ok else "**missed**"

section = f"""<!-- bench:playback:start (written by tests/bench/run-benchmarks.sh; edits inside are overwritten) -->
## Playback: seeking, opening and decoding

Reproduce with \`tests/bench/run-benchmarks.sh\` (about a minute after the release build).

Measured {"$date"} on {"$cores"} cores of {"$cpu"}, commit \`{"$commit"}\`,
release build, file in the page cache.

The file: {"$minutes"} minutes of speech over a slow sweep, mono 44.1 kHz, LAME VBR
\`-q:a 5\`, **no Xing header** (\`ffmpeg -write_xing 0\`), {"$size_mb"} MB, made by the script
in a temporary folder. \`earmark-cli probe\` measures {probe["frames"]} frames
({probe["duration_ms"] / 60000:.2f} min).

### Seek

\`earmark-bench seek FILE --seeks 1000 --seed 1 --verify 50 --json\`: 1000 seeks to
random frames in random order (forwards and backwards), each timed from the seek call to
the first decoded samples at the target.

| p50 | p95 | max | target | verdict |
|---|---|---|---|---|
| {seek["p50_ms"]:.2f} ms | {seek["p95_ms"]:.2f} ms | {seek["max_ms"]:.2f} ms | p95 ≤ 10 ms | {verdict(seek["p95_ms"] <= 10)} |

Exactness: {seek["verified"]} of the seeks were compared with one continuous decode of
the whole file: {"all sample-identical" if seek["exact"] else "**NOT all identical**"}.

### Open

Same command. The first open scans every frame header once (exact length and the seek
index); the app caches the index ({seek["index_bytes"]} bytes for this file) so later
opens skip the scan.

| first open (scan + index) | open with the cached index | target | verdict |
|---|---|---|---|
| {seek["open_ms"]:.1f} ms | {seek["open_cached_ms"]:.2f} ms | ≤ 150 ms | {verdict(seek["open_ms"] <= 150)} |

### Full decode

\`earmark-bench decode FILE --json\` against \`ffmpeg -v error -i FILE -f null -\`
({"$ffmpeg_version"}), alternated in the same run, best of three each.

| Earmark | ffmpeg | ratio | target | verdict |
|---|---|---|---|---|
| {decode["ms"]:.0f} ms ({decode["speed"]:.0f}× real time) | {ffmpeg_ms:.0f} ms | {ratio:.2f}× | ≤ 1.1× ffmpeg | {verdict(ratio <= 1.1)} |

Earmark's time includes opening the file (the frame scan above) and hands out 32-bit
float samples; ffmpeg's includes its process start and, for the null muxer, converting
its float output to 16-bit PCM. Both decode every frame on one core.

<!-- bench:playback:end -->
"""

text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\nFigures measured by the scripts in \`tests/bench/\`. Each section says how to reproduce it.\n\n"
pattern = re.compile(r"<!-- bench:playback:start.*?<!-- bench:playback:end -->\n", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
print(section)
PY

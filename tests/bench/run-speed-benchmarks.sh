#!/usr/bin/env bash
# Speed benchmarks: the memory that playing a 3-hour episode adds, how fast the engine
# plays through a null output at 1x and 2x, and what the pitch-preserving stretcher
# costs per core at each speed, mono 44.1 kHz and stereo 48 kHz. Writes the figures,
# the machine and the date into docs/benchmarks.md (between the `bench:speed`
# markers; other sections of that file are left alone).
#
# Needs ffmpeg (libmp3lame), python3, cargo.
# Usage: tests/bench/run-speed-benchmarks.sh [HOURS]   (default 3)
# The audio is made in a temporary folder and deleted afterwards.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
hours="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/earmark-target}"

for tool in ffmpeg python3 cargo; do
  command -v "$tool" >/dev/null || { echo "run-speed-benchmarks: $tool is needed" >&2; exit 1; }
done

demo="$root/assets/demo/demo.mp3"
seconds=$((hours * 3600))
echo "making a ${hours}-hour MP3 from the demo episode, looped..." >&2
episode="$work/episode-${hours}h.mp3"
ffmpeg -nostdin -v error -stream_loop -1 -i "$demo" -t "$seconds" -c:a libmp3lame -q:a 5 "$episode"
stereo="$work/stereo-48k.wav"
ffmpeg -nostdin -v error -stream_loop -1 -i "$demo" -t 300 -ac 2 -ar 48000 "$stereo"
size_mb=$(python3 -c "import os; print(round(os.path.getsize('$episode') / 1e6, 1))")

echo "building earmark-cli --release..." >&2
(cd "$root" && cargo build --release -p earmark-cli -p earmark-bench >&2)
cli="$CARGO_TARGET_DIR/release/earmark-cli"
benchmarks="$CARGO_TARGET_DIR/release/earmark-bench"

echo "measuring..." >&2
cat "$episode" > /dev/null
probe=$("$cli" probe "$episode" --json)
play1=$("$benchmarks" play "$episode" --json)
play2=$("$benchmarks" play "$episode" --speed 2 --json)
stretch_mono=$("$benchmarks" stretch "$episode" --seconds 300 --speeds 1,1.5,2,3 --json)
stretch_stereo=$("$benchmarks" stretch "$stereo" --speeds 1,1.5,2,3 --json)

commit=$(cd "$root" && git rev-parse --short HEAD)
cpu=$(python3 -c "
import re
for line in open('/proc/cpuinfo'):
    if line.startswith('model name'):
        print(re.sub(r'\s+', ' ', line.split(':', 1)[1]).strip()); break")
cores=$(nproc)

python3 - "$root/docs/benchmarks.md" "$probe" "$play1" "$play2" "$stretch_mono" "$stretch_stereo" \
  "$commit" "$cpu" "$cores" "$size_mb" "$hours" <<'EOF'
import datetime
import json
import sys

path, probe, play1, play2, mono, stereo, commit, cpu, cores, size_mb, hours = sys.argv[1:]
probe, play1, play2, mono, stereo = map(json.loads, (probe, play1, play2, mono, stereo))
today = datetime.date.today().isoformat()


def play_row(p):
    verdict = "**met**" if p["rss_added_mb"] <= 30 else "**missed**"
    return (
        f"| {p['speed']}× | {p['audio_ms'] / 3_600_000:.2f} h | {p['wall_ms'] / 1000:.1f} s | "
        f"{p['cpu_ms'] / 1000:.1f} s | {p['realtime_cpu_x']:.0f}× | {p['rss_before_kb'] / 1024:.1f} MB | "
        f"{p['rss_after_kb'] / 1024:.1f} MB | {p['rss_added_mb']:+.2f} MB | {verdict} |"
    )


def stretch_rows(report, label):
    rows = []
    for run in report["runs"]:
        share = 100.0 / run["realtime_x"] if run["realtime_x"] else 0.0
        rows.append(
            f"| {label} | {run['speed']}× | {run['cpu_ms'] / 1000:.1f} s | {run['realtime_x']:.0f}× | {share:.1f} % |"
        )
    return rows


section = f"""<!-- bench:speed:start (written by tests/bench/run-speed-benchmarks.sh; edits inside are overwritten) -->
## Playback: memory over a long episode, speed and its cost

Reproduce with `tests/bench/run-speed-benchmarks.sh` (a few minutes after the release build).

Measured {today} on {cores} cores of {cpu}, commit `{commit}`, release build, files in
the page cache. The machine was shared with other work: wall times vary, CPU times are
what to compare.

The file: the demo episode looped to {hours} hours, mono 44.1 kHz, LAME VBR `-q:a 5`,
{size_mb} MB, made by the script in a temporary folder. `earmark-cli probe` measures
{probe['frames']} frames ({probe['duration_ms'] / 3_600_000:.2f} h).

### Memory while playing a {hours}-hour episode

`earmark-bench play FILE [--speed 2] --json`: the engine opens the file, then plays
all of it through a null output that takes samples as fast as they come (no sound card,
no pacing). Resident memory is read from `/proc/self/status` with the file open, before
playing, and after the last frame; CPU time from `/proc/self/stat` (all threads:
decoder, stretcher, output).

| speed | played | wall | CPU | × real time (CPU) | RSS before | RSS after | added | target ≤ 30 MB |
|---|---|---|---|---|---|---|---|---|
{play_row(play1)}
{play_row(play2)}

Playing holds nothing per minute played: the decoded audio goes through a 2-second ring
and the stretcher's buffers are reserved once per stream.

### The stretcher's cost

`earmark-bench stretch FILE --speeds 1,1.5,2,3 --json`: the file decoded once, then
the stretcher alone (WSOLA, 15 ms hops, ±8 ms search: `docs/decisions.md`) over
{mono['audio_ms'] // 1000} s of it at each speed, on one thread. At 1.0× playback bypasses the
stretcher until the speed first changes; the 1.0× row is what it costs once it is on.

| audio | speed | CPU | × real time (one core) | share of one core |
|---|---|---|---|---|
{chr(10).join(stretch_rows(mono, "mono 44.1 kHz"))}
{chr(10).join(stretch_rows(stereo, "stereo 48 kHz"))}

<!-- bench:speed:end -->"""

text = open(path).read()
start = text.find("<!-- bench:speed:start")
end = text.find("<!-- bench:speed:end -->")
if start != -1 and end != -1:
    text = text[:start] + section + text[end + len("<!-- bench:speed:end -->"):]
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text if text.endswith("\n") else text + "\n")
print(section)
EOF

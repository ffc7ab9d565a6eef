#!/usr/bin/env bash
# Regenerate the Earmark demo episode from script.txt.
#
#   assets/demo/make-demo.sh            rebuild demo.mp3, demo.vtt, demo.txt, episode.json
#   KEEP_WORK=1 assets/demo/make-demo.sh  ...and keep the intermediate files
#
# Needs: espeak-ng, ffmpeg (with libmp3lame), python3 (standard library only).
# Deterministic: the same script.txt and tool versions give byte-identical files.
#
# Steps
#   1. build_demo.py synth: every sentence of script.txt is spoken by espeak-ng on its
#      own (22050 Hz mono), its leading/trailing silence is trimmed, one gain per
#      speaker evens out loudness, and the pieces are joined with pauses (350-900 ms
#      between turns, 200-300 ms between sentences). Cue times are counted in samples
#      of this master, so they are exact, not guessed.
#   2. ffmpeg resamples the master to 44100 Hz (the resampler compensates its own
#      delay, so no shift) and encodes the MP3.
#   3. ffmpeg decodes the MP3 back; its length gives duration_ms, and build_demo.py
#      writes demo.vtt, demo.txt and episode.json.
#   4. build_demo.py verify: checks the VTT against the decoded MP3 (see README.md).
#
# MP3 encoder settings (gapless): libmp3lame VBR -q:a 6 (V6), mono, 44100 Hz, with the
# Xing/LAME "Info" header (ffmpeg's default -write_xing 1). That header records the
# encoder delay and end padding, so decoders that honour it (ffmpeg; symphonia with
# FormatOptions { enable_gapless: true }) return exactly the master's samples, aligned
# to the sample, and the VTT times hold. A decoder that ignores the tag plays the
# audio 1105 samples (25 ms) late: harmless for reading along, but the app should
# enable gapless decoding.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

for tool in espeak-ng ffmpeg python3; do
    command -v "$tool" >/dev/null || { echo "make-demo.sh: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/earmark-demo.XXXXXX")"
if [[ -z "${KEEP_WORK:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "make-demo.sh: keeping intermediate files in $work"
fi

py() { python3 "$here/build_demo.py" "$@"; }
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }

# 1. speech -> master.wav (22050 Hz) + timeline.json
py synth script.txt "$work"

# 2. 44100 Hz master, then the MP3
ff -i "$work/master.wav" -af aresample=44100 -c:a pcm_s16le -fflags +bitexact \
   -flags:a +bitexact "$work/master44.wav"

title="$(sed -n 's/^meta title = //p' script.txt)"
podcast="$(sed -n 's/^meta podcast = //p' script.txt)"
ff -i "$work/master44.wav" -map_metadata -1 \
   -c:a libmp3lame -q:a 6 -ac 1 -ar 44100 -write_xing 1 \
   -id3v2_version 3 -metadata title="$title" -metadata album="$podcast" \
   -metadata artist="$podcast" -metadata genre="Podcast" \
   -metadata copyright="CC0 1.0 - original work" \
   -fflags +bitexact -flags:a +bitexact \
   "$work/demo.mp3"
mv "$work/demo.mp3" "$here/demo.mp3"

# 3. decode it back (ffmpeg honours the LAME delay/padding) and write the text files
ff -i demo.mp3 -f s16le -ac 1 -ar 44100 "$work/decoded.raw"
py write script.txt "$work" "$here"

# 4. check
py verify "$work" "$here"

ls -l demo.mp3 demo.vtt demo.txt episode.json

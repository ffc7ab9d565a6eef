#!/usr/bin/env python3
"""Would an acoustic model tell a well-placed line from a misplaced one? (issue 17)

Checks each line of an aligned episode with PocketSphinx's en-US model, through
Debian's own library (libpocketsphinx3 0.8+5prealpha, pocketsphinx-en-us): the
line's words as a one-sentence JSGF grammar, decoded over the line's placed audio
(200 ms either side). A line whose words the decoder cannot reach the end of
"fails"; otherwise its score is the words' acoustic score per 10 ms frame (senone
scores are relative to each frame's best, so 0 is perfect). The same is done at the
line's true place, from the episode's truth.json.

    tests/bench/acoustic_check.py EPISODE_DIR [--lines] [--wide]

EPISODE_DIR is what tests/fixtures/align/make-episode.py writes (episode.wav,
transcript.txt, truth.json). The alignment is `earmark-cli align --json`, from
$EARMARK_CLI or $CARGO_TARGET_DIR/release/earmark-cli. Prints a summary (and each
line with --lines; --wide widens the decoder's beams). Needs sox and the two Debian
packages. A line with a word not in the model's dictionary, or not placed, is not
checked. Results: docs/decisions.md, "An acoustic check of placed lines".
"""

import ctypes as C
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODEL = Path("/usr/share/pocketsphinx/model/en-us")
RATE = 16000
PAD_MS = 200
#: With --wide: beams far wider than PocketSphinx's defaults (1e-48, 1e-29, 1e-48), so
#: that a line in a voice the model scores poorly is followed to its end where it is.
WIDE_BEAMS = (b"-beam", b"1e-80", b"-wbeam", b"1e-60", b"-pbeam", b"1e-80")
#: A line placed within this of its true start counts as well placed.
WELL_PLACED_MS = 300


class Checker:
    """One PocketSphinx decoder, a grammar per line."""

    def __init__(self, beams=()):
        sphinxbase = C.CDLL("libsphinxbase.so.3")
        self.ps = ps = C.CDLL("libpocketsphinx.so.3")
        ps.ps_args.restype = C.c_void_p
        sphinxbase.cmd_ln_init.restype = C.c_void_p
        ps.ps_init.restype = C.c_void_p
        ps.ps_init.argtypes = [C.c_void_p]
        ps.ps_lookup_word.restype = C.c_char_p
        ps.ps_get_hyp.restype = C.c_char_p
        ps.ps_seg_iter.restype = C.c_void_p
        ps.ps_seg_next.restype = C.c_void_p
        ps.ps_seg_word.restype = C.c_char_p
        config = sphinxbase.cmd_ln_init(
            None, C.c_void_p(ps.ps_args()), 1,
            b"-hmm", str(MODEL / "en-us").encode(),
            b"-dict", str(MODEL / "cmudict-en-us.dict").encode(),
            b"-logfn", b"/dev/null", b"-bestpath", b"no", *beams, None)
        self.decoder = C.c_void_p(ps.ps_init(C.c_void_p(config)))
        self.searches = 0

    def knows(self, words):
        return all(self.ps.ps_lookup_word(self.decoder, w.encode()) for w in words)

    def score(self, pcm, words):
        """Score per frame of `words` said over `pcm` (16-bit, 16 kHz), None if not reached."""
        ps, decoder = self.ps, self.decoder
        self.searches += 1
        name = f"line{self.searches}".encode()
        grammar = f"#JSGF V1.0; grammar line; public <line> = {' '.join(words)};"
        if ps.ps_set_jsgf_string(decoder, name, grammar.encode()) < 0:
            return None
        ps.ps_set_search(decoder, name)
        ps.ps_start_utt(decoder)
        ps.ps_process_raw(decoder, pcm, len(pcm) // 2, 0, 1)
        ps.ps_end_utt(decoder)
        hyp = ps.ps_get_hyp(decoder, C.byref(C.c_int32()))
        if not hyp or hyp.decode() != " ".join(words):
            return None
        frames = total = 0
        seg = ps.ps_seg_iter(decoder)
        while seg:
            word = ps.ps_seg_word(C.c_void_p(seg))
            start, end = C.c_int(), C.c_int()
            ascr, lscr, lback = C.c_int32(), C.c_int32(), C.c_int32()
            ps.ps_seg_frames(C.c_void_p(seg), C.byref(start), C.byref(end))
            ps.ps_seg_prob(C.c_void_p(seg), C.byref(ascr), C.byref(lscr), C.byref(lback))
            if not word.startswith((b"<", b"[")):
                frames += end.value - start.value + 1
                total += ascr.value
            seg = ps.ps_seg_next(C.c_void_p(seg))
        return total / max(1, frames)


def words_of(text):
    return re.sub(r"[^a-z' ]", " ", text.lower().replace("-", " ")).split()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    episode = Path(args[0])
    cli = os.environ.get("EARMARK_CLI") or str(
        Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "release/earmark-cli")
    with tempfile.TemporaryDirectory() as work:
        aligned = json.loads(subprocess.run(
            [cli, "align", str(episode / "episode.wav"), str(episode / "transcript.txt"),
             "--json", "--data-dir", work],
            check=True, capture_output=True, text=True).stdout)["segments"]
        raw = Path(work) / "episode.raw"
        subprocess.run(["sox", str(episode / "episode.wav"), "-r", str(RATE), "-c", "1",
                        "-b", "16", "-e", "signed", str(raw)], check=True)
        audio = raw.read_bytes()
    truth = json.loads((episode / "truth.json").read_text())["segments"]
    checker = Checker(WIDE_BEAMS if "--wide" in sys.argv else ())

    def check(start_ms, end_ms, words):
        a, b = max(0, start_ms - PAD_MS), end_ms + PAD_MS
        return checker.score(audio[a * RATE // 1000 * 2:b * RATE // 1000 * 2], words)

    began, checked_ms = time.process_time(), 0
    rows = []
    for placed, true in zip(aligned, truth):
        words = words_of(placed["text"])
        if placed.get("start_ms") is None or not checker.knows(words):
            continue
        here = check(placed["start_ms"], placed["end_ms"], words)
        checked_ms += placed["end_ms"] - placed["start_ms"] + 2 * PAD_MS
        if not true["spoken"]:
            rows.append(("unspoken", None, here, None, placed["text"]))
            continue
        off = placed["start_ms"] - true["start_ms"]
        there = check(true["start_ms"], true["end_ms"], words)
        kind = "well placed" if abs(off) <= WELL_PLACED_MS else "misplaced"
        rows.append((kind, off, here, there, placed["text"]))
    cpu = time.process_time() - began

    show = lambda s: "fails" if s is None else f"{s:.0f}"
    if "--lines" in sys.argv:
        for kind, off, here, there, text in rows:
            true_place = "" if kind == "unspoken" else f"true {show(there):>6}"
            print(f"{kind:12} {'' if off is None else off:>7} placed {show(here):>6}"
                  f" {true_place:11}  {text[:50]}")
    print(f"episode: {episode}")
    for kind in ("well placed", "misplaced", "unspoken"):
        scores = [r[2] for r in rows if r[0] == kind]
        reached = [s for s in scores if s is not None]
        spread = (f"scores {min(reached):.0f} to {max(reached):.0f}, median "
                  f"{statistics.median(reached):.0f}" if reached else "no scores")
        print(f"  {kind:12} {len(scores):4} lines, {len(scores) - len(reached):3} fail; {spread}")
    moved = [r[3] for r in rows if r[0] == "misplaced" and r[3] is not None]
    if moved:
        print(f"  misplaced lines at their true place: scores {min(moved):.0f} to {max(moved):.0f}")
    # Only the placed windows count toward the speed: the true places are the test's.
    print(f"  checked {checked_ms / 1000:.0f} s of audio, {cpu:.1f} s CPU in all "
          f"(placed and true windows)")


if __name__ == "__main__":
    main()

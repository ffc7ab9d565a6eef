#!/usr/bin/env python3
"""Write a long WebVTT transcript for benchmarks: make-long-transcript.py OUT [CUES] [HOURS]

Defaults: 10,000 cues over 4 hours, three speakers taking turns, lines of 4 to 41
words (varied, so the transcript view's rows have different heights).
"""

import sys

WORDS = (
    "memory notes listening transcript shorthand retrieval practice spacing curve speech "
    "attention reading highlight moment episode question answer example history machine"
).split()


def clock(ms: int) -> str:
    return f"{ms // 3_600_000:02}:{ms // 60_000 % 60:02}:{ms // 1000 % 60:02}.{ms % 1000:03}"


def main() -> None:
    out = sys.argv[1]
    cues = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    hours = float(sys.argv[3]) if len(sys.argv) > 3 else 4.0
    step = int(hours * 3_600_000) // cues
    lines = ["WEBVTT", ""]
    for i in range(cues):
        start, end = i * step, i * step + step - 100
        length = 4 + (i * 7919) % 38
        text = " ".join(WORDS[(i * 3 + k) % len(WORDS)] for k in range(length))
        speaker = ("Maya", "Ines", "Theo")[(i // 3) % 3]
        lines += [f"{clock(start)} --> {clock(end)}", f"<v {speaker}>Line {i}: {text}.", ""]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()

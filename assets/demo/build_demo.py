#!/usr/bin/env python3
"""Build the Earmark demo episode from script.txt (Python 3 standard library only).

Called by make-demo.sh, which documents the steps. Subcommands:

  build_demo.py synth  SCRIPT WORKDIR   speak every sentence with espeak-ng, trim its
                                        silence, assemble WORKDIR/master.wav (22050 Hz
                                        mono s16) and WORKDIR/timeline.json (sample exact)
  build_demo.py write  SCRIPT WORKDIR OUTDIR
                                        write demo.vtt, demo.txt and episode.json; the
                                        duration comes from WORKDIR/decoded.raw, the MP3
                                        decoded back by ffmpeg
  build_demo.py verify WORKDIR OUTDIR   check demo.vtt against the decoded MP3 and print
                                        the numbers; exits non-zero if a check fails

Everything is deterministic: the same script.txt and the same espeak-ng and ffmpeg
versions give byte-identical output.
"""

import array
import json
import math
import os
import re
import subprocess
import sys
import wave

SYNTH_RATE = 22050          # espeak-ng's native output rate
OUT_RATE = 44100            # rate of the published MP3 (set in make-demo.sh too)

LEAD_IN_MS = 400            # silence before the first word
TAIL_MS = 900               # silence after the last word
# Pauses between turns, used in turn order and cycled: varied, 350-900 ms.
TURN_GAPS_MS = [520, 380, 760, 450, 880, 610, 410, 690, 550, 830, 360, 640, 470, 720]
# Pauses between sentences of one turn, cycled.
SENTENCE_GAPS_MS = [230, 300, 260, 200, 280]
PARAGRAPH_GAP_MS = 480      # a "+" paragraph inside a turn: a breath
# Trimming of espeak-ng's own leading and trailing silence.
TRIM_THRESHOLD = 200        # |sample| above this counts as sound (about -44 dBFS)
ONSET_PAD_MS = 5            # keep this much before the first loud sample
RELEASE_PAD_MS = 25         # keep this much after the last loud sample
FADE_MS = 3                 # tiny fade at both piece edges, so no click
TARGET_RMS = 3000.0         # per-speaker loudness target (s16), about -21 dBFS RMS


# ---------------------------------------------------------------------------
# script.txt


def parse_script(path):
    meta, voices, turns = {}, {}, []
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{path}:{lineno}"
            if line.startswith("meta "):
                key, _, value = line[5:].partition("=")
                meta[key.strip()] = value.strip()
            elif line.startswith("voice "):
                parts = [p.strip() for p in line[6:].split("|")]
                if len(parts) != 5:
                    sys.exit(f"{where}: voice needs ID | Name | espeak voice | speed | pitch")
                vid, name, voice, speed, pitch = parts
                voices[vid] = {"name": name, "voice": voice,
                               "speed": int(speed), "pitch": int(pitch)}
            elif line.startswith("+"):
                if not turns:
                    sys.exit(f"{where}: '+' continuation before any turn")
                turns[-1]["paragraphs"].append(line[1:].strip())
            else:
                m = re.match(r"^([A-Za-z0-9_-]+):\s+(.+)$", line)
                if not m or m.group(1) not in voices:
                    sys.exit(f"{where}: expected 'ID: text' with a declared voice ID")
                turns.append({"speaker": m.group(1), "paragraphs": [m.group(2)]})
    for key in ("title", "podcast", "description"):
        if key not in meta:
            sys.exit(f"{path}: missing 'meta {key} = ...'")
    return meta, voices, turns


def split_sentences(paragraph):
    """Sentences end at . ? or ! (plus an optional closing quote) before a space."""
    found = re.findall(r'.+?[.?!]+["\u201d]?(?=\s|$)|.+$', paragraph.strip())
    return [s.strip() for s in found if s.strip()]


# ---------------------------------------------------------------------------
# audio helpers (mono s16)


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2:
            sys.exit(f"{path}: expected mono 16-bit audio")
        rate = w.getframerate()
        data = array.array("h")
        data.frombytes(w.readframes(w.getnframes()))
    if sys.byteorder != "little":
        data.byteswap()
    return rate, data


def write_wav(path, rate, samples):
    data = array.array("h", samples)
    if sys.byteorder != "little":
        data.byteswap()
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(data.tobytes())


def read_raw_s16(path):
    data = array.array("h")
    with open(path, "rb") as f:
        data.frombytes(f.read())
    if sys.byteorder != "little":
        data.byteswap()
    return data


def ms_to_samples(ms, rate):
    return int(round(ms * rate / 1000.0))


def trim(samples, rate):
    """Cut espeak-ng's leading/trailing silence; return the kept slice."""
    first = next((i for i, x in enumerate(samples) if abs(x) > TRIM_THRESHOLD), None)
    if first is None:
        sys.exit("espeak-ng produced silence")
    last = next(i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > TRIM_THRESHOLD)
    start = max(0, first - ms_to_samples(ONSET_PAD_MS, rate))
    end = min(len(samples), last + 1 + ms_to_samples(RELEASE_PAD_MS, rate))
    return samples[start:end]


def rms(samples):
    if not samples:
        return 0.0
    return math.sqrt(sum(x * x for x in samples) / len(samples))


def speak(text, voice, path):
    cmd = ["espeak-ng", "-v", voice["voice"], "-s", str(voice["speed"]),
           "-p", str(voice["pitch"]), "-w", path, "--", text]
    subprocess.run(cmd, check=True)


# ---------------------------------------------------------------------------
# synth


def cmd_synth(script, workdir):
    meta, voices, turns = parse_script(script)
    os.makedirs(workdir, exist_ok=True)

    # 1. Speak every sentence on its own and trim it.
    pieces = []          # one per sentence, in order
    n = 0
    for t_index, turn in enumerate(turns):
        voice = voices[turn["speaker"]]
        for p_index, para in enumerate(turn["paragraphs"]):
            for s_index, sentence in enumerate(split_sentences(para)):
                n += 1
                wav = os.path.join(workdir, f"s{n:03d}.wav")
                speak(sentence, voice, wav)
                rate, samples = read_wav(wav)
                if rate != SYNTH_RATE:
                    sys.exit(f"{wav}: espeak-ng wrote {rate} Hz, expected {SYNTH_RATE}")
                pieces.append({"turn": t_index, "paragraph": p_index,
                               "sentence": s_index, "speaker": turn["speaker"],
                               "text": sentence, "samples": trim(samples, rate)})

    # 2. One gain per speaker, so the three voices sit at the same loudness.
    gains = {}
    for vid in voices:
        mine = [p["samples"] for p in pieces if p["speaker"] == vid]
        if not mine:
            continue
        total = sum(len(s) for s in mine)
        power = sum(sum(x * x for x in s) for s in mine) / total
        peak = max(max(abs(x) for x in s) for s in mine)
        gain = TARGET_RMS / math.sqrt(power)
        gain = min(gain, 30000.0 / peak)        # never clip
        gains[vid] = round(gain, 4)

    # 3. Assemble with pauses, fading the piece edges.
    out = array.array("h", bytes(2 * ms_to_samples(LEAD_IN_MS, SYNTH_RATE)))
    fade = ms_to_samples(FADE_MS, SYNTH_RATE)
    cues = []
    turn_gap_i = 0
    sentence_gap_i = 0
    prev = None
    for piece in pieces:
        if prev is not None:
            if piece["turn"] != prev["turn"]:
                gap = TURN_GAPS_MS[turn_gap_i % len(TURN_GAPS_MS)]
                turn_gap_i += 1
            elif piece["paragraph"] != prev["paragraph"]:
                gap = PARAGRAPH_GAP_MS
            else:
                gap = SENTENCE_GAPS_MS[sentence_gap_i % len(SENTENCE_GAPS_MS)]
                sentence_gap_i += 1
            out.extend(array.array("h", bytes(2 * ms_to_samples(gap, SYNTH_RATE))))
        g = gains[piece["speaker"]]
        s = piece["samples"]
        count = len(s)
        scaled = array.array("h")
        for i, x in enumerate(s):
            env = 1.0
            if i < fade:
                env = i / fade
            elif i >= count - fade:
                env = (count - 1 - i) / fade
            v = int(round(x * g * env))
            scaled.append(max(-32768, min(32767, v)))
        start = len(out)
        out.extend(scaled)
        cues.append({"start": start, "end": len(out), "speaker": piece["speaker"],
                     "turn": piece["turn"], "paragraph": piece["paragraph"],
                     "text": piece["text"]})
        prev = piece
    out.extend(array.array("h", bytes(2 * ms_to_samples(TAIL_MS, SYNTH_RATE))))

    write_wav(os.path.join(workdir, "master.wav"), SYNTH_RATE, out)
    with open(os.path.join(workdir, "timeline.json"), "w", encoding="utf-8") as f:
        json.dump({"rate": SYNTH_RATE, "samples": len(out), "gains": gains,
                   "cues": cues}, f, indent=1)
    secs = len(out) / SYNTH_RATE
    print(f"synth: {len(pieces)} sentences, {len(turns)} turns, {secs:.3f} s, gains {gains}")


# ---------------------------------------------------------------------------
# write


def vtt_time(ms):
    h, rem = divmod(ms, 3600000)
    m, rem = divmod(rem, 60000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def vtt_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def samples_to_ms(n, rate):
    return int(round(n * 1000.0 / rate))


def cmd_write(script, workdir, outdir):
    meta, voices, turns = parse_script(script)
    with open(os.path.join(workdir, "timeline.json"), encoding="utf-8") as f:
        tl = json.load(f)
    rate = tl["rate"]

    decoded = os.path.getsize(os.path.join(workdir, "decoded.raw")) // 2
    duration_ms = samples_to_ms(decoded, OUT_RATE)
    master_ms = samples_to_ms(tl["samples"], rate)
    if abs(duration_ms - master_ms) > 1:
        sys.exit(f"decoded MP3 is {duration_ms} ms but the master is {master_ms} ms: "
                 "encoder delay/padding not honoured?")

    # demo.vtt: one cue per sentence, times from the sample-exact timeline.
    lines = ["WEBVTT", "",
             f"NOTE {meta['podcast']} — {meta['title']}. Original work, CC0 1.0.",
             "Generated by make-demo.sh from script.txt; do not edit by hand.", ""]
    for i, cue in enumerate(tl["cues"], 1):
        start = samples_to_ms(cue["start"], rate)
        end = samples_to_ms(cue["end"], rate)
        name = voices[cue["speaker"]]["name"]
        lines += [str(i), f"{vtt_time(start)} --> {vtt_time(end)}",
                  f"<v {name}>{vtt_escape(cue['text'])}", ""]
    with open(os.path.join(outdir, "demo.vtt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))

    # demo.txt: website-style, untimed. "Name: paragraph", blank line between
    # paragraphs; a "+" paragraph continues the same speaker without a name.
    paras = [meta["title"]]
    for turn in turns:
        name = voices[turn["speaker"]]["name"]
        for p_index, para in enumerate(turn["paragraphs"]):
            paras.append(f"{name}: {para}" if p_index == 0 else para)
    with open(os.path.join(outdir, "demo.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n\n".join(paras) + "\n")

    episode = {
        "title": meta["title"],
        "podcast": meta["podcast"],
        "description": meta["description"],
        "audio": "demo.mp3",
        "transcript": "demo.vtt",
        "untimed_transcript": "demo.txt",
        "duration_ms": duration_ms,
    }
    with open(os.path.join(outdir, "episode.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(episode, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"write: {len(tl['cues'])} cues, duration {duration_ms} ms ({decoded} samples at {OUT_RATE} Hz)")


# ---------------------------------------------------------------------------
# verify


def parse_vtt(path):
    cues = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for block in text.split("\n\n"):
        m = re.search(r"(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})", block)
        if not m:
            continue
        g = [int(x) for x in m.groups()]
        start = ((g[0] * 60 + g[1]) * 60 + g[2]) * 1000 + g[3]
        end = ((g[4] * 60 + g[5]) * 60 + g[6]) * 1000 + g[7]
        cues.append((start, end, block.strip().splitlines()[-1]))
    return cues


def lame_tag(path):
    """Encoder delay and padding from the LAME tag that follows the Xing/Info header."""
    with open(path, "rb") as f:
        data = f.read(16384)
    pos = 0
    if data[:3] == b"ID3":
        size = 0
        for byte in data[6:10]:
            size = (size << 7) | (byte & 0x7F)
        pos = 10 + size
    x = -1
    for tag in (b"Xing", b"Info"):
        x = data.find(tag, pos, pos + 200)
        if x >= 0:
            break
    if x < 0:
        return None
    flags = int.from_bytes(data[x + 4:x + 8], "big")
    frames = int.from_bytes(data[x + 8:x + 12], "big") if flags & 1 else None
    off = x + 8 + (4 if flags & 1 else 0) + (4 if flags & 2 else 0) \
        + (100 if flags & 4 else 0) + (4 if flags & 8 else 0)
    b = data[off + 21:off + 24]
    return {"header": data[x:x + 4].decode(), "frames": frames,
            "encoder": data[off:off + 9].decode("latin-1").rstrip("\0 "),
            "delay": (b[0] << 4) | (b[1] >> 4), "padding": ((b[1] & 0x0F) << 8) | b[2]}


def first_above(samples, lo, hi, threshold):
    """First index in [lo, hi) whose |sample| exceeds threshold, or None."""
    for i in range(max(0, lo), min(len(samples), hi)):
        if abs(samples[i]) > threshold:
            return i
    return None


def norm_corr(a, b, start, length, lag):
    """Normalised correlation of a[start:start+length] with b shifted by lag."""
    x = a[start:start + length]
    y = b[start + lag:start + lag + length]
    sxy = sum(p * q for p, q in zip(x, y))
    sxx = sum(p * p for p in x)
    syy = sum(q * q for q in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def db(x):
    return 20 * math.log10(max(x, 1e-9) / 32768.0)


def cmd_verify(workdir, outdir):
    rate = OUT_RATE
    dec = read_raw_s16(os.path.join(workdir, "decoded.raw"))
    ref_rate, ref = read_wav(os.path.join(workdir, "master44.wav"))
    assert ref_rate == rate
    cues = parse_vtt(os.path.join(outdir, "demo.vtt"))
    with open(os.path.join(outdir, "episode.json"), encoding="utf-8") as f:
        episode = json.load(f)
    failures = []

    def check(ok, msg):
        if not ok:
            failures.append(msg)

    dur_ms = len(dec) * 1000.0 / rate
    print(f"decoded MP3: {len(dec)} samples at {rate} Hz = {dur_ms:.2f} ms; "
          f"episode.json duration_ms = {episode['duration_ms']}")
    print(f"44.1 kHz master: {len(ref)} samples (difference {len(dec) - len(ref)})")
    check(len(dec) == len(ref), "decoded length differs from the master")
    check(abs(episode["duration_ms"] - dur_ms) <= 1, "duration_ms does not match")
    check(120000 <= dur_ms <= 240000, "duration outside 2-4 minutes")
    tag = lame_tag(os.path.join(outdir, "demo.mp3"))
    print(f"gapless tag: {tag}")
    check(tag is not None and tag["delay"] > 0, "no LAME/Xing gapless tag in the MP3")

    # Sample alignment of the decoded MP3 against the master: normalised correlation
    # over half a second of speech at several cues, at lag 0 and at the offsets a
    # decoder that ignored the gapless tag (or got it half right) would produce.
    lags = [0, 1, -1, 529, 576, 1105, -529, -576, -1105]
    corr_lines, aligned = [], True
    for k in range(0, len(cues), max(1, len(cues) // 6)):
        s0 = ms_to_samples(cues[k][0], rate)
        length = min(ms_to_samples(500, rate), ms_to_samples(cues[k][1], rate) - s0)
        c = {lag: norm_corr(ref, dec, s0, length, lag) for lag in lags}
        best = max(c, key=c.get)
        aligned = aligned and best == 0
        other = max(v for lag, v in c.items() if lag != 0)
        corr_lines.append(f"#{k + 1}: lag0 {c[0]:.4f}, best other {other:.4f}")
    print("alignment, decoded MP3 vs master (normalised correlation):")
    print("  " + "; ".join(corr_lines))
    check(aligned, "decoded MP3 is not sample-aligned to the master")

    # Per cue: first sample above -44 dBFS in the decoded MP3 and in the master,
    # against the VTT start time; and the level inside the cue.
    thr = 200
    deltas, vs_master, levels = [], [], []
    for i, (start, end, text) in enumerate(cues, 1):
        s0, s1 = ms_to_samples(start, rate), ms_to_samples(end, rate)
        lo = s0 - ms_to_samples(150, rate)
        o = first_above(dec, lo, s1, thr)
        m = first_above(ref, lo, s1, thr)
        if o is None or m is None:
            check(False, f"cue {i}: no speech found")
            continue
        d = (o - s0) * 1000.0 / rate
        deltas.append(d)
        vs_master.append((o - m) * 1000.0 / rate)
        check(-20 <= d <= 20, f"cue {i}: onset {d:+.1f} ms from the VTT start")
        level = db(rms(dec[s0:s1]))
        levels.append(level)
        check(level > -35, f"cue {i}: only {level:.1f} dBFS RMS")
    print(f"onsets ({len(deltas)} cues), first sample above -44 dBFS in the decoded MP3 "
          f"minus VTT start: min {min(deltas):+.1f}, max {max(deltas):+.1f}, "
          f"mean {sum(deltas) / len(deltas):+.1f} ms")
    print("  cues 1-8: " + ", ".join(f"{d:+.1f}" for d in deltas[:8]) + " ms")
    print(f"  same onset, decoded MP3 minus master: min {min(vs_master):+.2f}, "
          f"max {max(vs_master):+.2f} ms")
    print(f"cue loudness (RMS over each cue): min {min(levels):.1f}, "
          f"max {max(levels):.1f} dBFS")

    # Gaps between cues (and lead-in / tail) must be silent.
    edges = [0] + [x for s, e, _ in cues for x in (s, e)] + [int(dur_ms)]
    worst, gaps = -200.0, 0
    gap_lengths = []
    for k in range(0, len(edges), 2):
        g0, g1 = edges[k], edges[k + 1]
        if k > 0 and k < len(edges) - 2:
            gap_lengths.append(g1 - g0)
        a = ms_to_samples(g0 + 10, rate) if k > 0 else 0
        b = ms_to_samples(g1 - 10, rate)
        if b <= a:
            continue
        gaps += 1
        peak = max(abs(x) for x in dec[a:b])
        worst = max(worst, db(peak))
    print(f"gaps: {gaps} silent stretches checked (10 ms in from each cue edge), "
          f"loudest peak {worst:.1f} dBFS; gap lengths {min(gap_lengths)}-{max(gap_lengths)} ms")
    check(worst < -50, "a gap between cues is not silent")

    if failures:
        print("VERIFY FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("verify: all checks passed")


def main(argv):
    if len(argv) >= 4 and argv[1] == "synth":
        cmd_synth(argv[2], argv[3])
    elif len(argv) >= 5 and argv[1] == "write":
        cmd_write(argv[2], argv[3], argv[4])
    elif len(argv) >= 4 and argv[1] == "verify":
        cmd_verify(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

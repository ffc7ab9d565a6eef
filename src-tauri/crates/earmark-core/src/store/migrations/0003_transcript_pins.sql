-- Earmark library, schema version 3: pinned transcript lines, and the pauses found
-- in audio files.
-- "This line starts now": the user fixes a segment of an untimed transcript to a
-- moment of the audio, and the times between pins are estimated again.

CREATE TABLE transcript_pins (
    episode_id    INTEGER NOT NULL REFERENCES transcripts(episode_id) ON DELETE CASCADE,
    -- The segment's index in the stored transcript (segments_json order).
    segment_index INTEGER NOT NULL CHECK (segment_index >= 0),
    start_ms      INTEGER NOT NULL CHECK (start_ms >= 0),
    -- Order of pinning within the episode: where pins contradict, the newest wins.
    seq           INTEGER NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (episode_id, segment_index)
);

-- Pins point at segments by index: a replaced transcript's pins mean nothing.
CREATE TRIGGER transcript_pins_reset AFTER UPDATE OF segments_json ON transcripts
WHEN old.segments_json IS NOT new.segments_json
BEGIN
    DELETE FROM transcript_pins WHERE episode_id = new.episode_id;
END;

-- The pauses found in an audio file's loudness (where paragraphs of an untimed
-- transcript are snapped to), valid while the file's size and modification time are
-- unchanged; `pauses_json` is a list of {"start_ms", "end_ms"}.
CREATE TABLE audio_pauses (
    audio_path  TEXT PRIMARY KEY,
    file_size   INTEGER NOT NULL,
    mtime_ns    INTEGER NOT NULL,
    pauses_json TEXT NOT NULL CHECK (json_valid(pauses_json))
);

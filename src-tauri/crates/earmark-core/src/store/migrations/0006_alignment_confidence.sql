-- Earmark library, schema version 6: how sure the aligner was of each line.
-- After "Align to audio", each segment of the stored transcript has a confidence
-- (0 to 1); a line under the aligner's flag threshold was not found in the audio
-- (never spoken, or its time is a guess) and the window marks it.

CREATE TABLE transcript_confidence (
    episode_id      INTEGER PRIMARY KEY REFERENCES transcripts(episode_id) ON DELETE CASCADE,
    -- One number per segment, in segments_json order.
    confidence_json TEXT NOT NULL CHECK (json_valid(confidence_json)),
    aligned_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The confidences belong to the times the aligner gave: a transcript replaced,
-- re-timed or moved by hand keeps none.
CREATE TRIGGER transcript_confidence_reset AFTER UPDATE OF segments_json ON transcripts
WHEN old.segments_json IS NOT new.segments_json
BEGIN
    DELETE FROM transcript_confidence WHERE episode_id = new.episode_id;
END;

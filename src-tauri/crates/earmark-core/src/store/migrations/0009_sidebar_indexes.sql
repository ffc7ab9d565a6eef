-- Earmark library, schema version 9: what the sidebar counts without reading every
-- episode (a library of 200,000 episodes carries their show notes in the same rows):
-- the new episodes of each show, and the episode opened last.

CREATE INDEX episodes_new ON episodes(podcast_id)
    WHERE played = 0 AND position_ms = 0 AND last_opened_at IS NULL;
CREATE INDEX episodes_last_opened ON episodes(last_opened_at)
    WHERE last_opened_at IS NOT NULL;

-- Earmark library, schema version 8: when each feed was last checked, how often it
-- says it changes (podcast:updateFrequency, sy:updatePeriod) and, when its server
-- asked to slow down (429, 503 with Retry-After) or kept failing so, the time before
-- which it is not asked again and how many times in a row that happened.

CREATE TABLE feed_schedule (
    podcast_id   INTEGER PRIMARY KEY REFERENCES podcasts(id) ON DELETE CASCADE,
    checked_at   INTEGER,
    update_secs  INTEGER,
    not_before   INTEGER,
    busy_strikes INTEGER NOT NULL DEFAULT 0
);

-- Earmark library, schema version 7: what a feed's server said identifies the version
-- it sent last (its ETag and Last-Modified), so the next check asks "has it changed?"
-- (If-None-Match, If-Modified-Since) and an unchanged feed costs a 304 and nothing
-- more. Kept per address: a feed that moved starts again without them.

CREATE TABLE feed_validators (
    podcast_id    INTEGER PRIMARY KEY REFERENCES podcasts(id) ON DELETE CASCADE,
    feed_url      TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT
);

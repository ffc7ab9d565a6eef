-- Earmark library, schema version 1.
-- Timestamps are RFC 3339 UTC text ('2024-05-01T12:00:00Z'); durations and positions
-- are integer milliseconds of media time; booleans are 0/1.

CREATE TABLE podcasts (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    feed_url    TEXT UNIQUE,
    description TEXT,
    image_url   TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE episodes (
    id             INTEGER PRIMARY KEY,
    podcast_id     INTEGER REFERENCES podcasts(id) ON DELETE SET NULL,
    guid           TEXT,
    title          TEXT NOT NULL,
    description    TEXT,
    published      TEXT,
    audio_path     TEXT,
    audio_url      TEXT,
    duration_ms    INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
    position_ms    INTEGER NOT NULL DEFAULT 0 CHECK (position_ms >= 0),
    played         INTEGER NOT NULL DEFAULT 0 CHECK (played IN (0, 1)),
    last_opened_at TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- A feed refresh finds the episodes it already has by guid.
CREATE UNIQUE INDEX episodes_podcast_guid ON episodes(podcast_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX episodes_podcast_published ON episodes(podcast_id, published DESC, id);
CREATE INDEX episodes_audio_path ON episodes(audio_path) WHERE audio_path IS NOT NULL;

CREATE TABLE transcripts (
    episode_id    INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    format        TEXT NOT NULL,
    timed         INTEGER NOT NULL CHECK (timed IN (0, 1)),
    source_path   TEXT,
    -- The serialized Vec<Segment> (design.md §6 segment shape).
    segments_json TEXT NOT NULL,
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    at_ms      INTEGER NOT NULL CHECK (at_ms >= 0),
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX notes_episode_at ON notes(episode_id, at_ms, id);

CREATE TABLE highlights (
    id         INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    start_ms   INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms     INTEGER NOT NULL CHECK (end_ms >= start_ms),
    text       TEXT NOT NULL,
    color      TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX highlights_episode_start ON highlights(episode_id, start_ms, id);

-- Opaque seek tables the player builds for an audio file, valid while the file's
-- size and modification time are unchanged.
CREATE TABLE seek_index (
    audio_path TEXT PRIMARY KEY,
    file_size  INTEGER NOT NULL,
    mtime_ns   INTEGER NOT NULL,
    data       BLOB NOT NULL
);

-- App settings: one JSON document per key.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
);

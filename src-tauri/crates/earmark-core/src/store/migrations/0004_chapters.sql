-- Earmark library: chapters, and what a feed says about an episode beyond the
-- episodes table (its transcript and chapters links, the enclosure's type, people).
--
-- Numbered 0004: 0003 and 0004 are other migrations. Whatever order they land in,
-- this one only adds tables.

-- Chapters of an episode, from the feed's Podcasting 2.0 JSON chapters or from tags
-- embedded in the audio file (ID3 CHAP/CTOC, MP4 chapter lists). One source at a time
-- per episode: storing chapters replaces the episode's previous ones.
CREATE TABLE chapters (
    id         INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    start_ms   INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms     INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
    title      TEXT NOT NULL,
    url        TEXT,
    image_url  TEXT,
    source     TEXT NOT NULL CHECK (source IN ('feed', 'id3', 'mp4'))
);
CREATE INDEX chapters_episode_start ON chapters(episode_id, start_ms, id);

-- Links a feed gives for an episode: its audio ('enclosure', with the claimed type and
-- size), its transcripts ('transcript', with type, language, rel) and its chapters
-- document ('chapters'). Replaced whole on every refresh.
CREATE TABLE episode_links (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('enclosure', 'transcript', 'chapters')),
    position   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    mime       TEXT,
    length     INTEGER,
    language   TEXT,
    rel        TEXT,
    PRIMARY KEY (episode_id, kind, position)
) WITHOUT ROWID;

-- People a feed names for an episode (podcast:person).
CREATE TABLE episode_people (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    role       TEXT,
    href       TEXT,
    PRIMARY KEY (episode_id, position)
) WITHOUT ROWID;

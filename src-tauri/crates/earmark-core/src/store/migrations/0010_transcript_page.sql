-- Earmark library, schema version 10: a transcript read from an episode's web page
-- keeps that page's address, and whether the page cut it off (it then covers only
-- the start of the episode: its times are not stretched over the rest).

ALTER TABLE transcripts ADD COLUMN page_url TEXT;
ALTER TABLE transcripts ADD COLUMN incomplete INTEGER NOT NULL DEFAULT 0 CHECK (incomplete IN (0, 1));

-- An episode's web page (the item's <link>) is kept with its other links, to read a
-- transcript from when the feed gives none: the kinds allowed grow by 'page'.
CREATE TABLE episode_links_v10 (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('enclosure', 'transcript', 'chapters', 'page')),
    position   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    mime       TEXT,
    length     INTEGER,
    language   TEXT,
    rel        TEXT,
    PRIMARY KEY (episode_id, kind, position)
) WITHOUT ROWID;
INSERT INTO episode_links_v10 SELECT * FROM episode_links;
DROP TABLE episode_links;
ALTER TABLE episode_links_v10 RENAME TO episode_links;

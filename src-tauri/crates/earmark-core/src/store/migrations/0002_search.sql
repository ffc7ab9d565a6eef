-- Earmark library, schema version 2: one full-text index over everything a user can
-- find again — transcript segments, notes, highlights, episode titles/descriptions.
--
-- `search_docs` holds one row per findable thing (its text and where it points);
-- `search_fts` is an external-content FTS5 index over `search_docs.body`.
-- Triggers on the source tables keep `search_docs` in step, and triggers on
-- `search_docs` keep the index in step, so any writer (the app, the CLI, the
-- sqlite3 shell) leaves the index right.
--
-- U+0002 and U+0003 are stripped from indexed text: search snippets use them as
-- match markers.

CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('transcript', 'note', 'highlight', 'episode')),
    -- note id, highlight id or segment index; NULL for the episode itself.
    source_id  INTEGER,
    at_ms      INTEGER,
    body       TEXT NOT NULL
);
CREATE INDEX search_docs_source ON search_docs(episode_id, kind, source_id);

CREATE VIRTUAL TABLE search_fts USING fts5(
    body,
    content = 'search_docs',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
END;

-- Index what a version-1 library already holds.
INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
SELECT id, 'episode', NULL, NULL,
       replace(replace(title || char(10) || coalesce(description, ''), char(2), ''), char(3), '')
FROM episodes;

INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
SELECT t.episode_id, 'transcript', CAST(j.key AS INTEGER), json_extract(j.value, '$.start_ms'),
       replace(replace(coalesce(json_extract(j.value, '$.text'), ''), char(2), ''), char(3), '')
FROM transcripts AS t, json_each(t.segments_json) AS j;

INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
SELECT episode_id, 'note', id, at_ms, replace(replace(text, char(2), ''), char(3), '')
FROM notes;

INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
SELECT episode_id, 'highlight', id, start_ms,
       replace(replace(text || coalesce(char(10) || note, ''), char(2), ''), char(3), '')
FROM highlights;

-- Episodes.
CREATE TRIGGER episodes_search_ai AFTER INSERT ON episodes BEGIN
    INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
    VALUES (new.id, 'episode', NULL, NULL,
            replace(replace(new.title || char(10) || coalesce(new.description, ''), char(2), ''), char(3), ''));
END;
CREATE TRIGGER episodes_search_au AFTER UPDATE OF title, description ON episodes BEGIN
    UPDATE search_docs
    SET body = replace(replace(new.title || char(10) || coalesce(new.description, ''), char(2), ''), char(3), '')
    WHERE episode_id = new.id AND kind = 'episode';
END;
CREATE TRIGGER episodes_search_ad AFTER DELETE ON episodes BEGIN
    DELETE FROM search_docs WHERE episode_id = old.id;
END;

-- Transcripts: one document per segment.
CREATE TRIGGER transcripts_search_ai AFTER INSERT ON transcripts BEGIN
    INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
    SELECT new.episode_id, 'transcript', CAST(j.key AS INTEGER), json_extract(j.value, '$.start_ms'),
           replace(replace(coalesce(json_extract(j.value, '$.text'), ''), char(2), ''), char(3), '')
    FROM json_each(new.segments_json) AS j;
END;
CREATE TRIGGER transcripts_search_au AFTER UPDATE ON transcripts BEGIN
    DELETE FROM search_docs WHERE episode_id = old.episode_id AND kind = 'transcript';
    INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
    SELECT new.episode_id, 'transcript', CAST(j.key AS INTEGER), json_extract(j.value, '$.start_ms'),
           replace(replace(coalesce(json_extract(j.value, '$.text'), ''), char(2), ''), char(3), '')
    FROM json_each(new.segments_json) AS j;
END;
CREATE TRIGGER transcripts_search_ad AFTER DELETE ON transcripts BEGIN
    DELETE FROM search_docs WHERE episode_id = old.episode_id AND kind = 'transcript';
END;

-- Notes.
CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
    VALUES (new.episode_id, 'note', new.id, new.at_ms, replace(replace(new.text, char(2), ''), char(3), ''));
END;
CREATE TRIGGER notes_search_au AFTER UPDATE OF text, at_ms ON notes BEGIN
    UPDATE search_docs
    SET at_ms = new.at_ms, body = replace(replace(new.text, char(2), ''), char(3), '')
    WHERE episode_id = old.episode_id AND kind = 'note' AND source_id = old.id;
END;
CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
    DELETE FROM search_docs WHERE episode_id = old.episode_id AND kind = 'note' AND source_id = old.id;
END;

-- Highlights: the quoted text plus the user's note on it.
CREATE TRIGGER highlights_search_ai AFTER INSERT ON highlights BEGIN
    INSERT INTO search_docs(episode_id, kind, source_id, at_ms, body)
    VALUES (new.episode_id, 'highlight', new.id, new.start_ms,
            replace(replace(new.text || coalesce(char(10) || new.note, ''), char(2), ''), char(3), ''));
END;
CREATE TRIGGER highlights_search_au AFTER UPDATE OF text, note, start_ms ON highlights BEGIN
    UPDATE search_docs
    SET at_ms = new.start_ms,
        body = replace(replace(new.text || coalesce(char(10) || new.note, ''), char(2), ''), char(3), '')
    WHERE episode_id = old.episode_id AND kind = 'highlight' AND source_id = old.id;
END;
CREATE TRIGGER highlights_search_ad AFTER DELETE ON highlights BEGIN
    DELETE FROM search_docs WHERE episode_id = old.episode_id AND kind = 'highlight' AND source_id = old.id;
END;

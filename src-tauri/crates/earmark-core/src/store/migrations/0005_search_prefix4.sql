-- Earmark library, schema version 5: the search index gets a prefix index for
-- four characters as well as two and three, so a four-letter prefix query
-- (`conv*`) reads one doclist instead of merging those of every `conv…` word.
-- An FTS5 table's options cannot be altered: it is made again and rebuilt from
-- `search_docs` (its external content). The triggers that keep it in step name
-- it, not its options, so they stay as they are.

DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5(
    body,
    content = 'search_docs',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

INSERT INTO search_fts(search_fts) VALUES ('rebuild');

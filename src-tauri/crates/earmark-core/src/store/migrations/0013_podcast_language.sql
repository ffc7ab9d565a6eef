-- Earmark library, schema version 13: a show keeps the language its feed names
-- (RSS <language>, Atom xml:lang), so speech recognition listens for the right one.

ALTER TABLE podcasts ADD COLUMN language TEXT;

-- Earmark library, schema version 11: an episode keeps its own picture's address (the
-- item's itunes:image), shown before the show's artwork.

ALTER TABLE episodes ADD COLUMN image_url TEXT;

-- Runs unchanged on H2 and PostgreSQL.
-- Responsive images: each image's placeholder, and which set of renditions it has, so that images uploaded
-- before a set existed are given it by a background job (RenditionBackfill) that claims one row at a time.

ALTER TABLE media ADD COLUMN dominant_color VARCHAR(7);
ALTER TABLE media ADD COLUMN blurhash VARCHAR(100);
ALTER TABLE media ADD COLUMN rendition_set INTEGER DEFAULT 0 NOT NULL;
-- Until when an instance holds the row to make its renditions; a crashed instance's claim simply runs out.
ALTER TABLE media ADD COLUMN rendering_until TIMESTAMP WITH TIME ZONE;

-- Documents have no renditions to make.
UPDATE media SET rendition_set = 2 WHERE kind = 'document';

CREATE INDEX ix_media_rendition_set ON media (rendition_set, created_at, id);

-- Runs unchanged on H2 and PostgreSQL. Whether a post's publication time was later than the write that set it: such
-- a post goes public by itself at that time, which the changes feed and webhooks tell. Kept on write, so that the
-- last and the next of them are found by an index probe rather than by reading every post (V11's condition,
-- published_at > publication_set_at, compares two columns of a row, which no index serves).
ALTER TABLE post ADD COLUMN published_by_time BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE post SET published_by_time = TRUE WHERE published_at > publication_set_at;
CREATE INDEX ix_post_by_time ON post (published_by_time, published_at, id);

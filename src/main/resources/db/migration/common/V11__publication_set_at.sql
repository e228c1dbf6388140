-- Runs unchanged on H2 and PostgreSQL. When a write last set a post's publication time: a post whose time came
-- after that went public with no write, which the changes feed tells at that time even if the post was edited
-- since. Posts written before this column existed take their last write's time, which is when it was set at latest.
ALTER TABLE post ADD COLUMN publication_set_at TIMESTAMP WITH TIME ZONE;
UPDATE post SET publication_set_at = updated_at;

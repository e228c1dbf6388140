-- The ETag each single resource's representation had when last seen changing, and since when: Last-Modified is that
-- time, so it moves exactly when the ETag does, whatever changed (the resource, a category or photo it embeds, a
-- count, a scheduled post going public). Keyed by audience and path; rows are bookkeeping, not content.
CREATE TABLE representation_seen (
    representation  VARCHAR(1200) NOT NULL PRIMARY KEY,
    etag            VARCHAR(100) NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Runs unchanged on H2 and PostgreSQL. Posts written before the workflow existed were public: they stay published.
ALTER TABLE post ADD COLUMN status VARCHAR(10) DEFAULT 'published' NOT NULL;
ALTER TABLE post ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_post_status_published ON post (status, published_at, id);
CREATE INDEX ix_post_deleted ON post (deleted_at);

-- Full snapshots: what the post was after each change, and who made it.
CREATE TABLE post_revision (
    id         UUID PRIMARY KEY,
    post_id    UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    status     VARCHAR(10)  NOT NULL,
    title      VARCHAR(300) NOT NULL,
    snapshot   VARCHAR(1000000) NOT NULL,
    author_id  UUID REFERENCES app_user (id) ON DELETE SET NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_post_revision_number ON post_revision (post_id, number);

-- Runs unchanged on H2 and PostgreSQL. One entry per write, appended in the write's own transaction.
-- seq is given out under the lock on change_log_head's single row, held until commit: numbers are gapless and
-- commit in their own order, so a reader that has seen entry n has seen every entry before it.
CREATE TABLE change_log (
    seq           BIGINT PRIMARY KEY,
    resource_type VARCHAR(40) NOT NULL,
    resource_id   UUID NOT NULL,
    action        VARCHAR(20) NOT NULL,
    version       BIGINT NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id      UUID,
    api_token_id  UUID
);
CREATE INDEX ix_change_log_resource ON change_log (resource_type, resource_id, seq);

CREATE TABLE change_log_head (
    id       INTEGER PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO change_log_head (id, last_seq) VALUES (1, 0);

-- API tokens are written through the same pipeline as every resource, which stamps a version and a change time.
ALTER TABLE api_token ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE api_token ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE api_token SET updated_at = created_at;
ALTER TABLE api_token ALTER COLUMN updated_at SET NOT NULL;

-- Runs unchanged on H2 and PostgreSQL. The slugs an item had before its current one: a GET by one of them answers
-- 301 to the current slug, and no other item of the same kind may take it while the item exists.

CREATE TABLE slug_history (
    resource_type VARCHAR(40)  NOT NULL,
    slug          VARCHAR(120) NOT NULL,
    resource_id   UUID         NOT NULL,
    retired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (resource_type, slug)
);
CREATE INDEX ix_slug_history_resource ON slug_history (resource_type, resource_id);

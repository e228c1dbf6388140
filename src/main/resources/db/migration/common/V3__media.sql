-- Runs unchanged on H2 and PostgreSQL.

CREATE TABLE media (
    id          UUID PRIMARY KEY,
    filename    VARCHAR(255) NOT NULL,
    mime_type   VARCHAR(50)  NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    width       INTEGER,
    height      INTEGER,
    checksum    VARCHAR(64)  NOT NULL,
    alt         VARCHAR(1000),
    caption     VARCHAR(2000),
    credit      VARCHAR(300),
    focal_x     DOUBLE PRECISION,
    focal_y     DOUBLE PRECISION,
    search_text VARCHAR(8000) NOT NULL,
    uploaded_by UUID REFERENCES app_user (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL
);
CREATE INDEX ix_media_created ON media (created_at, id);
CREATE INDEX ix_media_kind_created ON media (kind, created_at, id);
CREATE INDEX ix_media_uploaded_by ON media (uploaded_by);

CREATE TABLE media_rendition (
    media_id   UUID NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    name       VARCHAR(20)  NOT NULL,
    file_name  VARCHAR(40)  NOT NULL,
    mime_type  VARCHAR(50)  NOT NULL,
    width      INTEGER      NOT NULL,
    height     INTEGER      NOT NULL,
    size_bytes BIGINT       NOT NULL,
    checksum   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (media_id, name)
);

ALTER TABLE post ADD COLUMN featured_media_id UUID;
ALTER TABLE post ADD CONSTRAINT fk_post_featured_media FOREIGN KEY (featured_media_id) REFERENCES media (id);
CREATE INDEX ix_post_featured_media ON post (featured_media_id);

CREATE TABLE post_gallery (
    post_id  UUID    NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    media_id UUID    NOT NULL REFERENCES media (id),
    PRIMARY KEY (post_id, position)
);
CREATE INDEX ix_post_gallery_media ON post_gallery (media_id);

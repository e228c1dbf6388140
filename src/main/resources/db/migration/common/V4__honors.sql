-- Runs unchanged on H2 and PostgreSQL.

CREATE TABLE honorary_citizen (
    id                   UUID PRIMARY KEY,
    name                 VARCHAR(200)  NOT NULL,
    sort_name            VARCHAR(400)  NOT NULL,
    slug                 VARCHAR(120)  NOT NULL,
    description          VARCHAR(300)  NOT NULL,
    country              VARCHAR(2),
    conferred_on         DATE          NOT NULL,
    decision_reference   VARCHAR(200),
    vote                 VARCHAR(10),
    citation             VARCHAR(20000),
    situation            VARCHAR(300),
    situation_updated_at TIMESTAMP WITH TIME ZONE,
    portrait_id          UUID REFERENCES media (id),
    search_text          VARCHAR(2000) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_honorary_citizen_slug ON honorary_citizen (slug);
CREATE INDEX ix_honorary_citizen_conferred ON honorary_citizen (conferred_on, id);
CREATE INDEX ix_honorary_citizen_name ON honorary_citizen (sort_name, id);

CREATE TABLE prize (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    name_key    VARCHAR(400)  NOT NULL,
    slug        VARCHAR(120)  NOT NULL,
    description VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_prize_slug ON prize (slug);
CREATE UNIQUE INDEX ux_prize_name_key ON prize (name_key);

CREATE TABLE award (
    id                    UUID PRIMARY KEY,
    prize_id              UUID NOT NULL REFERENCES prize (id),
    award_year            INTEGER       NOT NULL,
    category              VARCHAR(100)  NOT NULL,
    sort_category         VARCHAR(200)  NOT NULL,
    distinction           VARCHAR(20)   NOT NULL,
    distinction_rank      INTEGER       NOT NULL,
    recipient_name        VARCHAR(200)  NOT NULL,
    recipient_description VARCHAR(300),
    country               VARCHAR(2),
    citation              VARCHAR(20000),
    photo_id              UUID REFERENCES media (id),
    search_text           VARCHAR(2000) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT NOT NULL
);
-- The default order: year descending, then category, then distinction.
CREATE INDEX ix_award_order ON award (award_year, sort_category, distinction_rank, id);
CREATE INDEX ix_award_prize ON award (prize_id, award_year);

-- Links between posts and records; deleting either side removes the link.
CREATE TABLE post_honorary_citizen (
    post_id    UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    citizen_id UUID NOT NULL REFERENCES honorary_citizen (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, citizen_id)
);
CREATE INDEX ix_post_honorary_citizen_citizen ON post_honorary_citizen (citizen_id);

CREATE TABLE post_award (
    post_id  UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    award_id UUID NOT NULL REFERENCES award (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, award_id)
);
CREATE INDEX ix_post_award_award ON post_award (award_id);

-- Runs unchanged on H2 and PostgreSQL.

CREATE TABLE category (
    id          UUID PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    name_key    VARCHAR(400)  NOT NULL,
    slug        VARCHAR(120)  NOT NULL,
    description VARCHAR(2000),
    parent_id   UUID REFERENCES category (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_category_slug ON category (slug);
CREATE UNIQUE INDEX ux_category_name_key ON category (name_key);
CREATE INDEX ix_category_parent ON category (parent_id);

CREATE TABLE post (
    id              UUID PRIMARY KEY,
    title           VARCHAR(300)  NOT NULL,
    sort_title      VARCHAR(600)  NOT NULL,
    slug            VARCHAR(120)  NOT NULL,
    excerpt         VARCHAR(1000) NOT NULL,
    excerpt_derived BOOLEAN       NOT NULL,
    content         VARCHAR(200000) NOT NULL,
    lang            VARCHAR(35)   NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_post_slug ON post (slug);
-- One index per sort key, each ending in id like the ORDER BY, so a page is an index range scan.
CREATE INDEX ix_post_published ON post (published_at, id);
CREATE INDEX ix_post_updated ON post (updated_at, id);
CREATE INDEX ix_post_sort_title ON post (sort_title, id);

CREATE TABLE post_category (
    post_id     UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    category_id UUID NOT NULL REFERENCES category (id),
    PRIMARY KEY (post_id, category_id)
);
CREATE INDEX ix_post_category_category ON post_category (category_id);

CREATE TABLE post_tag (
    post_id  UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag      VARCHAR(60) NOT NULL,
    PRIMARY KEY (post_id, position)
);
CREATE INDEX ix_post_tag_tag ON post_tag (tag);

-- Search index: every distinct accent- and case-folded word of a post's title, excerpt and text. A query word
-- matches the words it starts, through the primary key, so search cost follows the matches, not the table size.
CREATE TABLE post_term (
    post_id UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    term    VARCHAR(40) NOT NULL,
    PRIMARY KEY (term, post_id)
);
CREATE INDEX ix_post_term_post ON post_term (post_id);

-- Full-text search on PostgreSQL: every instance reads the same index, written in each write's own transaction.
-- (H2 deployments search with Lucene instead, in the data directory: see org.tribune.search.)

-- unaccent is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- One configuration per language Tribune analyses: the language's own stemmer after unaccent, so that accents and
-- case never matter; "simple" (no stemming) for every other language.
CREATE TEXT SEARCH CONFIGURATION tribune_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION tribune_fr
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION tribune_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION tribune_en
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION tribune_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION tribune_simple
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- One row per searchable thing (post, category, tag, honorary citizen, prize, award), derived from the content
-- tables: never archived, rebuilt from them when missing.
CREATE TABLE search_document (
    doc_type     VARCHAR(20)  NOT NULL,
    id           UUID         NOT NULL,
    slug         VARCHAR(200),
    title        TEXT         NOT NULL,
    excerpt      TEXT         NOT NULL,
    body         TEXT         NOT NULL,
    config       REGCONFIG    NOT NULL,
    lang         VARCHAR(35),
    status       VARCHAR(20)  NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    year         INTEGER,
    category_ids UUID[]       NOT NULL,
    tags         TEXT[]       NOT NULL,
    citizen_ids  UUID[]       NOT NULL,
    award_ids    UUID[]       NOT NULL,
    sort_title   VARCHAR(600) COLLATE "C" NOT NULL,
    tsv          TSVECTOR GENERATED ALWAYS AS (
                     setweight(to_tsvector(config, title), 'A')
                  || setweight(to_tsvector(config, excerpt), 'B')
                  || setweight(to_tsvector(config, body), 'C')) STORED,
    PRIMARY KEY (doc_type, id)
);
CREATE INDEX search_document_tsv ON search_document USING gin (tsv);

-- Which log the documents were built from: a restored backup moves the change log's epoch, and the documents are
-- then rebuilt from the restored content.
CREATE TABLE search_state (
    id    INTEGER PRIMARY KEY,
    epoch BIGINT  NOT NULL,
    built BOOLEAN NOT NULL
);
INSERT INTO search_state (id, epoch, built) VALUES (1, 0, FALSE);

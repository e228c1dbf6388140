-- Runs unchanged on H2 and PostgreSQL. One row: the site's settings, which every public output needs.

CREATE TABLE site_settings (
    id                         UUID PRIMARY KEY,
    name                       VARCHAR(200)  NOT NULL,
    description                VARCHAR(1000),
    language                   VARCHAR(35)   NOT NULL,
    time_zone                  VARCHAR(64)   NOT NULL,
    default_image_id           UUID REFERENCES media (id),
    base_url                   VARCHAR(500),
    post_permalink             VARCHAR(300)  NOT NULL,
    category_permalink         VARCHAR(300)  NOT NULL,
    tag_permalink              VARCHAR(300)  NOT NULL,
    honorary_citizen_permalink VARCHAR(300)  NOT NULL,
    prize_permalink            VARCHAR(300)  NOT NULL,
    award_permalink            VARCHAR(300)  NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT NOT NULL
);

INSERT INTO site_settings (id, name, description, language, time_zone, default_image_id, base_url, post_permalink,
    category_permalink, tag_permalink, honorary_citizen_permalink, prize_permalink, award_permalink, created_at,
    updated_at, version)
VALUES ('00000000-0000-0000-0000-000000000001', 'Tribune', NULL, 'fr', 'Europe/Paris', NULL, NULL,
    '/{yyyy}/{mm}/{slug}', '/categories/{slug}', '/tags/{slug}', '/honorary-citizens/{slug}', '/prizes/{slug}',
    '/prizes/{prize}/{year}#award-{id}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0);

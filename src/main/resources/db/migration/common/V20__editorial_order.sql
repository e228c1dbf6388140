-- Runs unchanged on H2 and PostgreSQL. The order editors give: a prize's award categories, and the honorary citizens
-- and awards a post tells about.

CREATE TABLE prize_category (
    prize_id UUID         NOT NULL REFERENCES prize (id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    name     VARCHAR(100) NOT NULL,
    PRIMARY KEY (prize_id, position)
);

-- An award's place in its prize's list of categories ('0000', '0001'...), or '1' and its folded category after every
-- listed one: what the award list sorts "category" on. Letters and digits only, so that every collation agrees.
ALTER TABLE award ADD COLUMN category_order VARCHAR(410);
UPDATE award SET category_order = '1' || sort_category;
ALTER TABLE award ALTER COLUMN category_order SET NOT NULL;
CREATE INDEX ix_award_category_order ON award (award_year, category_order, distinction_rank, id);

-- Links in the order the editor gave them: a position each, as the gallery has. Links made before keep an order
-- that is stable from now on (by id), since the one they were given was not recorded.
CREATE TABLE post_honorary_citizen_ordered (
    post_id    UUID    NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    citizen_id UUID    NOT NULL REFERENCES honorary_citizen (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, position)
);
INSERT INTO post_honorary_citizen_ordered (post_id, position, citizen_id)
SELECT l.post_id,
       (SELECT COUNT(*) FROM post_honorary_citizen o WHERE o.post_id = l.post_id AND o.citizen_id < l.citizen_id),
       l.citizen_id
FROM post_honorary_citizen l;
DROP TABLE post_honorary_citizen;
ALTER TABLE post_honorary_citizen_ordered RENAME TO post_honorary_citizen;
CREATE INDEX ix_post_honorary_citizen_citizen ON post_honorary_citizen (citizen_id);

CREATE TABLE post_award_ordered (
    post_id  UUID    NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    award_id UUID    NOT NULL REFERENCES award (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, position)
);
INSERT INTO post_award_ordered (post_id, position, award_id)
SELECT l.post_id,
       (SELECT COUNT(*) FROM post_award o WHERE o.post_id = l.post_id AND o.award_id < l.award_id),
       l.award_id
FROM post_award l;
DROP TABLE post_award;
ALTER TABLE post_award_ordered RENAME TO post_award;
CREATE INDEX ix_post_award_award ON post_award (award_id);

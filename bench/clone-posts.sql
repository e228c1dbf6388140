-- Grows a seeded site to many posts in a few statements (bench/reads.sh): every post, with its categories, tags,
-- search words, gallery and links, is copied @COPIES@ times, each copy a minute earlier per round and with its own
-- slug, and recorded in the change log. Runs on H2 and PostgreSQL; @UUID@ is the database's random UUID function.
CREATE TABLE bench_digit (d INTEGER PRIMARY KEY);
INSERT INTO bench_digit (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
CREATE TABLE bench_copy (n INTEGER PRIMARY KEY);
INSERT INTO bench_copy (n)
    SELECT a.d * 100 + b.d * 10 + c.d + 1 FROM bench_digit a CROSS JOIN bench_digit b CROSS JOIN bench_digit c
    WHERE a.d * 100 + b.d * 10 + c.d + 1 <= @COPIES@;
CREATE TABLE bench_map (old_id UUID NOT NULL, new_id UUID NOT NULL, n INTEGER NOT NULL);
INSERT INTO bench_map (old_id, new_id, n) SELECT p.id, @UUID@, c.n FROM post p CROSS JOIN bench_copy c;
INSERT INTO post (id, title, sort_title, slug, excerpt, excerpt_derived, excerpt_truncated, content, lang,
                  published_at, created_at, updated_at, version, author_id, featured_media_id, status, deleted_at,
                  publication_set_at, published_by_time, seo_title, seo_description, seo_image_id, noindex)
    SELECT m.new_id, p.title, p.sort_title, p.slug || '-' || m.n, p.excerpt, p.excerpt_derived, p.excerpt_truncated,
           p.content, p.lang, p.published_at - m.n * INTERVAL '1' MINUTE, p.created_at, p.updated_at, p.version,
           p.author_id, p.featured_media_id, p.status, p.deleted_at, p.publication_set_at,
           CASE WHEN p.published_at - m.n * INTERVAL '1' MINUTE > p.publication_set_at THEN TRUE ELSE FALSE END,
           p.seo_title, p.seo_description, p.seo_image_id, p.noindex
    FROM post p JOIN bench_map m ON m.old_id = p.id;
INSERT INTO post_category (post_id, category_id)
    SELECT m.new_id, x.category_id FROM post_category x JOIN bench_map m ON m.old_id = x.post_id;
INSERT INTO post_tag (post_id, position, tag)
    SELECT m.new_id, x.position, x.tag FROM post_tag x JOIN bench_map m ON m.old_id = x.post_id;
INSERT INTO post_gallery (post_id, position, media_id)
    SELECT m.new_id, x.position, x.media_id FROM post_gallery x JOIN bench_map m ON m.old_id = x.post_id;
INSERT INTO post_honorary_citizen (post_id, position, citizen_id)
    SELECT m.new_id, x.position, x.citizen_id FROM post_honorary_citizen x JOIN bench_map m ON m.old_id = x.post_id;
INSERT INTO post_award (post_id, position, award_id)
    SELECT m.new_id, x.position, x.award_id FROM post_award x JOIN bench_map m ON m.old_id = x.post_id;
-- Each copy is created in the change log too, as a write through the API would record it, so that the changes
-- feed is read from a log of the site's size.
INSERT INTO change_log (seq, resource_type, resource_id, action, version, changed_at, actor_id, api_token_id)
    SELECT h.last_seq + ROW_NUMBER() OVER (ORDER BY m.n, m.new_id), 'post', m.new_id, 'created', p.version,
           p.created_at, p.author_id, NULL
    FROM bench_map m JOIN post p ON p.id = m.new_id CROSS JOIN change_log_head h;
UPDATE change_log_head SET last_seq = (SELECT MAX(seq) FROM change_log) WHERE id = 1;
DROP TABLE bench_map;
DROP TABLE bench_copy;
DROP TABLE bench_digit;

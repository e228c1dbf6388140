-- Runs unchanged on H2 and PostgreSQL. What editors set for search engines and sharing, on each public item; empty
-- fields are derived on read (title, excerpt, photo).

ALTER TABLE post ADD COLUMN seo_title VARCHAR(200);
ALTER TABLE post ADD COLUMN seo_description VARCHAR(500);
ALTER TABLE post ADD COLUMN seo_image_id UUID REFERENCES media (id);
ALTER TABLE post ADD COLUMN noindex BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_post_seo_image ON post (seo_image_id);

ALTER TABLE category ADD COLUMN seo_title VARCHAR(200);
ALTER TABLE category ADD COLUMN seo_description VARCHAR(500);
ALTER TABLE category ADD COLUMN seo_image_id UUID REFERENCES media (id);
ALTER TABLE category ADD COLUMN noindex BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE honorary_citizen ADD COLUMN seo_title VARCHAR(200);
ALTER TABLE honorary_citizen ADD COLUMN seo_description VARCHAR(500);
ALTER TABLE honorary_citizen ADD COLUMN seo_image_id UUID REFERENCES media (id);
ALTER TABLE honorary_citizen ADD COLUMN noindex BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE award ADD COLUMN seo_title VARCHAR(200);
ALTER TABLE award ADD COLUMN seo_description VARCHAR(500);
ALTER TABLE award ADD COLUMN seo_image_id UUID REFERENCES media (id);
ALTER TABLE award ADD COLUMN noindex BOOLEAN DEFAULT FALSE NOT NULL;

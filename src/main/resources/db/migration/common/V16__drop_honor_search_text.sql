-- Honorary citizens and awards are found by the full-text engines now (q on their lists included): the folded text
-- their LIKE filter read is written and read by nothing.
ALTER TABLE honorary_citizen DROP COLUMN search_text;
ALTER TABLE award DROP COLUMN search_text;

-- The word index of posts (post_term) gave way to the full-text engines (PostgreSQL's search_document, or Lucene on
-- H2): it was written with every post and is read by nothing now.
DROP TABLE post_term;

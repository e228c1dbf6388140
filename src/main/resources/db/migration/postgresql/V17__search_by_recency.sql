-- The bounded search plan walks the documents newest first to find where its window starts (PostgresSearchEngine).
CREATE INDEX search_document_published ON search_document (published_at DESC NULLS LAST);

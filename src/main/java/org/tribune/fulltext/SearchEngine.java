package org.tribune.fulltext;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A full-text engine: PostgreSQL's own on PostgreSQL, Lucene in the data directory on H2. Both take the same
 * documents and the same requests, and the same tests hold them to the same answers.
 */
public interface SearchEngine {

    /** Writes documents and removes others; where and when depends on the engine (see each one). */
    void apply(List<SearchDocument> upserts, Collection<SearchDocument.Key> removals);

    /** The derived keys (tags) the engine holds for these posts, to find the derived documents a change touches. */
    Set<String> derivedKeysOf(String type, Collection<UUID> ids);

    SearchResult search(SearchRequest request);

    /** Rebuilds every document from the content tables. */
    Rebuilt rebuild();

    /** What an operator wants to know: which engine, how many documents, whether it follows the change log. */
    Status status();

    record Rebuilt(long documents, long millis) {}

    /**
     * @param indexedSeq the change log entry the index has caught up with; for an engine written in the writes' own
     *     transactions, the log's head
     */
    record Status(String engine, long documents, long indexedSeq, long head, boolean rebuilding) {}
}

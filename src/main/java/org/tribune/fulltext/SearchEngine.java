package org.tribune.fulltext;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    @Schema(name = "SearchIndexRebuilt", description = "What a rebuild of the search index did.")
    record Rebuilt(
            @Schema(required = true, description = "Documents in the index once rebuilt.", examples = "100036")
            long documents,

            @Schema(required = true, description = "How long the rebuild took, in milliseconds.", examples = "26671")
            long millis) {}

    /**
     * @param indexedSeq the change log entry the index has caught up with; for an engine written in the writes' own
     *     transactions, the log's head
     */
    @Schema(name = "SearchIndexStatus", description = "Where the search index stands.")
    record Status(
            @Schema(
                    required = true,
                    description = "`postgresql` (its full text, written in each write's transaction) or"
                            + " `lucene` (in the data directory, following the change log).",
                    enumeration = {"postgresql", "lucene"},
                    examples = "lucene")
            String engine,

            @Schema(
                    required = true,
                    description = "Documents searchable: posts, categories, tags, honours, prizes.",
                    examples = "1036")
            long documents,

            @Schema(
                    required = true,
                    description = "The change log entry the index has reached; -1 before its first build.",
                    examples = "5120")
            long indexedSeq,

            @Schema(required = true, description = "The change log's last entry.", examples = "5120")
            long head,

            @Schema(
                    required = true,
                    description = "Whether a rebuild is running (searches then wait or get 503).",
                    examples = "false")
            boolean rebuilding) {}
}

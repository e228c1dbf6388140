package org.tribune.fulltext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the search engines know of one searchable thing, as its feature describes it: the text to match, weighted
 * title over excerpt over body, and what the filters, facets and visibility rules need.
 *
 * @param status the post's status; {@link #ALWAYS} for things that are public as soon as they exist
 * @param publishedAt from when the public may find it; null for always
 * @param year the year a facet files it under; null for none
 * @param sortTitle the folded title, for sorting by title as the lists do
 */
public record SearchDocument(
        String type,
        UUID id,
        String slug,
        String title,
        String excerpt,
        String body,
        String lang,
        String status,
        Instant publishedAt,
        Instant updatedAt,
        Integer year,
        Set<UUID> categoryIds,
        List<String> tags,
        Set<UUID> citizenIds,
        Set<UUID> awardIds,
        String sortTitle) {

    public static final String ALWAYS = "published";

    public SearchDocument {
        title = Snippets.plain(title);
        excerpt = Snippets.plain(excerpt);
        body = Snippets.plain(body);
        categoryIds = Set.copyOf(categoryIds);
        tags = List.copyOf(tags);
        citizenIds = Set.copyOf(citizenIds);
        awardIds = Set.copyOf(awardIds);
    }

    /** A thing with no status, categories or tags of its own (a category, an honour, a prize). */
    public static SearchDocument of(
            String type,
            UUID id,
            String slug,
            String title,
            String excerpt,
            String body,
            Integer year,
            Instant updatedAt,
            String sortTitle) {
        return new SearchDocument(
                type, id, slug, title, excerpt, body, null, ALWAYS, null, updatedAt, year, Set.of(), List.of(),
                Set.of(), Set.of(), sortTitle);
    }

    /** The id of a document derived from others under {@code key} (a tag): the same on every instance and rebuild. */
    public static UUID derivedId(String type, String key) {
        return UUID.nameUUIDFromBytes((type + ':' + key).getBytes(StandardCharsets.UTF_8));
    }

    public Key key() {
        return new Key(type, id);
    }

    public SearchLanguage language() {
        return SearchLanguage.of(lang);
    }

    /** Which document: its type and id. */
    public record Key(String type, UUID id) {}
}

package org.tribune.fulltext;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A feature whose resources are searched says what the engines should know of them. Documents are built whatever
 * the caller may see: visibility is applied when searching, so that a scheduled post is found from its time on
 * without being indexed again.
 */
public interface SearchSource {

    /** The resource type, as the change log names it. */
    String resourceType();

    /** The documents of those of {@code ids} that are searchable now; the others (gone, in the trash) are not. */
    List<SearchDocument> documents(Collection<UUID> ids);

    /** Ids after {@code after} (null for the first), in id order, at most {@code limit}: for rebuilding. */
    List<UUID> ids(UUID after, int limit);

    /**
     * The type of the documents this source derives from its resources besides their own (tags, from posts); null
     * for none. A derived document's id is {@link SearchDocument#derivedId}, from its key.
     */
    default String derivedType() {
        return null;
    }

    /** The derived documents of these keys that exist now; the others are to be removed. */
    default List<SearchDocument> derived(Collection<String> keys) {
        return List.of();
    }

    /** The keys of the derived documents {@code document} contributes to. */
    default Collection<String> derivedKeys(SearchDocument document) {
        return List.of();
    }

    /** Every key of derived documents, for rebuilding. */
    default Collection<String> allDerivedKeys() {
        return List.of();
    }
}

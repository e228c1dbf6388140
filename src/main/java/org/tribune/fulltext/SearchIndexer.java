package org.tribune.fulltext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns changed resources into the documents an engine must write and remove, asking each feature's
 * {@link SearchSource}; the engines decide when (in the write's transaction, or following the change log).
 */
@ApplicationScoped
public class SearchIndexer {

    static final int BATCH = 500;

    private final Map<String, SearchSource> sources = new HashMap<>();
    private final EntityManager entities;

    public SearchIndexer(Instance<SearchSource> sources, EntityManager entities) {
        sources.forEach(s -> this.sources.put(s.resourceType(), s));
        this.entities = entities;
    }

    public boolean indexes(String resourceType) {
        return sources.containsKey(resourceType);
    }

    /** The documents to write and remove after these resources changed. */
    public Changes changes(Map<String, Set<UUID>> changedByType, SearchEngine engine) {
        List<SearchDocument> upserts = new ArrayList<>();
        List<SearchDocument.Key> removals = new ArrayList<>();
        changedByType.forEach((type, ids) -> {
            SearchSource source = sources.get(type);
            if (source == null || ids.isEmpty()) {
                return;
            }
            List<SearchDocument> documents = source.documents(ids);
            Set<UUID> gone = new LinkedHashSet<>(ids);
            documents.forEach(d -> gone.remove(d.id()));
            upserts.addAll(documents);
            gone.forEach(id -> removals.add(new SearchDocument.Key(type, id)));
            String derivedType = source.derivedType();
            if (derivedType != null) {
                Set<String> keys = new LinkedHashSet<>(engine.derivedKeysOf(type, ids));
                documents.forEach(d -> keys.addAll(source.derivedKeys(d)));
                derive(source, keys, upserts, removals);
            }
        });
        return new Changes(upserts, removals);
    }

    /** How a rebuild reads: in the caller's transaction, or each batch in one of its own. */
    public interface Reading {
        <T> T read(Supplier<T> work);
    }

    /**
     * Every document, in batches of at most {@value #BATCH}, each read through {@code reading}; what each batch
     * loaded is let go before the next, so that a rebuild's memory does not grow with the site. (One transaction over
     * a whole rebuild made H2 five times slower than one per batch.)
     */
    public void everything(Consumer<List<SearchDocument>> batches, Reading reading) {
        for (SearchSource source : sources.values()) {
            UUID after = null;
            while (true) {
                UUID from = after;
                List<UUID> ids = reading.read(() -> source.ids(from, BATCH));
                if (ids.isEmpty()) {
                    break;
                }
                batches.accept(reading.read(() -> {
                    List<SearchDocument> documents = source.documents(ids);
                    entities.clear();
                    return documents;
                }));
                after = ids.get(ids.size() - 1);
            }
            if (source.derivedType() != null) {
                List<String> keys = reading.read(() -> List.copyOf(source.allDerivedKeys()));
                for (int i = 0; i < keys.size(); i += BATCH) {
                    List<String> part = keys.subList(i, Math.min(keys.size(), i + BATCH));
                    batches.accept(reading.read(() -> source.derived(part)));
                }
            }
        }
    }

    private static void derive(
            SearchSource source, Set<String> keys, List<SearchDocument> upserts, List<SearchDocument.Key> removals) {
        if (keys.isEmpty()) {
            return;
        }
        List<SearchDocument> derived = source.derived(keys);
        Set<UUID> present = new LinkedHashSet<>();
        derived.forEach(d -> present.add(d.id()));
        upserts.addAll(derived);
        for (String key : keys) {
            UUID id = SearchDocument.derivedId(source.derivedType(), key);
            if (!present.contains(id)) {
                removals.add(new SearchDocument.Key(source.derivedType(), id));
            }
        }
    }

    /**
     * The time to build and write the documents of one write (PostgreSQL, inside its transaction) or of one batch of
     * the log, usually one write's (Lucene, after the commit, refresh included): {@code tribune_search_indexing_seconds}.
     */
    static Timer indexingTimer(MeterRegistry metrics, String engine) {
        return Timer.builder("tribune.search.indexing")
                .description("Time to build and write the search documents of one write, or of one batch of the log")
                .tag("engine", engine)
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    public record Changes(List<SearchDocument> upserts, List<SearchDocument.Key> removals) {}
}

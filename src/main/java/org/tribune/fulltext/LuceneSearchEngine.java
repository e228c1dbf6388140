package org.tribune.fulltext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.BytesRef;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tribune.common.ApiException;
import org.tribune.persistence.ChangeAction;
import org.tribune.persistence.ChangeEntry;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.ContentRestored;
import org.tribune.persistence.SortOrder;

/**
 * The search engine of H2 deployments: a Lucene index in {@code <data-dir>/search-index}, kept in step with the
 * change log by one thread that reads the entries after the last one it indexed, once a write commits.
 *
 * <p>The index records, in each Lucene commit, the log entry it has reached and the log's epoch. At start-up, and
 * whenever the log has moved on without it (a restored backup, a compaction past it, a missing or damaged index),
 * it is rebuilt from the content tables; otherwise it resumes from that entry, so a crash loses nothing. Commits (an
 * fsync) happen at most once a second; searches see each batch as soon as it is written, through a reader refreshed
 * after it. A search first waits until the index has reached the log's head as it stood when the search began, so
 * that it never answers from an index that misses a write a reader could already see elsewhere, or that a cache
 * could keep.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql", enableIfMissing = true)
public class LuceneSearchEngine implements SearchEngine {

    private static final Logger LOG = Logger.getLogger(LuceneSearchEngine.class);

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String SLUG = "slug";
    static final String LANGUAGE = "language";
    static final String STATUS = "status";
    static final String PUBLISHED = "publishedAt";
    static final String UPDATED = "updatedAt";
    static final String YEAR = "year";
    static final String CATEGORY = "category";
    static final String TAG = "tag";
    static final String CITIZEN = "citizen";
    static final String AWARD = "award";
    static final String LANG = "lang";
    static final String SORT_TITLE = "sortTitle";
    static final String TITLE = "title.";
    static final String EXCERPT = "excerpt.";
    static final String BODY = "body.";
    private static final float TITLE_BOOST = 4f;
    private static final float EXCERPT_BOOST = 2f;
    /**
     * Text is stored (for snippets) with its offsets in the postings, so that the highlighter reads where each match
     * is instead of analysing the text again: this made a search with snippets several times cheaper.
     */
    private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    /** What this code writes; an index written otherwise (by an earlier version) is rebuilt. */
    static final String FORMAT_VERSION = "3";

    static final String FORMAT = "format";
    static final String SEQ = "seq";
    static final String EPOCH = "epoch";
    static final String MARK = "mark";
    private static final Duration WAIT_FOR_INDEX = Duration.ofSeconds(10);
    private static final int SNIPPET_LENGTH = 160;

    private final ChangeLog log;
    private final SearchIndexer indexer;
    private final Path directoryPath;

    private Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tribune-search-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean followQueued = new AtomicBoolean();
    private final AtomicBoolean commitQueued = new AtomicBoolean();
    private final Object progress = new Object();
    private volatile long indexedSeq = -1;
    private volatile long indexedEpoch = -1;
    private volatile boolean rebuilding;
    /** The mark of the entry the index on disk had reached when opened; checked once against the log. */
    private String openedAt;

    private final Timer indexing;
    private final int candidates;

    private static final Sort NEWEST_FIRST = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true));

    public LuceneSearchEngine(
            ChangeLog log,
            SearchIndexer indexer,
            MeterRegistry metrics,
            @ConfigProperty(name = "tribune.data-dir") Path dataDir,
            @ConfigProperty(name = SearchWindow.CANDIDATES, defaultValue = SearchWindow.DEFAULT) int candidates) {
        this.log = log;
        this.candidates = candidates;
        this.indexer = indexer;
        this.indexing = SearchIndexer.indexingTimer(metrics, "lucene");
        this.directoryPath = dataDir.resolve("search-index");
    }

    /** After Flyway (which observes start-up earlier): the log must exist before the index can follow it. */
    void start(@Observes @Priority(5000) StartupEvent event) {
        open();
        follow();
    }

    void stop(@Observes ShutdownEvent event) {
        follower.shutdown();
        try {
            follower.awaitTermination(30, TimeUnit.SECONDS);
            if (searchers != null && writer.isOpen()) {
                commit();
                searchers.close();
                writer.close();
            }
        } catch (IOException | InterruptedException e) {
            LOG.warn("The search index was not closed cleanly; it catches up from its last commit at the next start");
        }
    }

    void onCommitted(@Observes ChangeLog.Committed committed) {
        follow();
    }

    /** The restore moved the log's epoch: the next turn rebuilds. */
    void onRestored(@Observes ContentRestored restored) {
        follow();
    }

    /** Opens the index on first use: writes at start-up (the demo's) may come before the start-up event. */
    private void open() {
        if (searchers == null) {
            openOnce();
        }
    }

    private synchronized void openOnce() {
        if (searchers != null) {
            return;
        }
        try {
            Files.createDirectories(directoryPath);
            // Each write is searchable once its small segment is flushed: those stay in memory until merged or
            // committed, rather than becoming a dozen files per write.
            directory = new NRTCachingDirectory(FSDirectory.open(directoryPath), 8, 64);
            writer = openWriter(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            Map<String, String> committed = new HashMap<>();
            if (DirectoryReader.indexExists(directory)) {
                writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
            }
            if (!FORMAT_VERSION.equals(committed.getOrDefault(FORMAT, FORMAT_VERSION))) {
                writer.close();
                writer = openWriter(IndexWriterConfig.OpenMode.CREATE);
                committed.clear();
            }
            indexedSeq = Long.parseLong(committed.getOrDefault(SEQ, "-1"));
            indexedEpoch = Long.parseLong(committed.getOrDefault(EPOCH, "-1"));
            openedAt = committed.getOrDefault(MARK, "");
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index in " + directoryPath + " cannot be opened", e);
        }
    }

    private IndexWriter openWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        try {
            return new IndexWriter(directory, writerConfig(mode));
        } catch (IOException | IllegalArgumentException e) {
            // A damaged index is only derived data: start again from an empty one, which the log then rebuilds. Its
            // files go first: even a writer that creates a new index reads the last commit, and fails on it again.
            // An index sorted otherwise (an older format) is refused with IllegalArgumentException, and rebuilt too.
            LOG.warnf(
                    "The search index in %s is unreadable or of an older format (%s); it is rebuilt",
                    directoryPath, e.getMessage());
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
            return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(LuceneAnalysis.PER_FIELD);
        config.setOpenMode(mode);
        // Newest first within each segment: finding where a search's window starts then stops after that many
        // matches in each segment (SearchWindow), instead of going through every match.
        config.setIndexSort(NEWEST_FIRST);
        // Each batch of the log opens a new reader; by default that waits up to half a second for the tiny segments
        // it flushed to be merged, which doubled the indexing time of a write. Merges happen in the background anyway.
        config.setMaxFullFlushMergeWaitMillis(0);
        return config;
    }

    /** Asks the indexing thread to catch up with the log; a request already waiting covers this one. */
    private void follow() {
        if (followQueued.compareAndSet(false, true)) {
            try {
                follower.execute(() -> {
                    followQueued.set(false);
                    try {
                        catchUp();
                    } catch (RuntimeException | IOException e) {
                        LOG.error(
                                "The search index could not follow the change log; it tries again at the next write",
                                e);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // A write committed while the application stops: the index replays it from the log at the next start.
            }
        }
    }

    private void catchUp() throws IOException {
        open();
        ChangeLog.Bounds bounds = log.bounds();
        if (indexedSeq < 0
                || bounds.epoch() != indexedEpoch
                || bounds.head() < indexedSeq
                || bounds.horizon() > indexedSeq
                || openedAt != null && !openedAt.equals(mark(indexedSeq))) {
            openedAt = null;
            rebuildFrom(bounds);
            return;
        }
        openedAt = null;
        long seq = indexedSeq;
        while (true) {
            List<ChangeEntry> entries = log.after(seq, SearchIndexer.BATCH);
            if (entries.isEmpty()) {
                break;
            }
            Map<String, Set<UUID>> changed = new LinkedHashMap<>();
            for (ChangeEntry e : entries) {
                if (e.action() != ChangeAction.embedded && indexer.indexes(e.resourceType())) {
                    changed.computeIfAbsent(e.resourceType(), t -> new LinkedHashSet<>())
                            .add(e.resourceId());
                }
            }
            long started = System.nanoTime();
            if (!changed.isEmpty()) {
                SearchIndexer.Changes changes =
                        QuarkusTransaction.requiringNew().call(() -> indexer.changes(changed, this));
                write(changes.upserts(), changes.removals());
            }
            seq = entries.get(entries.size() - 1).seq();
            publish(seq, bounds.epoch());
            if (!changed.isEmpty()) {
                indexing.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void rebuildFrom(ChangeLog.Bounds bounds) throws IOException {
        rebuilding = true;
        long started = System.nanoTime();
        try {
            writer.deleteAll();
            long[] count = {0};
            indexer.everything(
                    batch -> {
                        add(batch);
                        count[0] += batch.size();
                    },
                    new SearchIndexer.Reading() {
                        @Override
                        public <T> T read(Supplier<T> work) {
                            return QuarkusTransaction.requiringNew().call(work::get);
                        }
                    });
            publish(bounds.head(), bounds.epoch());
            commit();
            LOG.infof(
                    "Search index rebuilt: %d documents in %d ms",
                    count[0], TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            rebuilding = false;
            synchronized (progress) {
                progress.notifyAll();
            }
        }
        // Writes that committed while it ran come after the head it started from.
        follow();
    }

    /** Into an emptied index: adding, unlike updating, looks up no earlier copy of each document. */
    private void add(List<SearchDocument> documents) {
        try {
            for (SearchDocument d : documents) {
                writer.addDocument(document(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<SearchDocument> upserts, Collection<SearchDocument.Key> removals) {
        try {
            for (SearchDocument.Key key : removals) {
                writer.deleteDocuments(new Term(KEY, key(key)));
            }
            for (SearchDocument d : upserts) {
                writer.updateDocument(new Term(KEY, key(d.key())), document(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What identifies log entry {@code seq} (its resource and time): an index whose entry's mark differs from the
     * log's was built from another database (a fresh one, a file restored from a disk backup) and is rebuilt, even
     * when the numbers happen to line up. Empty for no entry.
     */
    private String mark(long seq) {
        if (seq <= 0) {
            return "";
        }
        List<ChangeEntry> at = log.after(seq - 1, 1);
        return at.isEmpty() || at.get(0).seq() != seq
                ? "gone"
                : at.get(0).resourceId() + "@" + at.get(0).changedAt();
    }

    private void publish(long seq, long epoch) throws IOException {
        writer.setLiveCommitData(
                Map.of(SEQ, Long.toString(seq), EPOCH, Long.toString(epoch), MARK, mark(seq), FORMAT, FORMAT_VERSION)
                        .entrySet());
        searchers.maybeRefreshBlocking();
        synchronized (progress) {
            indexedSeq = seq;
            indexedEpoch = epoch;
            progress.notifyAll();
        }
        if (commitQueued.compareAndSet(false, true)) {
            try {
                follower.schedule(
                        () -> {
                            commitQueued.set(false);
                            try {
                                commit();
                            } catch (IOException e) {
                                LOG.warn("The search index could not commit; it replays from its last commit", e);
                            }
                        },
                        1,
                        TimeUnit.SECONDS);
            } catch (RejectedExecutionException stopping) {
                // stop() commits what is left.
            }
        }
    }

    private void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    private static String key(SearchDocument.Key key) {
        return key.type() + '/' + key.id();
    }

    static Document document(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(KEY, key(d.key()), Field.Store.NO));
        doc.add(new StringField(TYPE, d.type(), Field.Store.YES));
        doc.add(new SortedDocValuesField(TYPE, new BytesRef(d.type())));
        doc.add(new StoredField(ID, d.id().toString()));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.id().toString())));
        if (d.slug() != null) {
            doc.add(new StoredField(SLUG, d.slug()));
        }
        SearchLanguage language = d.language();
        doc.add(new StoredField(LANGUAGE, language.name()));
        doc.add(new Field(TITLE + language, d.title(), TEXT));
        doc.add(new Field(EXCERPT + language, d.excerpt(), TEXT));
        doc.add(new Field(BODY + language, d.body(), TEXT));
        doc.add(new StringField(STATUS, d.status(), Field.Store.NO));
        long published =
                d.publishedAt() == null ? Long.MIN_VALUE : d.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        long updated = d.updatedAt().toEpochMilli();
        doc.add(new LongPoint(UPDATED, updated));
        doc.add(new NumericDocValuesField(UPDATED, updated));
        if (d.year() != null) {
            doc.add(new IntPoint(YEAR, d.year()));
            doc.add(new NumericDocValuesField(YEAR, d.year()));
            doc.add(new StoredField(YEAR, d.year()));
        }
        for (UUID c : d.categoryIds()) {
            doc.add(new StringField(CATEGORY, c.toString(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(CATEGORY, new BytesRef(c.toString())));
        }
        for (String t : d.tags()) {
            doc.add(new StringField(TAG, t.toLowerCase(Locale.ROOT), Field.Store.YES));
        }
        d.citizenIds().forEach(c -> doc.add(new StringField(CITIZEN, c.toString(), Field.Store.NO)));
        d.awardIds().forEach(a -> doc.add(new StringField(AWARD, a.toString(), Field.Store.NO)));
        if (d.lang() != null) {
            String lang = d.lang().toLowerCase(Locale.ROOT);
            doc.add(new StringField(LANG, lang, Field.Store.NO));
            int dash = lang.indexOf('-');
            if (dash > 0) {
                doc.add(new StringField(LANG, lang.substring(0, dash), Field.Store.NO));
            }
        }
        doc.add(new SortedDocValuesField(SORT_TITLE, new BytesRef(d.sortTitle())));
        return doc;
    }

    @Override
    public void apply(List<SearchDocument> upserts, Collection<SearchDocument.Key> removals) {
        write(upserts, removals);
    }

    @Override
    public Set<String> derivedKeysOf(String type, Collection<UUID> ids) {
        Set<String> keys = new LinkedHashSet<>();
        withSearcher(searcher -> {
            for (UUID id : ids) {
                TopDocs found = searcher.search(new TermQuery(new Term(KEY, type + '/' + id)), 1);
                if (found.scoreDocs.length > 0) {
                    for (String tag : searcher.storedFields()
                            .document(found.scoreDocs[0].doc, Set.of(TAG))
                            .getValues(TAG)) {
                        keys.add(tag);
                    }
                }
            }
            return null;
        });
        return keys;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        awaitCurrent();
        return withSearcher(searcher -> new LuceneSearch(searcher, request, candidates).run());
    }

    @Override
    public Rebuilt rebuild() {
        long started = System.nanoTime();
        var done = follower.submit(() -> {
            rebuildFrom(log.bounds());
            return null;
        });
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("The search index could not be rebuilt", e.getCause());
        }
        return new Rebuilt(status().documents(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public Status status() {
        int documents = withSearcher(searcher -> searcher.getIndexReader().numDocs());
        return new Status("lucene", documents, indexedSeq, log.bounds().head(), rebuilding);
    }

    /** Waits until the index has reached the head of the log as it stands now (see the class comment). */
    private void awaitCurrent() {
        ChangeLog.Bounds bounds = log.bounds();
        if (current(bounds)) {
            return;
        }
        follow();
        long deadline = System.nanoTime() + WAIT_FOR_INDEX.toNanos();
        synchronized (progress) {
            while (!current(bounds)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw ApiException.unavailable(
                            rebuilding
                                    ? "The search index is being rebuilt; try again shortly."
                                    : "The search index is catching up with recent changes; try again shortly.",
                            Duration.ofSeconds(2));
                }
                try {
                    progress.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ApiException.unavailable("The search was interrupted.", Duration.ofSeconds(1));
                }
            }
        }
    }

    private boolean current(ChangeLog.Bounds bounds) {
        return !rebuilding && indexedEpoch == bounds.epoch() && indexedSeq >= bounds.head();
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        open();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One search over one searcher: the query, the filters, the collection with facets, the snippets. */
    private static final class LuceneSearch {

        private final IndexSearcher searcher;
        private final SearchRequest request;
        private final int candidates;

        /** The languages some document is in: the query is built for those only (a prefix compiles an automaton). */
        private final Set<SearchLanguage> languages = EnumSet.noneOf(SearchLanguage.class);

        LuceneSearch(IndexSearcher searcher, SearchRequest request, int candidates) {
            this.searcher = searcher;
            this.request = request;
            this.candidates = candidates;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                for (SearchLanguage language : SearchLanguage.values()) {
                    if (leaf.reader().getFieldInfos().fieldInfo(TITLE + language) != null) {
                        languages.add(language);
                    }
                }
            }
        }

        /**
         * Two passes. The page is found with scores, under every filter, and stops counting past the page: Lucene
         * then skips the blocks of postings whose best score cannot enter it. The total and the facets are counted
         * in a second pass that scores nothing, so the clauses that only rank (words near each other) are not read.
         */
        SearchResult run() throws IOException {
            Query text = textQuery(request.query(), true);
            // Without the clauses that only rank: for the window's start and the snippets, built once for both.
            Query matching = textQuery(request.query(), false);
            BooleanQuery.Builder counted = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
            filters(counted);
            Long since = SearchWindow.applies(request, candidates) ? windowStart(matching) : null;
            if (since != null) {
                counted.add(
                        new BooleanQuery.Builder()
                                .add(published(since, Long.MAX_VALUE), BooleanClause.Occur.SHOULD)
                                .add(published(Long.MIN_VALUE, Long.MIN_VALUE), BooleanClause.Occur.SHOULD)
                                .build(),
                        BooleanClause.Occur.FILTER);
            }
            Query countedQuery = counted.build();
            BooleanQuery.Builder paged = new BooleanQuery.Builder().add(countedQuery, BooleanClause.Occur.MUST);
            facetFilters(paged);
            int wanted = Math.max(
                    1,
                    Math.min(
                            request.offset() + request.limit(),
                            searcher.getIndexReader().maxDoc()));
            TopDocsCollector<?> top = request.byRelevance()
                    ? TopScoreDocCollector.create(wanted, wanted)
                    : TopFieldCollector.create(sort(request.sort()), wanted, wanted);
            searcher.search(paged.build(), top);
            FacetingCollector counts = new FacetingCollector(request);
            searcher.search(countedQuery, counts);
            ScoreDoc[] page = top.topDocs(request.offset(), request.limit()).scoreDocs;
            Document[] docs = new Document[page.length];
            for (int i = 0; i < page.length; i++) {
                docs[i] = searcher.storedFields().document(page[i].doc);
            }
            String[] snippets =
                    request.snippets() ? snippets(searcher.rewrite(matching), page, docs) : new String[page.length];
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                Document doc = docs[i];
                SearchLanguage language = SearchLanguage.valueOf(doc.get(LANGUAGE));
                long published = doc.getField(PUBLISHED).numericValue().longValue();
                var year = doc.getField(YEAR);
                hits.add(new SearchResult.Hit(
                        doc.get(TYPE),
                        UUID.fromString(doc.get(ID)),
                        doc.get(SLUG),
                        doc.get(TITLE + language),
                        Float.isNaN(page[i].score) ? 0 : page[i].score,
                        snippets[i],
                        year == null ? null : year.numericValue().intValue(),
                        published == Long.MIN_VALUE ? null : java.time.Instant.ofEpochMilli(published)));
            }
            return new SearchResult(
                    counts.total(),
                    hits,
                    request.facets() ? counts.facets() : null,
                    since == null ? null : java.time.Instant.ofEpochMilli(since));
        }

        /**
         * Where the window starts: the publication time of the newest {@code candidates}-th dated match under every
         * filter, or null when there are no more than that. The index is sorted in this order, so Lucene stops in each
         * segment once it holds that many: this costs about the same for a word in every post as for a rare one.
         */
        private Long windowStart(Query matching) throws IOException {
            BooleanQuery.Builder matches = new BooleanQuery.Builder().add(matching, BooleanClause.Occur.FILTER);
            filters(matches);
            facetFilters(matches);
            // One more than the window holds: with no more dated matches than that, every one counts. Undated
            // documents (Long.MIN_VALUE) come last in this order, as in the index's own.
            TopFieldCollector newest = TopFieldCollector.create(NEWEST_FIRST, candidates + 1, candidates + 1);
            searcher.search(matches.build(), newest);
            ScoreDoc[] found = newest.topDocs().scoreDocs;
            if (found.length <= candidates || (Long) ((FieldDoc) found[candidates]).fields[0] == Long.MIN_VALUE) {
                return null;
            }
            return (Long) ((FieldDoc) found[candidates - 1]).fields[0];
        }

        /** The filters each facet leaves out of its own count (see {@link FacetingCollector}). */
        private void facetFilters(BooleanQuery.Builder query) {
            if (!request.types().isEmpty()) {
                query.add(terms(TYPE, request.types()), BooleanClause.Occur.FILTER);
            }
            if (request.categoryIds() != null) {
                query.add(anyOf(CATEGORY, request.categoryIds()), BooleanClause.Occur.FILTER);
            }
            if (request.year() != null) {
                query.add(IntPoint.newExactQuery(YEAR, request.year()), BooleanClause.Occur.FILTER);
            }
        }

        private void filters(BooleanQuery.Builder query) {
            SearchRequest.Visibility v = request.visibility();
            long now = v.now().toEpochMilli();
            if (v.publicRules()) {
                query.add(terms(STATUS, List.of("published", "scheduled")), BooleanClause.Occur.FILTER);
                query.add(published(Long.MIN_VALUE, now), BooleanClause.Occur.FILTER);
            } else if ("scheduled".equals(v.status())) {
                query.add(new TermQuery(new Term(STATUS, "scheduled")), BooleanClause.Occur.FILTER);
                query.add(published(now + 1, Long.MAX_VALUE), BooleanClause.Occur.FILTER);
            } else if (v.status() != null) {
                query.add(new TermQuery(new Term(STATUS, v.status())), BooleanClause.Occur.FILTER);
            }
            if (request.tag() != null) {
                query.add(
                        new TermQuery(new Term(TAG, request.tag().toLowerCase(Locale.ROOT))),
                        BooleanClause.Occur.FILTER);
            }
            if (request.lang() != null) {
                query.add(
                        new TermQuery(new Term(LANG, request.lang().toLowerCase(Locale.ROOT))),
                        BooleanClause.Occur.FILTER);
            }
            if (request.citizenIds() != null) {
                query.add(anyOf(CITIZEN, request.citizenIds()), BooleanClause.Occur.FILTER);
            }
            if (request.awardId() != null) {
                query.add(new TermQuery(new Term(AWARD, request.awardId().toString())), BooleanClause.Occur.FILTER);
            }
            if (request.publishedAfter() != null) {
                query.add(
                        published(request.publishedAfter().toEpochMilli(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
            }
            if (request.publishedBefore() != null) {
                query.add(
                        published(Long.MIN_VALUE + 1, request.publishedBefore().toEpochMilli() - 1),
                        BooleanClause.Occur.FILTER);
            }
            if (request.updatedAfter() != null) {
                query.add(
                        LongPoint.newRangeQuery(UPDATED, request.updatedAfter().toEpochMilli() + 1, Long.MAX_VALUE),
                        BooleanClause.Occur.FILTER);
            }
        }

        /**
         * Documents published in a range, found in the index's own order (newest first): a binary search in each
         * segment instead of a walk through the points, which cost as much as the documents in the range.
         */
        private static Query published(long from, long to) {
            return new IndexSortSortedNumericDocValuesRangeQuery(
                    PUBLISHED, from, to, LongPoint.newRangeQuery(PUBLISHED, from, to));
        }

        private static Query anyOf(String field, Collection<UUID> ids) {
            return terms(field, ids.stream().map(UUID::toString).toList());
        }

        private static Query terms(String field, Collection<String> values) {
            return values.isEmpty()
                    ? new MatchNoDocsQuery()
                    : new TermInSetQuery(
                            field, values.stream().map(BytesRef::new).toList());
        }

        private static Sort sort(SortOrder order) {
            List<SortField> fields = new ArrayList<>();
            for (SortOrder.Key k : order.keys()) {
                fields.add(
                        switch (k.field()) {
                            case "publishedAt" -> new SortField(PUBLISHED, SortField.Type.LONG, k.descending());
                            case "updatedAt" -> new SortField(UPDATED, SortField.Type.LONG, k.descending());
                            case "title" -> new SortField(SORT_TITLE, SortField.Type.STRING, k.descending());
                            default -> throw new IllegalArgumentException(k.field());
                        });
            }
            fields.add(new SortField(ID, SortField.Type.STRING, order.tiebreakDescending()));
            return new Sort(fields.toArray(SortField[]::new));
        }

        /** Any language's reading of the query: a document has the fields of its own language only. */
        /** @param ranking with the bonus of words near each other, which snippets do not need */
        Query textQuery(SearchQuery q, boolean ranking) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            boolean some = false;
            for (SearchLanguage language : languages) {
                Query inLanguage = inLanguage(q, language, ranking);
                if (inLanguage != null) {
                    any.add(inLanguage, BooleanClause.Occur.SHOULD);
                    some = true;
                }
            }
            return some ? any.build() : new MatchNoDocsQuery("only stop words");
        }

        private static Query inLanguage(SearchQuery q, SearchLanguage language, boolean ranking) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            BooleanClause.Occur required = q.anyWord() ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST;
            boolean positive = false;
            for (String word : q.words()) {
                Query w = acrossFields(language, word, false, false);
                if (w != null) {
                    all.add(w, required);
                    positive = true;
                }
            }
            for (String phrase : q.phrases()) {
                Query p = acrossFields(language, phrase, false, false);
                if (p != null) {
                    all.add(p, required);
                    positive = true;
                }
            }
            if (q.prefix() != null) {
                Query p = acrossFields(language, q.prefix(), true, !ranking);
                if (p != null) {
                    all.add(p, required);
                    positive = true;
                }
            }
            if (q.anyWord()) {
                all = covering(all.build());
            }
            Query near = ranking ? nearEachOther(q, language) : null;
            if (near != null) {
                all.add(new BoostQuery(near, NEAR_BOOST), BooleanClause.Occur.SHOULD);
            }
            for (String excluded : q.excluded()) {
                Query e = acrossFields(language, excluded, false, false);
                if (e != null) {
                    all.add(e, BooleanClause.Occur.MUST_NOT);
                }
            }
            return positive ? all.build() : null;
        }

        /**
         * The optional clauses of a relaxed query, each worth {@value #COVERAGE} more when it matches, whatever its
         * BM25 score: a document with more of the query's words ranks first.
         */
        private static BooleanQuery.Builder covering(BooleanQuery any) {
            BooleanQuery.Builder covering = new BooleanQuery.Builder();
            for (BooleanClause clause : any.clauses()) {
                covering.add(
                        new BooleanQuery.Builder()
                                .add(
                                        new BoostQuery(new ConstantScoreQuery(clause.getQuery()), COVERAGE),
                                        BooleanClause.Occur.SHOULD)
                                .add(clause.getQuery(), BooleanClause.Occur.SHOULD)
                                .build(),
                        BooleanClause.Occur.SHOULD);
            }
            return covering;
        }

        private static final float COVERAGE = 100f;

        /** How many words a prefix stands for in snippets. */
        private static final int EXPANSIONS = 32;

        /**
         * A bonus for the query's words found close together, in any order, in one field (as PostgreSQL's cover
         * density ranks): "prix francophone" favours the awards of that category over a post with "prix" in its
         * title and "francophone" further on.
         */
        private static Query nearEachOther(SearchQuery q, SearchLanguage language) {
            List<String> words = new ArrayList<>(q.words());
            if (q.prefix() != null) {
                words.add(q.prefix());
            }
            if (words.size() < 2) {
                return null;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            boolean some = false;
            for (String field : List.of(TITLE + language, EXCERPT + language, BODY + language)) {
                List<LuceneAnalysis.Token> tokens = LuceneAnalysis.tokens(field, String.join(" ", words));
                if (tokens.size() < 2) {
                    return null;
                }
                PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(NEAR);
                for (int i = 0; i < tokens.size(); i++) {
                    phrase.add(new Term(field, tokens.get(i).term()), i);
                }
                any.add(phrase.build(), BooleanClause.Occur.SHOULD);
                some = true;
            }
            return some ? any.build() : null;
        }

        /** Words together count as much as a match in the title (whose boost is the same). */
        private static final float NEAR_BOOST = 4f;

        /** How many moves apart the words may be to count as near: a word or two between them, or swapped. */
        private static final int NEAR = 4;

        /** Title, excerpt or body, in that order of weight; null when the text is only stop words. */
        private static Query acrossFields(SearchLanguage language, String text, boolean prefix, boolean expand) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            Query title = fieldQuery(TITLE + language, text, prefix, expand);
            if (title == null) {
                return null;
            }
            any.add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD);
            any.add(
                    new BoostQuery(fieldQuery(EXCERPT + language, text, prefix, expand), EXCERPT_BOOST),
                    BooleanClause.Occur.SHOULD);
            any.add(fieldQuery(BODY + language, text, prefix, expand), BooleanClause.Occur.SHOULD);
            return any.build();
        }

        /**
         * A word is a term; words that analyse to several tokens ("Dalaï-Lama", a quoted phrase) are a phrase,
         * with the gaps stop words leave. The prefix word also matches the words it begins.
         */
        private static Query fieldQuery(String field, String text, boolean prefix, boolean expand) {
            List<LuceneAnalysis.Token> tokens = LuceneAnalysis.tokens(field, text);
            if (tokens.isEmpty()) {
                return null;
            }
            if (prefix) {
                LuceneAnalysis.Token last = tokens.get(tokens.size() - 1);
                BooleanQuery.Builder startsWith = new BooleanQuery.Builder();
                startsWith.add(new TermQuery(new Term(field, last.term())), BooleanClause.Occur.SHOULD);
                // For snippets, the prefix becomes the words of the index it begins (the most frequent ones): the
                // highlighter then reads their offsets from the postings instead of analysing each text again.
                startsWith.add(
                        expand
                                ? new PrefixQuery(
                                        new Term(field, last.term()),
                                        new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(EXPANSIONS))
                                : new PrefixQuery(new Term(field, last.term())),
                        BooleanClause.Occur.SHOULD);
                if (tokens.size() == 1) {
                    return startsWith.build();
                }
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                all.add(fieldQuery(field, tokens.subList(0, tokens.size() - 1)), BooleanClause.Occur.MUST);
                all.add(startsWith.build(), BooleanClause.Occur.MUST);
                return all.build();
            }
            return fieldQuery(field, tokens);
        }

        private static Query fieldQuery(String field, List<LuceneAnalysis.Token> tokens) {
            if (tokens.size() == 1) {
                return new TermQuery(new Term(field, tokens.get(0).term()));
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (LuceneAnalysis.Token t : tokens) {
                phrase.add(new Term(field, t.term()), t.position());
            }
            return phrase.build();
        }

        /** The best passages of the body, else of the excerpt, else the title's, marked; else the excerpt's start. */
        private String[] snippets(Query text, ScoreDoc[] page, Document[] stored) throws IOException {
            String[] snippets = new String[page.length];
            if (page.length == 0) {
                return snippets;
            }
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, LuceneAnalysis.PER_FIELD)
                    .withFormatter(new MarkingFormatter())
                    .withBreakIterator(
                            () -> org.apache.lucene.search.uhighlight.LengthGoalBreakIterator.createClosestToLength(
                                    BreakIterator.getSentenceInstance(Locale.FRENCH), SNIPPET_LENGTH, 0.5f))
                    .withMaxNoHighlightPassages(0)
                    // Terms and phrases are found from the query itself, not by running it again on each field.
                    .withWeightMatches(false)
                    .build();
            // Only the fields of the languages on the page: a field no document has is analysed in memory anew.
            Set<String> languages = new LinkedHashSet<>();
            for (Document doc : stored) {
                languages.add(doc.get(LANGUAGE));
            }
            // The body first, and the excerpt and then the title only for the hits whose body has no match: most
            // have one, and each field highlighted costs about the same (a third of a common word's search, in JFR).
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                left.add(i);
            }
            for (String part : List.of(BODY, EXCERPT, TITLE)) {
                if (left.isEmpty()) {
                    break;
                }
                String[] fields = languages.stream().map(l -> part + l).toArray(String[]::new);
                int[] docs = left.stream().mapToInt(i -> page[i].doc).toArray();
                int[] passages = new int[fields.length];
                java.util.Arrays.fill(passages, 2);
                Map<String, String[]> marked = highlighter.highlightFields(fields, text, docs, passages);
                List<Integer> unmarked = new ArrayList<>();
                for (int k = 0; k < docs.length; k++) {
                    int i = left.get(k);
                    for (String field : fields) {
                        String found = marked.get(field)[k];
                        if (found != null && found.indexOf(Snippets.START) >= 0) {
                            snippets[i] = found;
                            break;
                        }
                    }
                    if (snippets[i] == null) {
                        unmarked.add(i);
                    }
                }
                left = unmarked;
            }
            for (int i = 0; i < page.length; i++) {
                if (snippets[i] == null) {
                    String language = stored[i].get(LANGUAGE);
                    snippets[i] = MarkingFormatter.shortened(stored[i].get(EXCERPT + language), SNIPPET_LENGTH * 2);
                }
            }
            return snippets;
        }
    }
}

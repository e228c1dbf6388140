package org.tribune.fulltext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGStatement;
import org.tribune.persistence.ChangeAction;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.ContentRestored;
import org.tribune.persistence.SortOrder;

/**
 * The search engine of PostgreSQL deployments: PostgreSQL's own full-text search over {@code search_document}
 * (migration V14), a GIN index over weighted tsvectors (title A, excerpt B, body C) in each language's configuration,
 * queried with websearch_to_tsquery, ranked with ts_rank_cd and marked with ts_headline.
 *
 * <p>Documents are written in each write's own transaction, as the write records its change: every instance sees
 * the same index, and a search never sees a write that has not committed, nor misses one that has.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class PostgresSearchEngine implements SearchEngine {

    private static final Logger LOG = Logger.getLogger(PostgresSearchEngine.class);

    private static final String COLUMNS = "doc_type, id, slug, title, excerpt, body, config, lang, status,"
            + " published_at, updated_at, year, category_ids, tags, citizen_ids, award_ids, sort_title";
    private static final String UPSERT = "INSERT INTO search_document (" + COLUMNS + ") VALUES"
            + " (?, ?, ?, ?, ?, ?, CAST(? AS REGCONFIG), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (doc_type, id) DO UPDATE SET slug = EXCLUDED.slug, title = EXCLUDED.title,"
            + " excerpt = EXCLUDED.excerpt, body = EXCLUDED.body, config = EXCLUDED.config, lang = EXCLUDED.lang,"
            + " status = EXCLUDED.status, published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at,"
            + " year = EXCLUDED.year, category_ids = EXCLUDED.category_ids, tags = EXCLUDED.tags,"
            + " citizen_ids = EXCLUDED.citizen_ids, award_ids = EXCLUDED.award_ids, sort_title = EXCLUDED.sort_title";
    private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.END
            + ", MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\"" + MarkingFormatter.GAP
            + "\"";
    /** The query as each configuration reads it, by the column name of the {@code q} CTE. */
    private static final Map<SearchLanguage, String> QUERY_COLUMN =
            Map.of(SearchLanguage.fr, "q.fr", SearchLanguage.en, "q.en", SearchLanguage.neutral, "q.x");

    private final DataSource dataSource;
    private final SearchIndexer indexer;
    private final ChangeLog log;
    private final Timer indexing;
    private final int candidates;

    public PostgresSearchEngine(
            DataSource dataSource,
            SearchIndexer indexer,
            ChangeLog log,
            MeterRegistry metrics,
            @ConfigProperty(name = SearchWindow.CANDIDATES, defaultValue = SearchWindow.DEFAULT) int candidates) {
        this.dataSource = dataSource;
        this.candidates = candidates;
        this.indexer = indexer;
        this.log = log;
        this.indexing = SearchIndexer.indexingTimer(metrics, "postgresql");
    }

    /** After Flyway; a new database (or one from before search) gets its documents here, once, on one instance. */
    void start(@Observes @Priority(5000) StartupEvent event) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> rebuildIf(false));
    }

    void onRestored(@Observes ContentRestored restored) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> rebuildIf(false));
    }

    /** In the write's transaction, as it records the change. */
    void onRecorded(@Observes ChangeLog.Recorded recorded) {
        if (recorded.action() == ChangeAction.embedded || !indexer.indexes(recorded.resourceType())) {
            return;
        }
        indexing.record(() -> {
            SearchIndexer.Changes changes =
                    indexer.changes(Map.of(recorded.resourceType(), Set.of(recorded.resourceId())), this);
            apply(changes.upserts(), changes.removals());
        });
    }

    @Override
    public void apply(List<SearchDocument> upserts, Collection<SearchDocument.Key> removals) {
        connected(c -> {
            write(c, upserts, removals);
            return null;
        });
    }

    private static void write(Connection c, List<SearchDocument> upserts, Collection<SearchDocument.Key> removals)
            throws SQLException {
        if (!removals.isEmpty()) {
            try (PreparedStatement st =
                    c.prepareStatement("DELETE FROM search_document WHERE doc_type = ? AND id = ?")) {
                for (SearchDocument.Key key : removals) {
                    st.setString(1, key.type());
                    st.setObject(2, key.id());
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
        if (!upserts.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(UPSERT)) {
                for (SearchDocument d : upserts) {
                    int i = 0;
                    st.setString(++i, d.type());
                    st.setObject(++i, d.id());
                    st.setString(++i, d.slug());
                    st.setString(++i, stored(d.title()));
                    st.setString(++i, stored(d.excerpt()));
                    st.setString(++i, stored(d.body()));
                    st.setString(++i, d.language().postgresConfig);
                    st.setString(++i, d.lang());
                    st.setString(++i, d.status());
                    st.setObject(
                            ++i,
                            d.publishedAt() == null ? null : d.publishedAt().atOffset(ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    st.setObject(++i, d.updatedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                    st.setObject(++i, d.year(), Types.INTEGER);
                    st.setArray(++i, c.createArrayOf("uuid", d.categoryIds().toArray()));
                    st.setArray(
                            ++i,
                            c.createArrayOf(
                                    "text",
                                    d.tags().stream()
                                            .map(t -> t.toLowerCase(Locale.ROOT))
                                            .toArray()));
                    st.setArray(++i, c.createArrayOf("uuid", d.citizenIds().toArray()));
                    st.setArray(++i, c.createArrayOf("uuid", d.awardIds().toArray()));
                    st.setString(++i, d.sortTitle());
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    /**
     * PostgreSQL's parser reads {@code <...>} in text as markup and drops what a {@code <script>} or {@code <style>}
     * "tag" encloses; text from the content may hold those characters (escaped in its HTML), so they are stored as
     * two private-use characters the parser reads as separators, and turned back when read.
     */
    private static final char LT = '\uE002';

    private static final char GT = '\uE003';

    static String stored(String text) {
        return text == null ? null : text.replace('<', LT).replace('>', GT);
    }

    static String read(String text) {
        return text == null ? null : text.replace(LT, '<').replace(GT, '>');
    }

    @Override
    public Set<String> derivedKeysOf(String type, Collection<UUID> ids) {
        return connected(c -> {
            Set<String> keys = new LinkedHashSet<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT t FROM search_document d, unnest(d.tags) t WHERE d.doc_type = ? AND d.id = ANY(?)")) {
                st.setString(1, type);
                st.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return keys;
        });
    }

    @Override
    public Rebuilt rebuild() {
        long started = System.nanoTime();
        long documents = QuarkusTransaction.requiringNew().timeout(3600).call(() -> rebuildIf(true));
        return new Rebuilt(documents, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Rebuilds in the caller's transaction, under the lock of the state row: instances starting together build once,
     * and writes meanwhile wait for the new documents rather than being overwritten by older ones.
     */
    private long rebuildIf(boolean always) {
        long epoch = log.bounds().epoch();
        return connected(c -> {
            try (PreparedStatement st =
                            c.prepareStatement("SELECT epoch, built FROM search_state WHERE id = 1 FOR UPDATE");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                if (!always && rs.getBoolean(2) && rs.getLong(1) == epoch) {
                    return -1L;
                }
            }
            long started = System.nanoTime();
            try (PreparedStatement st = c.prepareStatement("DELETE FROM search_document")) {
                st.executeUpdate();
            }
            long[] count = {0};
            indexer.everything(
                    batch -> {
                        try {
                            write(c, batch, List.of());
                        } catch (SQLException e) {
                            throw new IllegalStateException("Search documents could not be written", e);
                        }
                        count[0] += batch.size();
                    },
                    new SearchIndexer.Reading() {
                        @Override
                        public <T> T read(Supplier<T> work) {
                            return work.get();
                        }
                    });
            try (PreparedStatement st =
                    c.prepareStatement("UPDATE search_state SET epoch = ?, built = TRUE WHERE id = 1")) {
                st.setLong(1, epoch);
                st.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                // Newest first on disk, as a site that publishes over time has them: the rows a search's window reads
                // then share pages (scattered, they took half its time at 100,000 posts). The statistics are what
                // the window's estimate reads; autovacuum would gather them only later.
                st.execute("CLUSTER search_document USING search_document_published");
                st.execute("ANALYZE search_document");
            }
            LOG.infof(
                    "Search documents rebuilt: %d in %d ms",
                    count[0], TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return count[0];
        });
    }

    @Override
    public Status status() {
        long documents = connected(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM search_document");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        long head = log.bounds().head();
        return new Status("postgresql", documents, head, head, false);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return connected(c -> new PostgresSearch(c, request, candidates).run());
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** On the connection of the current transaction when there is one, as the change log does. */
    private <T> T connected(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("The search documents could not be read or written", e);
        }
    }

    /** One search: the query CTE, the filters, the count with facets, then the page with ranks and headlines. */
    private static final class PostgresSearch {

        private final Connection c;
        private final SearchRequest request;
        private final int candidates;
        /** Where the window starts ({@link SearchWindow}); null when every match counts. */
        private OffsetDateTime since;

        PostgresSearch(Connection c, SearchRequest request, int candidates) {
            this.c = c;
            this.request = request;
            this.candidates = candidates;
        }

        SearchResult run() throws SQLException {
            if (findsNothing()) {
                return new SearchResult(
                        0,
                        List.of(),
                        request.facets() ? new SearchResult.Facets(Map.of(), Map.of(), Map.of()) : null,
                        null);
            }
            if (SearchWindow.applies(request, candidates)) {
                since = windowStart();
            }
            return countedAndPaged();
        }

        /**
         * The publication time of the {@code candidates}-th newest dated match under every filter, or null when
         * there are no more than that. When the planner's estimate of the matches (from the lexemes' statistics,
         * ANALYZE) says the query matches much, it is found by walking the documents newest first and stopping at
         * that match, within a budget of rows past which the exact plan costs less. Otherwise, or when the walk runs
         * out, it is found through the GIN index, which finds every match before it can return the first: what the
         * window saves on a word in every post, and cheap on a rare one.
         */
        private OffsetDateTime windowStart() throws SQLException {
            double documents = 0;
            try (PreparedStatement st = c.prepareStatement(
                            "SELECT reltuples FROM pg_class WHERE oid = CAST('search_document' AS regclass)");
                    ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    documents = rs.getDouble(1);
                }
            }
            if (documents > 0) {
                double matches = estimatedMatches();
                if (matches * RARE_BELOW < candidates) {
                    // Ten times fewer than the window holds, by the statistics: the exact plan counts them all as
                    // cheaply as this would, and a rare word is the most common search (its third statement cost it
                    // a fifth of its throughput). Statistics off by as much only cost the window: every match counts.
                    return null;
                }
                // The rows the walk should need, twice over for the estimate's error.
                long budget =
                        (long) Math.ceil(Math.min(documents, 2.0 * candidates * documents / Math.max(1, matches)));
                if (matches >= candidates && budget <= WALK_BUDGET_PER_CANDIDATE * (long) candidates) {
                    OffsetDateTime walked = newestMatch(Math.max(budget, candidates + 1L));
                    if (walked != null) {
                        return walked;
                    }
                }
            }
            return newestMatch(null);
        }

        /** @param budget the newest documents to walk through; null to find the matches through the GIN index */
        private OffsetDateTime newestMatch(Long budget) throws SQLException {
            List<Object> params = new ArrayList<>();
            String q = queries(params);
            String matches = match() + filters(params) + " AND " + typeOk(params) + " AND " + categoryOk(params)
                    + " AND " + yearOk(params);
            String sql = budget == null
                    // OFFSET 0: with the order inside, the planner would walk the index for a rare word too.
                    ? q + " SELECT m.published_at FROM (SELECT d.published_at FROM search_document d, q WHERE "
                            + matches + " AND d.published_at IS NOT NULL OFFSET 0) m"
                            + " ORDER BY m.published_at DESC OFFSET ? LIMIT 2"
                    : q + " SELECT w.published_at FROM (SELECT d.published_at, (" + matches + ") AS ok"
                            + " FROM search_document d, q WHERE d.published_at IS NOT NULL"
                            + " ORDER BY d.published_at DESC NULLS LAST LIMIT ?) w WHERE w.ok OFFSET ? LIMIT 2";
            if (budget != null) {
                params.add(budget);
            }
            params.add(candidates - 1);
            try (PreparedStatement st = prepare(sql, params);
                    ResultSet rs = st.executeQuery()) {
                // A second row says there are more matches than the window holds; without it, every one counts.
                OffsetDateTime nth = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return rs.next() ? nth : null;
            }
        }

        /** The planner's estimate of the documents the text matches: its statistics, with the query's own values. */
        private double estimatedMatches() throws SQLException {
            List<Object> params = new ArrayList<>();
            String sql = "EXPLAIN " + queries(params, false) + " SELECT 1 FROM search_document d, q WHERE " + match();
            try (PreparedStatement st = prepare(sql, params);
                    ResultSet rs = st.executeQuery()) {
                Matcher rows = rs.next() ? PLAN_ROWS.matcher(rs.getString(1)) : null;
                return rows != null && rows.find() ? Double.parseDouble(rows.group(1)) : 0;
            }
        }

        private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+)");

        /** How much rarer than the window a query must be, by the planner's estimate, to skip finding its start. */
        private static final int RARE_BELOW = 10;

        /** Past this many rows per candidate, walking costs more than the exact plan. */
        private static final int WALK_BUDGET_PER_CANDIDATE = 20;

        /** The documents searched: all, or those of the window and the undated ones. */
        private String documents(List<Object> params) {
            if (since == null) {
                return "search_document d";
            }
            params.add(since);
            // OFFSET 0 keeps the planner from matching the text through the GIN index first (see windowStart).
            return "(SELECT doc_type, id, slug, title, year, published_at, sort_title, updated_at, config, tsv,"
                    + " category_ids, status, tags, lang, citizen_ids, award_ids FROM search_document"
                    + " WHERE published_at >= ? OR published_at IS NULL OFFSET 0) d";
        }

        /** The CTE that reads the query once per configuration; the prefix word is matched as a prefix. */
        /** The query without the stop words PostgreSQL's French list lacks ("les" among them), which Lucene's has. */
        private SearchQuery query() {
            return request.query().withoutWords(PostgresSearch::isStopWord);
        }

        /** Whether anything is left to find once stop words are left out. */
        private boolean findsNothing() {
            SearchQuery query = query();
            return query.websearchText().isEmpty() && prefixQuery(query.prefix()) == null;
        }

        /**
         * The query as each configuration reads it, the prefix word as a prefix, computed once (MATERIALIZED: inlined,
         * PostgreSQL evaluated the functions again on every row, each raising a NOTICE the driver keeps), and
         * {@code all_languages}, their union, which the GIN index matches in one condition.
         */
        private String queries(List<Object> params) {
            return queries(params, true);
        }

        /** @param materialized false for the planner to see the query's values, when only its estimate is wanted */
        private String queries(List<Object> params, boolean materialized) {
            List<String> columns = new ArrayList<>();
            SearchQuery query = query();
            String text = query.websearchText();
            String prefix = prefixQuery(query.prefix());
            String exclusions = query.websearchExclusions();
            List<String> union = new ArrayList<>();
            for (SearchLanguage language : SearchLanguage.values()) {
                String config = "'" + language.postgresConfig + "'";
                String q = null;
                if (!text.isEmpty()) {
                    q = "websearch_to_tsquery(" + config + ", ?)";
                    params.add(text);
                }
                if (prefix != null) {
                    String p = "to_tsquery(" + config + ", ?)";
                    params.add(prefix);
                    q = q == null ? p : "(" + q + (query.anyWord() ? " || " : " && ") + p + ")";
                }
                if (!exclusions.isEmpty()) {
                    // Excluded in every language's reading: the languages' queries are matched as one union, and a
                    // word excluded in French only would come back through the English reading of the text.
                    List<String> excluded = new ArrayList<>();
                    for (SearchLanguage any : SearchLanguage.values()) {
                        excluded.add("websearch_to_tsquery('" + any.postgresConfig + "', ?)");
                        params.add(exclusions);
                    }
                    q = "(" + q + " && " + String.join(" && ", excluded) + ")";
                }
                String column = QUERY_COLUMN.get(language).substring(2);
                columns.add(q + " AS " + column);
                union.add("q0." + column);
                if (query.anyWord()) {
                    List<String> items = items(query);
                    for (int i = 0; i < items.size(); i++) {
                        boolean isPrefix = query.prefix() != null && i == items.size() - 1;
                        columns.add((isPrefix ? "to_tsquery(" : "websearch_to_tsquery(") + config + ", ?) AS " + column
                                + "_" + i);
                        params.add(items.get(i));
                    }
                }
            }
            String cte = materialized ? " AS MATERIALIZED (" : " AS NOT MATERIALIZED (";
            return "WITH q0" + cte + "SELECT " + String.join(", ", columns) + ")," + " q" + cte + "SELECT q0.*, "
                    + String.join(" || ", union) + " AS all_languages FROM q0)";
        }

        private static boolean isStopWord(String word) {
            return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
        }

        private static final CharArraySet STOP_WORDS = FrenchAnalyzer.getDefaultStopSet();

        /** Each word, phrase and the prefix on its own, for counting how many of them a document has. */
        private static List<String> items(SearchQuery query) {
            List<String> items = new ArrayList<>();
            for (String w : query.words()) {
                items.add(new SearchQuery(List.of(w), List.of(), List.of(), null, false).websearchText());
            }
            for (String p : query.phrases()) {
                items.add(new SearchQuery(List.of(), List.of(p), List.of(), null, false).websearchText());
            }
            String prefix = prefixQuery(query.prefix());
            if (prefix != null) {
                items.add(prefix);
            }
            return items;
        }

        /**
         * The score: ts_rank_cd over the weighted vector; with {@link SearchQuery#anyWord}, after the number of the
         * query's words and phrases the document has, so that one with more of them ranks first.
         */
        private String rank() {
            String rank = "ts_rank_cd(d.tsv, " + queryOfRow() + ", 1)";
            if (!request.query().anyWord()) {
                return rank;
            }
            int count = items(query()).size();
            StringBuilder coverage = new StringBuilder("CASE d.config");
            for (SearchLanguage language : SearchLanguage.values()) {
                coverage.append(" WHEN '").append(language.postgresConfig).append("'::regconfig THEN 0");
                for (int i = 0; i < count; i++) {
                    coverage.append(" + CAST(d.tsv @@ ")
                            .append(QUERY_COLUMN.get(language))
                            .append('_')
                            .append(i)
                            .append(" AS INTEGER)");
                }
            }
            return "(" + coverage + " END) * 100 + " + rank;
        }

        /** 'word':* for the last word typed; null when it has no letter or digit. */
        static String prefixQuery(String prefix) {
            if (prefix == null) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (String token : prefix.split("[^\\p{L}\\p{N}]+")) {
                if (!token.isEmpty()) {
                    parts.add("'" + token + "'");
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + ":*");
            return String.join(" & ", parts);
        }

        /**
         * One GIN condition over the union of the languages' queries: a document may then match through another
         * language's reading of a word (rare: the stems mostly agree), which ranking and headlines, per language,
         * then weigh for what it is.
         */
        private static String match() {
            return "d.tsv @@ q.all_languages";
        }

        private static String queryOfRow() {
            StringBuilder s = new StringBuilder("CASE d.config");
            for (SearchLanguage language : SearchLanguage.values()) {
                s.append(" WHEN '")
                        .append(language.postgresConfig)
                        .append("'::regconfig THEN ")
                        .append(QUERY_COLUMN.get(language));
            }
            return s.append(" END").toString();
        }

        /** Every filter but type, category and year (the facets' own), as AND-ed conditions on {@code d}. */
        private String filters(List<Object> params) {
            StringBuilder where = new StringBuilder();
            SearchRequest.Visibility v = request.visibility();
            OffsetDateTime now = v.now().atOffset(ZoneOffset.UTC);
            if (v.publicRules()) {
                where.append(" AND d.status IN ('published', 'scheduled')")
                        .append(" AND (d.published_at IS NULL OR d.published_at <= ?)");
                params.add(now);
            } else if ("scheduled".equals(v.status())) {
                where.append(" AND d.status = 'scheduled' AND d.published_at > ?");
                params.add(now);
            } else if (v.status() != null) {
                where.append(" AND d.status = ?");
                params.add(v.status());
            }
            if (request.tag() != null) {
                where.append(" AND ? = ANY(d.tags)");
                params.add(request.tag().toLowerCase(Locale.ROOT));
            }
            if (request.lang() != null) {
                where.append(" AND (lower(d.lang) = ? OR lower(d.lang) LIKE ?)");
                params.add(request.lang().toLowerCase(Locale.ROOT));
                params.add(request.lang().toLowerCase(Locale.ROOT) + "-%");
            }
            if (request.citizenIds() != null) {
                where.append(" AND d.citizen_ids && ?");
                params.add(new UuidArray(request.citizenIds()));
            }
            if (request.awardId() != null) {
                where.append(" AND ? = ANY(d.award_ids)");
                params.add(request.awardId());
            }
            if (request.publishedAfter() != null) {
                where.append(" AND d.published_at >= ?");
                params.add(request.publishedAfter().atOffset(ZoneOffset.UTC));
            }
            if (request.publishedBefore() != null) {
                where.append(" AND d.published_at < ?");
                params.add(request.publishedBefore().atOffset(ZoneOffset.UTC));
            }
            if (request.updatedAfter() != null) {
                where.append(" AND d.updated_at > ?");
                params.add(request.updatedAfter().atOffset(ZoneOffset.UTC));
            }
            return where.toString();
        }

        private String typeOk(List<Object> params) {
            if (request.types().isEmpty()) {
                return "TRUE";
            }
            params.add(new TextArray(request.types()));
            return "d.doc_type = ANY(?)";
        }

        private String categoryOk(List<Object> params) {
            if (request.categoryIds() == null) {
                return "TRUE";
            }
            params.add(new UuidArray(request.categoryIds()));
            return "d.category_ids && ?";
        }

        private String yearOk(List<Object> params) {
            if (request.year() == null) {
                return "TRUE";
            }
            params.add(request.year());
            return "d.year = ?";
        }

        /**
         * The total, the facets and the page in one statement: the matches are read once (their rows, their
         * vectors) into {@code m}, then counted and ranked from there. Reading them twice, once to count and once to
         * rank, was a third of a search's time at 100,000 posts.
         */
        private SearchResult countedAndPaged() throws SQLException {
            List<Object> params = new ArrayList<>();
            String q = queries(params);
            String m = "SELECT d.doc_type, d.id, d.slug, d.title, d.year, d.published_at, d.sort_title, d.updated_at,"
                    + " d.config, d.tsv, d.category_ids, " + typeOk(params) + " AS t_ok, " + categoryOk(params)
                    + " AS c_ok, " + yearOk(params) + " AS y_ok FROM " + documents(params) + ", q WHERE " + match()
                    + filters(params);
            String page = "SELECT d.doc_type, d.id, d.slug, d.title, d.year, d.published_at, d.sort_title,"
                    + " d.updated_at, d.config,"
                    + " " + queryOfRow() + " AS query, " + rank() + " AS score FROM m d, q"
                    + " WHERE d.t_ok AND d.c_ok AND d.y_ok" + order("d.") + " LIMIT ? OFFSET ?";
            params.add(request.limit());
            params.add(request.offset());
            String headlines = request.snippets()
                    ? "ts_headline(h.config, s.body, h.query, '" + HEADLINE_OPTIONS + "'),"
                            + " ts_headline(h.config, s.excerpt, h.query, '" + HEADLINE_OPTIONS + "'), s.excerpt"
                    : "NULL, NULL, NULL";
            String counts = "SELECT 'total', NULL, count(*) FILTER (WHERE t_ok AND c_ok AND y_ok)" + NO_HIT + " FROM m";
            if (request.facets()) {
                counts += " UNION ALL SELECT 'type', doc_type, count(*)" + NO_HIT
                        + " FROM m WHERE c_ok AND y_ok GROUP BY doc_type"
                        + " UNION ALL SELECT 'year', CAST(year AS VARCHAR), count(*)" + NO_HIT
                        + " FROM m WHERE t_ok AND c_ok AND year IS NOT NULL GROUP BY year"
                        + " UNION ALL SELECT 'category', CAST(c AS VARCHAR), count(*)" + NO_HIT
                        + " FROM m CROSS JOIN LATERAL unnest(m.category_ids) c WHERE t_ok AND y_ok GROUP BY c";
            }
            String sql = q + ", m AS MATERIALIZED (" + m + "), h AS (" + page + ") " + counts
                    + " UNION ALL SELECT 'hit', NULL, row_number() OVER ("
                    + order("h.").substring(1) + "),"
                    + " h.doc_type, h.id, h.slug, h.title, h.score, h.year, h.published_at, " + headlines
                    + " FROM h JOIN search_document s ON s.doc_type = h.doc_type AND s.id = h.id";
            long total = 0;
            Map<String, Long> types = new HashMap<>();
            Map<UUID, Long> categories = new HashMap<>();
            Map<Integer, Long> years = new HashMap<>();
            SearchResult.Hit[] hits = new SearchResult.Hit[request.limit()];
            int found = 0;
            try (PreparedStatement st = prepare(sql, params);
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    switch (rs.getString(1)) {
                        case "total" -> total = n;
                        case "type" -> types.put(rs.getString(2), n);
                        case "year" -> years.put(Integer.valueOf(rs.getString(2)), n);
                        case "category" -> categories.put(UUID.fromString(rs.getString(2)), n);
                        case "hit" -> {
                            hits[(int) n - 1] = hit(rs);
                            found++;
                        }
                        default -> throw new IllegalStateException(rs.getString(1));
                    }
                }
            }
            SearchResult.Facets facets = request.facets()
                    ? new SearchResult.Facets(
                            FacetingCollector.sorted(types),
                            FacetingCollector.sorted(categories),
                            FacetingCollector.sorted(years))
                    : null;
            return new SearchResult(
                    total,
                    List.of(java.util.Arrays.copyOf(hits, found)),
                    facets,
                    since == null ? null : since.toInstant());
        }

        /** The columns of a hit, null in the rows that count. */
        private static final String NO_HIT = ", CAST(NULL AS VARCHAR), CAST(NULL AS UUID), CAST(NULL AS VARCHAR),"
                + " CAST(NULL AS TEXT), CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS INTEGER),"
                + " CAST(NULL AS TIMESTAMP WITH TIME ZONE), CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)";

        private SearchResult.Hit hit(ResultSet rs) throws SQLException {
            OffsetDateTime published = rs.getObject(10, OffsetDateTime.class);
            return new SearchResult.Hit(
                    rs.getString(4),
                    rs.getObject(5, UUID.class),
                    rs.getString(6),
                    read(rs.getString(7)),
                    rs.getDouble(8),
                    request.snippets() ? read(snippet(rs.getString(11), rs.getString(12), rs.getString(13))) : null,
                    rs.getObject(9, Integer.class),
                    published == null ? null : published.toInstant());
        }

        private static String snippet(String body, String excerpt, String plainExcerpt) {
            if (body != null && body.indexOf(Snippets.START) >= 0) {
                return body;
            }
            if (excerpt != null && excerpt.indexOf(Snippets.START) >= 0) {
                return excerpt;
            }
            return MarkingFormatter.shortened(plainExcerpt, 320);
        }

        private String order(String alias) {
            if (request.byRelevance()) {
                // In the inner query the score is an output column, which ORDER BY names without a table.
                String score = alias.equals("d.") ? "score" : alias + "score";
                return " ORDER BY " + score + " DESC, " + alias + "published_at DESC NULLS LAST, " + alias + "id";
            }
            SortOrder sort = request.sort();
            List<String> parts = new ArrayList<>();
            for (SortOrder.Key k : sort.keys()) {
                String column = switch (k.field()) {
                    case "publishedAt" -> "published_at";
                    case "updatedAt" -> "updated_at";
                    case "title" -> "sort_title";
                    default -> throw new IllegalArgumentException(k.field());
                };
                parts.add(alias + column + (k.descending() ? " DESC" : " ASC"));
            }
            parts.add(alias + "id" + (sort.tiebreakDescending() ? " DESC" : " ASC"));
            return " ORDER BY " + String.join(", ", parts);
        }

        private record UuidArray(Set<UUID> ids) {}

        private record TextArray(Set<String> values) {}

        private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
            PreparedStatement st = c.prepareStatement(sql);
            // Planned with its values every time: the driver's server-side statements get generic plans after five
            // runs, which cannot tell a rare word from a common one, nor a date range that holds every post from a
            // narrow one; at 100,000 posts one of them ANDed the GIN index with a date index over every row.
            st.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof UuidArray a) {
                    st.setArray(i + 1, c.createArrayOf("uuid", a.ids().toArray()));
                } else if (p instanceof TextArray a) {
                    st.setArray(i + 1, c.createArrayOf("text", a.values().toArray()));
                } else if (p instanceof OffsetDateTime t) {
                    st.setObject(i + 1, t, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    st.setObject(i + 1, p);
                }
            }
            return st;
        }
    }
}

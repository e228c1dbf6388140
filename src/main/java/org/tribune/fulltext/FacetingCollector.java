package org.tribune.fulltext;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, without scoring, the documents that pass the type, category and year filters, and each facet over the
 * documents that pass the other two filters. The query it runs under carries every other filter.
 *
 * <p>Counts are kept per segment in arrays indexed by the segment's ordinals and named once per segment at its
 * end: a word found in every one of 100,000 posts then costs no map lookup, no boxing and no string per match.
 */
final class FacetingCollector implements Collector {

    /** Years counted in an array; a year outside it (a date typed wrong, say) is counted in a map. */
    private static final int FIRST_YEAR = 1800;

    private static final int YEARS = 400;

    private final Set<String> types;
    private final Set<String> categories;
    private final Integer year;
    private final boolean facets;

    private long total;
    private final Map<String, Long> typeCounts = new HashMap<>();
    private final Map<String, Long> categoryCounts = new HashMap<>();
    private final long[] yearCounts = new long[YEARS];
    private final Map<Integer, Long> otherYearCounts = new HashMap<>();

    FacetingCollector(SearchRequest request) {
        this.types = request.types();
        this.categories = request.categoryIds() == null
                ? null
                : request.categoryIds().stream().map(UUID::toString).collect(Collectors.toSet());
        this.year = request.year();
        this.facets = request.facets();
    }

    long total() {
        return total;
    }

    SearchResult.Facets facets() {
        Map<UUID, Long> byCategory = new HashMap<>();
        categoryCounts.forEach((k, v) -> byCategory.put(UUID.fromString(k), v));
        Map<Integer, Long> byYear = new HashMap<>(otherYearCounts);
        for (int i = 0; i < YEARS; i++) {
            if (yearCounts[i] > 0) {
                byYear.put(FIRST_YEAR + i, yearCounts[i]);
            }
        }
        return new SearchResult.Facets(sorted(typeCounts), sorted(byCategory), sorted(byYear));
    }

    static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, Long> counts) {
        Map<K, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedDocValues typeValues = DocValues.getSorted(context.reader(), LuceneSearchEngine.TYPE);
        SortedSetDocValues categoryValues = DocValues.getSortedSet(context.reader(), LuceneSearchEngine.CATEGORY);
        NumericDocValues yearValues = DocValues.getNumeric(context.reader(), LuceneSearchEngine.YEAR);
        boolean[] typeWanted = new boolean[(int) typeValues.getValueCount()];
        for (int ord = 0; ord < typeWanted.length; ord++) {
            typeWanted[ord] =
                    types.isEmpty() || types.contains(typeValues.lookupOrd(ord).utf8ToString());
        }
        boolean[] categoryWanted = new boolean[(int) categoryValues.getValueCount()];
        if (categories != null) {
            for (int ord = 0; ord < categoryWanted.length; ord++) {
                categoryWanted[ord] =
                        categories.contains(categoryValues.lookupOrd(ord).utf8ToString());
            }
        }
        long[] byType = new long[typeWanted.length];
        long[] byCategory = new long[categoryWanted.length];
        return new LeafCollector() {
            private int[] ords = new int[4];

            @Override
            public void setScorer(Scorable scorer) {
                // Counting needs no score.
            }

            @Override
            public void collect(int doc) throws IOException {
                int type = typeValues.advanceExact(doc) ? typeValues.ordValue() : -1;
                int categoryCount = 0;
                boolean categoryOk = categories == null;
                if (categoryValues.advanceExact(doc)) {
                    categoryCount = categoryValues.docValueCount();
                    if (categoryCount > ords.length) {
                        ords = java.util.Arrays.copyOf(ords, categoryCount);
                    }
                    for (int i = 0; i < categoryCount; i++) {
                        int ord = (int) categoryValues.nextOrd();
                        ords[i] = ord;
                        categoryOk |= categoryWanted[ord];
                    }
                }
                boolean hasYear = yearValues.advanceExact(doc);
                int docYear = hasYear ? (int) yearValues.longValue() : 0;
                boolean typeOk = types.isEmpty() || (type >= 0 && typeWanted[type]);
                boolean yearOk = year == null || (hasYear && year == docYear);
                if (typeOk && categoryOk && yearOk) {
                    total++;
                }
                if (!facets) {
                    return;
                }
                if (categoryOk && yearOk && type >= 0) {
                    byType[type]++;
                }
                if (typeOk && yearOk) {
                    for (int i = 0; i < categoryCount; i++) {
                        byCategory[ords[i]]++;
                    }
                }
                if (typeOk && categoryOk && hasYear) {
                    int slot = docYear - FIRST_YEAR;
                    if (slot >= 0 && slot < YEARS) {
                        yearCounts[slot]++;
                    } else {
                        otherYearCounts.merge(docYear, 1L, Long::sum);
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                for (int ord = 0; ord < byType.length; ord++) {
                    if (byType[ord] > 0) {
                        typeCounts.merge(typeValues.lookupOrd(ord).utf8ToString(), byType[ord], Long::sum);
                    }
                }
                for (int ord = 0; ord < byCategory.length; ord++) {
                    if (byCategory[ord] > 0) {
                        categoryCounts.merge(categoryValues.lookupOrd(ord).utf8ToString(), byCategory[ord], Long::sum);
                    }
                }
            }
        };
    }
}

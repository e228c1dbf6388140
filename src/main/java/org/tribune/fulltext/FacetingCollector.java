package org.tribune.fulltext;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocsCollector;

/**
 * Collects the page's top documents among those that pass the type, category and year filters, and counts the
 * facets in the same pass: each facet over the documents that pass the other two filters. The query it runs under
 * carries every other filter.
 */
final class FacetingCollector implements Collector {

    private final TopDocsCollector<?> top;
    private final Set<String> types;
    private final Set<String> categories;
    private final Integer year;
    private final boolean facets;

    private long total;
    private final Map<String, Long> typeCounts = new HashMap<>();
    private final Map<String, Long> categoryCounts = new HashMap<>();
    private final Map<Integer, Long> yearCounts = new HashMap<>();

    FacetingCollector(TopDocsCollector<?> top, SearchRequest request) {
        this.top = top;
        this.types = request.types();
        this.categories = request.categoryIds() == null
                ? null
                : request.categoryIds().stream().map(UUID::toString).collect(java.util.stream.Collectors.toSet());
        this.year = request.year();
        this.facets = request.facets();
    }

    long total() {
        return total;
    }

    SearchResult.Facets facets() {
        Map<UUID, Long> byCategory = new HashMap<>();
        categoryCounts.forEach((k, v) -> byCategory.put(UUID.fromString(k), v));
        return new SearchResult.Facets(sorted(typeCounts), sorted(byCategory), sorted(yearCounts));
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
        return top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafCollector topLeaf = top.getLeafCollector(context);
        SortedDocValues typeValues = DocValues.getSorted(context.reader(), LuceneSearchEngine.TYPE);
        SortedSetDocValues categoryValues = DocValues.getSortedSet(context.reader(), LuceneSearchEngine.CATEGORY);
        NumericDocValues yearValues = DocValues.getNumeric(context.reader(), LuceneSearchEngine.YEAR);
        String[] typeNames = new String[(int) typeValues.getValueCount()];
        String[] categoryNames = new String[(int) categoryValues.getValueCount()];
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                topLeaf.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                String type = null;
                if (typeValues.advanceExact(doc)) {
                    int ord = typeValues.ordValue();
                    if (typeNames[ord] == null) {
                        typeNames[ord] = typeValues.lookupOrd(ord).utf8ToString();
                    }
                    type = typeNames[ord];
                }
                String[] docCategories = null;
                if (categoryValues.advanceExact(doc)) {
                    docCategories = new String[categoryValues.docValueCount()];
                    for (int i = 0; i < docCategories.length; i++) {
                        int ord = (int) categoryValues.nextOrd();
                        if (categoryNames[ord] == null) {
                            categoryNames[ord] = categoryValues.lookupOrd(ord).utf8ToString();
                        }
                        docCategories[i] = categoryNames[ord];
                    }
                }
                Integer docYear = yearValues.advanceExact(doc) ? (int) yearValues.longValue() : null;
                boolean typeOk = types.isEmpty() || types.contains(type);
                boolean categoryOk = categories == null || anyIn(docCategories, categories);
                boolean yearOk = year == null || year.equals(docYear);
                if (typeOk && categoryOk && yearOk) {
                    total++;
                    topLeaf.collect(doc);
                }
                if (!facets) {
                    return;
                }
                if (categoryOk && yearOk && type != null) {
                    typeCounts.merge(type, 1L, Long::sum);
                }
                if (typeOk && yearOk && docCategories != null) {
                    for (String c : docCategories) {
                        categoryCounts.merge(c, 1L, Long::sum);
                    }
                }
                if (typeOk && categoryOk && docYear != null) {
                    yearCounts.merge(docYear, 1L, Long::sum);
                }
            }
        };
    }

    private static boolean anyIn(String[] values, Set<String> wanted) {
        if (values == null) {
            return false;
        }
        for (String v : values) {
            if (wanted.contains(v)) {
                return true;
            }
        }
        return false;
    }
}

package org.tribune.honor;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.common.Text;
import org.tribune.persistence.BySlug;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SortOrder;
import org.tribune.persistence.Sortable;
import org.tribune.persistence.SyncSource;
import org.tribune.persistence.Writes;
import org.tribune.site.PageLink;
import org.tribune.site.Permalinks;

@ApplicationScoped
public class PrizeService implements SyncSource {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "prize";

    private static final Sortable SORTING = Sortable.of("name", "name");
    private static final SortOrder BY_NAME = SORTING.parse(null);
    private static final Map<String, String> SORT_PATHS = SORTING.paths(Map.of("name", "nameKey"));

    private final PrizeRepository prizes;
    private final AwardRepository awards;
    private final Writes writes;
    private final MergePatcher patcher;
    private final Links links;
    private final ResourceType<Prize, PrizeView> type;

    public PrizeService(
            PrizeRepository prizes, AwardRepository awards, Writes writes, MergePatcher patcher, Links links) {
        this.links = links;
        this.prizes = prizes;
        this.awards = awards;
        this.writes = writes;
        this.patcher = patcher;
        this.type = ResourceType.of(RESOURCE_TYPE, "Prize", Prize.class, prizes, this::view)
                .showing(PrizeService::ref)
                .sluggedBy(p -> p.slug);
    }

    /** @param updatedAfter only those changed after this time; null means any */
    public PageResponse<PrizeView> list(Instant updatedAfter, PageRequest page) {
        String where = updatedAfter == null ? "1 = 1" : "updatedAt > :updatedAfter";
        Parameters params = updatedAfter == null ? new Parameters() : Parameters.with("updatedAfter", updatedAfter);
        long total = prizes.count(where, params);
        PageRequest.Slice<Prize> slice =
                Keyset.page(prizes, "from Prize where " + where, params, BY_NAME, SORT_PATHS, "id", page);
        List<Prize> items = slice.items();
        Map<UUID, Long> counts =
                prizes.awardCounts(items.stream().map(p -> p.id).toList());
        Permalinks permalinks = links.permalinks();
        return PageResponse.of(
                items.stream()
                        .map(p -> view(p, counts.getOrDefault(p.id, 0L), permalinks))
                        .toList(),
                page,
                total,
                slice.next());
    }

    public PrizeView get(UUID id) {
        return view(prizes.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Prize", id)));
    }

    public BySlug<PrizeView> getBySlug(String slug) {
        Optional<Prize> current = prizes.findBySlug(slug);
        if (current.isPresent()) {
            return BySlug.of(view(current.get()));
        }
        return links.slugHistory()
                .holder(RESOURCE_TYPE, slug)
                .flatMap(prizes::findByIdOptional)
                .map(p -> BySlug.<PrizeView>moved(p.slug))
                .orElseThrow(() -> ApiException.notFound("Prize with slug", slug));
    }

    @Transactional
    public PrizeView create(PrizeWrite write) {
        return writes.create(type, new Prize(), p -> apply(p, write));
    }

    @Transactional
    public PrizeView replace(UUID id, PrizeWrite write, Precondition precondition) {
        return writes.update(type, id, precondition, p -> apply(p, write));
    }

    @Transactional
    public PrizeView patch(UUID id, JsonNode patch, Precondition precondition) {
        return writes.update(
                type,
                id,
                precondition,
                p -> apply(
                        p,
                        patcher.apply(
                                new PrizeWrite(p.name, p.slug, p.description, List.copyOf(p.categories)),
                                patch,
                                PrizeWrite.class)));
    }

    @Transactional
    public void delete(UUID id, Precondition precondition) {
        writes.delete(type, id, precondition, p -> {
            long count = awards.countByPrize(id);
            if (count > 0) {
                throw ApiException.conflict("The prize still has " + count + " awards. Delete them first.");
            }
        });
    }

    // ---- for awards ----

    /** The page of every prize, as the sitemap lists them with their awards. */
    List<PageLink> pages() {
        Permalinks permalinks = links.permalinks();
        return prizes.listAll().stream()
                .map(p -> new PageLink(permalinks.prize(p.slug, p.id), p.updatedAt))
                .filter(p -> p.url() != null)
                .toList();
    }

    Map<UUID, PrizeRef> refs(Collection<UUID> ids) {
        Map<UUID, PrizeRef> refs = new LinkedHashMap<>();
        prizes.byIds(ids.stream().distinct().toList()).forEach(p -> refs.put(p.id, ref(p)));
        return refs;
    }

    private static PrizeRef ref(Prize p) {
        return new PrizeRef(p.id, p.slug, p.name);
    }

    Optional<UUID> idBySlug(String slug) {
        return prizes.findBySlug(slug).map(p -> p.id);
    }

    private void apply(Prize p, PrizeWrite w) {
        String name = w.name().strip();
        String key = Text.fold(name);
        if (prizes.taken("nameKey", key, p.id)) {
            throw ApiException.conflict("A prize named '" + name + "' already exists.");
        }
        p.slug = Slugs.choose(
                w.slug(),
                p.slug,
                name,
                "prix",
                "prize",
                s -> prizes.taken("slug", s, p.id) || links.slugHistory().heldByAnother(RESOURCE_TYPE, s, p.id));
        p.name = name;
        p.nameKey = key;
        p.description = Text.blankToNull(w.description());
        List<String> categories = checkedCategories(w.categories());
        if (!p.categories.equals(categories)) {
            p.categories.clear();
            p.categories.addAll(categories);
            awards.reorder(p.id, categories.stream().map(Text::fold).toList());
        }
    }

    private static List<String> checkedCategories(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i).strip().replaceAll("\\s+", " ");
            if (!seen.add(Text.fold(name))) {
                errors.add(new FieldError("categories[" + i + "]", "repeats '" + name + "'"));
            }
            categories.add(name);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return categories;
    }

    /**
     * What an award of {@code category} (folded) sorts on within its prize: its place in the prize's list, or after
     * every listed one, by name. Letters and digits only, so that every database collation orders them alike.
     */
    static String categoryOrder(List<String> foldedCategories, String foldedCategory) {
        int position = foldedCategories.indexOf(foldedCategory);
        return position < 0 ? "1" + foldedCategory : String.format("0%03d", position);
    }

    /** The folded categories of a prize, in its order. */
    List<String> foldedCategories(UUID prizeId) {
        return prizes.findByIdOptional(prizeId)
                .map(p -> p.categories.stream().map(Text::fold).toList())
                .orElse(List.of());
    }

    private PrizeView view(Prize p) {
        return view(p, awards.countByPrize(p.id), links.permalinks());
    }

    private static PrizeView view(Prize p, long awardCount, Permalinks permalinks) {
        return new PrizeView(
                p.id,
                p.name,
                p.slug,
                permalinks.prize(p.slug, p.id),
                p.description,
                List.copyOf(p.categories),
                awardCount,
                p.createdAt,
                p.updatedAt);
    }

    /** In the changes feed, every prize is public. */
    @Override
    public Set<String> resourceTypes() {
        return Set.of(RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        Map<UUID, Long> counts = withRepresentation ? prizes.awardCounts(ids) : Map.of();
        Permalinks permalinks = links.permalinks();
        return SyncSource.of(
                prizes.byIds(ids), withRepresentation, p -> view(p, counts.getOrDefault(p.id, 0L), permalinks));
    }
}

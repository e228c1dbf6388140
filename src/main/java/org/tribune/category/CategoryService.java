package org.tribune.category;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribune.common.ApiException;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.common.Text;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.web.Representations;

@ApplicationScoped
public class CategoryService {

    public static final Set<String> SORTABLE = Set.of("name", "postCount");
    public static final String DEFAULT_SORT = "name";

    private final CategoryRepository categories;
    private final CategoryUsage usage;
    private final Representations representations;
    private final MergePatcher patcher;

    public CategoryService(
            CategoryRepository categories, CategoryUsage usage, Representations representations, MergePatcher patcher) {
        this.categories = categories;
        this.usage = usage;
        this.representations = representations;
        this.patcher = patcher;
    }

    /**
     * A site has tens of categories, not thousands, and postCount is not a column: sorting and paging in memory
     * keeps this at two statements whatever the sort, where SQL paging would need a join on another feature's
     * tables.
     */
    public PageResponse<CategoryView> list(UUID parent, boolean topLevelOnly, SortOrder sort, PageRequest page) {
        List<Category> matching = categories.listByParent(parent, topLevelOnly);
        Map<UUID, Long> counts =
                usage.countByCategory(matching.stream().map(c -> c.id).toList());
        Comparator<CategoryView> order = sort.toComparator(
                Map.of(
                        "name", Comparator.comparing((CategoryView v) -> Text.fold(v.name())),
                        "postCount", Comparator.comparingLong(CategoryView::postCount)),
                Comparator.comparing(CategoryView::id));
        List<CategoryView> all = matching.stream()
                .map(c -> view(c, counts.getOrDefault(c.id, 0L)))
                .sorted(order)
                .toList();
        int from = Math.min(page.offset(), all.size());
        return PageResponse.of(all.subList(from, Math.min(from + page.size(), all.size())), page, all.size());
    }

    public CategoryView get(UUID id) {
        return view(categories.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Category", id)));
    }

    public CategoryView getBySlug(String slug) {
        return view(categories.findBySlug(slug).orElseThrow(() -> ApiException.notFound("Category with slug", slug)));
    }

    @Transactional
    public CategoryView create(CategoryWrite write) {
        Category c = new Category();
        c.id = UUID.randomUUID();
        c.createdAt = now();
        apply(c, write);
        categories.persist(c);
        return view(c, 0);
    }

    @Transactional
    public CategoryView replace(UUID id, CategoryWrite write, String ifMatch) {
        Category c = lockMatching(id, ifMatch);
        apply(c, write);
        categories.flush();
        return view(c);
    }

    @Transactional
    public CategoryView patch(UUID id, JsonNode patch, String ifMatch) {
        Category c = lockMatching(id, ifMatch);
        CategoryWrite merged = patcher.apply(toWrite(c), patch, CategoryWrite.class);
        apply(c, merged);
        categories.flush();
        return view(c);
    }

    /**
     * A category that still holds posts is only deleted when the caller says so with {@code force}: losing the
     * filing of many posts by accident is hard to undo. Children move to the top level rather than disappear.
     */
    @Transactional
    public void delete(UUID id, boolean force, String ifMatch) {
        Category c = lockMatching(id, ifMatch);
        long posts = usage.countByCategory(List.of(id)).getOrDefault(id, 0L);
        if (posts > 0 && !force) {
            throw ApiException.conflict(
                    "Category '" + c.name + "' still holds " + posts + (posts == 1 ? " post" : " posts")
                            + ". Remove them from it first, or delete with force=true to detach them.");
        }
        if (posts > 0) {
            usage.detachAll(id);
        }
        categories.moveChildrenToTop(id, now());
        categories.delete(c);
    }

    // ---- Public API for features that file content in categories ----

    /** The categories among {@code ids} that exist. */
    public Set<UUID> existing(Collection<UUID> ids) {
        return categories.findByIds(Set.copyOf(ids)).stream().map(c -> c.id).collect(Collectors.toSet());
    }

    /** Embeddable summaries of the given categories, in one statement. */
    public Map<UUID, CategoryRef> refs(Collection<UUID> ids) {
        Map<UUID, CategoryRef> refs = new LinkedHashMap<>();
        for (Category c : categories.findByIds(Set.copyOf(ids))) {
            refs.put(c.id, new CategoryRef(c.id, c.slug, c.name));
        }
        return refs;
    }

    public Set<UUID> idsBySlugs(Collection<String> slugs) {
        return categories.findBySlugs(Set.copyOf(slugs)).stream().map(c -> c.id).collect(Collectors.toSet());
    }

    // ---- Rules ----

    private Category lockMatching(UUID id, String ifMatch) {
        Category c = categories.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Category", id));
        representations.requireMatch(ifMatch, () -> view(c));
        return c;
    }

    private void apply(Category c, CategoryWrite w) {
        String name = w.name().trim();
        String nameKey = name.toLowerCase(Locale.ROOT);
        if (categories.nameTaken(nameKey, c.id)) {
            throw ApiException.conflict("A category named '" + name + "' already exists.");
        }
        c.name = name;
        c.nameKey = nameKey;
        c.slug = chooseSlug(c, w.slug(), name);
        c.description = w.description() == null || w.description().isBlank()
                ? null
                : w.description().trim();
        c.parentId = checkedParent(c.id, w.parent());
        c.updatedAt = now();
    }

    private String chooseSlug(Category c, String requested, String name) {
        if (requested == null) {
            return c.slug != null
                    ? c.slug
                    : Slugs.firstFree(Slugs.slugify(name, "category"), s -> categories.slugTaken(s, c.id));
        }
        if (!requested.equals(c.slug) && categories.slugTaken(requested, c.id)) {
            throw ApiException.conflict("The slug '" + requested + "' is already used by another category.");
        }
        return requested;
    }

    private UUID checkedParent(UUID self, UUID parent) {
        if (parent == null) {
            return null;
        }
        if (parent.equals(self)) {
            throw ApiException.conflict("A category cannot be its own parent.");
        }
        Set<UUID> seen = new HashSet<>();
        UUID cursor = parent;
        boolean first = true;
        while (cursor != null && seen.add(cursor)) {
            Category ancestor = categories.findById(cursor);
            if (ancestor == null) {
                if (first) {
                    throw ApiException.invalid("parent", "refers to no existing category");
                }
                break;
            }
            if (self.equals(ancestor.parentId)) {
                throw ApiException.conflict(
                        "Moving this category under '" + ancestor.name + "' would make it its own ancestor.");
            }
            cursor = ancestor.parentId;
            first = false;
        }
        return parent;
    }

    private CategoryView view(Category c) {
        return view(c, usage.countByCategory(List.of(c.id)).getOrDefault(c.id, 0L));
    }

    private static CategoryView view(Category c, long postCount) {
        return new CategoryView(c.id, c.name, c.slug, c.description, c.parentId, postCount, c.createdAt, c.updatedAt);
    }

    private static CategoryWrite toWrite(Category c) {
        return new CategoryWrite(c.name, c.slug, c.description, c.parentId);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

package org.tribune.category;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.common.Text;
import org.tribune.media.MediaRef;
import org.tribune.persistence.BySlug;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SlugHistory;
import org.tribune.persistence.SortOrder;
import org.tribune.persistence.Sortable;
import org.tribune.persistence.SyncSource;
import org.tribune.persistence.Writes;
import org.tribune.site.PageLink;
import org.tribune.site.Permalinks;
import org.tribune.site.Seo;
import org.tribune.site.SiteService;

@ApplicationScoped
public class CategoryService implements SyncSource {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "category";

    /** The keys the list sorts on, declared once: the OpenAPI pattern, the validation and the columns follow. */
    public static final String SORT_KEYS = "name|postCount";

    public static final String SORT_PATTERN = "^-?(" + SORT_KEYS + ")(,-?(" + SORT_KEYS + "))*$";
    public static final String DEFAULT_SORT = "name";
    public static final Sortable SORTING = Sortable.of(SORT_KEYS, DEFAULT_SORT);

    private final CategoryRepository categories;
    private final CategoryUsage usage;
    private final Writes writes;
    private final MergePatcher patcher;
    private final SiteService site;
    private final SlugHistory slugHistory;
    private final ResourceType<Category, CategoryView> type;

    public CategoryService(
            CategoryRepository categories,
            CategoryUsage usage,
            Writes writes,
            MergePatcher patcher,
            SiteService site,
            SlugHistory slugHistory) {
        this.site = site;
        this.slugHistory = slugHistory;
        this.categories = categories;
        this.usage = usage;
        this.writes = writes;
        this.patcher = patcher;
        this.type = ResourceType.of(RESOURCE_TYPE, "Category", Category.class, categories, this::view)
                .showing(CategoryService::ref)
                .sluggedBy(c -> c.slug);
    }

    public PageResponse<CategoryView> list(CategoryQuery query, SortOrder sort, PageRequest page) {
        CategoryRepository.Listing listing = categories.list(query, sort, page, usage);
        Permalinks permalinks = site.permalinks();
        Map<UUID, MediaRef> media =
                site.seoMedia(listing.items().stream().map(c -> c.seo).toList());
        return PageResponse.of(
                listing.items().stream()
                        .map(c -> view(c, listing.counts().getOrDefault(c.id, 0L), permalinks, media))
                        .toList(),
                page,
                listing.total(),
                listing.next());
    }

    public CategoryView get(UUID id) {
        return view(categories.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Category", id)));
    }

    public BySlug<CategoryView> getBySlug(String slug) {
        Optional<Category> current = categories.findBySlug(slug);
        if (current.isPresent()) {
            return BySlug.of(view(current.get()));
        }
        return slugHistory
                .holder(RESOURCE_TYPE, slug)
                .flatMap(categories::findByIdOptional)
                .map(c -> BySlug.<CategoryView>moved(c.slug))
                .orElseThrow(() -> ApiException.notFound("Category with slug", slug));
    }

    @Transactional
    public CategoryView create(CategoryWrite write) {
        return writes.create(type, new Category(), c -> apply(c, write));
    }

    @Transactional
    public CategoryView replace(UUID id, CategoryWrite write, Precondition precondition) {
        return writes.update(type, id, precondition, c -> apply(c, write));
    }

    @Transactional
    public CategoryView patch(UUID id, JsonNode patch, Precondition precondition) {
        return writes.update(
                type, id, precondition, c -> apply(c, patcher.apply(toWrite(c), patch, CategoryWrite.class)));
    }

    /**
     * A category that still holds posts is only deleted when the caller says so with {@code force}: losing the
     * filing of many posts by accident is hard to undo. Children move to the top level rather than disappear.
     */
    @Transactional
    public void delete(UUID id, boolean force, Precondition precondition) {
        writes.delete(type, id, precondition, c -> {
            long posts = usage.countByCategory(List.of(id)).getOrDefault(id, 0L);
            if (posts > 0 && !force) {
                throw ApiException.conflict(
                        "Category '" + c.name + "' still holds " + posts + (posts == 1 ? " post" : " posts")
                                + ". Remove them from it first, or delete with force=true to detach them.");
            }
            if (posts > 0) {
                usage.detachAll(id);
            }
            for (Category child : categories.children(id)) {
                writes.cascade(type, child.id, ch -> ch.parentId = null);
            }
        });
    }

    // ---- Public API for features that file content in categories ----

    /** The page of every category that search engines may list: the sitemap's. */
    public List<PageLink> indexablePages() {
        Permalinks permalinks = site.permalinks();
        return categories.list("seo.noindex = false").stream()
                .map(c -> new PageLink(permalinks.category(c.slug, c.id), c.updatedAt))
                .toList();
    }

    /** The categories among {@code ids} that exist. */
    public Set<UUID> existing(Collection<UUID> ids) {
        return categories.findByIds(Set.copyOf(ids)).stream().map(c -> c.id).collect(Collectors.toSet());
    }

    /** Embeddable summaries of the given categories, in one statement. */
    public Map<UUID, CategoryRef> refs(Collection<UUID> ids) {
        Map<UUID, CategoryRef> refs = new LinkedHashMap<>();
        for (CategoryRef ref : categories.refsByIds(Set.copyOf(ids))) {
            refs.put(ref.id(), ref);
        }
        return refs;
    }

    private static CategoryRef ref(Category c) {
        return new CategoryRef(c.id, c.slug, c.name);
    }

    public Set<UUID> idsBySlugs(Collection<String> slugs) {
        return categories.findBySlugs(Set.copyOf(slugs)).stream().map(c -> c.id).collect(Collectors.toSet());
    }

    /** A deleted media item leaves the category's sharing fields, as a write of the category. */
    @Transactional(Transactional.TxType.MANDATORY)
    void detachSharingImage(UUID id, UUID mediaId) {
        writes.cascade(type, id, c -> c.seo = c.seo.withoutImage(mediaId));
    }

    // ---- Rules ----

    private void apply(Category c, CategoryWrite w) {
        String name = w.name().trim();
        String nameKey = name.toLowerCase(Locale.ROOT);
        if (categories.nameTaken(nameKey, c.id)) {
            throw ApiException.conflict("A category named '" + name + "' already exists.");
        }
        c.name = name;
        c.nameKey = nameKey;
        c.sortName = Text.fold(name);
        c.slug = Slugs.choose(
                w.slug(),
                c.slug,
                name,
                "category",
                "category",
                s -> categories.slugTaken(s, c.id) || slugHistory.heldByAnother(RESOURCE_TYPE, s, c.id));
        c.description = w.description() == null || w.description().isBlank()
                ? null
                : w.description().trim();
        c.parentId = checkedParent(c.id, w.parent());
        List<FieldError> errors = new ArrayList<>();
        Seo seo = site.checked(w.seo(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        c.seo = seo;
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
        return view(
                c,
                usage.countByCategory(List.of(c.id)).getOrDefault(c.id, 0L),
                site.permalinks(),
                site.seoMedia(List.of(c.seo)));
    }

    private CategoryView view(Category c, long postCount, Permalinks permalinks, Map<UUID, MediaRef> media) {
        String permalink = permalinks.category(c.slug, c.id);
        return new CategoryView(
                c.id,
                c.name,
                c.slug,
                permalink,
                c.description,
                c.parentId,
                postCount,
                c.seo,
                site.metadata(c.seo, c.name, c.description, null, permalink, media),
                c.createdAt,
                c.updatedAt);
    }

    private static CategoryWrite toWrite(Category c) {
        return new CategoryWrite(c.name, c.slug, c.description, c.parentId, c.seo);
    }

    /** In the changes feed, every category is public. */
    @Override
    public Set<String> resourceTypes() {
        return Set.of(RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        Map<UUID, Long> counts = withRepresentation ? usage.countByCategory(ids) : Map.of();
        Permalinks permalinks = site.permalinks();
        List<Category> found = categories.findByIds(ids);
        Map<UUID, MediaRef> media = withRepresentation
                ? site.seoMedia(found.stream().map(c -> c.seo).toList())
                : Map.of();
        return SyncSource.of(found, withRepresentation, c -> view(c, counts.getOrDefault(c.id, 0L), permalinks, media));
    }
}

package org.tribune.honor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.FieldError;
import org.tribune.common.Html;
import org.tribune.common.MergePatcher;
import org.tribune.common.Text;
import org.tribune.fulltext.Matching;
import org.tribune.media.MediaRef;
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
import org.tribune.site.Seo;

@ApplicationScoped
public class AwardService implements SyncSource {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "award";

    private static final RelatedPosts.Kind KIND = RelatedPosts.Kind.AWARD;

    /** The keys the list sorts on, declared once: the OpenAPI pattern, the validation and the columns follow. */
    public static final String SORT_KEYS = "year|category|distinction|recipientName|" + Sortable.RELEVANCE;

    public static final String SORT_PATTERN = "^-?(" + SORT_KEYS + ")(,-?(" + SORT_KEYS + "))*$";
    /**
     * "The 2025 awards by category, in the order of the prize's page, laureates before special mentions, then by
     * recipient."
     */
    public static final String DEFAULT_SORT = "-year,category,distinction,recipientName";

    public static final Sortable SORTING = Sortable.of(SORT_KEYS, DEFAULT_SORT);

    private final AwardRepository awards;
    private final Matching matching;
    private final PrizeService prizes;
    private final Links links;
    private final Writes writes;
    private final MergePatcher patcher;
    private final Clock clock;
    private final ResourceType<Award, AwardView> type;

    public AwardService(
            AwardRepository awards,
            PrizeService prizes,
            Links links,
            Writes writes,
            MergePatcher patcher,
            Clock clock,
            Matching matching) {
        this.awards = awards;
        this.matching = matching;
        this.prizes = prizes;
        this.links = links;
        this.writes = writes;
        this.patcher = patcher;
        this.clock = clock;
        this.type = ResourceType.of(RESOURCE_TYPE, "Award", Award.class, awards, a -> get(a.id))
                .showing(a -> ref(a, prizes.refs(List.of(a.prizeId)).get(a.prizeId)));
    }

    public PageResponse<AwardView> list(AwardQuery query, SortOrder sort, PageRequest page) {
        List<FieldError> errors = new ArrayList<>();
        String countryCode = Countries.check(query.country(), "country", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        UUID prizeId = null;
        if (query.prizeSlug() != null) {
            prizeId = prizes.idBySlug(query.prizeSlug()).orElse(null);
            if (prizeId == null) {
                return PageResponse.of(List.of(), page, 0, null);
            }
        }
        List<UUID> ranked = matching.ranked(RESOURCE_TYPE, query.q());
        AwardRepository.Filter filter = new AwardRepository.Filter(
                prizeId,
                query.year(),
                query.category() == null ? null : Text.fold(query.category()),
                query.distinction(),
                countryCode,
                ranked == null ? null : Set.copyOf(ranked),
                query.updatedAfter());
        if (ranked != null && sort.uses(Sortable.RELEVANCE)) {
            return matching.page(
                    ranked,
                    awards.passing(filter),
                    page,
                    ids -> views(Matching.inOrder(ids, awards.byIds(ids), a -> a.id)));
        }
        AwardRepository.Listing listing = awards.list(filter, sort, page);
        return PageResponse.of(views(listing.items()), page, listing.total(), listing.next());
    }

    public AwardView get(UUID id) {
        return views(List.of(awards.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Award", id))))
                .get(0);
    }

    @Transactional
    public AwardView create(AwardWrite write) {
        return links.create(type, new Award(), KIND, a -> apply(a, write));
    }

    @Transactional
    public AwardView replace(UUID id, AwardWrite write, Precondition precondition) {
        return links.update(type, id, precondition, KIND, a -> apply(a, write));
    }

    @Transactional
    public AwardView patch(UUID id, JsonNode patch, Precondition precondition) {
        return links.update(
                type,
                id,
                precondition,
                KIND,
                a -> apply(a, patcher.apply(toWrite(a, links.relatedIds(KIND, id)), patch, AwardWrite.class)));
    }

    @Transactional
    public void delete(UUID id, Precondition precondition) {
        links.delete(type, id, precondition, KIND);
    }

    /** A deleted media file leaves the records that showed it, each recorded as a change. */
    @Transactional
    int detachPhoto(UUID mediaId) {
        List<Award> showing = awards.list("photoId = ?1 or seo.image = ?1", mediaId);
        showing.forEach(x -> writes.cascade(type, x.id, locked -> {
            if (mediaId.equals(locked.photoId)) {
                locked.photoId = null;
            }
            locked.seo = locked.seo.withoutImage(mediaId);
        }));
        return showing.size();
    }

    /**
     * The pages of the awards search engines may list, and of their prizes: an award's permalink without its
     * fragment (awards listed on their prize's page of a year share it), each with the latest change it shows.
     */
    public List<PageLink> indexablePages() {
        Permalinks permalinks = links.permalinks();
        Map<String, Instant> pages = new TreeMap<>();
        List<Award> listed = awards.list("seo.noindex = false");
        Map<UUID, PrizeRef> prizeRefs =
                prizes.refs(listed.stream().map(a -> a.prizeId).toList());
        for (Award a : listed) {
            String url = permalinks.award(a.id, prizeRefs.get(a.prizeId).slug(), a.year);
            if (url != null) {
                pages.merge(url.replaceFirst("#.*$", ""), a.updatedAt, (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        prizes.pages().forEach(p -> pages.merge(p.url(), p.lastModified(), (x, y) -> x.isAfter(y) ? x : y));
        return pages.entrySet().stream()
                .map(e -> new PageLink(e.getKey(), e.getValue()))
                .toList();
    }

    // ---- for posts ----

    /** The awards of a prize, which show its name. */
    public List<UUID> idsOfPrize(UUID prizeId) {
        return awards.list("prizeId", prizeId).stream().map(a -> a.id).toList();
    }

    public Map<UUID, AwardRef> refs(Collection<UUID> ids) {
        List<Award> found = awards.byIds(Set.copyOf(ids));
        Map<UUID, PrizeRef> prizeRefs =
                prizes.refs(found.stream().map(a -> a.prizeId).toList());
        Map<UUID, AwardRef> refs = new LinkedHashMap<>();
        found.forEach(a -> refs.put(a.id, ref(a, prizeRefs.get(a.prizeId))));
        return refs;
    }

    private static AwardRef ref(Award a, PrizeRef prize) {
        return new AwardRef(a.id, prize, a.year, a.category, a.distinction, a.recipientName);
    }

    public Set<UUID> existing(Collection<UUID> ids) {
        return refs(ids).keySet();
    }

    private List<UUID> apply(Award a, AwardWrite w) {
        List<FieldError> errors = new ArrayList<>();
        String country = Countries.check(w.country(), "country", errors);
        if (prizes.refs(List.of(w.prize())).isEmpty()) {
            errors.add(new FieldError("prize", "refers to no existing prize: " + w.prize()));
        }
        if (w.year() > clock.today().getYear() + 1) {
            errors.add(new FieldError("year", "must not be more than a year ahead"));
        }
        links.checkMedia(w.photo(), "photo", errors);
        List<UUID> related = links.checkPosts(w.relatedPosts(), "relatedPosts", errors);
        Seo seo = links.checkedSeo(w.seo(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        a.prizeId = w.prize();
        a.year = w.year();
        a.category = w.category().strip();
        a.sortCategory = Text.fold(a.category);
        a.categoryOrder = PrizeService.categoryOrder(prizes.foldedCategories(a.prizeId), a.sortCategory);
        a.distinction = w.distinction();
        a.distinctionRank = w.distinction().ordinal();
        a.recipientName = w.recipientName().strip();
        a.recipientDescription = Text.blankToNull(w.recipientDescription());
        a.country = country;
        a.citation = w.citation() == null || w.citation().isBlank() ? null : Html.sanitize(w.citation());
        a.photoId = w.photo();
        a.seo = seo;
        return related;
    }

    private List<AwardView> views(List<Award> page) {
        List<UUID> ids = page.stream().map(a -> a.id).toList();
        Map<UUID, List<RelatedPost>> related = links.posts().of(RelatedPosts.Kind.AWARD, ids);
        Map<UUID, MediaRef> photos = links.media(
                page.stream()
                        .map(a -> a.photoId)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                page.stream().map(a -> a.seo).toList());
        Map<UUID, PrizeRef> prizeRefs =
                prizes.refs(page.stream().map(a -> a.prizeId).toList());
        Permalinks permalinks = links.permalinks();
        return page.stream()
                .map(a -> new AwardView(
                        a.id,
                        prizeRefs.get(a.prizeId),
                        permalinks.award(a.id, prizeRefs.get(a.prizeId).slug(), a.year),
                        a.year,
                        a.category,
                        a.distinction,
                        a.recipientName,
                        a.recipientDescription,
                        a.country,
                        a.citation,
                        a.photoId == null ? null : photos.get(a.photoId),
                        related.getOrDefault(a.id, List.of()),
                        a.seo,
                        links.metadata(
                                a.seo,
                                a.recipientName + " – " + a.category + " " + a.year,
                                a.recipientDescription,
                                a.photoId,
                                permalinks.award(a.id, prizeRefs.get(a.prizeId).slug(), a.year),
                                photos),
                        a.createdAt,
                        a.updatedAt))
                .toList();
    }

    private static AwardWrite toWrite(Award a, List<UUID> related) {
        return new AwardWrite(
                a.prizeId,
                a.year,
                a.category,
                a.distinction,
                a.recipientName,
                a.recipientDescription,
                a.country,
                a.citation,
                a.photoId,
                related,
                a.seo);
    }

    /** In the changes feed, every award is public. */
    @Override
    public Set<String> resourceTypes() {
        return Set.of(RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        return SyncSource.ofAll(awards.byIds(ids), withRepresentation, this::views);
    }
}

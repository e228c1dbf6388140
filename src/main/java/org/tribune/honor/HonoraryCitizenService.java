package org.tribune.honor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
import org.tribune.common.Clock;
import org.tribune.common.FieldError;
import org.tribune.common.Html;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.common.Text;
import org.tribune.fulltext.Matching;
import org.tribune.media.MediaRef;
import org.tribune.persistence.BySlug;
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
public class HonoraryCitizenService implements SyncSource {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "honorary-citizen";

    private static final RelatedPosts.Kind KIND = RelatedPosts.Kind.HONORARY_CITIZEN;

    /** The keys the list sorts on, declared once: the OpenAPI pattern, the validation and the columns follow. */
    public static final String SORT_KEYS = "conferredOn|name|" + Sortable.RELEVANCE;

    public static final String SORT_PATTERN = "^-?(" + SORT_KEYS + ")(,-?(" + SORT_KEYS + "))*$";
    public static final String DEFAULT_SORT = "-conferredOn";
    public static final Sortable SORTING = Sortable.of(SORT_KEYS, DEFAULT_SORT);

    private final HonoraryCitizenRepository citizens;
    private final Matching matching;
    private final Links links;
    private final Writes writes;
    private final MergePatcher patcher;
    private final Clock clock;
    private final ResourceType<HonoraryCitizen, HonoraryCitizenView> type;

    public HonoraryCitizenService(
            HonoraryCitizenRepository citizens,
            Links links,
            Writes writes,
            MergePatcher patcher,
            Clock clock,
            Matching matching) {
        this.citizens = citizens;
        this.matching = matching;
        this.links = links;
        this.writes = writes;
        this.patcher = patcher;
        this.clock = clock;
        this.type = ResourceType.of(RESOURCE_TYPE, "Honorary citizen", HonoraryCitizen.class, citizens, c -> get(c.id))
                .showing(HonoraryCitizenService::ref)
                .sluggedBy(c -> c.slug);
    }

    /** A page with portraits and related posts loaded for the whole page: a fixed number of statements. */
    public PageResponse<HonoraryCitizenView> list(HonoraryCitizenQuery query, SortOrder sort, PageRequest page) {
        List<UUID> ranked = matching.ranked(RESOURCE_TYPE, query.q());
        if (ranked != null && sort.uses(Sortable.RELEVANCE)) {
            Set<UUID> passing = citizens.passing(query, Set.copyOf(ranked));
            return matching.page(
                    ranked, passing, page, ids -> views(Matching.inOrder(ids, citizens.byIds(ids), c -> c.id)));
        }
        HonoraryCitizenRepository.Listing listing =
                citizens.list(query, ranked == null ? null : Set.copyOf(ranked), sort, page);
        return PageResponse.of(views(listing.items()), page, listing.total(), listing.next());
    }

    public HonoraryCitizenView get(UUID id) {
        return views(List.of(
                        citizens.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Honorary citizen", id))))
                .get(0);
    }

    public BySlug<HonoraryCitizenView> getBySlug(String slug) {
        Optional<HonoraryCitizen> current = citizens.findBySlug(slug);
        if (current.isPresent()) {
            return BySlug.of(views(List.of(current.get())).get(0));
        }
        return links.slugHistory()
                .holder(RESOURCE_TYPE, slug)
                .flatMap(citizens::findByIdOptional)
                .map(c -> BySlug.<HonoraryCitizenView>moved(c.slug))
                .orElseThrow(() -> ApiException.notFound("Honorary citizen with slug", slug));
    }

    @Transactional
    public HonoraryCitizenView create(HonoraryCitizenWrite write) {
        return links.create(type, new HonoraryCitizen(), KIND, c -> apply(c, write));
    }

    @Transactional
    public HonoraryCitizenView replace(UUID id, HonoraryCitizenWrite write, Precondition precondition) {
        return links.update(type, id, precondition, KIND, c -> apply(c, write));
    }

    @Transactional
    public HonoraryCitizenView patch(UUID id, JsonNode patch, Precondition precondition) {
        return links.update(
                type,
                id,
                precondition,
                KIND,
                c -> apply(
                        c, patcher.apply(toWrite(c, links.relatedIds(KIND, id)), patch, HonoraryCitizenWrite.class)));
    }

    @Transactional
    public void delete(UUID id, Precondition precondition) {
        links.delete(type, id, precondition, KIND);
    }

    /** A deleted media file leaves the records that showed it, each recorded as a change. */
    @Transactional
    int detachPortrait(UUID mediaId) {
        List<HonoraryCitizen> showing = citizens.list("portraitId = ?1 or seo.image = ?1", mediaId);
        showing.forEach(x -> writes.cascade(type, x.id, locked -> {
            if (mediaId.equals(locked.portraitId)) {
                locked.portraitId = null;
            }
            locked.seo = locked.seo.withoutImage(mediaId);
        }));
        return showing.size();
    }

    /** The page of every honorary citizen that search engines may list: the sitemap's. */
    public List<PageLink> indexablePages() {
        Permalinks permalinks = links.permalinks();
        return citizens.list("seo.noindex = false").stream()
                .map(c -> new PageLink(permalinks.honoraryCitizen(c.slug, c.id), c.updatedAt))
                .toList();
    }

    // ---- for posts ----

    public Map<UUID, HonoraryCitizenRef> refs(Collection<UUID> ids) {
        Map<UUID, HonoraryCitizenRef> refs = new LinkedHashMap<>();
        for (HonoraryCitizen c : citizens.byIds(Set.copyOf(ids))) {
            refs.put(c.id, ref(c));
        }
        return refs;
    }

    private static HonoraryCitizenRef ref(HonoraryCitizen c) {
        return new HonoraryCitizenRef(c.id, c.slug, c.name, c.conferredOn);
    }

    public Set<UUID> existing(Collection<UUID> ids) {
        return refs(ids).keySet();
    }

    public Set<UUID> idsBySlugs(Collection<String> slugs) {
        Set<UUID> ids = new HashSet<>();
        citizens.bySlugs(slugs).forEach(c -> ids.add(c.id));
        return ids;
    }

    // ---- rules ----

    /** Checks everything before touching the entity; returns the related posts to link. */
    private List<UUID> apply(HonoraryCitizen c, HonoraryCitizenWrite w) {
        List<FieldError> errors = new ArrayList<>();
        String country = Countries.check(w.country(), "country", errors);
        if (w.conferredOn().isAfter(clock.today())) {
            errors.add(new FieldError("conferredOn", "must not be in the future"));
        }
        links.checkMedia(w.portrait(), "portrait", errors);
        List<UUID> related = links.checkPosts(w.relatedPosts(), "relatedPosts", errors);
        Seo seo = links.checkedSeo(w.seo(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String name = w.name().strip();
        c.slug = Slugs.choose(
                w.slug(),
                c.slug,
                name,
                "citoyen",
                "honorary citizen",
                s -> citizens.slugTaken(s, c.id) || links.slugHistory().heldByAnother(RESOURCE_TYPE, s, c.id));
        c.name = name;
        c.sortName = Text.fold(name);
        c.description = w.description().strip();
        c.country = country;
        c.conferredOn = w.conferredOn();
        c.decisionReference = Text.blankToNull(w.decisionReference());
        c.vote = w.vote();
        c.citation = w.citation() == null || w.citation().isBlank() ? null : Html.sanitize(w.citation());
        String situation = Text.blankToNull(w.situation());
        if (situation == null ? c.situation != null : !situation.equals(c.situation)) {
            c.situationUpdatedAt = situation == null ? null : clock.now();
        }
        c.situation = situation;
        c.portraitId = w.portrait();
        c.seo = seo;
        return related;
    }

    private List<HonoraryCitizenView> views(List<HonoraryCitizen> page) {
        List<UUID> ids = page.stream().map(c -> c.id).toList();
        Map<UUID, List<RelatedPost>> related = links.posts().of(RelatedPosts.Kind.HONORARY_CITIZEN, ids);
        Map<UUID, MediaRef> portraits = links.media(
                page.stream()
                        .map(c -> c.portraitId)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                page.stream().map(c -> c.seo).toList());
        Permalinks permalinks = links.permalinks();
        return page.stream()
                .map(c -> new HonoraryCitizenView(
                        c.id,
                        c.name,
                        c.slug,
                        permalinks.honoraryCitizen(c.slug, c.id),
                        c.description,
                        c.country,
                        c.conferredOn,
                        c.decisionReference,
                        c.vote,
                        c.citation,
                        c.situation,
                        c.situationUpdatedAt,
                        c.portraitId == null ? null : portraits.get(c.portraitId),
                        related.getOrDefault(c.id, List.of()),
                        c.seo,
                        links.metadata(
                                c.seo,
                                c.name,
                                c.description,
                                c.portraitId,
                                permalinks.honoraryCitizen(c.slug, c.id),
                                portraits),
                        c.createdAt,
                        c.updatedAt))
                .toList();
    }

    private static HonoraryCitizenWrite toWrite(HonoraryCitizen c, List<UUID> related) {
        return new HonoraryCitizenWrite(
                c.name,
                c.slug,
                c.description,
                c.country,
                c.conferredOn,
                c.decisionReference,
                c.vote,
                c.citation,
                c.situation,
                c.portraitId,
                related,
                c.seo);
    }

    /** In the changes feed, every honorary citizen is public. */
    @Override
    public Set<String> resourceTypes() {
        return Set.of(RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        return SyncSource.ofAll(citizens.byIds(ids), withRepresentation, this::views);
    }
}

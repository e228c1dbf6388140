package org.tribune.honor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;
import org.tribune.common.Html;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.common.Text;
import org.tribune.media.MediaRef;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.web.Representations;

@ApplicationScoped
public class HonoraryCitizenService {

    public static final Set<String> SORTABLE = HonoraryCitizenRepository.SORT_PATHS.keySet();
    public static final String DEFAULT_SORT = "-conferredOn";

    private final HonoraryCitizenRepository citizens;
    private final Links links;
    private final Representations representations;
    private final MergePatcher patcher;

    public HonoraryCitizenService(
            HonoraryCitizenRepository citizens, Links links, Representations representations, MergePatcher patcher) {
        this.citizens = citizens;
        this.links = links;
        this.representations = representations;
        this.patcher = patcher;
    }

    /** A page with portraits and related posts loaded for the whole page: a fixed number of statements. */
    public PageResponse<HonoraryCitizenView> list(
            Integer year, String country, String q, SortOrder sort, PageRequest page) {
        List<String> words =
                q == null ? List.of() : Text.words(q).stream().limit(8).toList();
        HonoraryCitizenRepository.Listing listing = citizens.list(year, country, words, sort, page);
        return PageResponse.of(views(listing.items()), page, listing.total());
    }

    public HonoraryCitizenView get(UUID id) {
        return views(List.of(
                        citizens.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Honorary citizen", id))))
                .get(0);
    }

    public HonoraryCitizenView getBySlug(String slug) {
        return views(List.of(citizens.findBySlug(slug)
                        .orElseThrow(() -> ApiException.notFound("Honorary citizen with slug", slug))))
                .get(0);
    }

    @Transactional
    public HonoraryCitizenView create(HonoraryCitizenWrite write) {
        HonoraryCitizen c = new HonoraryCitizen();
        c.id = UUID.randomUUID();
        c.createdAt = now();
        List<UUID> related = apply(c, write);
        citizens.persist(c);
        citizens.flush();
        links.posts().link(RelatedPosts.Kind.HONORARY_CITIZEN, c.id, related);
        return get(c.id);
    }

    @Transactional
    public HonoraryCitizenView replace(UUID id, HonoraryCitizenWrite write, String ifMatch) {
        HonoraryCitizen c = lockMatching(id, ifMatch);
        links.posts().link(RelatedPosts.Kind.HONORARY_CITIZEN, id, apply(c, write));
        citizens.flush();
        return get(id);
    }

    @Transactional
    public HonoraryCitizenView patch(UUID id, JsonNode patch, String ifMatch) {
        HonoraryCitizen c = lockMatching(id, ifMatch);
        HonoraryCitizenWrite current = toWrite(
                c,
                links.posts()
                        .of(RelatedPosts.Kind.HONORARY_CITIZEN, List.of(id))
                        .getOrDefault(id, List.of()));
        links.posts()
                .link(
                        RelatedPosts.Kind.HONORARY_CITIZEN,
                        id,
                        apply(c, patcher.apply(current, patch, HonoraryCitizenWrite.class)));
        citizens.flush();
        return get(id);
    }

    /** The posts that mentioned them lose the link, and their versions move. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        HonoraryCitizen c = lockMatching(id, ifMatch);
        links.posts().unlinkAll(RelatedPosts.Kind.HONORARY_CITIZEN, id);
        citizens.delete(c);
    }

    // ---- for posts ----

    public Map<UUID, HonoraryCitizenRef> refs(Collection<UUID> ids) {
        Map<UUID, HonoraryCitizenRef> refs = new LinkedHashMap<>();
        for (HonoraryCitizen c : citizens.byIds(Set.copyOf(ids))) {
            refs.put(c.id, new HonoraryCitizenRef(c.id, c.slug, c.name, c.conferredOn));
        }
        return refs;
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
        if (w.conferredOn().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            errors.add(new FieldError("conferredOn", "must not be in the future"));
        }
        links.checkMedia(w.portrait(), "portrait", errors);
        List<UUID> related = links.checkPosts(w.relatedPosts(), "relatedPosts", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String name = w.name().strip();
        c.slug = chooseSlug(c, w.slug(), name);
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
            c.situationUpdatedAt = situation == null ? null : now();
        }
        c.situation = situation;
        c.portraitId = w.portrait();
        c.searchText = Text.truncate(
                Text.fold(String.join(" ", name, c.description, situation == null ? "" : situation)), 2000);
        c.updatedAt = now();
        return related;
    }

    private String chooseSlug(HonoraryCitizen c, String requested, String name) {
        if (requested == null) {
            return c.slug != null
                    ? c.slug
                    : Slugs.firstFree(Slugs.slugify(name, "citoyen"), s -> citizens.slugTaken(s, c.id));
        }
        if (!requested.equals(c.slug) && citizens.slugTaken(requested, c.id)) {
            throw ApiException.conflict("The slug '" + requested + "' is already used by another honorary citizen.");
        }
        return requested;
    }

    private HonoraryCitizen lockMatching(UUID id, String ifMatch) {
        HonoraryCitizen c = citizens.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Honorary citizen", id));
        representations.requireMatch(ifMatch, () -> get(id));
        return c;
    }

    private List<HonoraryCitizenView> views(List<HonoraryCitizen> page) {
        List<UUID> ids = page.stream().map(c -> c.id).toList();
        Map<UUID, List<RelatedPost>> related = links.posts().of(RelatedPosts.Kind.HONORARY_CITIZEN, ids);
        Map<UUID, MediaRef> portraits =
                links.media(page.stream().map(c -> c.portraitId).toList());
        return page.stream()
                .map(c -> new HonoraryCitizenView(
                        c.id,
                        c.name,
                        c.slug,
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
                        c.createdAt,
                        c.updatedAt))
                .toList();
    }

    private static HonoraryCitizenWrite toWrite(HonoraryCitizen c, List<RelatedPost> related) {
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
                related.stream().map(RelatedPost::id).toList());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

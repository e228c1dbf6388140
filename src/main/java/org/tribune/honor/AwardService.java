package org.tribune.honor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;
import org.tribune.common.Html;
import org.tribune.common.MergePatcher;
import org.tribune.common.Text;
import org.tribune.media.MediaRef;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.web.Representations;

@ApplicationScoped
public class AwardService {

    public static final Set<String> SORTABLE = AwardRepository.SORT_PATHS.keySet();
    /** "The 2025 laureates by category, laureates before special mentions." */
    public static final String DEFAULT_SORT = "-year,category,distinction";

    private final AwardRepository awards;
    private final PrizeService prizes;
    private final Links links;
    private final Representations representations;
    private final MergePatcher patcher;

    public AwardService(
            AwardRepository awards,
            PrizeService prizes,
            Links links,
            Representations representations,
            MergePatcher patcher) {
        this.awards = awards;
        this.prizes = prizes;
        this.links = links;
        this.representations = representations;
        this.patcher = patcher;
    }

    public PageResponse<AwardView> list(
            String prizeSlug,
            Integer year,
            String category,
            Distinction distinction,
            String country,
            String q,
            SortOrder sort,
            PageRequest page) {
        List<FieldError> errors = new ArrayList<>();
        String countryCode = Countries.check(country, "country", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        UUID prizeId = null;
        if (prizeSlug != null) {
            prizeId = prizes.idBySlug(prizeSlug).orElse(null);
            if (prizeId == null) {
                return PageResponse.of(List.of(), page, 0);
            }
        }
        List<String> words =
                q == null ? List.of() : Text.words(q).stream().limit(8).toList();
        AwardRepository.Listing listing = awards.list(
                new AwardRepository.Filter(
                        prizeId, year, category == null ? null : Text.fold(category), distinction, countryCode, words),
                sort,
                page);
        return PageResponse.of(views(listing.items()), page, listing.total());
    }

    public AwardView get(UUID id) {
        return views(List.of(awards.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Award", id))))
                .get(0);
    }

    @Transactional
    public AwardView create(AwardWrite write) {
        Award a = new Award();
        a.id = UUID.randomUUID();
        a.createdAt = HonoraryCitizenService.now();
        List<UUID> related = apply(a, write);
        awards.persist(a);
        awards.flush();
        links.posts().link(RelatedPosts.Kind.AWARD, a.id, related);
        return get(a.id);
    }

    @Transactional
    public AwardView replace(UUID id, AwardWrite write, String ifMatch) {
        Award a = lockMatching(id, ifMatch);
        links.posts().link(RelatedPosts.Kind.AWARD, id, apply(a, write));
        awards.flush();
        return get(id);
    }

    @Transactional
    public AwardView patch(UUID id, JsonNode patch, String ifMatch) {
        Award a = lockMatching(id, ifMatch);
        List<UUID> related = links.posts().of(RelatedPosts.Kind.AWARD, List.of(id)).getOrDefault(id, List.of()).stream()
                .map(RelatedPost::id)
                .toList();
        AwardWrite current = new AwardWrite(
                a.prizeId,
                a.year,
                a.category,
                a.distinction,
                a.recipientName,
                a.recipientDescription,
                a.country,
                a.citation,
                a.photoId,
                related);
        links.posts().link(RelatedPosts.Kind.AWARD, id, apply(a, patcher.apply(current, patch, AwardWrite.class)));
        awards.flush();
        return get(id);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Award a = lockMatching(id, ifMatch);
        links.posts().unlinkAll(RelatedPosts.Kind.AWARD, id);
        awards.delete(a);
    }

    // ---- for posts ----

    public Map<UUID, AwardRef> refs(Collection<UUID> ids) {
        List<Award> found = awards.byIds(Set.copyOf(ids));
        Map<UUID, PrizeRef> prizeRefs =
                prizes.refs(found.stream().map(a -> a.prizeId).toList());
        Map<UUID, AwardRef> refs = new LinkedHashMap<>();
        found.forEach(a -> refs.put(
                a.id,
                new AwardRef(a.id, prizeRefs.get(a.prizeId), a.year, a.category, a.distinction, a.recipientName)));
        return refs;
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
        if (w.year() > LocalDate.now(ZoneOffset.UTC).getYear() + 1) {
            errors.add(new FieldError("year", "must not be more than a year ahead"));
        }
        links.checkMedia(w.photo(), "photo", errors);
        List<UUID> related = links.checkPosts(w.relatedPosts(), "relatedPosts", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        a.prizeId = w.prize();
        a.year = w.year();
        a.category = w.category().strip();
        a.sortCategory = Text.fold(a.category);
        a.distinction = w.distinction();
        a.distinctionRank = w.distinction().ordinal();
        a.recipientName = w.recipientName().strip();
        a.recipientDescription = Text.blankToNull(w.recipientDescription());
        a.country = country;
        a.citation = w.citation() == null || w.citation().isBlank() ? null : Html.sanitize(w.citation());
        a.photoId = w.photo();
        a.searchText = Text.truncate(
                Text.fold(String.join(
                        " ",
                        a.recipientName,
                        a.recipientDescription == null ? "" : a.recipientDescription,
                        a.category)),
                2000);
        a.updatedAt = HonoraryCitizenService.now();
        return related;
    }

    private Award lockMatching(UUID id, String ifMatch) {
        Award a = awards.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Award", id));
        representations.requireMatch(ifMatch, () -> get(id));
        return a;
    }

    private List<AwardView> views(List<Award> page) {
        List<UUID> ids = page.stream().map(a -> a.id).toList();
        Map<UUID, List<RelatedPost>> related = links.posts().of(RelatedPosts.Kind.AWARD, ids);
        Map<UUID, MediaRef> photos =
                links.media(page.stream().map(a -> a.photoId).toList());
        Map<UUID, PrizeRef> prizeRefs =
                prizes.refs(page.stream().map(a -> a.prizeId).toList());
        return page.stream()
                .map(a -> new AwardView(
                        a.id,
                        prizeRefs.get(a.prizeId),
                        a.year,
                        a.category,
                        a.distinction,
                        a.recipientName,
                        a.recipientDescription,
                        a.country,
                        a.citation,
                        a.photoId == null ? null : photos.get(a.photoId),
                        related.getOrDefault(a.id, List.of()),
                        a.createdAt,
                        a.updatedAt))
                .toList();
    }
}

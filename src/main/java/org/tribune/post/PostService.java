package org.tribune.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.account.AccountRef;
import org.tribune.account.AccountService;
import org.tribune.category.CategoryRef;
import org.tribune.category.CategoryService;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.FieldError;
import org.tribune.common.Html;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.common.Text;
import org.tribune.honor.AwardRef;
import org.tribune.honor.AwardService;
import org.tribune.honor.HonoraryCitizenRef;
import org.tribune.honor.HonoraryCitizenService;
import org.tribune.media.MediaRef;
import org.tribune.media.MediaService;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.security.Caller;
import org.tribune.security.Callers;
import org.tribune.web.Representations;

@ApplicationScoped
public class PostService {

    public static final Set<String> SORTABLE = PostRepository.SORT_PATHS.keySet();
    public static final String DEFAULT_SORT = "-publishedAt";
    public static final String DEFAULT_LANG = "fr";
    static final int MAX_SEARCH_TERMS = 8;
    static final int MAX_CONTENT = 200_000;
    /** Folding can lengthen a title (ligatures, compatibility characters); the column is twice the title. */
    static final int MAX_SORT_TITLE = 600;

    private final PostRepository posts;
    private final CategoryService categories;
    private final Representations representations;
    private final MergePatcher patcher;
    private final AccountService accounts;
    private final Callers callers;
    private final MediaService media;
    private final HonoraryCitizenService citizens;
    private final AwardService awards;
    private final Clock time;
    private final ObjectMapper mapper;
    private final Duration trashRetention;

    public PostService(
            PostRepository posts,
            CategoryService categories,
            Representations representations,
            MergePatcher patcher,
            AccountService accounts,
            Callers callers,
            MediaService media,
            HonoraryCitizenService citizens,
            AwardService awards,
            Clock time,
            ObjectMapper mapper,
            @ConfigProperty(name = "tribune.trash-retention") Duration trashRetention) {
        this.time = time;
        this.mapper = mapper;
        this.trashRetention = trashRetention;
        this.media = media;
        this.citizens = citizens;
        this.awards = awards;
        this.posts = posts;
        this.categories = categories;
        this.representations = representations;
        this.patcher = patcher;
        this.accounts = accounts;
        this.callers = callers;
    }

    /**
     * A page of listing cards in a fixed number of statements, whatever its size: count, page, category ids,
     * tags, category summaries, authors, gallery ids and media (with their sizes). A test holds this line against N+1 regressions.
     */
    public PageResponse<PostSummary> list(
            List<String> categorySlugs,
            String tag,
            String q,
            Instant after,
            Instant before,
            String lang,
            String honoraryCitizenSlug,
            UUID awardId,
            PostStatus status,
            SortOrder sort,
            PageRequest page) {
        return list(
                categorySlugs,
                tag,
                q,
                after,
                before,
                lang,
                honoraryCitizenSlug,
                awardId,
                new PostFilter.Visibility(callers.current().isAnonymous(), status, false, time.now()),
                sort,
                page);
    }

    /** Every post, drafts and trash included: for start-up tasks that need an empty database. */
    public long countAll() {
        return posts.count();
    }

    /** The trash, for editors: what DELETE put there, most recently deleted first. */
    public PageResponse<PostSummary> trash(SortOrder sort, PageRequest page) {
        return list(
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new PostFilter.Visibility(false, null, true, time.now()),
                sort,
                page);
    }

    private PageResponse<PostSummary> list(
            List<String> categorySlugs,
            String tag,
            String q,
            Instant after,
            Instant before,
            String lang,
            String honoraryCitizenSlug,
            UUID awardId,
            PostFilter.Visibility visibility,
            SortOrder sort,
            PageRequest page) {
        Set<UUID> categoryIds = categorySlugs.isEmpty() ? null : categories.idsBySlugs(categorySlugs);
        Set<UUID> citizenIds = honoraryCitizenSlug == null ? null : citizens.idsBySlugs(List.of(honoraryCitizenSlug));
        PostFilter filter =
                new PostFilter(categoryIds, tag, searchTerms(q), after, before, lang, citizenIds, awardId, visibility);
        PostRepository.Listing listing = posts.list(filter, sort, page);

        List<UUID> ids = listing.rows().stream().map(PostRepository.Row::id).toList();
        Map<UUID, Set<UUID>> categoryIdsByPost = posts.categoryIdsOf(ids);
        Map<UUID, List<String>> tagsByPost = posts.tagsOf(ids);
        Map<UUID, CategoryRef> refs = categories.refs(
                categoryIdsByPost.values().stream().flatMap(Set::stream).toList());
        Map<UUID, AccountRef> authors = accounts.refs(listing.rows().stream()
                .map(PostRepository.Row::authorId)
                .filter(a -> a != null)
                .toList());
        Map<UUID, List<UUID>> galleries = posts.galleriesOf(ids);
        List<UUID> mediaIds = new ArrayList<>();
        listing.rows().stream()
                .map(PostRepository.Row::featuredMediaId)
                .filter(m -> m != null)
                .forEach(mediaIds::add);
        galleries.values().forEach(mediaIds::addAll);
        Map<UUID, MediaRef> mediaRefs = media.refs(mediaIds);
        Map<UUID, Set<UUID>> citizensByPost = posts.honoraryCitizenIdsOf(ids);
        Map<UUID, Set<UUID>> awardsByPost = posts.awardIdsOf(ids);
        Map<UUID, HonoraryCitizenRef> citizenRefs = citizens.refs(
                citizensByPost.values().stream().flatMap(Set::stream).toList());
        Map<UUID, AwardRef> awardRefs =
                awards.refs(awardsByPost.values().stream().flatMap(Set::stream).toList());

        List<PostSummary> items = listing.rows().stream()
                .map(r -> new PostSummary(
                        r.id(),
                        r.slug(),
                        r.title(),
                        r.excerpt(),
                        effective(r.status(), r.publishedAt()),
                        r.publishedAt(),
                        r.lang(),
                        refsOf(categoryIdsByPost.getOrDefault(r.id(), Set.of()), refs),
                        tagsByPost.getOrDefault(r.id(), List.of()),
                        r.authorId() == null ? null : authors.get(r.authorId()),
                        r.featuredMediaId() == null ? null : mediaRefs.get(r.featuredMediaId()),
                        refsOf(galleries.getOrDefault(r.id(), List.of()), mediaRefs),
                        ordered(citizensByPost.getOrDefault(r.id(), Set.of()), citizenRefs),
                        ordered(awardsByPost.getOrDefault(r.id(), Set.of()), awardRefs),
                        r.updatedAt()))
                .toList();
        return PageResponse.of(items, page, listing.total());
    }

    /** A post the caller may not see answers exactly like one that does not exist. */
    public PostView get(UUID id) {
        return view(
                posts.findByIdOptional(id).filter(this::visible).orElseThrow(() -> ApiException.notFound("Post", id)));
    }

    public PostView getBySlug(String slug) {
        return view(posts.findBySlug(slug)
                .filter(this::visible)
                .orElseThrow(() -> ApiException.notFound("Post with slug", slug)));
    }

    private boolean visible(Post p) {
        if (p.deletedAt != null) {
            return false;
        }
        boolean due = (p.status == PostStatus.published || p.status == PostStatus.scheduled)
                && !p.publishedAt.isAfter(time.now());
        return due || !callers.current().isAnonymous();
    }

    private PostStatus effective(PostStatus status, Instant publishedAt) {
        return status == PostStatus.scheduled && !publishedAt.isAfter(time.now()) ? PostStatus.published : status;
    }

    @Transactional
    public PostView create(PostWrite write) {
        Post p = new Post();
        p.id = UUID.randomUUID();
        p.createdAt = now();
        // An API token writes on behalf of the admin who created it.
        p.authorId = callers.current().accountId();
        apply(p, write);
        posts.persist(p);
        posts.flush();
        recordRevision(p);
        return view(p);
    }

    @Transactional
    public PostView replace(UUID id, PostWrite write, String ifMatch) {
        Post p = lockMatching(id, ifMatch);
        apply(p, write);
        posts.flush();
        recordRevision(p);
        return view(p);
    }

    @Transactional
    public PostView patch(UUID id, JsonNode patch, String ifMatch) {
        Post p = lockMatching(id, ifMatch);
        PostWrite patched = patcher.apply(toWrite(p), patch, PostWrite.class);
        if (patch.has("status") && !patch.has("publishedAt")) {
            // Publishing a draft without a date publishes it now, not at the date the draft was started.
            patched = withPublishedAt(patched, null);
        }
        apply(p, patched);
        posts.flush();
        recordRevision(p);
        return view(p);
    }

    /**
     * Moves the post to the trash, where it is invisible everywhere but keeps its links; {@code permanent} deletes
     * it at once, for editors only.
     */
    @Transactional
    public void delete(UUID id, boolean permanent, String ifMatch) {
        if (permanent && !callers.current().isEditorOrAdmin()) {
            throw ApiException.forbidden("Only editors may delete a post for good; authors move posts to the trash.");
        }
        Post p = lockMatching(id, ifMatch, permanent);
        if (permanent) {
            posts.delete(p);
            return;
        }
        p.deletedAt = time.now();
        p.updatedAt = p.deletedAt;
    }

    @Transactional
    public PostView restore(UUID id) {
        Post p = posts.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Post", id));
        if (p.deletedAt == null) {
            throw ApiException.conflict("Post " + id + " is not in the trash.");
        }
        p.deletedAt = null;
        p.updatedAt = time.now();
        posts.flush();
        return view(p);
    }

    /** Deletes for good what has been in the trash longer than the retention; one statement, safe on every instance. */
    @Transactional
    public int purgeTrash() {
        return posts.purgeTrashedBefore(time.now().minus(trashRetention));
    }

    @io.quarkus.scheduler.Scheduled(
            every = "1h",
            delayed = "1m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeTrash();
    }

    // ---- revisions ----

    public PageResponse<RevisionSummary> revisions(UUID postId, PageRequest page) {
        requireReadable(postId);
        List<PostRevision> slice = posts.revisions(postId, page);
        long total = posts.revisionCount(postId);
        Map<UUID, AccountRef> authors = accounts.refs(
                slice.stream().map(r -> r.authorId).filter(a -> a != null).toList());
        return PageResponse.of(
                slice.stream()
                        .map(r -> new RevisionSummary(
                                r.id,
                                r.number,
                                r.status,
                                r.title,
                                r.authorId == null ? null : authors.get(r.authorId),
                                r.createdAt))
                        .toList(),
                page,
                total);
    }

    public RevisionView revision(UUID postId, UUID revisionId) {
        requireReadable(postId);
        PostRevision r = findRevision(postId, revisionId);
        AccountRef author =
                r.authorId == null ? null : accounts.refs(List.of(r.authorId)).get(r.authorId);
        return new RevisionView(r.id, r.postId, r.number, author, r.createdAt, snapshot(r));
    }

    /** Makes a revision current again; the restore is itself a new revision. */
    @Transactional
    public PostView restoreRevision(UUID postId, UUID revisionId, String ifMatch) {
        Post p = lockMatching(postId, ifMatch);
        apply(p, snapshot(findRevision(postId, revisionId)));
        posts.flush();
        recordRevision(p);
        return view(p);
    }

    private void requireReadable(UUID postId) {
        posts.findByIdOptional(postId)
                .filter(p -> p.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("Post", postId));
    }

    private PostRevision findRevision(UUID postId, UUID revisionId) {
        PostRevision r = posts.getEntityManager().find(PostRevision.class, revisionId);
        if (r == null || !r.postId.equals(postId)) {
            throw ApiException.notFound("Revision", revisionId);
        }
        return r;
    }

    private PostWrite snapshot(PostRevision r) {
        try {
            return mapper.readValue(r.snapshot, PostWrite.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Revision " + r.id + " cannot be read", e);
        }
    }

    /** Stores the post as it now is, unless nothing a revision records has changed since the last one. */
    private void recordRevision(Post p) {
        String json;
        try {
            json = mapper.writeValueAsString(toWrite(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (posts.lastRevision(p.id).map(last -> last.snapshot.equals(json)).orElse(false)) {
            return;
        }
        PostRevision r = new PostRevision();
        r.id = UUID.randomUUID();
        r.postId = p.id;
        r.number = posts.nextRevisionNumber(p.id);
        r.status = p.status;
        r.title = p.title;
        r.snapshot = json;
        r.authorId = callers.current().accountId();
        r.createdAt = time.now();
        posts.getEntityManager().persist(r);
    }

    private Post lockMatching(UUID id, String ifMatch) {
        return lockMatching(id, ifMatch, false);
    }

    private Post lockMatching(UUID id, String ifMatch, boolean evenInTrash) {
        Post p = posts.findForUpdate(id)
                .filter(x -> evenInTrash || x.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("Post", id));
        Caller caller = callers.current();
        if (!caller.mayChange(p.authorId)) {
            throw ApiException.forbidden("Authors may change and delete only their own posts.");
        }
        if (!caller.isEditorOrAdmin() && p.status != PostStatus.draft) {
            throw ApiException.forbidden("This post is " + p.status + "; only editors may change it now.");
        }
        representations.requireMatch(ifMatch, () -> view(p));
        return p;
    }

    /** Checks everything before touching the entity, so that a rejected write changes nothing. */
    private void apply(Post p, PostWrite w) {
        List<FieldError> errors = new ArrayList<>();
        String lang = normalizeLang(w.lang(), errors);
        Set<UUID> categoryIds = checkedCategories(w.categories(), errors);
        List<UUID> gallery = checkedMedia(w.featuredMedia(), w.gallery(), errors);
        Set<UUID> citizenIds =
                checkedIds(w.honoraryCitizens(), "honoraryCitizens", "honorary citizen", citizens::existing, errors);
        Set<UUID> awardIds = checkedIds(w.awards(), "awards", "award", awards::existing, errors);
        PostStatus status = checkedStatus(p, w, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String title = w.title().strip();
        String content = Html.sanitize(w.content());
        if (content.length() > MAX_CONTENT) {
            // Escaping can make the stored HTML longer than what was sent.
            throw ApiException.invalid("content", "is longer than " + MAX_CONTENT + " characters once sanitized");
        }
        String text = Html.text(content);
        String excerpt = w.excerpt() == null || w.excerpt().isBlank() ? null : Html.text(w.excerpt());

        p.slug = chooseSlug(p, w.slug(), title);
        p.title = title;
        p.sortTitle = Text.truncate(Text.fold(title), MAX_SORT_TITLE);
        p.content = content;
        p.excerptDerived = excerpt == null;
        p.excerpt = excerpt != null ? excerpt : Excerpts.derive(text);
        p.lang = lang;
        boolean publishing = status == PostStatus.published && p.status != PostStatus.published;
        p.publishedAt = w.publishedAt() != null
                ? w.publishedAt().truncatedTo(ChronoUnit.MILLIS)
                : p.publishedAt != null && !publishing ? p.publishedAt : now();
        p.status = status;
        p.categoryIds.clear();
        p.categoryIds.addAll(categoryIds);
        p.tags.clear();
        p.tags.addAll(normalizeTags(w.tags()));
        p.featuredMediaId = w.featuredMedia();
        p.honoraryCitizenIds.retainAll(citizenIds);
        p.honoraryCitizenIds.addAll(citizenIds);
        p.awardIds.retainAll(awardIds);
        p.awardIds.addAll(awardIds);
        if (!p.gallery.equals(gallery)) {
            p.gallery.clear();
            p.gallery.addAll(gallery);
        }
        Set<String> words = Text.words(title + "\n" + p.excerpt + "\n" + text);
        p.searchTerms.retainAll(words);
        p.searchTerms.addAll(words);
        p.updatedAt = now();
    }

    private String chooseSlug(Post p, String requested, String title) {
        if (requested == null) {
            return p.slug != null
                    ? p.slug
                    : Slugs.firstFree(Slugs.slugify(title, "post"), s -> posts.slugTaken(s, p.id));
        }
        if (!requested.equals(p.slug) && posts.slugTaken(requested, p.id)) {
            throw ApiException.conflict("The slug '" + requested + "' is already used by another post.");
        }
        return requested;
    }

    private Set<UUID> checkedCategories(List<UUID> requested, List<FieldError> errors) {
        if (requested == null || requested.isEmpty()) {
            return Set.of();
        }
        Set<UUID> existing = categories.existing(requested);
        Set<UUID> result = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            UUID id = requested.get(i);
            if (!existing.contains(id)) {
                errors.add(new FieldError("categories[" + i + "]", "refers to no existing category: " + id));
            }
            result.add(id);
        }
        return result;
    }

    /** Reports unknown media ids by the field that named them; returns the gallery without repeats. */
    private List<UUID> checkedMedia(UUID featured, List<UUID> gallery, List<FieldError> errors) {
        List<UUID> wanted = new ArrayList<>(gallery == null ? List.of() : gallery);
        if (featured != null) {
            wanted.add(featured);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<UUID> existing = media.existing(wanted);
        if (featured != null && !existing.contains(featured)) {
            errors.add(new FieldError("featuredMedia", "refers to no existing media: " + featured));
        }
        List<UUID> result = new ArrayList<>();
        for (int i = 0; gallery != null && i < gallery.size(); i++) {
            UUID id = gallery.get(i);
            if (!existing.contains(id)) {
                errors.add(new FieldError("gallery[" + i + "]", "refers to no existing media: " + id));
            } else if (!result.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    /**
     * Authors write drafts only; editors also schedule (for a time to come), publish, unpublish and archive. An
     * absent status keeps the current one, or on creation is the most the caller may do.
     */
    private PostStatus checkedStatus(Post p, PostWrite w, List<FieldError> errors) {
        Caller caller = callers.current();
        PostStatus status = w.status() != null
                ? w.status()
                : p.status != null ? p.status : caller.isEditorOrAdmin() ? PostStatus.published : PostStatus.draft;
        if (status != PostStatus.draft && !caller.isEditorOrAdmin()) {
            throw ApiException.forbidden("Authors write drafts; an editor schedules, publishes or archives them.");
        }
        if (status == PostStatus.scheduled
                && (w.publishedAt() == null || !w.publishedAt().isAfter(time.now()))) {
            errors.add(new FieldError("publishedAt", "must be a time to come for a scheduled post"));
        }
        return status;
    }

    private static PostWrite withPublishedAt(PostWrite w, Instant publishedAt) {
        return new PostWrite(
                w.title(),
                w.slug(),
                w.excerpt(),
                w.content(),
                w.lang(),
                w.categories(),
                w.tags(),
                publishedAt,
                w.status(),
                w.featuredMedia(),
                w.gallery(),
                w.honoraryCitizens(),
                w.awards());
    }

    private static Set<UUID> checkedIds(
            List<UUID> requested,
            String field,
            String what,
            java.util.function.Function<List<UUID>, Set<UUID>> existing,
            List<FieldError> errors) {
        if (requested == null || requested.isEmpty()) {
            return Set.of();
        }
        Set<UUID> found = existing.apply(requested);
        Set<UUID> result = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!found.contains(requested.get(i))) {
                errors.add(new FieldError(
                        field + "[" + i + "]", "refers to no existing " + what + ": " + requested.get(i)));
            }
            result.add(requested.get(i));
        }
        return result;
    }

    private static <R> List<R> ordered(Collection<UUID> ids, Map<UUID, R> refs) {
        return ids.stream().map(refs::get).filter(r -> r != null).toList();
    }

    private static List<MediaRef> refsOf(List<UUID> ids, Map<UUID, MediaRef> refs) {
        return ids.stream().map(refs::get).filter(r -> r != null).toList();
    }

    private static String normalizeLang(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LANG;
        }
        try {
            String tag =
                    new Locale.Builder().setLanguageTag(raw.strip()).build().toLanguageTag();
            if (!tag.equals("und")) {
                return tag;
            }
        } catch (IllformedLocaleException e) {
            // reported below
        }
        errors.add(new FieldError("lang", "must be a BCP 47 language tag such as fr, en or fr-BE"));
        return DEFAULT_LANG;
    }

    private static List<String> normalizeTags(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> tags = new ArrayList<>();
        for (String t : raw) {
            String tag = t.strip().replaceAll("\\s+", " ");
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static List<String> searchTerms(String q) {
        if (q == null) {
            return List.of();
        }
        return Text.words(q).stream().limit(MAX_SEARCH_TERMS).toList();
    }

    private PostView view(Post p) {
        Map<UUID, CategoryRef> refs = categories.refs(p.categoryIds);
        AccountRef author =
                p.authorId == null ? null : accounts.refs(List.of(p.authorId)).get(p.authorId);
        List<UUID> mediaIds = new ArrayList<>(p.gallery);
        if (p.featuredMediaId != null) {
            mediaIds.add(p.featuredMediaId);
        }
        Map<UUID, MediaRef> mediaRefs = mediaIds.isEmpty() ? Map.of() : media.refs(mediaIds);
        return new PostView(
                p.id,
                p.slug,
                p.title,
                p.excerpt,
                p.content,
                p.lang,
                refsOf(p.categoryIds, refs),
                List.copyOf(p.tags),
                author,
                p.featuredMediaId == null ? null : mediaRefs.get(p.featuredMediaId),
                refsOf(p.gallery, mediaRefs),
                ordered(p.honoraryCitizenIds, citizens.refs(p.honoraryCitizenIds)),
                ordered(p.awardIds, awards.refs(p.awardIds)),
                effective(p.status, p.publishedAt),
                p.publishedAt,
                p.createdAt,
                p.updatedAt);
    }

    private static List<CategoryRef> refsOf(Collection<UUID> ids, Map<UUID, CategoryRef> refs) {
        return ids.stream()
                .map(refs::get)
                .filter(r -> r != null)
                .sorted(Comparator.comparing(CategoryRef::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static PostWrite toWrite(Post p) {
        return new PostWrite(
                p.title,
                p.slug,
                p.excerptDerived ? null : p.excerpt,
                p.content,
                p.lang,
                List.copyOf(p.categoryIds),
                List.copyOf(p.tags),
                p.publishedAt,
                p.status,
                p.featuredMediaId,
                List.copyOf(p.gallery),
                List.copyOf(p.honoraryCitizenIds),
                List.copyOf(p.awardIds));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

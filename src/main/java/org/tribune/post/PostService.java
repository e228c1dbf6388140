package org.tribune.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduled;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.category.CategoryRef;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.FieldError;
import org.tribune.common.Html;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.common.Text;
import org.tribune.media.MediaRef;
import org.tribune.persistence.BySlug;
import org.tribune.persistence.ChangeAction;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SlugHistory;
import org.tribune.persistence.Sortable;
import org.tribune.persistence.SyncSource;
import org.tribune.persistence.Writes;
import org.tribune.security.Caller;
import org.tribune.security.Callers;
import org.tribune.site.Seo;
import org.tribune.site.SiteService;

@ApplicationScoped
public class PostService implements SyncSource {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "post";

    /** The keys the list sorts on, declared once: the OpenAPI pattern, the validation and the columns follow. */
    public static final String SORT_KEYS = "publishedAt|title|updatedAt|" + Sortable.RELEVANCE;

    public static final String SORT_PATTERN = "^-?(" + SORT_KEYS + ")(,-?(" + SORT_KEYS + "))*$";
    public static final String DEFAULT_SORT = "-publishedAt";
    public static final Sortable SORTING = Sortable.of(SORT_KEYS, DEFAULT_SORT);
    public static final String DEFAULT_LANG = "fr";
    static final int MAX_CONTENT = 200_000;
    /** Folding can lengthen a title (ligatures, compatibility characters); the column is twice the title. */
    static final int MAX_SORT_TITLE = 600;

    private final PostRepository posts;
    private final PostEmbeds embeds;
    private final PostRevisionService revisions;
    private final Writes writes;
    private final MergePatcher patcher;
    private final Callers callers;
    private final Clock time;
    private final SiteService site;
    private final SlugHistory slugHistory;
    private final Duration trashRetention;
    private final ResourceType<Post, PostView> type;

    public PostService(
            PostRepository posts,
            PostEmbeds embeds,
            PostRevisionService revisions,
            Writes writes,
            MergePatcher patcher,
            Callers callers,
            Clock time,
            SiteService site,
            SlugHistory slugHistory,
            @ConfigProperty(name = "tribune.trash-retention") Duration trashRetention) {
        this.posts = posts;
        this.embeds = embeds;
        this.revisions = revisions;
        this.writes = writes;
        this.patcher = patcher;
        this.callers = callers;
        this.time = time;
        this.site = site;
        this.slugHistory = slugHistory;
        this.trashRetention = trashRetention;
        this.type = ResourceType.of(RESOURCE_TYPE, "Post", Post.class, posts, this::view)
                .showing(p -> PostFootprint.of(p, time.now()))
                .sluggedBy(p -> p.slug)
                .writableWhen(p -> p.deletedAt == null)
                .guardedBy(p -> {
                    Caller caller = callers.current();
                    if (!caller.mayChange(p.authorId)) {
                        throw ApiException.forbidden("Authors may change and delete only their own posts.");
                    }
                    if (!caller.isEditorOrAdmin() && p.status != PostStatus.draft) {
                        throw ApiException.forbidden("This post is " + p.status + "; only editors may change it now.");
                    }
                });
    }

    /** A post the caller may not see answers exactly like one that does not exist. */
    public PostView get(UUID id) {
        return view(
                posts.findByIdOptional(id).filter(this::visible).orElseThrow(() -> ApiException.notFound("Post", id)));
    }

    /** By its slug, or by one it had before (then only its current slug is told, and only to who may read it). */
    public BySlug<PostView> getBySlug(String slug) {
        Optional<Post> current = posts.findBySlug(slug).filter(this::visible);
        if (current.isPresent()) {
            return BySlug.of(view(current.get()));
        }
        return slugHistory
                .holder(RESOURCE_TYPE, slug)
                .flatMap(posts::findByIdOptional)
                .filter(this::visible)
                .map(p -> BySlug.<PostView>moved(p.slug))
                .orElseThrow(() -> ApiException.notFound("Post with slug", slug));
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(RESOURCE_TYPE);
    }

    /** The posts the caller may read: published ones whose time has come, and for signed-in callers all others. */
    @Override
    public Map<UUID, SyncSource.Current> current(
            String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        List<Post> readable = ids.isEmpty()
                ? List.of()
                : posts.list("id in ?1", ids).stream().filter(this::visible).toList();
        return SyncSource.of(readable, withRepresentation, this::view);
    }

    private boolean visible(Post p) {
        if (p.deletedAt != null) {
            return false;
        }
        boolean due = (p.status == PostStatus.published || p.status == PostStatus.scheduled)
                && !p.publishedAt.isAfter(time.now());
        return due || !callers.current().isAnonymous();
    }

    /** A scheduled post whose time has come reads as published, on every instance, with no job to run. */
    static PostStatus effective(PostStatus status, Instant publishedAt, Instant now) {
        return status == PostStatus.scheduled && !publishedAt.isAfter(now) ? PostStatus.published : status;
    }

    @Transactional
    public PostView create(PostWrite write) {
        Post p = new Post();
        // An API token writes on behalf of the admin who created it.
        p.authorId = callers.current().accountId();
        return writes.create(type, p, x -> apply(x, write), x -> revisions.record(x, toWrite(x)));
    }

    @Transactional
    public PostView replace(UUID id, PostWrite write, Precondition precondition) {
        return writes.change(type, id, precondition, p -> applyAndRecord(p, write));
    }

    @Transactional
    public PostView patch(UUID id, JsonNode patch, Precondition precondition) {
        return writes.change(type, id, precondition, p -> {
            // The patch applies to the post as a read shows it: a scheduled post whose time has come is published.
            PostWrite shown = toWrite(p, effective(p.status, p.publishedAt, time.now()));
            PostWrite patched = patcher.apply(shown, patch, PostWrite.class);
            if (patch.has("status") && !patch.has("publishedAt")) {
                // Publishing a draft without a date publishes it now, not at the date the draft was started.
                patched = withPublishedAt(patched, null);
            }
            return applyAndRecord(p, patched);
        });
    }

    /**
     * Moves the post to the trash, where it is invisible everywhere but keeps its links; {@code permanent} deletes
     * it at once, for editors only.
     */
    @Transactional
    public void delete(UUID id, boolean permanent, Precondition precondition) {
        if (permanent && !callers.current().isEditorOrAdmin()) {
            throw ApiException.forbidden("Only editors may delete a post for good; authors move posts to the trash.");
        }
        if (permanent) {
            writes.delete(type.anyRow(), id, precondition, p -> {});
            return;
        }
        writes.change(type, id, precondition, p -> {
            p.deletedAt = time.now();
            return ChangeAction.trashed;
        });
    }

    @Transactional
    public PostView restore(UUID id) {
        return writes.change(type.anyRow().guardedBy(p -> {}), id, Precondition.UNCONDITIONAL, p -> {
            if (p.deletedAt == null) {
                throw ApiException.conflict("Post " + id + " is not in the trash.");
            }
            p.deletedAt = null;
            return ChangeAction.restored;
        });
    }

    /** Deletes for good what has been in the trash longer than the retention; safe on every instance. */
    @Transactional
    public int purgeTrash() {
        List<Post> expired = posts.lockTrashedBefore(time.now().minus(trashRetention));
        expired.forEach(p -> writes.deleteLocked(type, p));
        return expired.size();
    }

    /** Changes a post as a consequence of another write (see {@link Writes#cascade}). */
    void cascade(UUID id, Consumer<Post> rules) {
        writes.cascade(type, id, rules);
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeTrash();
    }

    /** Makes a revision current again; the restore is itself a new revision. */
    @Transactional
    public PostView restoreRevision(UUID postId, UUID revisionId, Precondition precondition) {
        return writes.change(
                type, postId, precondition, p -> applyAndRecord(p, revisions.snapshot(postId, revisionId)));
    }

    /**
     * Applies a write and keeps a revision of it. Publishing is making the post public or scheduling it, from a
     * draft or the archive; unpublishing is the way back.
     */
    private ChangeAction applyAndRecord(Post p, PostWrite w) {
        boolean wasReleased = released(p.status);
        apply(p, w);
        revisions.record(p, toWrite(p));
        boolean isReleased = released(p.status);
        return isReleased == wasReleased
                ? ChangeAction.updated
                : isReleased ? ChangeAction.published : ChangeAction.unpublished;
    }

    private static boolean released(PostStatus status) {
        return status == PostStatus.published || status == PostStatus.scheduled;
    }

    /** Checks everything before touching the entity, so that a rejected write changes nothing. */
    private void apply(Post p, PostWrite w) {
        List<FieldError> errors = new ArrayList<>();
        String lang = normalizeLang(w.lang(), errors);
        Set<UUID> categoryIds =
                checkedIds(w.categories(), "categories", "category", embeds::existingCategories, errors);
        List<UUID> gallery = checkedMedia(w.featuredMedia(), w.gallery(), errors);
        Set<UUID> citizenIds = checkedIds(
                w.honoraryCitizens(), "honoraryCitizens", "honorary citizen", embeds::existingCitizens, errors);
        Set<UUID> awardIds = checkedIds(w.awards(), "awards", "award", embeds::existingAwards, errors);
        PostStatus status = checkedStatus(p, w, errors);
        Seo seo = site.checked(w.seo(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String title = w.title().strip();
        String content = Html.sanitize(w.content());
        if (content.length() > MAX_CONTENT) {
            // Escaping can make the stored HTML longer than what was sent.
            throw ApiException.invalid("content", "is longer than " + MAX_CONTENT + " characters once sanitized");
        }
        String excerpt = w.excerpt() == null || w.excerpt().isBlank() ? null : Html.text(w.excerpt());

        p.slug = Slugs.choose(
                w.slug(),
                p.slug,
                title,
                "post",
                "post",
                x -> posts.slugTaken(x, p.id) || slugHistory.heldByAnother(RESOURCE_TYPE, x, p.id));
        p.title = title;
        p.sortTitle = Text.truncate(Text.fold(title), MAX_SORT_TITLE);
        p.content = content;
        p.excerptDerived = excerpt == null;
        Excerpts.Excerpt card = excerpt != null ? Excerpts.given(excerpt, content) : Excerpts.derive(content);
        p.excerpt = card.text();
        p.excerptTruncated = card.truncated();
        p.seo = seo;
        p.lang = lang;
        boolean publishing = status == PostStatus.published && p.status != PostStatus.published;
        Instant now = time.now();
        Instant publishedAt = w.publishedAt() != null
                ? w.publishedAt().truncatedTo(ChronoUnit.MILLIS)
                : p.publishedAt != null && !publishing ? p.publishedAt : now;
        if (!publishedAt.equals(p.publishedAt)) {
            p.publicationSetAt = now;
        }
        p.publishedAt = publishedAt;
        p.publishedByTime = publishedAt.isAfter(p.publicationSetAt);
        p.status = status;
        p.categoryIds.clear();
        p.categoryIds.addAll(categoryIds);
        p.tags.clear();
        p.tags.addAll(normalizeTags(w.tags()));
        p.featuredMediaId = w.featuredMedia();
        replace(p.honoraryCitizenIds, citizenIds);
        replace(p.awardIds, awardIds);
        if (!p.gallery.equals(gallery)) {
            p.gallery.clear();
            p.gallery.addAll(gallery);
        }
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
        Set<UUID> existing = embeds.existingMedia(wanted);
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
                w.awards(),
                w.seo());
    }

    private static Set<UUID> checkedIds(
            List<UUID> requested,
            String field,
            String what,
            Function<Collection<UUID>, Set<UUID>> existing,
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

    /** Rewrites a list of links only when it changed: an unchanged one is then not written again. */
    private static void replace(List<UUID> links, Collection<UUID> wanted) {
        if (!links.equals(List.copyOf(wanted))) {
            links.clear();
            links.addAll(wanted);
        }
    }

    static <R> List<R> ordered(Collection<UUID> ids, Map<UUID, R> refs) {
        return ids.stream().map(refs::get).filter(r -> r != null).toList();
    }

    /** The photo a post is shared with: its featured one, else the first of its gallery. */
    static UUID photo(UUID featured, List<UUID> gallery) {
        return featured != null ? featured : gallery.isEmpty() ? null : gallery.get(0);
    }

    static List<MediaRef> refsOf(List<UUID> ids, Map<UUID, MediaRef> refs) {
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

    private PostView view(Post p) {
        List<UUID> mediaIds = new ArrayList<>(p.gallery);
        if (p.featuredMediaId != null) {
            mediaIds.add(p.featuredMediaId);
        }
        mediaIds.addAll(site.seoImages(List.of(p.seo)));
        String permalink = site.permalinks().post(p.slug, p.id, p.publishedAt);
        PostEmbeds.Refs refs = embeds.load(
                p.categoryIds,
                p.authorId == null ? List.of() : List.of(p.authorId),
                mediaIds,
                p.honoraryCitizenIds,
                p.awardIds);
        return new PostView(
                p.id,
                p.slug,
                permalink,
                p.title,
                p.excerpt,
                p.content,
                p.lang,
                refsOf(p.categoryIds, refs.categories()),
                List.copyOf(p.tags),
                p.authorId == null ? null : refs.authors().get(p.authorId),
                p.featuredMediaId == null ? null : refs.media().get(p.featuredMediaId),
                refsOf(p.gallery, refs.media()),
                ordered(p.honoraryCitizenIds, refs.citizens()),
                ordered(p.awardIds, refs.awards()),
                p.seo,
                site.metadata(p.seo, p.title, p.excerpt, photo(p.featuredMediaId, p.gallery), permalink, refs.media()),
                effective(p.status, p.publishedAt, time.now()),
                p.publishedAt,
                p.createdAt,
                p.updatedAt);
    }

    /** French order, as category lists sort: accents and case aside ("Égalité" before "Solidarité"). */
    private static final Comparator<CategoryRef> CATEGORY_ORDER =
            Comparator.comparing((CategoryRef r) -> Text.fold(r.name())).thenComparing(CategoryRef::name);

    static List<CategoryRef> refsOf(Collection<UUID> ids, Map<UUID, CategoryRef> refs) {
        return ids.stream()
                .map(refs::get)
                .filter(r -> r != null)
                .sorted(CATEGORY_ORDER)
                .toList();
    }

    private static PostWrite toWrite(Post p) {
        return toWrite(p, p.status);
    }

    private static PostWrite toWrite(Post p, PostStatus status) {
        return new PostWrite(
                p.title,
                p.slug,
                p.excerptDerived ? null : p.excerpt,
                p.content,
                p.lang,
                List.copyOf(p.categoryIds),
                List.copyOf(p.tags),
                p.publishedAt,
                status,
                p.featuredMediaId,
                List.copyOf(p.gallery),
                List.copyOf(p.honoraryCitizenIds),
                List.copyOf(p.awardIds),
                p.seo);
    }
}

package org.tribune.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.tribune.category.CategoryService;
import org.tribune.category.CategoryView;
import org.tribune.common.ApiException;
import org.tribune.common.ProblemType;
import org.tribune.media.MediaFile;
import org.tribune.media.MediaService;
import org.tribune.persistence.BySlug;
import org.tribune.post.PostListService;
import org.tribune.post.PostSummary;
import org.tribune.site.Permalinks;
import org.tribune.site.SiteService;
import org.tribune.site.SiteSettingsView;

/**
 * The site's feeds: the newest public posts that search engines may list, whole, as RSS 2.0, Atom 1.0 (written by
 * ROME) or JSON Feed 1.1, for the whole site, a category or a tag. Links are the public site's permalinks; files
 * and the feed's own address are the API's.
 */
@ApplicationScoped
public class FeedService {

    /** As many as a reader shows at once; older posts are on the site. */
    static final int ENTRIES = 20;

    private final SiteService site;
    private final PostListService posts;
    private final CategoryService categories;
    private final MediaService media;
    private final ObjectMapper mapper;

    public FeedService(
            SiteService site,
            PostListService posts,
            CategoryService categories,
            MediaService media,
            ObjectMapper mapper) {
        this.mapper = mapper;
        this.site = site;
        this.posts = posts;
        this.categories = categories;
        this.media = media;
    }

    /** What a feed covers: the whole site, a category (by slug) or a tag. */
    public record Scope(String categorySlug, String tag) {

        public static final Scope SITE = new Scope(null, null);
    }

    /** A feed's bytes, and when what it shows last changed. */
    public record Document(byte[] body, Instant changedAt) {}

    /**
     * The feed of {@code scope} in {@code format}.
     *
     * @param self the feed's own address
     * @param api where the API is, against which file URLs are made absolute
     */
    public Document feed(Scope scope, FeedFormat format, URI self, URI api) {
        Content c = content(scope);
        byte[] body;
        if (format == FeedFormat.json) {
            try {
                body = mapper.writeValueAsBytes(json(c, self, api));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A feed could not be written", e);
            }
        } else {
            body = xml(c, format, self, api);
        }
        return new Document(body, c.changedAt);
    }

    /** Where a category's feed is now, when the slug asked for is one it had before; null otherwise. */
    public String movedCategory(Scope scope) {
        if (scope.categorySlug() == null) {
            return null;
        }
        return categories.getBySlug(scope.categorySlug()).movedTo();
    }

    private static byte[] xml(Content c, FeedFormat format, URI self, URI api) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setTitle(c.title);
        feed.setLink(c.home);
        feed.setDescription(c.description == null ? c.title : c.description);
        feed.setLanguage(c.settings.language());
        feed.setUri(self.toString());
        feed.setPublishedDate(Date.from(c.changedAt));
        SyndLink alternate = link("alternate", c.home, "text/html");
        SyndLink selfLink = link("self", self.toString(), format.mediaType());
        feed.setLinks(List.of(alternate, selfLink));
        List<SyndEntry> entries = new ArrayList<>();
        for (PostSummary p : c.posts) {
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(p.title());
            e.setLink(p.permalink());
            e.setUri("urn:uuid:" + p.id());
            e.setPublishedDate(Date.from(p.publishedAt()));
            e.setUpdatedDate(Date.from(p.updatedAt()));
            if (p.author() != null) {
                e.setAuthor(p.author().displayName());
            }
            e.setCategories(categoriesOf(p));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(p.excerpt());
            e.setDescription(summary);
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(p.content());
            e.setContents(List.of(content));
            MediaFile photo = c.attachment(p);
            if (photo != null) {
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(api.resolve(photo.url()).toString());
                enclosure.setType(photo.mimeType());
                enclosure.setLength(photo.sizeBytes());
                e.setEnclosures(List.of(enclosure));
            }
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("A feed could not be written", e);
        }
    }

    private static JsonFeed json(Content c, URI self, URI api) {
        ZoneId zone = ZoneId.of(c.settings.timeZone());
        List<JsonFeed.Item> items = new ArrayList<>();
        for (PostSummary p : c.posts) {
            MediaFile photo = c.attachment(p);
            String photoUrl = photo == null ? null : api.resolve(photo.url()).toString();
            items.add(new JsonFeed.Item(
                    "urn:uuid:" + p.id(),
                    p.permalink(),
                    p.title(),
                    p.content(),
                    p.excerpt(),
                    photoUrl,
                    p.publishedAt().atZone(zone).toOffsetDateTime(),
                    p.updatedAt().atZone(zone).toOffsetDateTime(),
                    p.author() == null
                            ? null
                            : List.of(new JsonFeed.Author(p.author().displayName())),
                    tagsOf(p),
                    p.lang(),
                    photo == null
                            ? null
                            : List.of(new JsonFeed.Attachment(photoUrl, photo.mimeType(), photo.sizeBytes()))));
        }
        return new JsonFeed(
                JsonFeed.VERSION, c.title, c.home, self.toString(), c.description, c.settings.language(), items);
    }

    private record Content(
            SiteSettingsView settings,
            String title,
            String home,
            String description,
            List<PostSummary> posts,
            Map<UUID, MediaFile> attachments,
            Instant changedAt) {

        MediaFile attachment(PostSummary p) {
            return p.featuredMedia() == null
                    ? null
                    : attachments.get(p.featuredMedia().id());
        }
    }

    private Content content(Scope scope) {
        SiteSettingsView settings = site.get();
        Permalinks permalinks = site.permalinks();
        if (permalinks.home() == null) {
            throw new ApiException(
                    ProblemType.CONFLICT,
                    "Feeds link to the public site, whose address is not set yet: an admin sets baseUrl with PATCH"
                            + " /api/v1/site.");
        }
        String title = settings.name();
        String home = permalinks.home();
        String description = settings.description();
        Instant changedAt = settings.updatedAt();
        if (scope.categorySlug() != null) {
            BySlug<CategoryView> found = categories.getBySlug(scope.categorySlug());
            CategoryView category = found.found();
            title = settings.name() + " – " + category.name();
            home = Objects.requireNonNullElse(category.permalink(), home);
            description = category.description();
            changedAt = later(changedAt, category.updatedAt());
        } else if (scope.tag() != null) {
            title = settings.name() + " – " + scope.tag();
            home = Objects.requireNonNullElse(permalinks.tag(scope.tag()), home);
        }
        List<PostSummary> newest = posts.newestIndexable(scope.categorySlug(), scope.tag(), ENTRIES);
        for (PostSummary p : newest) {
            changedAt = later(changedAt, p.updatedAt());
            changedAt = later(changedAt, p.publishedAt());
        }
        Map<UUID, MediaFile> attachments = media.attachments(newest.stream()
                .filter(p -> p.featuredMedia() != null)
                .map(p -> p.featuredMedia().id())
                .toList());
        return new Content(settings, title, home, description, newest, attachments, changedAt);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static List<SyndCategory> categoriesOf(PostSummary p) {
        List<SyndCategory> result = new ArrayList<>();
        p.categories().forEach(c -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(c.name());
            result.add(category);
        });
        p.tags().forEach(t -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(t);
            result.add(category);
        });
        return result;
    }

    private static List<String> tagsOf(PostSummary p) {
        List<String> tags = new ArrayList<>();
        p.categories().forEach(c -> tags.add(c.name()));
        tags.addAll(p.tags());
        return tags.isEmpty() ? null : tags;
    }
}

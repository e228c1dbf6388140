package org.tribune.site;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;
import org.tribune.common.MergePatcher;
import org.tribune.common.Text;
import org.tribune.media.MediaRef;
import org.tribune.media.MediaService;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SyncSource;
import org.tribune.persistence.Writes;

/** The site's settings, and the permalinks every representation carries, made from them. */
@ApplicationScoped
public class SiteService implements SyncSource {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "site";

    private static final int META_DESCRIPTION = 160;

    private final SiteSettingsRepository settings;
    private final MediaService media;
    private final Writes writes;
    private final MergePatcher patcher;
    private final ResourceType<SiteSettings, SiteSettingsView> type;
    /** Parsed once per version of the settings: every representation built asks for them. */
    private final AtomicReference<Parsed> parsed = new AtomicReference<>();

    private record Parsed(long version, Permalinks permalinks) {}

    public SiteService(SiteSettingsRepository settings, MediaService media, Writes writes, MergePatcher patcher) {
        this.settings = settings;
        this.media = media;
        this.writes = writes;
        this.patcher = patcher;
        this.type = ResourceType.of(RESOURCE_TYPE, "Site settings", SiteSettings.class, settings, this::view)
                .showing(SiteService::footprint);
    }

    public SiteSettingsView get() {
        return view(settings.current());
    }

    /**
     * The permalinks as the settings stand now, on any instance: the row is read on each call (by its key, in the
     * caller's session), and parsed again only when its version moved.
     */
    public Permalinks permalinks() {
        SiteSettings row = settings.current();
        Parsed known = parsed.get();
        if (known != null && known.version == row.version) {
            return known.permalinks;
        }
        Parsed fresh = new Parsed(row.version, permalinks(row));
        parsed.set(fresh);
        return fresh.permalinks;
    }

    /** The sharing image of items that have none of their own; null when none is set. */
    public UUID defaultImage() {
        return settings.current().defaultImageId;
    }

    /** An item's SEO fields as a write leaves them: blanks cleared, and 400 naming {@code seo.image} if not an image. */
    public Seo checked(Seo seo, List<FieldError> errors) {
        if (seo == null) {
            return Seo.NONE;
        }
        checkImage(seo.image(), "seo.image", errors);
        return new Seo(
                Text.blankToNull(seo.title() == null ? null : seo.title().strip()),
                Text.blankToNull(
                        seo.description() == null ? null : seo.description().strip()),
                seo.image(),
                seo.excluded());
    }

    /** The media ids the metadata of these items may show, to load in one statement with the items' own. */
    public List<UUID> seoImages(Collection<Seo> seos) {
        List<UUID> ids = new ArrayList<>();
        seos.stream().filter(s -> s != null && s.image() != null).forEach(s -> ids.add(s.image()));
        return ids;
    }

    /** The refs {@link #metadata} needs for items without photos of their own, in one statement. */
    public Map<UUID, MediaRef> seoMedia(Collection<Seo> seos) {
        List<UUID> ids = seoImages(seos);
        return ids.isEmpty() ? Map.of() : media.refs(ids);
    }

    /**
     * The head of an item's page: the editor's fields where set, else its title, its description cut at a word,
     * and its photo. An item with no image has none here: the site's default image (in the settings) is for it,
     * which keeps every item's representation unchanged when that image is.
     *
     * @param media refs of at least {@link #seoImages} and {@code photo}
     */
    public SeoMetadata metadata(
            Seo seo, String title, String description, UUID photo, String permalink, Map<UUID, MediaRef> media) {
        Seo s = seo == null ? Seo.NONE : seo;
        UUID image = s.image() != null ? s.image() : photo;
        return new SeoMetadata(
                s.title() != null ? s.title() : title,
                s.description() != null ? s.description() : shorten(description),
                image == null ? null : media.get(image),
                permalink,
                s.excluded());
    }

    /** Search engines show about 160 characters of a description. */
    private static String shorten(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= META_DESCRIPTION) {
            return t;
        }
        int cut = t.lastIndexOf(' ', META_DESCRIPTION - 1);
        String head = cut > META_DESCRIPTION / 2 ? t.substring(0, cut) : t.substring(0, META_DESCRIPTION - 1);
        return head.replaceAll("[\\s,;:–—-]+$", "") + "…";
    }

    @Transactional
    public SiteSettingsView replace(SiteSettingsWrite write, Precondition precondition) {
        return writes.update(type, SiteSettings.ID, precondition, s -> apply(s, write));
    }

    @Transactional
    public SiteSettingsView patch(JsonNode patch, Precondition precondition) {
        return writes.update(
                type,
                SiteSettings.ID,
                precondition,
                s -> apply(s, patcher.apply(write(s), patch, SiteSettingsWrite.class)));
    }

    /** Clears a deleted image from the settings, as a write of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    int detachImage(UUID mediaId) {
        if (!mediaId.equals(settings.current().defaultImageId)) {
            return 0;
        }
        writes.cascade(type, SiteSettings.ID, s -> s.defaultImageId = null);
        return 1;
    }

    private static SiteSettingsWrite write(SiteSettings s) {
        return new SiteSettingsWrite(
                s.name, s.description, s.language, s.timeZone, s.defaultImageId, s.baseUrl, patterns(s));
    }

    private void apply(SiteSettings s, SiteSettingsWrite w) {
        List<FieldError> errors = new ArrayList<>();
        String language = w.language().strip();
        Locale locale = Locale.forLanguageTag(language);
        if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(language)) {
            errors.add(new FieldError("language", "must be a BCP 47 language tag, such as fr or fr-FR"));
        }
        String zone = w.timeZone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone, such as Europe/Paris"));
        }
        String baseUrl = Text.blankToNull(w.baseUrl());
        if (baseUrl != null) {
            baseUrl = baseUrl.strip().replaceAll("/+$", "");
            String problem = baseUrlProblem(baseUrl);
            if (problem != null) {
                errors.add(new FieldError("baseUrl", problem));
            }
        }
        for (PermalinkKind kind : PermalinkKind.values()) {
            String pattern = w.permalinks().of(kind).strip();
            String problem = PermalinkPattern.problem(kind, pattern);
            if (problem != null) {
                errors.add(new FieldError("permalinks." + kind.field(), problem));
            }
        }
        checkImage(w.defaultImage(), "defaultImage", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        s.name = w.name().strip();
        s.description = Text.blankToNull(w.description());
        s.language = locale.toLanguageTag();
        s.timeZone = zone;
        s.defaultImageId = w.defaultImage();
        s.baseUrl = baseUrl;
        PermalinkPatterns p = w.permalinks();
        s.postPermalink = p.post().strip();
        s.categoryPermalink = p.category().strip();
        s.tagPermalink = p.tag().strip();
        s.honoraryCitizenPermalink = p.honoraryCitizen().strip();
        s.prizePermalink = p.prize().strip();
        s.awardPermalink = p.award().strip();
    }

    /** An image field names an existing media item that is an image; null is allowed. */
    private void checkImage(UUID id, String field, List<FieldError> errors) {
        if (id == null) {
            return;
        }
        MediaRef image = media.refs(List.of(id)).get(id);
        if (image == null) {
            errors.add(new FieldError(field, "refers to no existing media: " + id));
        } else if (!image.mimeType().startsWith("image/")) {
            errors.add(new FieldError(field, "must be an image, not " + image.mimeType()));
        }
    }

    private static String baseUrlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute http(s) URL, such as https://example.org";
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            return "must be an absolute http(s) URL, such as https://example.org";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return "must have neither a query, a fragment nor a user name";
        }
        return null;
    }

    private static PermalinkPatterns patterns(SiteSettings s) {
        return new PermalinkPatterns(
                s.postPermalink,
                s.categoryPermalink,
                s.tagPermalink,
                s.honoraryCitizenPermalink,
                s.prizePermalink,
                s.awardPermalink);
    }

    private static Permalinks permalinks(SiteSettings s) {
        PermalinkPatterns sources = patterns(s);
        Map<PermalinkKind, PermalinkPattern> parsed = new EnumMap<>(PermalinkKind.class);
        for (PermalinkKind kind : PermalinkKind.values()) {
            parsed.put(kind, PermalinkPattern.parse(sources.of(kind)));
        }
        return new Permalinks(s.baseUrl, ZoneId.of(s.timeZone), Map.copyOf(parsed));
    }

    private static SiteFootprint footprint(SiteSettings s) {
        return new SiteFootprint(s.baseUrl, s.timeZone, patterns(s));
    }

    private SiteSettingsView view(SiteSettings s) {
        MediaRef image = s.defaultImageId == null
                ? null
                : media.refs(List.of(s.defaultImageId)).get(s.defaultImageId);
        return new SiteSettingsView(
                s.name,
                s.description,
                s.language,
                s.timeZone,
                image,
                s.baseUrl,
                patterns(s),
                s.baseUrl == null ? null : s.baseUrl + "/",
                s.updatedAt);
    }

    /** The settings are public: frontends read the site's name and where its pages live. */
    @Override
    public Set<String> resourceTypes() {
        return Set.of(RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        return SyncSource.of(settings.byIds(ids), withRepresentation, this::view);
    }
}

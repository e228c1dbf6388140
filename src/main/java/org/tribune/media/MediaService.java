package org.tribune.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tribune.account.AccountRef;
import org.tribune.account.AccountService;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.MergePatcher;
import org.tribune.common.ProblemType;
import org.tribune.common.Text;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SortOrder;
import org.tribune.persistence.Sortable;
import org.tribune.persistence.SyncSource;
import org.tribune.persistence.Writes;
import org.tribune.security.Callers;
import org.tribune.web.FileRepresentation;

@ApplicationScoped
public class MediaService implements SyncSource {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "media";

    /** The keys the list sorts on, declared once: the OpenAPI pattern, the validation and the columns follow. */
    public static final String SORT_KEYS = "createdAt";

    public static final String SORT_PATTERN = "^-?(" + SORT_KEYS + ")(,-?(" + SORT_KEYS + "))*$";
    public static final String DEFAULT_SORT = "-createdAt";
    public static final Sortable SORTING = Sortable.of(SORT_KEYS, DEFAULT_SORT);
    public static final String IMAGE = "image";
    public static final String DOCUMENT = "document";
    /** The size a feed attaches: at most 1600 px wide, in a format every feed reader shows. */
    private static final String ATTACHED_SIZE = "large";

    private static final Logger LOG = Logger.getLogger(MediaService.class);
    /** Files younger than this may belong to an upload still being saved by another instance. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final MediaRepository media;
    private final MediaProcessor processor;
    private final BlobStore blobs;
    private final MediaConfig config;
    private final AccountService accounts;
    private final Callers callers;
    private final Writes writes;
    private final Clock clock;
    private final ResourceType<Media, MediaView> type;
    private final MergePatcher patcher;
    private final Instance<MediaUsage> usages;
    private final String publicUrl;
    private final Validator validator;
    private final MeterRegistry metrics;

    public MediaService(
            MediaRepository media,
            MediaProcessor processor,
            BlobStore blobs,
            MediaConfig config,
            AccountService accounts,
            Callers callers,
            Writes writes,
            Clock clock,
            MergePatcher patcher,
            Instance<MediaUsage> usages,
            @ConfigProperty(name = "tribune.public-url") Optional<String> publicUrl,
            Validator validator,
            MeterRegistry metrics) {
        this.validator = validator;
        this.metrics = metrics;
        this.media = media;
        this.processor = processor;
        this.blobs = blobs;
        this.config = config;
        this.accounts = accounts;
        this.callers = callers;
        this.writes = writes;
        this.clock = clock;
        this.patcher = patcher;
        this.usages = usages;
        config.baseUrl().ifPresent(base -> {
            if (!base.isAbsolute()
                    || !(base.getScheme().equals("https") || base.getScheme().equals("http"))) {
                throw new IllegalStateException("TRIBUNE_MEDIA_BASE_URL must be an absolute http(s) URL, not " + base);
            }
        });
        this.publicUrl = config.baseUrl()
                .map(URI::toString)
                .or(() -> publicUrl)
                .map(u -> u.replaceAll("/+$", ""))
                .orElse("");
        this.type = ResourceType.of(RESOURCE_TYPE, "Media", Media.class, media, this::view)
                .showing(this::ref)
                .guardedBy(m -> {
                    if (!callers.current().mayChange(m.uploadedBy)) {
                        throw ApiException.forbidden("Authors may change and delete only the media they uploaded.");
                    }
                });
    }

    public PageResponse<MediaView> list(MediaQuery query, SortOrder sort, PageRequest page) {
        if (query.type() != null && !query.type().equals(IMAGE) && !query.type().equals(DOCUMENT)) {
            throw ApiException.invalid("type", "must be image or document");
        }
        MediaRepository.Listing listing =
                media.list(query.type(), Text.searchWords(query.q()), query.updatedAfter(), sort, page);
        Map<UUID, AccountRef> uploaders = accounts.refs(listing.items().stream()
                .map(m -> m.uploadedBy)
                .filter(u -> u != null)
                .toList());
        return PageResponse.of(
                listing.items().stream().map(m -> view(m, uploaders)).toList(), page, listing.total(), listing.next());
    }

    public MediaView get(UUID id) {
        Media m = media.withRenditions(List.of(id)).get(id);
        if (m == null) {
            throw ApiException.notFound("Media", id);
        }
        return view(m);
    }

    /**
     * Processes the upload in a work directory, stores the files under the new id, then commits the row. If
     * anything fails the files are removed; if the process dies between the files and the row, no row points to
     * them and {@link #sweepOrphans} removes them at a later start.
     */
    public MediaView upload(Path file, String originalName, long size, String alt, String caption, String credit) {
        if (size > config.maxUploadSize().asLongValue()) {
            throw new ApiException(
                    ProblemType.TOO_LARGE,
                    "The file has " + size + " bytes; the limit is "
                            + config.maxUploadSize().asLongValue() + ".");
        }
        MediaWrite write = new MediaWrite(alt, caption, credit, null);
        Set<ConstraintViolation<MediaWrite>> violations = validator.validate(write);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        UUID id = UUID.randomUUID();
        Path work = null;
        boolean stored = false;
        try {
            work = Files.createTempDirectory("tribune-media-");
            MediaProcessor.Processed processed = processor.process(file, work);
            Set<String> files = new HashSet<>();
            if (processed.renditions().isEmpty()) {
                files.add(MediaProcessor.ORIGINAL + "." + processed.format().extension());
            }
            processed.renditions().forEach(r -> files.add(r.fileName()));
            stored = true;
            for (String name : files) {
                blobs.put(id + "/" + name, work.resolve(name));
            }
            MediaView v = QuarkusTransaction.requiringNew()
                    .call(() -> writes.create(
                            type, newMedia(id, sanitizeFilename(originalName), processed), m -> apply(m, write)));
            metrics.counter("tribune.media.uploads", "outcome", "stored", "type", kind(processed.format()))
                    .increment();
            metrics.summary("tribune.media.upload.bytes").record(processed.size());
            return v;
        } catch (IOException e) {
            deleteQuietly(id, stored);
            metrics.counter("tribune.media.uploads", "outcome", "failed", "type", "unknown")
                    .increment();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(id, stored);
            metrics.counter("tribune.media.uploads", "outcome", "refused", "type", "unknown")
                    .increment();
            throw e;
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private Media newMedia(UUID id, String filename, MediaProcessor.Processed p) {
        Media m = new Media();
        m.id = id;
        m.filename = filename;
        m.mimeType = p.format().mimeType();
        m.kind = kind(p.format());
        m.sizeBytes = p.size();
        m.width = p.width();
        m.height = p.height();
        m.checksum = p.checksum();
        m.uploadedBy = callers.current().accountId();
        m.renditionSet = MediaProcessor.RENDITION_SET;
        if (p.placeholder() != null) {
            m.dominantColor = p.placeholder().color();
            m.blurhash = p.placeholder().blurhash();
        }
        if (p.renditions().isEmpty()) {
            m.renditions.add(rendition(
                    MediaProcessor.ORIGINAL,
                    MediaProcessor.ORIGINAL + "." + p.format().extension(),
                    p.format().mimeType(),
                    0,
                    0,
                    p.size(),
                    p.checksum()));
        }
        for (MediaProcessor.Rendition r : p.renditions()) {
            m.renditions.add(rendition(r));
        }
        return m;
    }

    private static String kind(MediaFormat format) {
        return format.isImage() ? IMAGE : DOCUMENT;
    }

    @Transactional
    public MediaView replace(UUID id, MediaWrite write, Precondition precondition) {
        return writes.update(type, id, precondition, m -> apply(m, write));
    }

    @Transactional
    public MediaView patch(UUID id, JsonNode patch, Precondition precondition) {
        return writes.update(type, id, precondition, m -> apply(m, patcher.apply(toWrite(m), patch, MediaWrite.class)));
    }

    /**
     * Media that posts use is kept (409, naming them) unless {@code force}, which editors may use to detach it
     * first. The files go once the row is gone.
     */
    public void delete(UUID id, boolean force, Precondition precondition) {
        QuarkusTransaction.requiringNew()
                .run(() -> writes.delete(type, id, precondition, m -> {
                    List<String> users =
                            usages.stream().flatMap(u -> u.usedBy(id).stream()).toList();
                    if (!users.isEmpty()) {
                        if (!force) {
                            throw ApiException.conflict("This media is used by " + users.size() + " item(s): "
                                    + String.join(", ", users.subList(0, Math.min(10, users.size())))
                                    + ". Remove it from them, or pass force=true to detach it everywhere.");
                        }
                        if (!callers.current().isEditorOrAdmin()) {
                            throw ApiException.forbidden(
                                    "Only editors may detach media from content they did not write.");
                        }
                        usages.forEach(u -> u.detachAll(id));
                    }
                }));
        deleteQuietly(id, true);
    }

    /** What the file endpoint serves: the original, or a size. */
    public record StoredFile(
            String key, String mimeType, long size, String checksum, String filename, Instant createdAt) {}

    /**
     * The original, a named size, or the rendition of a width in a format (the original's family when absent).
     */
    public StoredFile file(UUID id, String size, Integer width, String format) {
        if (size != null && (width != null || format != null)) {
            throw ApiException.invalid("size", "cannot be combined with width or format");
        }
        if (size != null && !MediaProcessor.SIZE_NAMES.contains(size)) {
            throw ApiException.invalid("size", "must be one of " + String.join(", ", MediaProcessor.SIZE_NAMES));
        }
        if (format != null && width == null) {
            throw ApiException.invalid("width", "is required with format");
        }
        MediaFormat wanted = format == null ? null : renditionFormat(format);
        Media m = media.withRenditions(List.of(id)).get(id);
        if (m == null) {
            throw ApiException.notFound("Media", id);
        }
        MediaRendition r;
        if (width != null) {
            r = m.renditions.stream()
                    .filter(x -> x.name.startsWith("w" + width + "."))
                    .filter(x -> wanted == null
                            ? !x.name.endsWith("." + MediaFormat.WEBP.extension())
                            : x.name.endsWith("." + wanted.extension()))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(
                            ProblemType.NOT_FOUND,
                            "Media " + id + " has no rendition " + width + " px wide"
                                    + (wanted == null ? "" : " in " + wanted.mimeType())
                                    + ": its renditions are listed in its renditions field."));
        } else {
            String name = size == null ? MediaProcessor.ORIGINAL : size;
            r = m.renditions.stream()
                    .filter(x -> x.name.equals(name))
                    .findFirst()
                    .orElseThrow(() -> ApiException.invalid("size", "does not exist for a document"));
        }
        return new StoredFile(id + "/" + r.fileName, r.mimeType, r.sizeBytes, r.checksum, m.filename, m.createdAt);
    }

    /** The formats renditions come in, by the names the file endpoint takes. */
    public static final List<String> RENDITION_FORMATS = List.of("jpeg", "png", "webp");

    private static MediaFormat renditionFormat(String format) {
        return switch (format) {
            case "jpeg" -> MediaFormat.JPEG;
            case "png" -> MediaFormat.PNG;
            case "webp" -> MediaFormat.WEBP;
            default -> throw ApiException.invalid("format", "must be one of " + String.join(", ", RENDITION_FORMATS));
        };
    }

    /** A redirect to the store, as the file endpoint answers with {@code serving=redirect}. */
    public record Redirect(URI location, String cacheControl) {}

    /**
     * With {@code serving=redirect}, where the file is to be fetched: a presigned URL, valid for the configured
     * lifetime, whose response the store sends with the type, disposition and caching the API would have sent. The
     * redirect itself may be kept half that lifetime, so that no cache hands out an expired URL; without the file's
     * version it may not be kept at all, as the file under that address may change.
     */
    public Optional<Redirect> redirect(StoredFile f, String disposition, boolean versioned) {
        if (!config.serving().equals("redirect")) {
            return Optional.empty();
        }
        String fileCaching = FileRepresentation.cachePolicy(versioned);
        URI location = blobs.temporaryUrl(
                        f.key(),
                        config.redirectLifetime(),
                        new BlobStore.DirectResponse(f.mimeType(), fileCaching, disposition))
                .orElseThrow(() -> new IllegalStateException("The configured store gives no URL for its files"));
        long keep = config.redirectLifetime().toSeconds() / 2;
        return Optional.of(
                new Redirect(location, versioned ? "public, max-age=" + keep : FileRepresentation.cachePolicy(false)));
    }

    public Optional<BlobStore.Blob> blob(String key) {
        try {
            return blobs.get(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives an image made with an older set of renditions the current set: made from its stored original, stored
     * under new names, then swapped in by one recorded write, so that caches, the changes feed and the posts that
     * embed it follow. The files only the old set used go last, once no row names them.
     */
    void renderAgain(UUID id) throws IOException {
        Media stored = QuarkusTransaction.requiringNew()
                .call(() -> media.withRenditions(List.of(id)).get(id));
        if (stored == null || stored.renditionSet >= MediaProcessor.RENDITION_SET) {
            return;
        }
        MediaRendition originalRow = stored.renditions.stream()
                .filter(r -> r.name.equals(MediaProcessor.ORIGINAL))
                .findFirst()
                .orElseThrow(() -> new IOException("Media " + id + " has no original"));
        MediaFormat format = MediaFormat.ofMimeType(originalRow.mimeType)
                .orElseThrow(() -> new IOException("Media " + id + " has an original of unknown type"));
        Set<String> keep =
                stored.renditions.stream().anyMatch(r -> r.name.equals("thumbnail")) ? Set.of("thumbnail") : Set.of();
        Path work = Files.createTempDirectory("tribune-media-");
        try {
            Path original = work.resolve(originalRow.fileName);
            BlobStore.Blob blob = blobs.get(id + "/" + originalRow.fileName)
                    .orElseThrow(() -> new IOException("The original of media " + id + " is missing from the storage"));
            try (var in = blob.open(0, blob.size())) {
                Files.copy(in, original);
            }
            MediaProcessor.Derived derived = processor.rederive(
                    original,
                    new MediaProcessor.Rendition(
                            MediaProcessor.ORIGINAL,
                            originalRow.fileName,
                            format,
                            originalRow.width,
                            originalRow.height,
                            originalRow.sizeBytes,
                            originalRow.checksum),
                    keep);
            Set<String> made = new HashSet<>();
            for (MediaProcessor.Rendition r : derived.renditions()) {
                if (!r.fileName().equals(originalRow.fileName) && made.add(r.fileName())) {
                    blobs.put(id + "/" + r.fileName(), work.resolve(r.fileName()));
                }
            }
            Set<String> before = new HashSet<>();
            Set<String> after = new HashSet<>();
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> writes.cascade(type, id, m -> {
                            m.renditions.forEach(r -> before.add(r.fileName));
                            m.renditions.removeIf(
                                    r -> !r.name.equals(MediaProcessor.ORIGINAL) && !keep.contains(r.name));
                            for (MediaProcessor.Rendition r : derived.renditions()) {
                                m.renditions.add(rendition(r));
                            }
                            m.renditions.forEach(r -> after.add(r.fileName));
                            m.dominantColor = derived.placeholder().color();
                            m.blurhash = derived.placeholder().blurhash();
                            m.renditionSet = MediaProcessor.RENDITION_SET;
                            m.renderingUntil = null;
                        }));
            } catch (ApiException gone) {
                // Deleted while its renditions were being made: its files go with it.
                deleteQuietly(id, true);
                return;
            }
            before.removeAll(after);
            for (String unused : before) {
                blobs.delete(id + "/" + unused);
            }
            metrics.counter("tribune.media.renditions.backfilled").increment();
        } finally {
            deleteTree(work);
        }
    }

    // ---- for other features ----

    /** Hands the media an account uploaded to another, when the account is deleted. */
    int reassignUploader(UUID from, UUID to) {
        List<UUID> uploaded = media.uploadedBy(from);
        uploaded.forEach(id -> writes.cascade(type, id, m -> m.uploadedBy = to));
        return uploaded.size();
    }

    /** Embeddable summaries of the given media, in one statement. */
    public Map<UUID, MediaRef> refs(Collection<UUID> ids) {
        Map<UUID, MediaRef> refs = new LinkedHashMap<>();
        media.withRenditions(Set.copyOf(ids)).forEach((id, m) -> refs.put(id, ref(m)));
        return refs;
    }

    private MediaRef ref(Media m) {
        List<ImageRendition> renditions = renditions(m);
        return new MediaRef(
                m.id,
                m.mimeType,
                m.alt,
                m.caption,
                m.credit,
                m.width,
                m.height,
                focal(m),
                url(m.id, null, m.checksum),
                sizes(m),
                renditions,
                srcset(renditions),
                placeholder(m));
    }

    /**
     * A file of each media item as a feed attaches it: for an image, its largest size no wider than a page needs
     * (so that feed readers do not download the original), else the original; with its type and length.
     */
    public Map<UUID, MediaFile> attachments(Collection<UUID> ids) {
        Map<UUID, MediaFile> files = new LinkedHashMap<>();
        media.withRenditions(Set.copyOf(ids)).forEach((id, m) -> {
            MediaRendition chosen = m.renditions.stream()
                    .filter(r -> r.name.equals(ATTACHED_SIZE))
                    .findFirst()
                    .orElse(null);
            files.put(
                    id,
                    chosen == null
                            ? new MediaFile(url(id, null, m.checksum), m.mimeType, m.sizeBytes, m.width, m.height)
                            : new MediaFile(
                                    url(id, chosen.name, chosen.checksum),
                                    chosen.mimeType,
                                    chosen.sizeBytes,
                                    chosen.width,
                                    chosen.height));
        });
        return files;
    }

    public Set<UUID> existing(Collection<UUID> ids) {
        return new HashSet<>(media.existingIds(Set.copyOf(ids)));
    }

    /** Removes stored files that no media row refers to: what a crash between storing and committing leaves. */
    void sweepOrphans(@Observes StartupEvent event) {
        sweepOrphans(clock.now().minus(ORPHAN_AGE));
    }

    /** Removes the stored files written before the time that no media row refers to. */
    void sweepOrphans(Instant writtenBefore) {
        try {
            Set<String> prefixes = blobs.prefixesOlderThan(writtenBefore);
            List<UUID> ids = prefixes.stream()
                    .map(MediaService::uuidOrNull)
                    .filter(u -> u != null)
                    .toList();
            Set<UUID> known = QuarkusTransaction.requiringNew().call(() -> existing(ids));
            for (UUID id : ids) {
                if (!known.contains(id)) {
                    LOG.infof("Removing stored files of media %s, which has no row (an interrupted upload)", id);
                    blobs.deleteAll(id.toString());
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not look for orphaned media files: %s", e.getMessage());
        }
    }

    // ---- rules ----

    private static void apply(Media m, MediaWrite w) {
        m.alt = Text.blankToNull(w.alt());
        m.caption = Text.blankToNull(w.caption());
        m.credit = Text.blankToNull(w.credit());
        m.focalX = w.focalPoint() == null ? null : w.focalPoint().x();
        m.focalY = w.focalPoint() == null ? null : w.focalPoint().y();
        m.searchText = Text.truncate(
                Text.fold(String.join(" ", m.filename, nonNull(m.alt), nonNull(m.caption), nonNull(m.credit))), 8000);
    }

    private MediaView view(Media m) {
        return view(m, accounts.refs(m.uploadedBy == null ? List.of() : List.of(m.uploadedBy)));
    }

    private MediaView view(Media m, Map<UUID, AccountRef> uploaders) {
        List<ImageRendition> renditions = renditions(m);
        return new MediaView(
                m.id,
                m.filename,
                m.mimeType,
                m.kind,
                m.sizeBytes,
                m.width,
                m.height,
                m.checksum,
                m.alt,
                m.caption,
                m.credit,
                focal(m),
                m.uploadedBy == null ? null : uploaders.get(m.uploadedBy),
                m.createdAt,
                m.updatedAt,
                url(m.id, null, m.checksum),
                sizes(m),
                renditions,
                srcset(renditions),
                placeholder(m));
    }

    private Map<String, MediaSize> sizes(Media m) {
        Map<String, MediaSize> sizes = new LinkedHashMap<>();
        m.renditions.stream()
                .filter(r -> MediaProcessor.SIZE_NAMES.contains(r.name))
                // Sizes an image does not exceed all share its width: the declared order breaks the tie, so that the
                // representation (and its ETag) is the same whatever order the database returns the rows in.
                .sorted(Comparator.<MediaRendition>comparingInt(r -> r.width).thenComparingInt(r -> sizeOrder(r.name)))
                .forEach(r -> sizes.put(r.name, new MediaSize(url(m.id, r.name, r.checksum), r.width, r.height)));
        return sizes;
    }

    private static int sizeOrder(String name) {
        int order = MediaProcessor.SIZE_NAMES.indexOf(name);
        return order < 0 ? Integer.MAX_VALUE : order;
    }

    /** The width renditions, WebP first as a picture element lists its sources, then by width. */
    private List<ImageRendition> renditions(Media m) {
        return m.renditions.stream()
                .filter(r -> r.name.startsWith("w"))
                .sorted(Comparator.<MediaRendition>comparingInt(
                                r -> r.mimeType.equals(MediaFormat.WEBP.mimeType()) ? 0 : 1)
                        .thenComparing(r -> r.mimeType)
                        .thenComparingInt(r -> r.width))
                .map(r -> new ImageRendition(
                        r.width,
                        r.height,
                        r.mimeType,
                        r.sizeBytes,
                        renditionUrl(m.id, r.width, r.name.substring(r.name.indexOf('.') + 1), r.checksum)))
                .toList();
    }

    private static Map<String, String> srcset(List<ImageRendition> renditions) {
        Map<String, String> srcset = new LinkedHashMap<>();
        for (ImageRendition r : renditions) {
            srcset.merge(r.type(), r.url() + " " + r.width() + "w", (a, b) -> a + ", " + b);
        }
        return srcset;
    }

    private static ImagePlaceholder placeholder(Media m) {
        return m.blurhash == null ? null : new ImagePlaceholder(m.dominantColor, m.blurhash);
    }

    private String renditionUrl(UUID id, int width, String extension, String checksum) {
        String format = extension.equals("jpg") ? "jpeg" : extension;
        return publicUrl + "/api/v1/media/" + id + "/file?width=" + width + "&format=" + format + "&v="
                + version(checksum);
    }

    /**
     * A file's URL carries its version ({@code v}, the start of its checksum), so that a URL always names the same
     * bytes and may be cached for a year, even when the background job gives a named size a new file.
     */
    private String url(UUID id, String size, String checksum) {
        return publicUrl + "/api/v1/media/" + id + "/file?" + (size == null ? "" : "size=" + size + "&") + "v="
                + version(checksum);
    }

    /** The version a file URL carries. */
    public static String version(String checksum) {
        return checksum.substring(0, 12);
    }

    private static FocalPoint focal(Media m) {
        return m.focalX == null ? null : new FocalPoint(m.focalX, m.focalY);
    }

    private static MediaWrite toWrite(Media m) {
        return new MediaWrite(m.alt, m.caption, m.credit, focal(m));
    }

    private static MediaRendition rendition(MediaProcessor.Rendition r) {
        return rendition(r.name(), r.fileName(), r.format().mimeType(), r.width(), r.height(), r.size(), r.checksum());
    }

    private static MediaRendition rendition(
            String name, String fileName, String mimeType, int width, int height, long size, String checksum) {
        MediaRendition r = new MediaRendition();
        r.name = name;
        r.fileName = fileName;
        r.mimeType = mimeType;
        r.width = width;
        r.height = height;
        r.sizeBytes = size;
        r.checksum = checksum;
        return r;
    }

    /** Keeps letters, digits, dots, hyphens, underscores and spaces of the last path segment; the name is only shown. */
    static String sanitizeFilename(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}._ -]", "_")
                .strip();
        name = name.replaceAll("^[.]+", "");
        if (name.isEmpty()) {
            return "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private void deleteQuietly(UUID id, boolean stored) {
        if (!stored) {
            return;
        }
        try {
            blobs.deleteAll(id.toString());
        } catch (IOException e) {
            LOG.warnf(
                    "Could not remove the files of media %s; they will be removed at a later start: %s",
                    id, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warnf("Could not remove the work directory %s: %s", dir, e.getMessage());
        }
    }

    private static UUID uuidOrNull(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** In the changes feed, every medium is public. */
    @Override
    public Set<String> resourceTypes() {
        return Set.of(RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        List<Media> found = List.copyOf(media.withRenditions(ids).values());
        Map<UUID, AccountRef> uploaders = withRepresentation
                ? accounts.refs(found.stream()
                        .map(m -> m.uploadedBy)
                        .filter(u -> u != null)
                        .toList())
                : Map.of();
        return SyncSource.of(found, withRepresentation, m -> view(m, uploaders));
    }
}

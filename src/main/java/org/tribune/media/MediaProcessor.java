package org.tribune.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import io.trbl.blurhash.BlurHash;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.apache.tika.Tika;
import org.tribune.common.ApiException;
import org.tribune.common.ProblemType;

/**
 * Turns an upload into what Tribune stores: the format detected from the bytes, the original without metadata and
 * upright, the renditions a srcset needs in the original's family and in WebP, and a placeholder. Everything is written to a work directory; the service stores it afterwards.
 */
@ApplicationScoped
public class MediaProcessor {

    /** The widths a {@code srcset} draws from, each in the original's family and in WebP; never upscaled. */
    public static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);

    /** The long side of the thumbnail, the one size made for a box rather than a width. */
    public static final int THUMBNAIL = 150;

    /**
     * The named sizes of the first API. The thumbnail is its own file; {@code medium} and {@code large} name the
     * widest rendition no wider than these widths, so that their clients never get more bytes than before.
     */
    public static final Map<String, Integer> NAMED_WIDTHS = Map.of("medium", 768, "large", 1600);

    public static final List<String> SIZE_NAMES = List.of("thumbnail", "medium", "large");

    /**
     * Which set of renditions a media item has. Items made with an older set get the current one from {@link
     * RenditionBackfill}; raise this when the set changes.
     */
    public static final int RENDITION_SET = 2;

    public static final String ORIGINAL = "original";
    private static final float ORIGINAL_JPEG_QUALITY = 0.92f;
    private static final float SIZE_JPEG_QUALITY = 0.85f;
    /** libwebp's quality scale: 80 is its own default, and about JPEG 85 at two thirds of the bytes. */
    private static final float WEBP_QUALITY = 0.80f;
    /** BlurHash is made from this few pixels: its 12 components cannot hold more detail. */
    private static final int PLACEHOLDER_SOURCE = 32;

    /** One stored file: the original or a rendition. A rendition as wide as the original may be the original's file. */
    public record Rendition(
            String name, String fileName, MediaFormat format, int width, int height, long size, String checksum) {}

    /** What a page shows while an image loads: its dominant colour ({@code #rrggbb}) and a BlurHash. */
    public record Placeholder(String color, String blurhash) {}

    public record Processed(
            MediaFormat format,
            Integer width,
            Integer height,
            long size,
            String checksum,
            List<Rendition> renditions,
            Placeholder placeholder) {}

    /** The renditions made from an image, and its placeholder. */
    public record Derived(List<Rendition> renditions, Placeholder placeholder) {}

    /** The name of the rendition of the given width and format, which is also its file's name. */
    public static String widthName(int width, MediaFormat format) {
        return "w" + width + "." + format.extension();
    }

    private final MediaConfig config;
    private final Semaphore decoding;
    private final WebpEncoder webp;

    public MediaProcessor(MediaConfig config, WebpEncoder webp) {
        this.config = config;
        this.webp = webp;
        this.decoding = new Semaphore(Math.max(1, config.maxConcurrentProcessing()), true);
    }

    public Processed process(Path upload, Path work) throws IOException {
        MediaFormat format = detect(upload);
        if (!format.isImage()) {
            Path original = work.resolve(ORIGINAL + "." + format.extension());
            Files.copy(upload, original);
            return new Processed(format, null, null, Files.size(original), sha256(original), List.of(), null);
        }
        readHeader(upload, format);
        int orientation = format == MediaFormat.GIF ? 1 : orientation(upload);
        acquireDecoding();
        try {
            BufferedImage upright = orient(decode(upload, format), orientation);
            Path original = work.resolve(ORIGINAL + "." + format.extension());
            writeOriginal(upload, format, upright, original);
            int width = upright.getWidth();
            int height = upright.getHeight();
            String checksum = sha256(original);
            List<Rendition> renditions = new ArrayList<>();
            renditions.add(new Rendition(
                    ORIGINAL,
                    original.getFileName().toString(),
                    format,
                    width,
                    height,
                    Files.size(original),
                    checksum));
            Derived derived = derive(upright, format, renditions.get(0), work, Set.of());
            renditions.addAll(derived.renditions());
            return new Processed(
                    format,
                    width,
                    height,
                    Files.size(original),
                    checksum,
                    List.copyOf(renditions),
                    derived.placeholder());
        } finally {
            decoding.release();
        }
    }

    /**
     * Makes the current set of renditions from a stored original, for media made with an older set; the
     * renditions named in {@code keep} are already stored and are not made again.
     */
    public Derived rederive(Path storedOriginal, Rendition original, Set<String> keep) throws IOException {
        MediaFormat format = original.format();
        int orientation = format == MediaFormat.GIF ? 1 : orientation(storedOriginal);
        acquireDecoding();
        try {
            BufferedImage upright = orient(decode(storedOriginal, format), orientation);
            return derive(upright, format, original, storedOriginal.getParent(), keep);
        } finally {
            decoding.release();
        }
    }

    private void acquireDecoding() throws IOException {
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to process an image", e);
        }
    }

    /**
     * Scales from the widest rendition down, each from the one before: a 2:3 step looks the same as a step from the
     * original and costs a fraction of it, which is what lets ten renditions cost less than the decoding.
     */
    private Derived derive(BufferedImage upright, MediaFormat format, Rendition original, Path work, Set<String> keep)
            throws IOException {
        MediaFormat family = family(format, upright);
        int fullWidth = upright.getWidth();
        List<Integer> widths = new ArrayList<>();
        widths.add(Math.min(fullWidth, WIDTHS.get(WIDTHS.size() - 1)));
        WIDTHS.stream()
                .sorted(Comparator.reverseOrder())
                .filter(w -> w < widths.get(0))
                .forEach(widths::add);
        List<Rendition> renditions = new ArrayList<>();
        BufferedImage source = upright;
        for (int width : widths) {
            BufferedImage scaled = width == source.getWidth() ? source : scaleToWidth(source, width);
            source = scaled;
            for (MediaFormat out : webp.available() ? List.of(family, MediaFormat.WEBP) : List.of(family)) {
                String name = widthName(width, out);
                if (width == fullWidth && out == format) {
                    renditions.add(alias(name, original));
                } else if (!keep.contains(name)) {
                    renditions.add(write(name, scaled, out, work));
                }
            }
        }
        if (!keep.contains("thumbnail")) {
            renditions.add(thumbnail(source, upright, original, family, work));
        }
        for (Map.Entry<String, Integer> named : NAMED_WIDTHS.entrySet()) {
            int limit = named.getValue();
            renditions.stream()
                    .filter(r -> r.name().startsWith("w") && r.format() == family && r.width() <= limit)
                    .max(Comparator.comparingInt(Rendition::width))
                    .ifPresent(r -> renditions.add(alias(named.getKey(), r)));
        }
        return new Derived(List.copyOf(renditions), placeholder(source));
    }

    /** The format of the renditions that every browser shows: a GIF's is its first frame as PNG. */
    private static MediaFormat family(MediaFormat format, BufferedImage upright) {
        return switch (format) {
            case JPEG -> MediaFormat.JPEG;
            case WEBP -> upright.getColorModel().hasAlpha() ? MediaFormat.PNG : MediaFormat.JPEG;
            default -> MediaFormat.PNG;
        };
    }

    private static BufferedImage scaleToWidth(BufferedImage source, int width) throws IOException {
        return Thumbnails.of(source).width(width).asBufferedImage();
    }

    private Rendition thumbnail(
            BufferedImage smallest, BufferedImage upright, Rendition original, MediaFormat family, Path work)
            throws IOException {
        if (Math.max(upright.getWidth(), upright.getHeight()) <= THUMBNAIL) {
            return alias("thumbnail", original);
        }
        BufferedImage scaled =
                Thumbnails.of(smallest).size(THUMBNAIL, THUMBNAIL).asBufferedImage();
        return write("thumbnail." + family.extension(), scaled, family, work, "thumbnail");
    }

    private static Rendition alias(String name, Rendition of) {
        return new Rendition(name, of.fileName(), of.format(), of.width(), of.height(), of.size(), of.checksum());
    }

    private Rendition write(String name, BufferedImage image, MediaFormat format, Path work) throws IOException {
        return write(name, image, format, work, name);
    }

    private Rendition write(String fileName, BufferedImage image, MediaFormat format, Path work, String name)
            throws IOException {
        Path file = work.resolve(fileName);
        switch (format) {
            case JPEG -> writeJpeg(image, file, SIZE_JPEG_QUALITY);
            case WEBP -> webp.write(image, file, WEBP_QUALITY);
            default -> ImageIO.write(image, "png", file.toFile());
        }
        return new Rendition(
                name, fileName, format, image.getWidth(), image.getHeight(), Files.size(file), sha256(file));
    }

    /**
     * The dominant colour is the fullest cell of a 16-level-per-channel histogram, averaged, so that a red flag
     * on grey stone reads as grey; transparent pixels do not count. The BlurHash is of the image laid on white,
     * as most pages show it.
     */
    static Placeholder placeholder(BufferedImage image) throws IOException {
        BufferedImage tiny = Thumbnails.of(image)
                .size(PLACEHOLDER_SOURCE, PLACEHOLDER_SOURCE)
                .asBufferedImage();
        int[] counts = new int[4096];
        long[][] sums = new long[4096][3];
        BufferedImage flat = new BufferedImage(tiny.getWidth(), tiny.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = flat.createGraphics();
        g.drawImage(tiny, 0, 0, Color.WHITE, null);
        g.dispose();
        for (int y = 0; y < tiny.getHeight(); y++) {
            for (int x = 0; x < tiny.getWidth(); x++) {
                int argb = tiny.getRGB(x, y);
                if ((argb >>> 24) < 128) {
                    continue;
                }
                int r = (argb >> 16) & 0xff;
                int gr = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int cell = (r >> 4) << 8 | (gr >> 4) << 4 | (b >> 4);
                counts[cell]++;
                sums[cell][0] += r;
                sums[cell][1] += gr;
                sums[cell][2] += b;
            }
        }
        int best = 0;
        for (int cell = 1; cell < counts.length; cell++) {
            if (counts[cell] > counts[best]) {
                best = cell;
            }
        }
        String color = counts[best] == 0
                ? "#ffffff"
                : String.format(
                        Locale.ROOT,
                        "#%02x%02x%02x",
                        sums[best][0] / counts[best],
                        sums[best][1] / counts[best],
                        sums[best][2] / counts[best]);
        boolean portrait = tiny.getHeight() > tiny.getWidth();
        String blurhash = BlurHash.encode(flat, portrait ? 3 : 4, portrait ? 4 : 3);
        return new Placeholder(color, blurhash);
    }

    private MediaFormat detect(Path upload) throws IOException {
        String detected;
        try (InputStream in = Files.newInputStream(upload)) {
            detected = Sniffer.TIKA.detect(in);
        }
        return MediaFormat.ofMimeType(detected)
                .orElseThrow(() -> new ApiException(
                        ProblemType.UNSUPPORTED_FILE_TYPE,
                        "The file is " + describe(detected)
                                + ". Accepted: JPEG, PNG, WebP and GIF images, and PDF documents."));
    }

    private static String describe(String detected) {
        return switch (detected) {
            case "application/octet-stream" -> "of no recognized type";
            case "image/svg+xml" -> "an SVG image, which can carry scripts";
            case "text/html", "application/xhtml+xml" -> "an HTML document, which can carry scripts";
            default -> "of type " + detected;
        };
    }

    /** Reads only the header: a "decompression bomb" is refused before a single pixel is decoded. */
    private void readHeader(Path upload, MediaFormat format) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
            ImageReader reader = reader(in, format);
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > config.maxPixels()) {
                    throw new ApiException(
                            ProblemType.TOO_LARGE,
                            "The image has " + pixels + " pixels; the limit is " + config.maxPixels() + ".");
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ApiException api) {
                    throw api;
                }
                throw corrupt();
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage decode(Path upload, MediaFormat format) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
            ImageReader reader = reader(in, format);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                // A truncated JPEG decodes with a grey bottom and only a warning; it is still a broken upload.
                if (warnings.stream()
                        .anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature")
                                || w.toLowerCase(Locale.ROOT).contains("truncat"))) {
                    throw corrupt();
                }
                return image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof ApiException api) {
                    throw api;
                }
                throw corrupt();
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader reader(ImageInputStream in, MediaFormat format) {
        if (in == null) {
            throw corrupt();
        }
        // Uploads are untrusted: they are decoded by the pure-Java readers, never by the native WebP library.
        List<ImageReader> readers = new ArrayList<>();
        ImageIO.getImageReadersByMIMEType(format.mimeType()).forEachRemaining(readers::add);
        return readers.stream()
                .filter(r -> !WebpEncoder.isNative(r.getOriginatingProvider()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No pure-Java ImageIO reader for " + format.mimeType()));
    }

    private static ApiException corrupt() {
        return ApiException.invalid("file", "is a corrupt or truncated image");
    }

    /** The EXIF orientation (1 to 8), or 1 when there is none. */
    private static int orientation(Path upload) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(upload.toFile());
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (ImageProcessingException | IOException | MetadataException e) {
            // No readable orientation: the image is shown as stored.
        }
        return 1;
    }

    private static BufferedImage orient(BufferedImage image, int orientation) {
        Orientation o = Orientation.typeOf(orientation);
        if (o == null || o == Orientation.TOP_LEFT) {
            return image;
        }
        return ExifFilterUtils.getFilterForOrientation(o).apply(image);
    }

    /**
     * JPEG and PNG are re-encoded from the decoded pixels, which leaves every metadata block behind (EXIF with its
     * GPS and embedded thumbnail, XMP, IPTC, comments). GIF and WebP cannot be written back by ImageIO, so their
     * metadata blocks are cut out of the original bytes.
     */
    private void writeOriginal(Path upload, MediaFormat format, BufferedImage upright, Path target) throws IOException {
        if (config.keepMetadata()) {
            Files.copy(upload, target);
            return;
        }
        switch (format) {
            case JPEG -> writeJpeg(upright, target, ORIGINAL_JPEG_QUALITY);
            case PNG -> ImageIO.write(upright, "png", target.toFile());
            case GIF -> MetadataStripper.gif(upload, target);
            case WEBP -> MetadataStripper.webp(upload, target);
            default -> throw new IllegalStateException(format.name());
        }
    }

    private static void writeJpeg(BufferedImage image, Path target, float quality) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB
                && image.getType() != BufferedImage.TYPE_3BYTE_BGR
                && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = rgb.createGraphics();
            g.drawImage(image, 0, 0, Color.WHITE, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Tika reads its type database when created: the first upload pays for it, not every start-up. */
    private static final class Sniffer {
        static final Tika TIKA = new Tika();
    }
}

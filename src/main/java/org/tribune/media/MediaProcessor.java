package org.tribune.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
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
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * upright, and the derived sizes. Everything is written to a work directory; the service stores it afterwards.
 */
@ApplicationScoped
public class MediaProcessor {

    /** Derived sizes: the long side in pixels. */
    public static final List<SizeSpec> SIZES =
            List.of(new SizeSpec("thumbnail", 150), new SizeSpec("medium", 768), new SizeSpec("large", 1600));

    public static final String ORIGINAL = "original";
    private static final float ORIGINAL_JPEG_QUALITY = 0.92f;
    private static final float SIZE_JPEG_QUALITY = 0.85f;

    public record SizeSpec(String name, int longSide) {}

    /** One stored file: the original or a size. A size no smaller than the original is the original's file. */
    public record Rendition(
            String name, String fileName, MediaFormat format, int width, int height, long size, String checksum) {}

    public record Processed(
            MediaFormat format,
            Integer width,
            Integer height,
            long size,
            String checksum,
            List<Rendition> renditions) {}

    private final MediaConfig config;
    private final Semaphore decoding;

    public MediaProcessor(MediaConfig config) {
        this.config = config;
        this.decoding = new Semaphore(Math.max(1, config.maxConcurrentProcessing()), true);
    }

    public Processed process(Path upload, Path work) throws IOException {
        MediaFormat format = detect(upload);
        if (!format.isImage()) {
            Path original = work.resolve(ORIGINAL + "." + format.extension());
            Files.copy(upload, original);
            return new Processed(format, null, null, Files.size(original), sha256(original), List.of());
        }
        readHeader(upload, format);
        int orientation = format == MediaFormat.GIF ? 1 : orientation(upload);
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to process an image", e);
        }
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
            for (SizeSpec spec : SIZES) {
                renditions.add(resize(upright, format, spec, renditions.get(0), work));
            }
            return new Processed(format, width, height, Files.size(original), checksum, List.copyOf(renditions));
        } finally {
            decoding.release();
        }
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
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mimeType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format.mimeType());
        }
        return readers.next();
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

    private static Rendition resize(
            BufferedImage upright, MediaFormat format, SizeSpec spec, Rendition original, Path work)
            throws IOException {
        int longSide = Math.max(upright.getWidth(), upright.getHeight());
        if (longSide <= spec.longSide()) {
            return new Rendition(
                    spec.name(),
                    original.fileName(),
                    original.format(),
                    original.width(),
                    original.height(),
                    original.size(),
                    original.checksum());
        }
        // JPEG and PNG keep their format; a GIF's size is its first frame as PNG, a WebP's a PNG or a JPEG.
        MediaFormat out = switch (format) {
            case JPEG -> MediaFormat.JPEG;
            case WEBP -> upright.getColorModel().hasAlpha() ? MediaFormat.PNG : MediaFormat.JPEG;
            default -> MediaFormat.PNG;
        };
        BufferedImage scaled =
                Thumbnails.of(upright).size(spec.longSide(), spec.longSide()).asBufferedImage();
        Path file = work.resolve(spec.name() + "." + out.extension());
        if (out == MediaFormat.JPEG) {
            writeJpeg(scaled, file, SIZE_JPEG_QUALITY);
        } else {
            ImageIO.write(scaled, "png", file.toFile());
        }
        return new Rendition(
                spec.name(),
                file.getFileName().toString(),
                out,
                scaled.getWidth(),
                scaled.getHeight(),
                Files.size(file),
                sha256(file));
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

package org.tribune.media;

import com.luciad.imageio.webp.WebPWriteParam;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import org.jboss.logging.Logger;

/**
 * Writes WebP with libwebp, through webp-imageio's JNI binding. Its native library ships for the usual platforms
 * only: where it does not load, Tribune says so once and serves the JPEG and PNG renditions alone.
 */
@ApplicationScoped
public class WebpEncoder {

    private static final Logger LOG = Logger.getLogger(WebpEncoder.class);
    private static final String NATIVE_PACKAGE = "com.luciad.imageio.webp.";

    private final boolean available;

    public WebpEncoder() {
        this.available = probe();
    }

    public boolean available() {
        return available;
    }

    /** Whether an ImageIO plugin is webp-imageio's, which runs native code. */
    static boolean isNative(ImageReaderWriterSpi provider) {
        return provider != null && provider.getClass().getName().startsWith(NATIVE_PACKAGE);
    }

    void write(BufferedImage image, Path target, float quality) throws IOException {
        ImageWriter writer = writer().orElseThrow(() -> new IOException("The WebP encoder is not available"));
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            WebPWriteParam param = new WebPWriteParam(writer.getLocale());
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static Optional<ImageWriter> writer() {
        List<ImageWriter> writers = new ArrayList<>();
        ImageIO.getImageWritersByMIMEType(MediaFormat.WEBP.mimeType()).forEachRemaining(writers::add);
        return writers.stream()
                .filter(w -> isNative(w.getOriginatingProvider()))
                .findFirst();
    }

    private boolean probe() {
        Path probe = null;
        try {
            probe = Files.createTempFile("tribune-webp-", ".webp");
            write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), probe, 0.8f);
            return Files.size(probe) > 0;
        } catch (IOException | LinkageError | RuntimeException e) {
            LOG.warnf(
                    "WebP renditions are off: the libwebp binding does not load on this platform (%s). Images get"
                            + " JPEG and PNG renditions only.",
                    e.toString());
            return false;
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // A leftover two-pixel file in the temporary directory.
                }
            }
        }
    }
}

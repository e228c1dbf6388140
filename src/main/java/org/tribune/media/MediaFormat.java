package org.tribune.media;

import java.util.Arrays;
import java.util.Optional;

/** The formats Tribune accepts, as detected from the bytes. Everything else is refused with 415. */
public enum MediaFormat {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    GIF("image/gif", "gif", true),
    WEBP("image/webp", "webp", true),
    PDF("application/pdf", "pdf", false);

    private final String mimeType;
    private final String extension;
    private final boolean image;

    MediaFormat(String mimeType, String extension, boolean image) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.image = image;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return image;
    }

    public static Optional<MediaFormat> ofMimeType(String mimeType) {
        return Arrays.stream(values()).filter(f -> f.mimeType.equals(mimeType)).findFirst();
    }
}

package org.tribune.media;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class MediaRendition {

    /** original, thumbnail, medium, large, or a width and format such as w640.webp. */
    public String name;

    /** The stored file's name under the media's own key, made by Tribune. */
    @Column(name = "file_name")
    public String fileName;

    @Column(name = "mime_type")
    public String mimeType;

    public int width;

    public int height;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String checksum;
}

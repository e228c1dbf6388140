package org.tribune.media;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;

@Entity
@Table(name = "media")
public class Media extends VersionedEntity {

    /** The uploaded file's name, sanitized; never used to build a path. */
    public String filename;

    @Column(name = "mime_type")
    public String mimeType;

    /** image or document. */
    public String kind;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public Integer width;

    public Integer height;

    /** SHA-256 of the stored original: its ETag. */
    public String checksum;

    public String alt;

    public String caption;

    public String credit;

    @Column(name = "focal_x")
    public Double focalX;

    @Column(name = "focal_y")
    public Double focalY;

    /** Folded filename, alt, caption and credit, for q. */
    @Column(name = "search_text")
    public String searchText;

    @Column(name = "uploaded_by")
    public UUID uploadedBy;

    /** The colour a page shows while the image loads, as #rrggbb; null for documents. */
    @Column(name = "dominant_color")
    public String dominantColor;

    public String blurhash;

    /** The set of renditions the item has (MediaProcessor.RENDITION_SET when current). */
    @Column(name = "rendition_set")
    public int renditionSet;

    /** Until when an instance's background job holds the item to make its renditions. */
    @Column(name = "rendering_until")
    public Instant renderingUntil;

    /** The original and its renditions, each a stored file; aliases share a file. */
    @ElementCollection
    @CollectionTable(name = "media_rendition", joinColumns = @JoinColumn(name = "media_id"))
    public List<MediaRendition> renditions = new ArrayList<>();
}

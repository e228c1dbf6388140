package org.tribune.media;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
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

    /** The original and the derived sizes, each a stored file. */
    @ElementCollection
    @CollectionTable(name = "media_rendition", joinColumns = @JoinColumn(name = "media_id"))
    public List<MediaRendition> renditions = new ArrayList<>();
}

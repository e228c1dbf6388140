package org.tribune.post;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;
import org.tribune.site.Seo;

@Entity
@Table(name = "post")
public class Post extends VersionedEntity {

    public String title;

    /** The folded title: sorting by it is the same on every database, ignores accents and can use an index. */
    @Column(name = "sort_title")
    public String sortTitle;

    public String slug;

    /** Always filled: the editor's excerpt, or one derived from the content when {@link #excerptDerived}. */
    public String excerpt;

    @Column(name = "excerpt_derived")
    public boolean excerptDerived;

    /** Whether the excerpt leaves anything of the post unread: a card then links to the rest. */
    @Column(name = "excerpt_truncated")
    public boolean excerptTruncated;

    @Embedded
    public Seo seo = Seo.NONE;

    /** Sanitized HTML. */
    public String content;

    public String lang;

    /** The account that wrote it; null for posts from before accounts existed. */
    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "featured_media_id")
    public UUID featuredMediaId;

    /** Media ids only: media are another feature, reached through its public service. */
    @ElementCollection
    @CollectionTable(name = "post_gallery", joinColumns = @JoinColumn(name = "post_id"))
    @OrderColumn(name = "position")
    @Column(name = "media_id")
    public List<UUID> gallery = new ArrayList<>();

    /**
     * Honorary citizens and awards this post tells about, in the order the editor gave them, without repeats: ids
     * only, the honour feature owns the records.
     */
    @ElementCollection
    @CollectionTable(name = "post_honorary_citizen", joinColumns = @JoinColumn(name = "post_id"))
    @OrderColumn(name = "position")
    @Column(name = "citizen_id")
    public List<UUID> honoraryCitizenIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "post_award", joinColumns = @JoinColumn(name = "post_id"))
    @OrderColumn(name = "position")
    @Column(name = "award_id")
    public List<UUID> awardIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public PostStatus status;

    /** Set while the post is in the trash. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /**
     * When a write last set {@link #publishedAt}. A post public now whose publication time came after it went public
     * by itself, with no write, whatever was written since (the changes feed carries that moment).
     */
    @Column(name = "publication_set_at")
    public Instant publicationSetAt;

    /** {@link #publishedAt} is after {@link #publicationSetAt}: it goes (or went) public by itself, at that time. */
    @Column(name = "published_by_time")
    public boolean publishedByTime;

    /** Category ids only: categories are another feature, reached through its public service. */
    @ElementCollection
    @CollectionTable(name = "post_category", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "category_id")
    public Set<UUID> categoryIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag")
    public List<String> tags = new ArrayList<>();
}

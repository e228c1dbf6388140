package org.tribune.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;

/** The one row of the site's settings, created by the migration that made the table. */
@Entity
@Table(name = "site_settings")
public class SiteSettings extends VersionedEntity {

    public static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    public String name;

    public String description;

    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "default_image_id")
    public UUID defaultImageId;

    /** Absolute http(s), without a trailing slash; null until an admin sets it, and then no permalink is given. */
    @Column(name = "base_url")
    public String baseUrl;

    @Column(name = "post_permalink")
    public String postPermalink;

    @Column(name = "category_permalink")
    public String categoryPermalink;

    @Column(name = "tag_permalink")
    public String tagPermalink;

    @Column(name = "honorary_citizen_permalink")
    public String honoraryCitizenPermalink;

    @Column(name = "prize_permalink")
    public String prizePermalink;

    @Column(name = "award_permalink")
    public String awardPermalink;
}

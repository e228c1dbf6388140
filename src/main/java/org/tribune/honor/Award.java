package org.tribune.honor;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;
import org.tribune.site.Seo;

@Entity
@Table(name = "award")
public class Award extends VersionedEntity {

    @Column(name = "prize_id")
    public UUID prizeId;

    @Column(name = "award_year")
    public int year;

    public String category;

    @Column(name = "sort_category")
    public String sortCategory;

    /** What "category" sorts on: the category's place in its prize's list, see {@link PrizeService#categoryOrder}. */
    @Column(name = "category_order")
    public String categoryOrder;

    @Enumerated(EnumType.STRING)
    public Distinction distinction;

    /** The distinction's place in {@link Distinction}: laureates sort before special mentions. */
    @Column(name = "distinction_rank")
    public int distinctionRank;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "recipient_description")
    public String recipientDescription;

    public String country;

    /** Sanitized HTML. */
    public String citation;

    @Column(name = "photo_id")
    public UUID photoId;

    @Embedded
    public Seo seo = Seo.NONE;
}

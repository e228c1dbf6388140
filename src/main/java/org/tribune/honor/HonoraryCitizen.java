package org.tribune.honor;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;
import org.tribune.site.Seo;

@Entity
@Table(name = "honorary_citizen")
public class HonoraryCitizen extends VersionedEntity {

    public String name;

    @Column(name = "sort_name")
    public String sortName;

    public String slug;

    public String description;

    public String country;

    @Column(name = "conferred_on")
    public LocalDate conferredOn;

    @Column(name = "decision_reference")
    public String decisionReference;

    @Enumerated(EnumType.STRING)
    public Vote vote;

    /** Sanitized HTML. */
    public String citation;

    public String situation;

    @Column(name = "situation_updated_at")
    public Instant situationUpdatedAt;

    @Column(name = "portrait_id")
    public UUID portraitId;

    @Embedded
    public Seo seo = Seo.NONE;
}

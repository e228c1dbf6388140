package org.tribune.category;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;
import org.tribune.site.Seo;

@Entity
@Table(name = "category")
public class Category extends VersionedEntity {

    public String name;

    /** Lower-cased name, behind a unique index: names are unique ignoring case. */
    @Column(name = "name_key")
    public String nameKey;

    /** The name folded (case and accents), as the list sorts it. */
    @Column(name = "sort_name")
    public String sortName;

    public String slug;

    public String description;

    @Column(name = "parent_id")
    public UUID parentId;

    @Embedded
    public Seo seo = Seo.NONE;
}

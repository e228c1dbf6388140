package org.tribune.honor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.tribune.persistence.VersionedEntity;

@Entity
@Table(name = "prize")
public class Prize extends VersionedEntity {

    public String name;

    /** Folded name behind a unique index: names are unique ignoring case and accents. */
    @Column(name = "name_key")
    public String nameKey;

    public String slug;

    public String description;
}

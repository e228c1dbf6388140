package org.tribune.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "category")
public class Category {

    @Id
    public UUID id;

    public String name;

    /** Lower-cased name, behind a unique index: names are unique ignoring case. */
    @Column(name = "name_key")
    public String nameKey;

    public String slug;

    public String description;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}

package org.tribune.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** What every editable resource's entity has: a UUID, its creation and change times, and an optimistic lock. */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}

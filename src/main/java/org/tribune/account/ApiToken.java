package org.tribune.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;

@Entity
@Table(name = "api_token")
public class ApiToken extends VersionedEntity {

    public String name;

    @Enumerated(EnumType.STRING)
    public ApiTokenRole role;

    /** Hex SHA-256 of the secret. The secret has 256 random bits, so a fast hash is enough, and a lookup is one index probe. */
    @Column(name = "secret_hash")
    public String secretHash;

    /** The first characters of the secret, so that people can tell their tokens apart. */
    @Column(name = "secret_hint")
    public String secretHint;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}

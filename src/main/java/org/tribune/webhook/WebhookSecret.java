package org.tribune.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A signing secret of an endpoint. Kept whole, not hashed, since signing needs it; never shown after the answer that
 * created it, never logged, and left out of backups (its table is not archived).
 */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecret {

    @Id
    public UUID id;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    public String secret;

    /** The first characters, so that an admin can tell which secret a receiver holds. */
    public String hint;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Null for the current secret; set on the one before it when it is rotated. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Override
    public String toString() {
        return "WebhookSecret[" + hint + "…]";
    }
}

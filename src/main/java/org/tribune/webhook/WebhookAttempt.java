package org.tribune.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    public UUID id;

    @Column(name = "delivery_id")
    public Long deliveryId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    /** Null when no answer came (timeout, refused connection, a target refused by the address rules). */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms")
    public int latencyMs;

    public String error;

    @Column(name = "response_excerpt")
    public String responseExcerpt;
}

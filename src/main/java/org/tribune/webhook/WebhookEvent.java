package org.tribune.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What happened, with the exact body every delivery of it sends: retries and redeliveries send the same bytes. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    /** The webhook-id header: the same on every attempt and redelivery, so that receivers can drop repeats. */
    @Id
    public UUID id;

    public String type;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public UUID resourceId;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;
}

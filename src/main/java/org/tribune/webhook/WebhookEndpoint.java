package org.tribune.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.tribune.persistence.VersionedEntity;

@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends VersionedEntity {

    public String url;

    /** Separated by spaces; read through {@link #eventTypes()}. */
    @Column(name = "event_types")
    public String eventTypes;

    public String description;

    public boolean active;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_by")
    public UUID createdBy;

    List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(" "));
    }

    boolean wants(String eventType) {
        return eventTypes().contains(eventType);
    }
}

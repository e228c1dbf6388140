package org.tribune.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** The endpoints events are made for: active, and with a secret to sign them with. */
    List<WebhookEndpoint> receiving() {
        return list("from WebhookEndpoint e where e.active = true"
                + " and exists (select 1 from WebhookSecret s where s.endpointId = e.id)");
    }
}

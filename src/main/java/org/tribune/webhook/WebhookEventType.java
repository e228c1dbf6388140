package org.tribune.webhook;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Only the spec's name for the event types an endpoint may ask for; they are strings in Java, checked by the service. */
@Schema(
        name = "WebhookEventType",
        type = SchemaType.STRING,
        description = "`<type>.upsert`: the resource is public now, new or changed. `<type>.remove`: it no longer is"
                + " (deleted, trashed, back to draft).",
        enumeration = {
            "post.upsert",
            "post.remove",
            "category.upsert",
            "category.remove",
            "media.upsert",
            "media.remove",
            "honorary-citizen.upsert",
            "honorary-citizen.remove",
            "prize.upsert",
            "prize.remove",
            "award.upsert",
            "award.remove",
            "site.upsert"
        })
final class WebhookEventType {

    private WebhookEventType() {}
}

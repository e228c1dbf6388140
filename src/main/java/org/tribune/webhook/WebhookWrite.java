package org.tribune.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

/** Everything an admin may set on a webhook endpoint; its secret is made by the server. */
@Schema(name = "WebhookWrite", description = "A webhook endpoint. Unknown fields are rejected.")
@RequestExample(
        name = "static site rebuild",
        value = "{\"url\": \"https://build.example.org/hooks/tribune\", \"eventTypes\": [\"post.upsert\","
                + " \"post.remove\"], \"description\": \"Rebuilds the static site\", \"active\": true}",
        patchName = "pause",
        patch = "{\"active\": false}")
public record WebhookWrite(
        @NotBlank
        @Size(max = 2048)
        @Schema(
                description = "An http or https URL, with no user name or password in it. Its host must resolve to"
                        + " public addresses only (see `tribune.webhooks.allow-private-targets`); it is checked again"
                        + " at every delivery.",
                examples = "https://build.example.org/hooks/tribune")
        String url,

        @NotEmpty
        @Size(max = 12)
        @Schema(
                type = SchemaType.ARRAY,
                implementation = WebhookEventType.class,
                description = "The events to receive. Test pings are sent whatever this says.")
        List<@NotNull String> eventTypes,

        @Size(max = 500) @Schema(nullable = true, examples = "Rebuilds the static site")
        String description,

        @Schema(
                nullable = true,
                description = "Whether events are delivered to it. Absent or null: true. Setting it to true again"
                        + " after the server disabled it clears the reason.")
        Boolean active) {}

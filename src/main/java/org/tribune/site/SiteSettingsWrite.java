package org.tribune.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

@Schema(
        name = "SiteSettingsWrite",
        description = "The site's settings, as an admin sets them. Unknown fields are rejected.")
@RequestExample(
        value = """
            {
              "name": "Droits humains à Paris",
              "description": "Les votes, prix et citoyennetés d'honneur de la Ville de Paris pour les droits humains.",
              "language": "fr",
              "timeZone": "Europe/Paris",
              "baseUrl": "https://droits-humains.example.org",
              "permalinks": {
                "post": "/{yyyy}/{mm}/{slug}",
                "category": "/categories/{slug}",
                "tag": "/tags/{slug}",
                "honoraryCitizen": "/citoyens-d-honneur/{slug}",
                "prize": "/prix/{slug}",
                "award": "/prix/{prize}/{year}#award-{id}"
              }
            }""",
        patch = "{\"baseUrl\": \"https://www.example.org\", \"permalinks\": {\"post\": \"/actualites/{slug}\"}}")
public record SiteSettingsWrite(
        @NotBlank @Size(max = 200) @Schema(examples = "Droits humains à Paris")
        String name,

        @Size(max = 1000) @Schema(nullable = true) String description,

        @NotBlank
        @Size(max = 35)
        @Schema(
                examples = "fr",
                description = "BCP 47 language tag of the site's content, for feeds and the site's pages.")
        String language,

        @NotBlank
        @Size(max = 64)
        @Schema(
                examples = "Europe/Paris",
                description = "IANA time zone: the one in which dates of permalinks and feeds are read.")
        String timeZone,

        @Schema(
                nullable = true,
                description = "Id of an image: the sharing image of items that have none of their own.")
        UUID defaultImage,

        @Size(max = 500)
        @Schema(
                nullable = true,
                examples = "https://example.org",
                description = "The public site's address, absolute http(s). Until it is set, permalinks are null.")
        String baseUrl,

        @NotNull @Valid PermalinkPatterns permalinks) {}

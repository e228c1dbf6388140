package org.tribune.honor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.common.Slugs;
import org.tribune.site.Seo;
import org.tribune.web.RequestExample;

@Schema(
        name = "HonoraryCitizenWrite",
        description = "The fields a client sets on an honorary citizen. Unknown fields are rejected.")
@RequestExample(value = """
            {"name": "Cécile Kohler", "description": "Enseignante française détenue arbitrairement en Iran", "country": "FR",
             "conferredOn": "2025-06-17", "decisionReference": "2025 DGRI 42", "vote": "unanimous",
             "citation": "<p>Pour affirmer que Paris ne l’oublie pas.</p>", "situation": "Détenue en Iran depuis mai 2022"}""", patch = "{\"situation\": \"Libérée\"}")
public record HonoraryCitizenWrite(
        @NotBlank @Size(max = 200) @Schema(examples = "Cécile Kohler")
        String name,

        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(
                regexp = Slugs.PATTERN,
                message = "must be lower-case letters and digits in words joined by single hyphens")
        @Schema(nullable = true, description = "Generated from the name when absent; kept when the name changes.")
        String slug,

        @NotBlank @Size(max = 300) @Schema(description = "Who they are.")
        String description,

        @Size(max = 2) @Schema(nullable = true, examples = "FR", description = "ISO 3166-1 alpha-2.")
        String country,

        @NotNull @Schema(description = "When the council conferred it; not in the future.")
        LocalDate conferredOn,

        @Size(max = 200) @Schema(nullable = true, description = "The council deliberation.", examples = "2025 DGRI 42")
        String decisionReference,

        @Schema(nullable = true) Vote vote,

        @Size(max = 20_000) @Schema(nullable = true, description = "HTML, sanitized: the reasons.")
        String citation,

        @Size(max = 300)
        @Schema(
                nullable = true,
                examples = "Détenue en Iran depuis 2022",
                description = "Where they stand now. Changing it sets situationUpdatedAt.")
        String situation,

        @Schema(nullable = true, description = "Id of an existing media item.")
        UUID portrait,

        @Size(max = 50) @Schema(nullable = true, maxItems = 50, description = "Ids of posts that tell their story.")
        List<@NotNull UUID> relatedPosts,

        @Valid @Schema(nullable = true, description = "Absent or null: all derived, indexed.")
        Seo seo) {}

package org.tribune.honor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.site.Seo;
import org.tribune.web.RequestExample;

@Schema(name = "AwardWrite", description = "The fields a client sets on an award. Unknown fields are rejected.")
@RequestExample(value = """
            {"prize": "8f0c2a52-0d7e-4a1e-9d53-7d2c8b0e4f11", "year": 2025, "category": "Prix francophone", "distinction": "laureate",
             "recipientName": "Bouhdid Belhedi", "recipientDescription": "Directeur exécutif de Shams Tunisie", "country": "TN"}""", patch = "{\"recipientDescription\": \"Militant tunisien\"}")
public record AwardWrite(
        @NotNull @Schema(required = true, description = "Id of an existing prize.")
        UUID prize,

        @NotNull @Min(1900) @Max(2200) @Schema(minimum = "1900", examples = "2025")
        Integer year,

        @NotBlank @Size(max = 100) @Schema(examples = "Prix francophone")
        String category,

        @NotNull Distinction distinction,

        @NotBlank @Size(max = 200) @Schema(examples = "Bouhdid Belhedi")
        String recipientName,

        @Size(max = 300) @Schema(nullable = true, examples = "Directeur exécutif de Shams Tunisie")
        String recipientDescription,

        @Size(max = 2) @Schema(nullable = true, examples = "TN", description = "ISO 3166-1 alpha-2.")
        String country,

        @Size(max = 20_000) @Schema(nullable = true, description = "HTML, sanitized.")
        String citation,

        @Schema(nullable = true, description = "Id of an existing media item.")
        UUID photo,

        @Size(max = 50) @Schema(nullable = true, maxItems = 50, description = "Ids of posts that tell the story.")
        List<@NotNull UUID> relatedPosts,

        @Valid @Schema(nullable = true, description = "Absent or null: all derived, indexed.")
        Seo seo) {}

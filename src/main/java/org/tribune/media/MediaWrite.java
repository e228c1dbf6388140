package org.tribune.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

/** What a client may change on a media item: its description, never its bytes. */
@Schema(name = "MediaWrite", description = "The editable fields of a media item. Unknown fields are rejected.")
@RequestExample(
        name = "description",
        value = """
            {"alt": "Des militantes brandissent une banderole devant l'Hôtel de Ville", "caption": "Rassemblement de soutien, juin 2025",
             "credit": "Ville de Paris", "focalPoint": {"x": 0.5, "y": 0.35}}""",
        patchName = "alt text",
        patch = "{\"alt\": \"Portrait de la lauréate\"}")
public record MediaWrite(
        @Size(max = 1000)
        @Schema(
                nullable = true,
                description = "Text alternative for screen readers.",
                examples = "Des militantes brandissent une banderole devant l'Hôtel de Ville")
        String alt,

        @Size(max = 2000) @Schema(nullable = true) String caption,

        @Size(max = 300) @Schema(nullable = true, description = "Photographer or source.")
        String credit,

        @Valid @Schema(nullable = true) FocalPoint focalPoint) {}

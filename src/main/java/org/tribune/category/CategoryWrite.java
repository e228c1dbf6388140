package org.tribune.category;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.common.Slugs;
import org.tribune.site.Seo;
import org.tribune.web.RequestExample;

/** Everything a client may set on a category, and nothing else. */
@Schema(name = "CategoryWrite", description = "The fields a client sets on a category. Unknown fields are rejected.")
@RequestExample(
        name = "category",
        value =
                "{\"name\": \"Droits humains\", \"description\": \"Human rights at home and abroad: votes, support, solidarity.\", \"parent\": null}",
        patchName = "description",
        patch = "{\"description\": \"Votes and actions of the council for human rights.\"}")
public record CategoryWrite(
        @NotBlank @Size(max = 100) @Schema(examples = "Droits humains", description = "Unique, ignoring case.")
        String name,

        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(
                regexp = Slugs.PATTERN,
                message =
                        "must be lower-case letters and digits in words joined by single hyphens, such as droits-humains")
        @Schema(nullable = true, description = "Generated from the name when absent; kept when the name changes.")
        String slug,

        @Size(max = 2000) @Schema(nullable = true) String description,

        @Schema(nullable = true, description = "Id of an existing category. Absent or null for a top-level category.")
        UUID parent,

        @Valid @Schema(nullable = true, description = "Absent or null: all derived, indexed.")
        Seo seo) {}

package org.tribune.honor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.common.Slugs;
import org.tribune.web.RequestExample;

@Schema(name = "PrizeWrite", description = "The fields a client sets on a prize. Unknown fields are rejected.")
@RequestExample(
        value =
                "{\"name\": \"Prix international LGBTQIA+ de la Ville de Paris\", \"description\": \"Remis chaque année autour du 17 mai.\"}",
        patch = "{\"description\": \"Remis chaque année\"}")
public record PrizeWrite(
        @NotBlank @Size(max = 200) @Schema(examples = "Prix international LGBTQIA+ de la Ville de Paris")
        String name,

        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(
                regexp = Slugs.PATTERN,
                message = "must be lower-case letters and digits in words joined by single hyphens")
        @Schema(nullable = true)
        String slug,

        @Size(max = 2000) @Schema(nullable = true) String description) {}

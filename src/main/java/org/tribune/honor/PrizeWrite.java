package org.tribune.honor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.common.Slugs;
import org.tribune.web.RequestExample;

@Schema(name = "PrizeWrite", description = "The fields a client sets on a prize. Unknown fields are rejected.")
@RequestExample(
        value =
                "{\"name\": \"Prix international LGBTQIA+ de la Ville de Paris\", \"description\": \"Remis chaque année autour du 17 mai.\", \"categories\": [\"Prix spécial\", \"Prix français\", \"Prix francophone\", \"Prix international\"]}",
        patch = "{\"categories\": [\"Prix spécial\", \"Prix français\", \"Prix francophone\", \"Prix international\"]}")
public record PrizeWrite(
        @NotBlank @Size(max = 200) @Schema(examples = "Prix international LGBTQIA+ de la Ville de Paris")
        String name,

        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(
                regexp = Slugs.PATTERN,
                message = "must be lower-case letters and digits in words joined by single hyphens")
        @Schema(nullable = true)
        String slug,

        @Size(max = 2000) @Schema(nullable = true) String description,

        @Size(max = PrizeWrite.MAX_CATEGORIES)
        @Schema(
                nullable = true,
                maxItems = PrizeWrite.MAX_CATEGORIES,
                description = "Its award categories, in the order its page shows them: awards sort by this order,"
                        + " then laureates before special mentions, then by recipient. Awards of a category not listed"
                        + " come after, in alphabetical order. Absent or null: none.")
        List<@NotBlank @Size(max = 100) String> categories) {

    public static final int MAX_CATEGORIES = 50;
}

package org.tribune.honor;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HonoraryCitizenRef")
public record HonoraryCitizenRef(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String name,
        @Schema(required = true) LocalDate conferredOn) {}

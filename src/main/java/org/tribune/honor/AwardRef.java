package org.tribune.honor;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AwardRef")
public record AwardRef(
        @Schema(required = true) UUID id,
        @Schema(required = true) PrizeRef prize,
        @Schema(required = true) int year,
        @Schema(required = true) String category,
        @Schema(required = true) Distinction distinction,
        @Schema(required = true) String recipientName) {}

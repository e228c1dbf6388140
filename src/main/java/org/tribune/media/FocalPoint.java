package org.tribune.media;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "FocalPoint",
        description = "The point to keep in view when cropping: 0,0 is the top left, 1,1 the bottom right.")
public record FocalPoint(
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(minimum = "0", maximum = "1", examples = "0.5")
        Double x,

        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(minimum = "0", maximum = "1", examples = "0.3")
        Double y) {}

package org.tribune.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One invalid field of a request.")
public record FieldError(
        @Schema(
                description = "Path of the field in the request body, or the name of the query parameter.",
                examples = "title")
        String field,

        @Schema(description = "What is wrong with it.", examples = "must not be blank")
        String message) {}

package org.tribune.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.common.FieldError;

/** RFC 9457 problem details, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details. Served as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(
                description = "URI reference that identifies the problem type.",
                examples = "urn:tribune:problem:validation",
                required = true)
        String type,

        @Schema(description = "Short summary of the problem type.", examples = "Invalid request", required = true)
        String title,

        @Schema(description = "HTTP status code.", examples = "400", required = true)
        int status,

        @Schema(
                description = "Explanation specific to this occurrence.",
                examples = "The request has 1 invalid field.",
                required = true)
        String detail,

        @Schema(description = "Path of the request that failed.", examples = "/api/v1/posts", required = true)
        String instance,

        @Schema(description = "Invalid fields, on validation errors only.")
        List<FieldError> errors) {

    /** A problem with no Tribune type: the status's own reason phrase. */
    static Problem generic(int status, String detail, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new Problem("about:blank", title, status, detail, instance, null);
    }
}

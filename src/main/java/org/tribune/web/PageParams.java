package org.tribune.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters of every collection. Read as strings so that "page=abc" is a 400 that names the
 * parameter, rather than the 404 JAX-RS gives for a query parameter that fails to convert.
 */
public class PageParams {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @Parameter(
            description = "Page number, starting at 1. A page past the last one is empty.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
    public String page;

    @QueryParam("size")
    @Parameter(
            description = "Items per page.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public String size;
}

package org.tribune.web;

import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;
import org.tribune.persistence.Cursor;
import org.tribune.persistence.PageRequest;

/**
 * The paging query parameters of every collection. Read as strings so that "page=abc" is a 400 that names the
 * parameter, rather than the 404 JAX-RS gives for a query parameter that fails to convert.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(
            description = "Page number, starting at 1. A page past the last one is empty.",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "1",
                            maximum = "" + PageRequest.MAX_PAGE,
                            defaultValue = "1"))
    public String page;

    @QueryParam("size")
    @Parameter(
            description = "Items per page.",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "1",
                            maximum = "" + PageRequest.MAX_SIZE,
                            defaultValue = "" + PageRequest.DEFAULT_SIZE))
    public String size;

    @QueryParam(Cursor.PARAMETER)
    @Parameter(
            description = "Cursor of the page to read: the `next` value of the page before, unchanged, with the same"
                    + " filters and sort. Instead of `page`: it never repeats or skips an item when others are added or"
                    + " removed between two reads, and a deep page costs no more than the first.",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_CURSOR))
    public String after;

    static final int MAX_CURSOR = 1024;

    public PageRequest request() {
        List<FieldError> errors = new ArrayList<>();
        if (after != null && after.length() > MAX_CURSOR) {
            errors.add(new FieldError(Cursor.PARAMETER, "is longer than a cursor this API gives"));
        }
        if (after != null && page != null) {
            errors.add(new FieldError("page", "cannot be combined with after: a cursor names its page"));
        }
        int p = QueryParams.parseInt("page", page, 1, 1, PageRequest.MAX_PAGE, errors);
        int s = QueryParams.parseInt("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new PageRequest(p, s, after == null || after.isBlank() ? null : after);
    }
}

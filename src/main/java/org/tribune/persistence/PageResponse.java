package org.tribune.persistence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every collection response. */
public record PageResponse<T>(
        @Schema(required = true) List<T> items,

        @Schema(
                required = true,
                description = "Current page, starting at 1; 0 for a page asked with `after`, which has no number.",
                examples = "1")
        int page,

        @Schema(required = true, description = "Requested page size.", examples = "20")
        int size,

        @Schema(required = true, description = "Items matching the filters, over all pages.", examples = "42")
        long totalItems,

        @Schema(required = true, description = "Number of pages; 0 when nothing matches.", examples = "3")
        int totalPages,

        @Schema(
                required = true,
                nullable = true,
                description = "Cursor of the next page, to pass as `after`; null on the last page. Paging with it"
                        + " never repeats or skips an item when others are added or removed meanwhile.",
                examples = "MR8tcHVibGlzaGVkQXQfdDIwMjUtMDctMDlUMTA6MDA6MDBaH3U0ZjNi")
        String next,

        /*
         * Where a search's window started, when the list's q matched more than it ranks (SearchWindow); sent as the
         * Search-Since header, as the total is sent as X-Total-Count, so that every list keeps one body shape.
         */
        @JsonIgnore @Schema(hidden = true) Instant searchedSince) {

    public static <T> PageResponse<T> of(List<T> items, PageRequest request, long totalItems, String next) {
        return of(items, request, totalItems, next, null);
    }

    public static <T> PageResponse<T> of(
            List<T> items, PageRequest request, long totalItems, String next, Instant searchedSince) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new PageResponse<>(
                List.copyOf(items),
                request.byCursor() ? 0 : request.page(),
                request.size(),
                totalItems,
                totalPages,
                next,
                searchedSince);
    }
}

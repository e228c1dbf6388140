package org.tribune.web;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code updatedAfter} filter every public list takes, declared and documented once. */
public class UpdatedAfterParam {

    public static final String NAME = "updatedAfter";

    @QueryParam(NAME)
    @Parameter(
            description = "Only the items whose `updatedAt` is after this time: a convenience for simple clients that"
                    + " poll. It cannot see what left the list (deleted, trashed, back to draft), a scheduled post"
                    + " that went public at its time with no write, or a change to something an item only shows (a"
                    + " category renamed in its posts, a count): to stay exactly in sync, follow"
                    + " `GET /api/v1/changes`, which tells all of them.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
            example = "2026-06-01T00:00:00Z")
    public String updatedAfter;

    public Instant value() {
        return QueryParams.instant(NAME, updatedAfter);
    }
}

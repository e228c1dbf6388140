package org.tribune.sync;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.ApiException;
import org.tribune.web.OpenApiConventions;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;

@Path("/api/v1/changes")
@Tag(
        name = "Changes",
        description = "What changed since a client last synced: creations, edits, removals and scheduled publications.")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    private final ChangesService service;
    private final Representations representations;

    public ChangesResource(ChangesService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    private static final String EXAMPLE = """
            {"items": [
              {"type": "post", "id": "0b6f7c1e-2d4a-4f0e-9a51-3c2b8e7d1f20", "action": "upsert",
               "at": "2026-11-26T09:30:00Z", "version": 4},
              {"type": "category", "id": "5e1d2c3b-4a59-4687-9b0a-1c2d3e4f5a6b", "action": "upsert",
               "at": "2026-11-26T09:30:00Z", "version": 2},
              {"type": "post", "id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "action": "remove",
               "at": "2026-11-26T10:02:11Z", "version": 7}
            ],
             "next": "Y2hhbmdlczpwdWJsaWN8bDF8bDB8bDQyfHQyMDI2LTExLTI2VDA5OjAwOjAwWnx1MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw",
             "hasMore": false}""";

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.COMPUTED, value = "true")
    @Operation(
            operationId = "listChanges",
            summary = "What changed since a cursor",
            description = "Changes to posts, categories, media, honorary citizens, prizes and awards, oldest first."
                    + " Start without `after`, apply each item (`upsert`: keep the resource; `remove`: drop it),"
                    + " and continue from `next`: at once while `hasMore`, later to poll. A client that does so holds"
                    + " exactly what reading every list returns, removals and scheduled publications included (a"
                    + " scheduled post enters at its time, never before). A `remove` may name something you never"
                    + " had: ignore it.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChangePage.class),
                            examples =
                                    @ExampleObject(
                                            name = "sync",
                                            summary = "A post changed, another trashed (without include=resource)",
                                            value = EXAMPLE)))
    @APIResponse(responseCode = "410", ref = "Gone")
    public RestResponse<ChangePage> list(
            @QueryParam("after")
                    @Parameter(
                            description = "The `next` of the page before. Absent: from the start.",
                            schema = @Schema(type = SchemaType.STRING))
                    String after,
            @QueryParam("limit")
                    @Parameter(
                            description = "Changes read per page; a page may hold fewer items, as each resource is told"
                                    + " once.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + ChangesService.MAX_LIMIT,
                                            defaultValue = "" + ChangesService.DEFAULT_LIMIT))
                    String limit,
            @QueryParam("include")
                    @Parameter(
                            description = "`resource`: each upsert carries the resource as a GET of it returns it, so"
                                    + " that a page syncs in one call.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"resource"}))
                    String include,
            @QueryParam("scope")
                    @Parameter(
                            description = "`public` (default): what anyone may read. `all`: also drafts and scheduled"
                                    + " posts, for a signed-in caller or a reader API token (401 otherwise).",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"public", "all"},
                                            defaultValue = "public"))
                    String scope,
            @Context HttpHeaders headers) {
        Integer size = QueryParams.integer("limit", limit, 1, ChangesService.MAX_LIMIT);
        ChangePage page = service.page(
                after == null || after.isBlank() ? null : after,
                size == null ? ChangesService.DEFAULT_LIMIT : size,
                scope(scope),
                included(include));
        return representations.computed(page, headers);
    }

    private static SyncScope scope(String raw) {
        if (raw == null || raw.isBlank()) {
            return SyncScope.PUBLIC;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> SyncScope.PUBLIC;
            case "all" -> SyncScope.ALL;
            default -> throw ApiException.invalid("scope", "must be public or all");
        };
    }

    private static boolean included(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        if (!raw.strip().equals("resource")) {
            throw ApiException.invalid("include", "must be resource");
        }
        return true;
    }
}

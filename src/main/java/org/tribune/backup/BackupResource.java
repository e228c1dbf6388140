package org.tribune.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tribune.common.Clock;
import org.tribune.security.Roles;

@Path("/api/v1/admin")
@Tag(name = "Backup", description = "One archive with every row and every media file, to keep or to move a site.")
public class BackupResource {

    static final String ZIP = "application/zip";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BackupService backup;

    private final Clock clock;

    public BackupResource(BackupService backup, Clock clock) {
        this.backup = backup;
        this.clock = clock;
    }

    @GET
    @Path("/export")
    @Produces(ZIP)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "exportArchive",
            summary = "Download a backup archive",
            description = "Streams a ZIP archive of one consistent moment of the site: every table as JSON"
                    + " (`data/<table>.json`: posts, revisions, trash, categories, media, honors, accounts with their"
                    + " password hashes, API token hashes), every media file (`media/<id>/<file>`), and `manifest.json`"
                    + " with the Tribune and schema versions and the size and SHA-256 of every entry. Keep it as"
                    + " safely as a database dump. Signing keys are not included.")
    @APIResponse(
            responseCode = "200",
            description = "The archive",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = "attachment; filename=\"tribune-<UTC time>.zip\"",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export() {
        StreamingOutput body = backup::export;
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"tribune-" + STAMP.format(clock.now()) + ".zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("/import")
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "importArchive",
            summary = "Restore a backup archive into a new instance",
            description = "Restores an archive made by `GET /api/v1/admin/export` into an instance that holds no"
                    + " content yet and whose only account is the calling first admin (409 otherwise: nothing is ever"
                    + " overwritten). The whole archive is checked first (manifest, sizes, SHA-256 of every entry,"
                    + " media checksums against their rows); a damaged or changed archive gets 400 and nothing is"
                    + " written. Rows keep their ids, versions and dates, so resources keep their URLs and ETags."
                    + " The accounts become the archive's: the caller's token stops working, sign in again with an"
                    + " account from the archive.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ZIP,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples =
                                    @ExampleObject(
                                            name = "archive",
                                            summary = "A file made by GET /api/v1/admin/export",
                                            value = "(binary: tribune-20261126-093000.zip)")))
    @APIResponse(
            responseCode = "200",
            description = "Restored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public ImportReport importArchive(InputStream archive) throws IOException {
        return backup.importArchive(archive);
    }
}

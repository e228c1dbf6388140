package org.tribune.media;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.tribune.common.ApiException;
import org.tribune.common.MergePatcher;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.security.Roles;
import org.tribune.web.FileRepresentation;
import org.tribune.web.IfMatch;
import org.tribune.web.MergePatchOf;
import org.tribune.web.PageParams;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;
import org.tribune.web.UpdatedAfterParam;

@Path("/api/v1/media")
@Tag(name = "Media")
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {

    private final MediaService service;
    private final Representations representations;

    public MediaResource(MediaService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    /** The multipart form, for the spec: the resource reads the parts one by one. */
    @Schema(name = "MediaUpload")
    public static class UploadForm {
        @Schema(
                required = true,
                type = SchemaType.STRING,
                format = "binary",
                description = "JPEG, PNG, WebP, GIF or PDF; the type is read from the bytes.")
        public byte[] file;

        @Schema(maxLength = 1000)
        public String alt;

        @Schema(maxLength = 2000)
        public String caption;

        @Schema(maxLength = 300, description = "Photographer or source.")
        public String credit;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listMedia",
            summary = "List media",
            description = "Newest first unless `sort` says otherwise.")
    public RestResponse<PageResponse<MediaView>> list(
            @BeanParam PageParams paging,
            @BeanParam UpdatedAfterParam updatedAfter,
            @QueryParam("sort")
                    @Parameter(
                            description = "`createdAt` or `-createdAt`.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = MediaService.DEFAULT_SORT,
                                            pattern = MediaService.SORT_PATTERN))
                    String sort,
            @QueryParam("type")
                    @Parameter(
                            description = "Only images or only documents (PDF).",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"image", "document"}))
                    String type,
            @QueryParam("q")
                    @Parameter(
                            description =
                                    "Words to find in the file name, alt text, caption and credit, ignoring case and accents.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = MediaQuery.MAX_Q))
                    String q,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        SortOrder order = MediaService.SORTING.parse(sort);
        return representations.page(
                service.list(
                        new MediaQuery(type, QueryParams.text("q", q, MediaQuery.MAX_Q), updatedAfter.value()),
                        order,
                        page),
                uri,
                headers);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getMedia", summary = "Get a media item by id")
    public RestResponse<MediaView> get(
            @PathParam("id") @Parameter(description = "Media id") UUID id, @Context HttpHeaders headers) {
        MediaView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "uploadMedia",
            summary = "Upload an image or a PDF",
            description =
                    "Images are stored upright and without metadata (EXIF, XMP, IPTC: GPS position, date, camera),"
                            + " with thumbnail, medium and large sizes. Other types get 415, files over the size limit or images"
                            + " over the pixel limit 413, corrupt images 400.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = UploadForm.class),
                            examples =
                                    @ExampleObject(
                                            name = "photo",
                                            value =
                                                    "{\"file\": \"(binary)\", \"alt\": \"Rassemblement devant l'Hôtel de Ville\", \"credit\": \"Ville de Paris\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedFileType")
    public RestResponse<MediaView> upload(
            @RestForm("file") @PartType(MediaType.APPLICATION_OCTET_STREAM) FileUpload file,
            @RestForm("alt") String alt,
            @RestForm("caption") String caption,
            @RestForm("credit") String credit,
            @Context UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid("file", "is required: send the file as a multipart/form-data part named file");
        }
        MediaView v = service.upload(file.uploadedFile(), file.fileName(), file.size(), alt, caption, credit);
        return representations.created(uri, v.id(), v, v.updatedAt());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceMedia",
            summary = "Replace a media item's description",
            description =
                    "Sets alt, caption, credit and focal point; absent ones are cleared. The file itself cannot change. Authors may change only what they uploaded.")
    public RestResponse<MediaView> replace(
            @PathParam("id") @Parameter(description = "Media id") UUID id,
            @Valid @NotNull MediaWrite body,
            @BeanParam IfMatch ifMatch) {
        MediaView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchMedia",
            summary = "Change some of a media item's description",
            description = "An RFC 7396 JSON merge patch of alt, caption, credit and focalPoint.")
    public RestResponse<MediaView> patch(
            @PathParam("id") @Parameter(description = "Media id") UUID id,
            @MergePatchOf(MediaWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        MediaView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Operation(
            operationId = "deleteMedia",
            summary = "Delete a media item and its files",
            description =
                    "Media that posts use is kept (409, naming them) unless `force=true`, which editors may use to remove it from those posts first.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "Media id") UUID id,
            @QueryParam("force")
                    @Parameter(
                            description = "Detach the media from every post first.",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String force,
            @BeanParam IfMatch ifMatch) {
        service.delete(id, QueryParams.bool("force", force), ifMatch.precondition());
        return representations.deleted();
    }

    @GET
    @Path("/{id}/file")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "getMediaFile",
            summary = "Download the original file, one of its sizes or one of its renditions",
            description =
                    "Streams the file with its real type, `nosniff` and a strong ETag (its checksum). With the `v` its"
                            + " URLs carry, it is cached for a year as immutable; without, caches revalidate. Answers 304 to If-None-Match and 206 to a single byte Range (If-Range honoured).")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            headers = {
                @Header(name = "ETag", ref = "ETag"),
                @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Accept-Ranges", schema = @Schema(type = SchemaType.STRING))
            },
            content = {
                @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "206",
            description = "The requested byte range",
            headers = @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "307",
            description = "Only with TRIBUNE_MEDIA_SERVING=redirect (media on S3): the file is to be fetched from the"
                    + " object store at Location, a presigned URL valid for TRIBUNE_MEDIA_REDIRECT_LIFETIME (1 hour)."
                    + " The store answers with the file's type, Range and its own ETag. The redirect is cached half"
                    + " that lifetime with `v`, not at all without.",
            headers = {
                @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING, format = "uri")),
                @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "416", ref = "RangeNotSatisfiable")
    public Response file(
            @PathParam("id") @Parameter(description = "Media id") UUID id,
            @QueryParam("size")
                    @Parameter(
                            description = "A named size; absent for the original or a rendition.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"thumbnail", "medium", "large"}))
                    String size,
            @QueryParam("width")
                    @Parameter(
                            description = "The width of a rendition, as listed in the media's renditions.",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1920"))
                    String width,
            @QueryParam("format")
                    @Parameter(
                            description =
                                    "The format of the rendition of that width; absent for the original's family (JPEG or PNG).",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"jpeg", "png", "webp"}))
                    String format,
            @QueryParam("v")
                    @Parameter(
                            description = "The file's version, as every URL Tribune gives carries it. With it, the"
                                    + " file is cached for a year as immutable; without it (or with an old one),"
                                    + " caches revalidate it.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 64))
                    String v,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        MediaService.StoredFile f = service.file(id, size, QueryParams.integer("width", width, 1, 1920), format);
        String disposition = f.mimeType().equals(MediaFormat.PDF.mimeType()) ? inline(f.filename()) : null;
        boolean versioned = v != null && v.equals(MediaService.version(f.checksum()));
        Optional<MediaService.Redirect> redirect = service.redirect(f, disposition, versioned);
        if (redirect.isPresent()) {
            return Response.temporaryRedirect(redirect.get().location())
                    .header("Cache-Control", redirect.get().cacheControl())
                    .build();
        }
        BlobStoreHolder blob = new BlobStoreHolder(
                service.blob(f.key()).orElseThrow(() -> ApiException.notFound("File of media", id)));
        return representations.file(
                new FileRepresentation(
                        f.mimeType(),
                        blob.blob().size(),
                        f.checksum(),
                        f.createdAt(),
                        disposition,
                        versioned,
                        blob::range),
                uri,
                headers);
    }

    private record BlobStoreHolder(BlobStore.Blob blob) {
        Object range(long offset, long length) {
            if (blob.localPath().isPresent()) {
                return new PathPart(blob.localPath().get(), offset, length);
            }
            try {
                InputStream in = blob.open(offset, length);
                return in;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** RFC 6266: an ASCII fallback name, and the real one encoded. */
    static String inline(String filename) {
        String ascii = Normalizer.normalize(filename, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}

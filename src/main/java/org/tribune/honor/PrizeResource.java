package org.tribune.honor;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.persistence.PageResponse;
import org.tribune.security.Roles;
import org.tribune.web.IfMatch;
import org.tribune.web.MergePatchOf;
import org.tribune.web.PageParams;
import org.tribune.web.Representations;
import org.tribune.web.UpdatedAfterParam;

@Path("/api/v1/prizes")
@Tag(name = "Awards")
@Produces(MediaType.APPLICATION_JSON)
public class PrizeResource {

    private final PrizeService service;
    private final Representations representations;

    public PrizeResource(PrizeService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listPrizes",
            summary = "List prizes",
            description = "Sorted by name, each with its number of awards.")
    public RestResponse<PageResponse<PrizeView>> list(
            @BeanParam PageParams paging,
            @BeanParam UpdatedAfterParam updatedAfter,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return representations.page(service.list(updatedAfter.value(), paging.request()), uri, headers);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getPrize", summary = "Get a prize by id")
    public RestResponse<PrizeView> get(
            @PathParam("id") @Parameter(description = "Id") UUID id, @Context HttpHeaders headers) {
        PrizeView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @GET
    @Path("/slug/{slug}")
    @PermitAll
    @Operation(operationId = "getPrizeBySlug", summary = "Get a prize by slug")
    public RestResponse<PrizeView> getBySlug(
            @PathParam("slug")
                    @Parameter(
                            description = "Slug",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = Slugs.PATTERN,
                                            maxLength = Slugs.MAX_LENGTH))
                    String slug,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return representations.readBySlug(service.getBySlug(slug), PrizeView::updatedAt, uri, headers);
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPrize", summary = "Create a prize")
    @ResponseStatus(201)
    public RestResponse<PrizeView> create(@Valid @NotNull PrizeWrite body, @Context UriInfo uri) {
        PrizeView v = service.create(body);
        return representations.created(uri, v.id(), v, v.updatedAt());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replacePrize",
            summary = "Replace a prize",
            description = "Sets every field; an absent optional field is cleared, except the slug, which is kept.")
    public RestResponse<PrizeView> replace(
            @PathParam("id") @Parameter(description = "Id") UUID id,
            @Valid @NotNull PrizeWrite body,
            @BeanParam IfMatch ifMatch) {
        PrizeView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchPrize",
            summary = "Change some fields of a prize",
            description = "An RFC 7396 JSON merge patch.")
    public RestResponse<PrizeView> patch(
            @PathParam("id") @Parameter(description = "Id") UUID id,
            @MergePatchOf(PrizeWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        PrizeView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(
            operationId = "deletePrize",
            summary = "Delete a prize",
            description = "A prize that still has awards is kept (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "Id") UUID id, @BeanParam IfMatch ifMatch) {
        service.delete(id, ifMatch.precondition());
        return representations.deleted();
    }
}

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.ApiException;
import org.tribune.common.FieldError;
import org.tribune.common.MergePatcher;
import org.tribune.common.Slugs;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.security.Roles;
import org.tribune.web.IfMatch;
import org.tribune.web.MergePatchOf;
import org.tribune.web.OpenApiConventions;
import org.tribune.web.PageParams;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;
import org.tribune.web.UpdatedAfterParam;

@Path("/api/v1/honorary-citizens")
@Tag(name = "Honorary citizens")
@Produces(MediaType.APPLICATION_JSON)
public class HonoraryCitizenResource {

    private final HonoraryCitizenService service;
    private final Representations representations;

    public HonoraryCitizenResource(HonoraryCitizenService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.SEARCHES, value = "true")
    @Operation(
            operationId = "listHonoraryCitizens",
            summary = "List honorary citizens",
            description =
                    "Newest conferral first unless `sort` says otherwise. Each carries its portrait and related posts.")
    public RestResponse<PageResponse<HonoraryCitizenView>> list(
            @BeanParam PageParams paging,
            @BeanParam UpdatedAfterParam updatedAfter,
            @QueryParam("sort")
                    @Parameter(
                            description =
                                    "`conferredOn` or `name`, `-` for descending; with `q`, `relevance` (best first, alone: the"
                                            + " default then, and only then allowed).",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = HonoraryCitizenService.DEFAULT_SORT,
                                            pattern = HonoraryCitizenService.SORT_PATTERN))
                    String sort,
            @QueryParam("year")
                    @Parameter(
                            description = "Year of conferral.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "" + HonoraryCitizenQuery.MIN_YEAR,
                                            maximum = "" + HonoraryCitizenQuery.MAX_YEAR))
                    String year,
            @QueryParam("country")
                    @Parameter(
                            description = "ISO 3166-1 alpha-2 code.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2),
                            example = "FR")
                    String country,
            @QueryParam("q")
                    @Parameter(
                            description =
                                    "Words of the name, description, citation or situation, read as `GET /api/v1/search` reads them"
                                            + " (case, accents, elision, plurals); every word must match. Sorted by relevance"
                                            + " unless `sort` says otherwise.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = HonoraryCitizenQuery.MAX_Q))
                    String q,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        SortOrder order = HonoraryCitizenService.SORTING.parse(sort, q != null && !q.isBlank());
        List<FieldError> errors = new ArrayList<>();
        String code = Countries.check(country, "country", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        HonoraryCitizenQuery query = new HonoraryCitizenQuery(
                QueryParams.integer("year", year, HonoraryCitizenQuery.MIN_YEAR, HonoraryCitizenQuery.MAX_YEAR),
                code,
                QueryParams.text("q", q, HonoraryCitizenQuery.MAX_Q),
                updatedAfter.value());
        return representations.page(service.list(query, order, page), uri, headers);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getHonoraryCitizen", summary = "Get an honorary citizen by id")
    public RestResponse<HonoraryCitizenView> get(
            @PathParam("id") @Parameter(description = "Id") UUID id, @Context HttpHeaders headers) {
        HonoraryCitizenView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @GET
    @Path("/slug/{slug}")
    @PermitAll
    @Operation(operationId = "getHonoraryCitizenBySlug", summary = "Get an honorary citizen by slug")
    public RestResponse<HonoraryCitizenView> getBySlug(
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
        return representations.readBySlug(service.getBySlug(slug), HonoraryCitizenView::updatedAt, uri, headers);
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createHonoraryCitizen", summary = "Create an honorary citizen")
    @ResponseStatus(201)
    public RestResponse<HonoraryCitizenView> create(@Valid @NotNull HonoraryCitizenWrite body, @Context UriInfo uri) {
        HonoraryCitizenView v = service.create(body);
        return representations.created(uri, v.id(), v, v.updatedAt());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceHonoraryCitizen",
            summary = "Replace an honorary citizen",
            description = "Sets every field; an absent optional field is cleared, except the slug, which is kept.")
    public RestResponse<HonoraryCitizenView> replace(
            @PathParam("id") @Parameter(description = "Id") UUID id,
            @Valid @NotNull HonoraryCitizenWrite body,
            @BeanParam IfMatch ifMatch) {
        HonoraryCitizenView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchHonoraryCitizen",
            summary = "Change some fields of an honorary citizen",
            description = "An RFC 7396 JSON merge patch.")
    public RestResponse<HonoraryCitizenView> patch(
            @PathParam("id") @Parameter(description = "Id") UUID id,
            @MergePatchOf(HonoraryCitizenWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        HonoraryCitizenView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(
            operationId = "deleteHonoraryCitizen",
            summary = "Delete an honorary citizen",
            description = "The posts that mention them lose the link.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "Id") UUID id, @BeanParam IfMatch ifMatch) {
        service.delete(id, ifMatch.precondition());
        return representations.deleted();
    }
}

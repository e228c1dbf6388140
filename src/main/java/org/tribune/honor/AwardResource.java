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

@Path("/api/v1/awards")
@Tag(name = "Awards")
@Produces(MediaType.APPLICATION_JSON)
public class AwardResource {

    private final AwardService service;
    private final Representations representations;

    public AwardResource(AwardService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.SEARCHES, value = "true")
    @Operation(
            operationId = "listAwards",
            summary = "List awards",
            description =
                    "By default year descending, then category, then distinction (laureate, special_mention, special_prize):"
                            + " `?prize=...&year=2025&size=100` is a prize page, grouped by category, laureates first, in one call.")
    public RestResponse<PageResponse<AwardView>> list(
            @BeanParam PageParams paging,
            @BeanParam UpdatedAfterParam updatedAfter,
            @QueryParam("sort")
                    @Parameter(
                            description =
                                    "Comma-separated: `year`, `category`, `distinction`, `recipientName`; `-` for descending."
                                            + " With `q`, `relevance` (best first, alone: the default then, and only"
                                            + " then allowed).",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = AwardService.DEFAULT_SORT,
                                            pattern = AwardService.SORT_PATTERN))
                    String sort,
            @QueryParam("prize")
                    @Parameter(
                            description = "Prize slug.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = Slugs.PATTERN,
                                            maxLength = Slugs.MAX_LENGTH))
                    String prize,
            @QueryParam("year")
                    @Parameter(
                            description = "Edition year.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "" + HonoraryCitizenQuery.MIN_YEAR,
                                            maximum = "" + HonoraryCitizenQuery.MAX_YEAR))
                    String year,
            @QueryParam("category")
                    @Parameter(
                            description = "Category, ignoring case and accents.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = AwardQuery.MAX_CATEGORY),
                            example = "Prix francophone")
                    String category,
            @QueryParam("distinction")
                    @Parameter(
                            description = "laureate, special_mention or special_prize.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"laureate", "special_mention", "special_prize"}))
                    String distinction,
            @QueryParam("country")
                    @Parameter(
                            description = "ISO 3166-1 alpha-2 code.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2))
                    String country,
            @QueryParam("q")
                    @Parameter(
                            description =
                                    "Words of the recipient's name, description, category or citation, read as `GET /api/v1/search`"
                                            + " reads them (case, accents, elision, plurals); every word must match. Sorted by"
                                            + " relevance unless `sort` says otherwise.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = AwardQuery.MAX_Q))
                    String q,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        SortOrder order = AwardService.SORTING.parse(sort, q != null && !q.isBlank());
        AwardQuery query = new AwardQuery(
                QueryParams.text("prize", prize, Slugs.MAX_LENGTH),
                QueryParams.integer("year", year, HonoraryCitizenQuery.MIN_YEAR, HonoraryCitizenQuery.MAX_YEAR),
                QueryParams.text("category", category, AwardQuery.MAX_CATEGORY),
                QueryParams.oneOf("distinction", distinction, Distinction.class),
                country,
                QueryParams.text("q", q, AwardQuery.MAX_Q),
                updatedAfter.value());
        return representations.page(service.list(query, order, page), uri, headers);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getAward", summary = "Get an award by id")
    public RestResponse<AwardView> get(
            @PathParam("id") @Parameter(description = "Id") UUID id, @Context HttpHeaders headers) {
        AwardView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAward", summary = "Create an award")
    @ResponseStatus(201)
    public RestResponse<AwardView> create(@Valid @NotNull AwardWrite body, @Context UriInfo uri) {
        AwardView v = service.create(body);
        return representations.created(uri, v.id(), v, v.updatedAt());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceAward",
            summary = "Replace an award",
            description = "Sets every field; an absent optional field is cleared, except the slug, which is kept.")
    public RestResponse<AwardView> replace(
            @PathParam("id") @Parameter(description = "Id") UUID id,
            @Valid @NotNull AwardWrite body,
            @BeanParam IfMatch ifMatch) {
        AwardView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchAward",
            summary = "Change some fields of an award",
            description = "An RFC 7396 JSON merge patch.")
    public RestResponse<AwardView> patch(
            @PathParam("id") @Parameter(description = "Id") UUID id,
            @MergePatchOf(AwardWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        AwardView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(
            operationId = "deleteAward",
            summary = "Delete an award",
            description = "The posts that mention it lose the link.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "Id") UUID id, @BeanParam IfMatch ifMatch) {
        service.delete(id, ifMatch.precondition());
        return representations.deleted();
    }
}

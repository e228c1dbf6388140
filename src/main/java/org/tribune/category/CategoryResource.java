package org.tribune.category;

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
import org.tribune.web.PageParams;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;
import org.tribune.web.UpdatedAfterParam;

@Path("/api/v1/categories")
@Tag(name = "Categories", description = "A tree of categories to file posts in.")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private static final String EXAMPLE = """
            {"name": "Droits humains", "description": "Human rights at home and abroad: votes, support, solidarity.", "parent": null}""";

    private final CategoryService service;
    private final Representations representations;

    public CategoryResource(CategoryService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listCategories",
            summary = "List categories",
            description = "Sorted by name unless `sort` says otherwise. Each item carries its postCount.")
    public RestResponse<PageResponse<CategoryView>> list(
            @BeanParam PageParams paging,
            @BeanParam UpdatedAfterParam updatedAfter,
            @QueryParam("sort")
                    @Parameter(
                            description =
                                    "Comma-separated sort keys: `name`, `postCount`; prefix with `-` for descending.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = CategoryService.DEFAULT_SORT,
                                            pattern = CategoryService.SORT_PATTERN),
                            example = "-postCount")
                    String sort,
            @QueryParam("parent")
                    @Parameter(
                            description = "Only the children of this category id, or `root` for top-level categories.",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^(root|[0-9a-fA-F-]{36})$"))
                    String parent,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        SortOrder order = CategoryService.SORTING.parse(sort);
        boolean topLevel = "root".equals(parent);
        UUID parentId = topLevel ? null : QueryParams.uuid("parent", parent);
        return representations.page(
                service.list(new CategoryQuery(parentId, topLevel, updatedAfter.value()), order, page), uri, headers);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getCategory", summary = "Get a category by id")
    public RestResponse<CategoryView> get(
            @PathParam("id") @Parameter(description = "Category id") UUID id, @Context HttpHeaders headers) {
        CategoryView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @GET
    @PermitAll
    @Path("/slug/{slug}")
    @Operation(operationId = "getCategoryBySlug", summary = "Get a category by slug")
    public RestResponse<CategoryView> getBySlug(
            @Parameter(
                            description = "Category slug",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = Slugs.PATTERN,
                                            maxLength = Slugs.MAX_LENGTH))
                    @PathParam("slug")
                    String slug,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return representations.readBySlug(service.getBySlug(slug), CategoryView::updatedAt, uri, headers);
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCategory", summary = "Create a category")
    @ResponseStatus(201)
    public RestResponse<CategoryView> create(@Valid @NotNull CategoryWrite body, @Context UriInfo uri) {
        CategoryView v = service.create(body);
        return representations.created(uri, v.id(), v, v.updatedAt());
    }

    @PUT
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceCategory",
            summary = "Replace a category",
            description = "Sets every field; an absent optional field is cleared, except the slug, which is kept.")
    public RestResponse<CategoryView> replace(
            @PathParam("id") @Parameter(description = "Category id") UUID id,
            @Valid @NotNull CategoryWrite body,
            @BeanParam IfMatch ifMatch) {
        CategoryView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Path("/{id}")
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchCategory",
            summary = "Change some fields of a category",
            description =
                    "An RFC 7396 JSON merge patch: send only the fields to change; null clears an optional field.")
    public RestResponse<CategoryView> patch(
            @PathParam("id") @Parameter(description = "Category id") UUID id,
            @MergePatchOf(CategoryWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        CategoryView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Path("/{id}")
    @Operation(
            operationId = "deleteCategory",
            summary = "Delete a category",
            description =
                    "Its children move to the top level. A category that still holds posts is kept (409) unless `force=true`, which removes it from those posts first.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "Category id") UUID id,
            @QueryParam("force")
                    @Parameter(
                            description = "Detach the category from its posts, then delete it.",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String force,
            @BeanParam IfMatch ifMatch) {
        service.delete(id, QueryParams.bool("force", force), ifMatch.precondition());
        return representations.deleted();
    }
}

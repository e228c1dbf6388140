package org.tribune.post;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.persistence.PageResponse;
import org.tribune.security.Roles;
import org.tribune.web.PageParams;
import org.tribune.web.Representations;

@Path("/api/v1/trash/posts")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
public class TrashResource {

    private final PostListService service;
    private final Representations representations;

    public TrashResource(PostListService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @Operation(
            operationId = "listTrashedPosts",
            summary = "List the posts in the trash",
            description = "Most recently deleted first. POST /api/v1/posts/{id}/restore brings one back.")
    public RestResponse<PageResponse<PostSummary>> list(
            @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        return representations.page(
                service.trash(PostService.SORTING.parse("-updatedAt"), paging.request()), uri, headers);
    }
}

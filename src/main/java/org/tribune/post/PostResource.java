package org.tribune.post;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.ApiException;
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

@Path("/api/v1/posts")
@Tag(name = "Posts", description = "Dated articles with HTML content, filed in categories and tagged.")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    private static final String EXAMPLE = """
            {
              "title": "Quinze associations de défense des droits humains soutenues par Paris",
              "content": "<p>Le Conseil de Paris a voté une aide à quinze associations qui défendent les libertés fondamentales dans le monde.</p><ul><li>Liberté de la presse en Birmanie</li><li>Protection des défenseurs des droits humains</li></ul>",
              "lang": "fr",
              "categories": [],
              "tags": ["Conseil de Paris", "solidarité internationale"],
              "publishedAt": "2025-07-09T10:00:00Z"
            }""";

    private final PostService service;
    private final PostListService listService;
    private final PostRevisionService revisions;
    private final Representations representations;

    public PostResource(
            PostService service,
            PostListService listService,
            PostRevisionService revisions,
            Representations representations) {
        this.service = service;
        this.listService = listService;
        this.revisions = revisions;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.SEARCHES, value = "true")
    @Operation(
            operationId = "listPosts",
            summary = "List posts",
            description =
                    "Listing cards without the content, newest first unless `sort` says otherwise. All filters combine.")
    public RestResponse<PageResponse<PostSummary>> list(
            @BeanParam PageParams paging,
            @BeanParam UpdatedAfterParam updatedAfter,
            @QueryParam("sort")
                    @Parameter(
                            description =
                                    "Comma-separated sort keys: `publishedAt`, `title`, `updatedAt`; prefix with `-` for"
                                            + " descending. With `q`, `relevance` (best match first, alone) is the"
                                            + " default, and only then allowed.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = PostService.DEFAULT_SORT,
                                            pattern = PostService.SORT_PATTERN),
                            example = "-publishedAt")
                    String sort,
            @QueryParam("category")
                    @Parameter(
                            description = "Category slug. Repeat it to match posts in any of several categories.",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                            example = "droits-humains")
                    List<String> category,
            @QueryParam("tag")
                    @Parameter(
                            description = "Tag, ignoring case.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = PostQuery.MAX_TAG))
                    String tag,
            @QueryParam("q")
                    @Parameter(
                            description =
                                    "Words to find in the title, excerpt and content, as `GET /api/v1/search` reads them: case, accents and elision ignored, plurals and feminines matched, `\"phrases\"`, `-exclusions`, and the last word as a prefix. Every word must match. Sorted by relevance unless `sort` says otherwise.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = PostQuery.MAX_Q))
                    String q,
            @QueryParam("publishedAfter")
                    @Parameter(
                            description =
                                    "Only posts published at or after this date (YYYY-MM-DD, start of day UTC) or timestamp.",
                            schema = @Schema(type = SchemaType.STRING),
                            example = "2025-01-01")
                    String publishedAfter,
            @QueryParam("publishedBefore")
                    @Parameter(
                            description =
                                    "Only posts published before this date (YYYY-MM-DD, start of day UTC) or timestamp.",
                            schema = @Schema(type = SchemaType.STRING),
                            example = "2026-01-01")
                    String publishedBefore,
            @QueryParam("lang")
                    @Parameter(
                            description = "BCP 47 language; `fr` also matches regional tags such as `fr-BE`.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = PostQuery.MAX_LANG),
                            example = "fr")
                    String lang,
            @QueryParam("honoraryCitizen")
                    @Parameter(
                            description = "Slug of an honorary citizen: only the posts about them.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = Slugs.PATTERN,
                                            maxLength = Slugs.MAX_LENGTH))
                    String honoraryCitizen,
            @QueryParam("award")
                    @Parameter(
                            description = "Id of an award: only the posts about it.",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    String award,
            @QueryParam("status")
                    @Parameter(
                            description = "For signed-in callers, who see drafts too: only posts of this"
                                    + " status. The public sees published posts only, whatever this says.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"draft", "scheduled", "published", "archived"}))
                    String status,
            @QueryParam("include")
                    @Parameter(
                            description = "`content`: each card carries the post's content, so that a page showing"
                                    + " whole posts (or an offline app) needs one call. Pages are then at most "
                                    + PostQuery.MAX_SIZE_WITH_CONTENT
                                    + " posts (`size`).",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"content"}))
                    String include,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        boolean withContent = QueryParams.oneOf("include", include, Included.class) != null;
        if (withContent && page.size() > PostQuery.MAX_SIZE_WITH_CONTENT) {
            throw ApiException.invalid(
                    "size", "must be at most " + PostQuery.MAX_SIZE_WITH_CONTENT + " with include=content");
        }
        String words = QueryParams.text("q", q, PostQuery.MAX_Q);
        SortOrder order = PostService.SORTING.parse(sort, words != null);
        PostQuery query = new PostQuery(
                QueryParams.values(category),
                QueryParams.text("tag", tag, PostQuery.MAX_TAG),
                words,
                QueryParams.instant("publishedAfter", publishedAfter),
                QueryParams.instant("publishedBefore", publishedBefore),
                QueryParams.text("lang", lang, PostQuery.MAX_LANG),
                QueryParams.text("honoraryCitizen", honoraryCitizen, Slugs.MAX_LENGTH),
                QueryParams.uuid("award", award),
                QueryParams.oneOf("status", status, PostStatus.class),
                updatedAfter.value(),
                withContent);
        PageResponse<PostSummary> body = listService.list(query, order, page);
        return representations.page(body, uri, headers);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getPost", summary = "Get a post by id")
    public RestResponse<PostView> get(
            @PathParam("id") @Parameter(description = "Post id") UUID id, @Context HttpHeaders headers) {
        PostView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @GET
    @PermitAll
    @Path("/slug/{slug}")
    @Operation(operationId = "getPostBySlug", summary = "Get a post by slug")
    public RestResponse<PostView> getBySlug(
            @PathParam("slug")
                    @Parameter(
                            description = "Post slug",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = Slugs.PATTERN,
                                            maxLength = Slugs.MAX_LENGTH))
                    String slug,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return representations.readBySlug(service.getBySlug(slug), PostView::updatedAt, uri, headers);
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPost", summary = "Create a post")
    @ResponseStatus(201)
    public RestResponse<PostView> create(@Valid @NotNull PostWrite body, @Context UriInfo uri) {
        PostView v = service.create(body);
        return representations.created(uri, v.id(), v, v.updatedAt());
    }

    @PUT
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replacePost",
            summary = "Replace a post",
            description =
                    "Sets every field; an absent optional field goes back to its default, except the slug and publishedAt, which are kept.")
    public RestResponse<PostView> replace(
            @PathParam("id") @Parameter(description = "Post id") UUID id,
            @Valid @NotNull PostWrite body,
            @BeanParam IfMatch ifMatch) {
        PostView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Path("/{id}")
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchPost",
            summary = "Change some fields of a post",
            description =
                    "An RFC 7396 JSON merge patch: send only the fields to change; null resets an optional field to its default.")
    public RestResponse<PostView> patch(
            @PathParam("id") @Parameter(description = "Post id") UUID id,
            @MergePatchOf(PostWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        PostView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Path("/{id}")
    @Operation(
            operationId = "deletePost",
            summary = "Move a post to the trash, or delete it for good",
            description =
                    "The post disappears everywhere but keeps its links, and POST /api/v1/posts/{id}/restore brings it"
                            + " back; it is deleted for good after the retention period (30 days by default)."
                            + " `permanent=true` deletes at once, for editors and admins.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "Post id") UUID id,
            @QueryParam("permanent")
                    @Parameter(
                            description = "Delete for good instead of moving to the trash.",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String permanent,
            @BeanParam IfMatch ifMatch) {
        service.delete(id, QueryParams.bool("permanent", permanent), ifMatch.precondition());
        return representations.deleted();
    }

    @POST
    @Path("/{id}/restore")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(
            operationId = "restorePost",
            summary = "Bring a post back from the trash",
            description = "With its categories, media, honorary citizens and awards. 409 if it is not in the trash.")
    @APIResponse(
            responseCode = "200",
            description = "Restored",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PostView> restore(@PathParam("id") @Parameter(description = "Post id") UUID id) {
        PostView v = service.restore(id);
        return representations.updated(v, v.updatedAt());
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.READER, Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Operation(
            operationId = "listPostRevisions",
            summary = "List a post's revisions",
            description = "Newest first. Never public.")
    public RestResponse<PageResponse<RevisionSummary>> revisions(
            @PathParam("id") @Parameter(description = "Post id") UUID id,
            @BeanParam PageParams paging,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return representations.page(revisions.list(id, paging.request()), uri, headers);
    }

    @GET
    @Path("/{id}/revisions/{revisionId}")
    @RolesAllowed({Roles.READER, Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "getPostRevision", summary = "Get one revision of a post, in full")
    public RestResponse<RevisionView> revision(
            @PathParam("id") @Parameter(description = "Post id") UUID id,
            @PathParam("revisionId") @Parameter(description = "Revision id") UUID revisionId,
            @Context HttpHeaders headers) {
        RevisionView v = revisions.get(id, revisionId);
        return representations.read(v, v.createdAt(), headers);
    }

    @POST
    @Path("/{id}/revisions/{revisionId}/restore")
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Operation(
            operationId = "restorePostRevision",
            summary = "Make a revision current again",
            description =
                    "The restore is itself recorded as a new revision. Authors may restore revisions of their own drafts.")
    public RestResponse<PostView> restoreRevision(
            @PathParam("id") @Parameter(description = "Post id") UUID id,
            @PathParam("revisionId") @Parameter(description = "Revision id") UUID revisionId,
            @BeanParam IfMatch ifMatch) {
        PostView v = service.restoreRevision(id, revisionId, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }
    /** What a list may carry besides its cards' own fields. */
    private enum Included {
        content
    }
}

package org.tribune.feed;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tribune.common.Slugs;
import org.tribune.post.PostQuery;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;

/** The feeds: each scope in the three formats, named by the path's last segment. */
@Path("/api/v1/feeds")
@Tag(name = "Site")
@Produces({"application/rss+xml", "application/atom+xml", "application/feed+json"})
@APIResponse(
        responseCode = "200",
        description = "The feed: RSS 2.0, Atom 1.0 or JSON Feed 1.1, as the path says.",
        content = {
            @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/feed+json", schema = @Schema(implementation = JsonFeed.class))
        })
@APIResponse(responseCode = "409", ref = "Conflict")
public class FeedResource {

    private static final String FORMATS = "rss|atom|json";
    private static final String ABOUT = "The newest 20 public posts (not marked noindex), whole: title, permalink,"
            + " dates, author, categories and tags, excerpt, content, and the featured photo as an enclosure with its"
            + " type and size. 409 until the site's base URL is set.";

    private final FeedService service;
    private final Representations representations;

    public FeedResource(FeedService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Path("/{format: " + FORMATS + "}")
    @Operation(operationId = "getSiteFeed", summary = "The site's feed", description = ABOUT)
    public Response site(
            @PathParam("format")
                    @Parameter(
                            description = "rss, atom or json",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"rss", "atom", "json"}))
                    String format,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return feed(FeedService.Scope.SITE, format, uri, headers);
    }

    @GET
    @PermitAll
    @Path("/categories/{slug}/{format: " + FORMATS + "}")
    @Operation(
            operationId = "getCategoryFeed",
            summary = "A category's feed",
            description = ABOUT + " An old slug of the category answers 301.")
    public Response category(
            @PathParam("slug")
                    @Parameter(
                            description = "Category slug",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = Slugs.PATTERN,
                                            maxLength = Slugs.MAX_LENGTH))
                    String slug,
            @PathParam("format")
                    @Parameter(
                            description = "rss, atom or json",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"rss", "atom", "json"}))
                    String format,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return feed(new FeedService.Scope(slug, null), format, uri, headers);
    }

    @GET
    @PermitAll
    @Path("/tags/{tag}/{format: " + FORMATS + "}")
    @Operation(operationId = "getTagFeed", summary = "A tag's feed", description = ABOUT)
    public Response tag(
            @PathParam("tag")
                    @Parameter(
                            description = "Tag, ignoring case",
                            schema = @Schema(type = SchemaType.STRING, maxLength = PostQuery.MAX_TAG))
                    String tag,
            @PathParam("format")
                    @Parameter(
                            description = "rss, atom or json",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"rss", "atom", "json"}))
                    String format,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return feed(new FeedService.Scope(null, QueryParams.text("tag", tag, PostQuery.MAX_TAG)), format, uri, headers);
    }

    private Response feed(FeedService.Scope scope, String format, UriInfo uri, HttpHeaders headers) {
        String moved = service.movedCategory(scope);
        if (moved != null) {
            String path = uri.getRequestUri().getRawPath();
            String old = "/categories/" + scope.categorySlug() + "/";
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(uri.getRequestUri().resolve(path.replace(old, "/categories/" + moved + "/")))
                    .build();
        }
        FeedFormat f = FeedFormat.valueOf(format);
        FeedService.Document d = service.feed(scope, f, uri.getRequestUri(), uri.getBaseUri());
        return representations.document(d.body(), f.mediaType(), d.changedAt(), headers);
    }
}

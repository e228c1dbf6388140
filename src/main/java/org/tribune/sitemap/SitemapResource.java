package org.tribune.sitemap;

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
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;

@Path("/api/v1")
@Tag(name = "Site")
public class SitemapResource {

    private static final String XML = "application/xml";

    private final SitemapService service;
    private final Representations representations;

    public SitemapResource(SitemapService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Path("/sitemap.xml")
    @Produces(XML)
    @Operation(
            operationId = "getSitemap",
            summary = "The sitemap",
            description = "The permalinks of the public posts, categories, honorary citizens, prizes and award pages"
                    + " (not marked noindex), each with `lastmod` (sitemaps.org 0.9). Past 50,000 URLs, a sitemap"
                    + " index of parts. Serve it from the public site (a proxy of /sitemap.xml) or name it in the"
                    + " site's robots.txt, so that search engines accept URLs of another host. 409 until the site's"
                    + " base URL is set.")
    @APIResponse(
            responseCode = "200",
            description = "A urlset, or a sitemapindex.",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response sitemap(@Context UriInfo uri, @Context HttpHeaders headers) {
        SitemapService.Document d = service.sitemap(n ->
                uri.getBaseUriBuilder().path("api/v1/sitemaps/" + n + ".xml").build());
        return representations.document(d.body(), XML, d.changedAt(), headers);
    }

    @GET
    @PermitAll
    @Path("/sitemaps/{part: [0-9]+}.xml")
    @Produces(XML)
    @Operation(operationId = "getSitemapPart", summary = "A part of a sitemap too large for one document")
    @APIResponse(
            responseCode = "200",
            description = "A urlset of at most 50,000 URLs.",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response part(
            @PathParam("part")
                    @Parameter(
                            description = "From 1, as the index names them",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    String part,
            @Context HttpHeaders headers) {
        Integer n = QueryParams.integer("part", part, 1, Integer.MAX_VALUE);
        SitemapService.Document d = service.part(n);
        return representations.document(d.body(), XML, d.changedAt(), headers);
    }
}

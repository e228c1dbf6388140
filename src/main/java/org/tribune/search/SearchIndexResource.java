package org.tribune.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.fulltext.SearchEngine;
import org.tribune.security.Roles;
import org.tribune.web.OpenApiConventions;
import org.tribune.web.Representations;

@Path("/api/v1/search-index")
@Tag(name = "Search", description = "One ranked search across the site.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SearchIndexResource {

    private final SearchService service;
    private final Representations representations;

    public SearchIndexResource(SearchService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @Extension(name = OpenApiConventions.COMPUTED, value = "true")
    @Operation(
            operationId = "getSearchIndex",
            summary = "Where the search index stands",
            description = "Which engine answers searches (PostgreSQL's full text, or Lucene on H2), how many documents"
                    + " it holds, and the change log entry it has reached.")
    public RestResponse<SearchEngine.Status> status(@Context HttpHeaders headers) {
        return representations.computed(service.indexStatus(), headers);
    }

    @POST
    @Path("/rebuild")
    @Operation(
            operationId = "rebuildSearchIndex",
            summary = "Rebuild the search index",
            description = "Builds every document again from the content. Never needed in normal operation (the index"
                    + " follows every write, and rebuilds itself when missing or behind, as after a restore); for"
                    + " after a manual change to the database. Searches go on meanwhile.")
    public SearchEngine.Rebuilt rebuild() {
        return service.rebuild();
    }
}

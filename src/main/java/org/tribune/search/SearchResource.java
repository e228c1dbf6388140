package org.tribune.search;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.ApiException;
import org.tribune.fulltext.SearchQuery;
import org.tribune.persistence.PageRequest;
import org.tribune.post.PostStatus;
import org.tribune.web.OpenApiConventions;
import org.tribune.web.PageParams;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;

@Path("/api/v1/search")
@Tag(name = "Search", description = "One ranked search across the site.")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final String Q_DESCRIPTION = "Words to find, in French by default (each post in its own language):"
            + " case, accents and elision are ignored (`l'homme` finds `homme`, `oeuvre` finds `œuvre`), and words"
            + " match their plural and feminine forms (`iranien` finds `iraniennes`). Every word must match."
            + " `\"a phrase\"` matches as a phrase; `-word` or `-\"a phrase\"` excludes; the last word also matches"
            + " the words it begins (`dro` finds `droits`), unless the query ends with a space. A quote left open"
            + " or a stray dash is read as plain words.";

    private final SearchService service;
    private final Representations representations;

    public SearchResource(SearchService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Extension(name = OpenApiConventions.SEARCHES, value = "true")
    @Operation(
            operationId = "search",
            summary = "Search the site",
            description = "Posts, categories, tags, honorary citizens, prizes and awards in one list, best match"
                    + " first: a match in the title counts more than one in the excerpt (or description), which"
                    + " counts more than one in the text. Each hit has a snippet with its matches marked, and the"
                    + " answer counts the hits by type, category and year. The public finds published posts whose"
                    + " time has come; a signed-in caller also finds drafts and scheduled posts. The trash is never"
                    + " searched.")
    public RestResponse<SearchPage> search(
            @BeanParam PageParams paging,
            @QueryParam("q")
                    @Parameter(
                            description = Q_DESCRIPTION,
                            required = true,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            minLength = 1,
                                            maxLength = SearchQuery.MAX_LENGTH),
                            example = "droits de l'homme iran")
                    String q,
            @QueryParam("type")
                    @Parameter(
                            description = "Only hits of these types, separated by commas.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern =
                                                    "^(" + SearchService.TYPES + ")(,(" + SearchService.TYPES + "))*$"),
                            example = "post,award")
                    List<String> type,
            @QueryParam("category")
                    @Parameter(
                            description = "Only posts in this category (slug); repeat it for any of several.",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
                    List<String> category,
            @QueryParam("year")
                    @Parameter(
                            description = "Only hits of this year (see `year` in each hit).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "9999"))
                    String year,
            @QueryParam("status")
                    @Parameter(
                            description = "For signed-in callers: only posts of this status. The public finds"
                                    + " published posts only, whatever this says.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"draft", "scheduled", "published", "archived"}))
                    String status,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        if (q == null || q.isBlank()) {
            throw ApiException.invalid("q", "is required: give the words to search for");
        }
        SearchQuery query = SearchQuery.parse(q);
        PostStatus wanted = QueryParams.oneOf("status", status, PostStatus.class);
        SearchPage body = service.search(
                query,
                types(type),
                QueryParams.values(category),
                QueryParams.integer("year", year, 1, 9999),
                wanted == null ? null : wanted.name(),
                page);
        return representations.page(
                body, body.page(), body.totalPages(), body.next(), body.totalItems(), body.since(), uri, headers);
    }

    private static Set<String> types(List<String> raw) {
        Set<String> types = new LinkedHashSet<>();
        Set<String> known = Set.of(SearchService.TYPES.split("\\|"));
        if (raw != null) {
            for (String value : raw) {
                for (String t : value.split(",")) {
                    String type = t.strip();
                    if (type.isEmpty()) {
                        continue;
                    }
                    if (!known.contains(type)) {
                        throw ApiException.invalid(
                                "type",
                                "'" + type + "' is not a type the search covers; use " + String.join(", ", known));
                    }
                    types.add(type);
                }
            }
        }
        return types;
    }
}

package org.tribune.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.Clock;
import org.tribune.common.Etags;
import org.tribune.common.ProblemType;
import org.tribune.persistence.BySlug;
import org.tribune.persistence.Cursor;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.RepresentationHistory;
import org.tribune.security.Callers;

/**
 * The one place that shapes successful responses: ETags (from {@link Etags}), Last-Modified, conditional requests,
 * Location and the paging headers.
 */
@ApplicationScoped
public class Representations {

    public static final String TOTAL_COUNT = "X-Total-Count";
    /** Where a search's window started (see {@code SearchWindow}); absent when the answer covers every match. */
    public static final String SEARCH_SINCE = "Search-Since";

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private static final Logger LOG = Logger.getLogger(Representations.class);

    private final Etags etags;
    private final RepresentationHistory history;
    private final Callers callers;
    private final HttpServerRequest request;
    private final Clock clock;

    public Representations(
            Etags etags, RepresentationHistory history, Callers callers, HttpServerRequest request, Clock clock) {
        this.etags = etags;
        this.history = history;
        this.callers = callers;
        this.request = request;
        this.clock = clock;
    }

    /** Strong ETag of a single resource's representation. */
    public String etag(Object representation) {
        return etags.strong(representation);
    }

    /**
     * A single resource: strong ETag, and Last-Modified from the time that ETag appeared (never before the
     * resource's own {@code changedAt}), so that If-Modified-Since and If-None-Match always agree.
     */
    public <T> RestResponse<T> read(T representation, Instant changedAt, HttpHeaders request) {
        String etag = etag(representation);
        Instant lastModified = lastModified(etag, changedAt);
        if (notModified(request, etag, lastModified)) {
            return notModifiedResponse(etag, lastModified);
        }
        // Signed-in callers see drafts: a cache must not hand one caller's answer to another.
        return RestResponse.ResponseBuilder.ok(representation)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified))
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    /**
     * A read by slug: the item as {@link #read} gives it, or, for an old slug of an item, 301 to the same URL with
     * the current slug in its place (the query kept), so that links made before a rename keep working.
     */
    public <T> RestResponse<T> readBySlug(
            BySlug<T> result, Function<T, Instant> changedAt, UriInfo uri, HttpHeaders request) {
        if (result.movedTo() == null) {
            return read(result.found(), changedAt.apply(result.found()), request);
        }
        String path = uri.getAbsolutePath().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        URI location = uri.getBaseUri()
                .resolve(path.substring(0, path.lastIndexOf('/') + 1)
                        + URLEncoder.encode(result.movedTo(), StandardCharsets.UTF_8)
                        + (query == null ? "" : "?" + query));
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.MOVED_PERMANENTLY)
                .location(location)
                .build();
    }

    /**
     * A document in a format of its own (a feed, a sitemap), built whole: as {@link #read}, with the strong ETag
     * over its bytes and Last-Modified from when those bytes appeared, so that removing an item from it moves both.
     */
    public Response document(byte[] body, String mediaType, Instant changedAt, HttpHeaders request) {
        String etag = etag(body);
        Instant lastModified = lastModified(etag, changedAt);
        if (notModified(request, etag, lastModified)) {
            return notModifiedResponse(etag, lastModified).toResponse();
        }
        return Response.ok(body, mediaType + "; charset=UTF-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified))
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    private Instant lastModified(String etag, Instant changedAt) {
        String audience = callers.current().isAnonymous() ? "public " : "private ";
        Instant since;
        try {
            since = history.since(audience + request.path(), etag);
        } catch (RuntimeException e) {
            // Two instances recording the same change at once: the loser answers with the present, which can only
            // make a client fetch again, never keep a stale copy.
            LOG.warnf("Could not record when %s changed: %s", request.path(), e.getMessage());
            since = clock.now();
        }
        return since.isAfter(changedAt) ? since : changedAt;
    }

    /** 201 with the new resource's URL: the request path followed by its id. */
    public <T> RestResponse<T> created(UriInfo request, UUID id, T representation, Instant lastModified) {
        URI location = request.getAbsolutePathBuilder().path(id.toString()).build();
        return RestResponse.ResponseBuilder.<T>created(location)
                .entity(representation)
                .header(HttpHeaders.ETAG, etag(representation))
                .header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified))
                .build();
    }

    public <T> RestResponse<T> updated(T representation, Instant lastModified) {
        return RestResponse.ResponseBuilder.ok(representation)
                .header(HttpHeaders.ETAG, etag(representation))
                .header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified))
                .build();
    }

    /** An answer that shows a secret once (a new API token, a webhook's signing secret): no cache may keep it. */
    public <T> RestResponse<T> showingSecret(RestResponse<T> response) {
        return RestResponse.ResponseBuilder.fromResponse(response)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** 202: the work is queued, and {@code location} is where to follow it (a webhook delivery and its attempts). */
    public <T> RestResponse<T> accepted(URI location, T status) {
        return RestResponse.ResponseBuilder.<T>accepted(status)
                .location(location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    public <T> RestResponse<T> deleted() {
        return RestResponse.noContent();
    }

    /**
     * Serves a stored file: strong ETag (its checksum), immutable caching when its URL carries its version ({@code nosniff} comes from ResponseHeaders), 304 on If-None-Match,
     * and one byte range (RFC 9110 14) with 206, honouring If-Range. Several ranges get the whole file, which the
     * RFC allows.
     */
    public Response file(FileRepresentation f, UriInfo uri, HttpHeaders request) {
        String etag = "\"" + f.checksum() + "\"";
        Response.ResponseBuilder builder;
        if (notModified(request, etag, f.lastModified())) {
            builder = Response.notModified();
        } else {
            String range = request.getHeaderString("Range");
            String ifRange = request.getHeaderString("If-Range");
            long[] span = range == null || (ifRange != null && !ifRange.trim().equals(etag))
                    ? null
                    : byteRange(range, f.size());
            if (span != null && span.length == 0) {
                ProblemType t = ProblemType.RANGE_NOT_SATISFIABLE;
                return Response.status(416)
                        .header("Content-Range", "bytes */" + f.size())
                        .type(ProblemMappers.PROBLEM_JSON)
                        .entity(new Problem(
                                t.uri(),
                                t.title(),
                                416,
                                "The range starts beyond the end of the file (" + f.size() + " bytes).",
                                uri.getRequestUri().getRawPath(),
                                null))
                        .build();
            }
            if (span != null) {
                long length = span[1] - span[0] + 1;
                builder = Response.status(206)
                        .entity(f.body().range(span[0], length))
                        .header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + f.size());
            } else {
                builder = Response.ok(f.body().range(0, f.size()));
            }
            builder.type(f.contentType());
            if (f.disposition() != null) {
                builder.header("Content-Disposition", f.disposition());
            }
        }
        // The entity's own class picks the writer (a PathPart is sent with sendfile), hence a plain Response.
        return builder.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, httpDate(f.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, f.cachePolicy())
                .header("Accept-Ranges", "bytes")
                .build();
    }

    /** {start, end} of a single satisfiable range, an empty array when unsatisfiable, null to serve everything. */
    static long[] byteRange(String header, long size) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    return new long[0];
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size) {
                return new long[0];
            }
            return end < start ? null : new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A collection page with a weak ETag over its body, an RFC 8288 Link header, X-Total-Count, and Search-Since
     * when its {@code q} was answered over a window.
     */
    public <T> RestResponse<PageResponse<T>> page(PageResponse<T> body, UriInfo uri, HttpHeaders request) {
        return page(
                body,
                body.page(),
                body.totalPages(),
                body.next(),
                body.totalItems(),
                body.searchedSince(),
                uri,
                request);
    }

    /** A page whose body carries more than {@link PageResponse} (the search's facets), with the same headers. */
    public <T> RestResponse<T> page(
            T body,
            int page,
            int totalPages,
            String next,
            long totalItems,
            Instant searchedSince,
            UriInfo uri,
            HttpHeaders request) {
        // The window's start is part of the representation even where the body does not carry it (PageResponse):
        // a client's 304 must not keep an older Search-Since.
        Object validated = searchedSince == null ? body : List.of(body, searchedSince);
        return computed(body, validated, request, b -> {
            b.header("Link", links(page, totalPages, next, uri)).header(TOTAL_COUNT, totalItems);
            return searchedSince == null ? b : b.header(SEARCH_SINCE, searchedSince.toString());
        });
    }

    /** An answer assembled from many resources (a page of the changes feed): a weak ETag over its body. */
    public <T> RestResponse<T> computed(T body, HttpHeaders request) {
        return computed(body, body, request, b -> b);
    }

    private <T> RestResponse<T> computed(
            T body, Object validated, HttpHeaders request, UnaryOperator<RestResponse.ResponseBuilder<T>> headers) {
        String etag = etags.weak(validated);
        if (notModified(request, etag, null)) {
            return notModifiedResponse(etag, null);
        }
        return headers.apply(RestResponse.ResponseBuilder.ok(body)
                        .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                        .header(HttpHeaders.ETAG, etag))
                .build();
    }

    private static String links(int page, int totalPages, String next, UriInfo uri) {
        List<String> links = new ArrayList<>(4);
        links.add(link(uri, "page", "1", "first"));
        if (page == 0) {
            // A page asked by cursor: its neighbours are named by cursor too, and it has no number to count from.
            if (next != null) {
                links.add(link(uri, Cursor.PARAMETER, next, "next"));
            }
            return String.join(", ", links);
        }
        int last = Math.max(1, totalPages);
        if (page > 1) {
            links.add(link(uri, "page", String.valueOf(Math.min(page - 1, last)), "prev"));
        }
        if (page < last) {
            links.add(link(uri, "page", String.valueOf(page + 1), "next"));
        }
        links.add(link(uri, "page", String.valueOf(last), "last"));
        return String.join(", ", links);
    }

    /**
     * The request's own URI with its position ({@code page} or {@code after}) replaced. Built on the raw query, so
     * every other parameter comes back exactly as the client encoded it.
     */
    private static String link(UriInfo uri, String position, String value, String rel) {
        URI request = uri.getRequestUri();
        String whole = request.toString();
        int queryStart = whole.indexOf('?');
        StringBuilder target = new StringBuilder(queryStart < 0 ? whole : whole.substring(0, queryStart));
        char separator = '?';
        String query = request.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals("page") && !name.equals(Cursor.PARAMETER)) {
                    target.append(separator).append(pair);
                    separator = '&';
                }
            }
        }
        target.append(separator).append(position).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return "<" + target + ">; rel=\"" + rel + "\"";
    }

    private static boolean notModified(HttpHeaders request, String etag, Instant lastModified) {
        return notModified(
                request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                etag,
                lastModified);
    }

    static boolean notModified(String ifNoneMatch, String since, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            String opaque = opaque(etag);
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.trim();
                // If-None-Match uses weak comparison: W/"x" and "x" are the same representation.
                if (c.equals("*") || opaque(c).equals(opaque)) {
                    return true;
                }
            }
            return false;
        }
        if (since != null && lastModified != null) {
            Instant s = parseHttpDate(since);
            // RFC 9110: an invalid date is ignored
            return s != null && !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(s);
        }
        return false;
    }

    private static <T> RestResponse<T> notModifiedResponse(String etag, Instant lastModified) {
        RestResponse.ResponseBuilder<T> b = RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED)
                .header(HttpHeaders.ETAG, etag);
        if (lastModified != null) {
            b.header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
        }
        return b.build();
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The instant of an HTTP date, or null when it is not one. */
    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.atZone(ZoneOffset.UTC));
    }
}

package org.tribune.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.common.Clock;
import org.tribune.security.Bearer;

/**
 * The headers every response carries, set in one place just before the headers leave, whatever produced the
 * response (a resource, an error mapper, the router itself):
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code Date};</li>
 * <li>{@code Vary: Origin}, because CORS answers each origin with that origin;</li>
 * <li>{@code Vary: Accept-Encoding} on the types the server may compress;</li>
 * <li>the cache policy of JSON (docs/api-conventions.md, "Caching"): public reads may be kept by any cache but are
 * revalidated with their ETag every time; reads made with a token are for that caller's cache only; writes and
 * errors are never stored.</li>
 * </ul>
 */
@ApplicationScoped
public class ResponseHeaders {

    static final String PUBLIC_READ = "public, no-cache";
    /** What the API builds from its content, JSON, feeds and sitemaps: kept by caches only if revalidated. */
    private static final Set<String> REVALIDATED = Set.of(
            "application/json",
            ProblemMappers.PROBLEM_JSON,
            "application/feed+json",
            "application/rss+xml",
            "application/atom+xml",
            "application/xml");

    static final String PRIVATE_READ = "private, no-cache";
    static final String NEVER_STORE = "no-store";

    private final Set<String> compressible;
    private volatile FormattedSecond lastDate = new FormattedSecond(Long.MIN_VALUE, "");

    private final Clock clock;

    public ResponseHeaders(
            @ConfigProperty(name = "quarkus.http.compress-media-types") Set<String> compressible, Clock clock) {
        this.compressible = compressible;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            HttpServerResponse response = ctx.response();
            // addHeadersEndHandler, not the response's own headersEndHandler, which holds one handler that
            // Quarkus itself uses.
            ctx.addHeadersEndHandler(ignored -> complete(request, response));
            ctx.next();
        });
    }

    private void complete(HttpServerRequest request, HttpServerResponse response) {
        MultiMap headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        if (!headers.contains("Date")) {
            headers.set("Date", dateNow());
        }
        String type = mediaType(headers.get("Content-Type"));
        Set<String> vary = new LinkedHashSet<>();
        vary.add("Origin");
        if (type != null && compressible.contains(type)) {
            vary.add("Accept-Encoding");
        }
        addVary(headers, vary);
        boolean notModified = response.getStatusCode() == 304;
        if (((type != null && REVALIDATED.contains(type)) || notModified) && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", cachePolicy(request, response.getStatusCode()));
        }
    }

    /** Formatting an HTTP date cost 2% of a post read's CPU (JFR): it is formatted once a second. */
    private String dateNow() {
        Instant now = clock.now();
        FormattedSecond last = lastDate;
        if (last.epochSecond() != now.getEpochSecond()) {
            last = new FormattedSecond(now.getEpochSecond(), Representations.httpDate(now));
            lastDate = last;
        }
        return last.value();
    }

    private record FormattedSecond(long epochSecond, String value) {}

    static String cachePolicy(HttpServerRequest request, int status) {
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (!read || status >= 400) {
            return NEVER_STORE;
        }
        return Bearer.anonymous(request) ? PUBLIC_READ : PRIVATE_READ;
    }

    private static void addVary(MultiMap headers, Set<String> names) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String value : headers.getAll("Vary")) {
            for (String name : value.split(",")) {
                String n = name.trim();
                if (!n.isEmpty() && seen.add(n.toLowerCase(Locale.ROOT))) {
                    all.add(n);
                }
            }
        }
        for (String name : names) {
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                all.add(name);
            }
        }
        headers.set("Vary", String.join(", ", all));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}

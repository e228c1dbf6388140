package org.tribune.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.HttpCompressionHandler;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tribune.common.Clock;
import org.tribune.persistence.ContentVersion;
import org.tribune.security.Bearer;

/**
 * Public reads served from memory while the content they were built from is current.
 *
 * <p>An anonymous GET of the API is answered from the bytes of an earlier anonymous answer to the same URL when
 * both belong to the same {@link ContentVersion}: no write committed since, on any instance, and no scheduled post
 * went public since. Anything else is built as usual, and a 200 JSON answer to an anonymous caller is kept, with its
 * headers, under the version read before it was built; a later write makes it unreachable. Answers to a caller with
 * a token are neither served from nor kept here, so a draft can never reach anyone through it.
 */
@ApplicationScoped
public class ReadCache {

    private static final String VERSION = ReadCache.class.getName() + ".version";
    private static final String KEY = ReadCache.class.getName() + ".key";
    private static final String URL_TEMPLATE = "UrlPathTemplate";
    private static final String API = "/api/";
    /** What a 304 repeats of the 200 it stands for (RFC 9110 15.4.5), as the resources' own 304s do. */
    private static final Set<String> NOT_MODIFIED_HEADERS = Set.of("etag", "last-modified", "vary");

    private record Entry(
            ContentVersion.Version version,
            byte[] body,
            String type,
            String urlTemplate,
            List<Map.Entry<String, String>> headers,
            String etag,
            Instant lastModified) {}

    private final ContentVersion versions;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final boolean enabled;
    private final Cache<String, Entry> entries;
    private final Set<String> compressible;

    public ReadCache(
            ContentVersion versions,
            Clock clock,
            ObjectMapper mapper,
            @ConfigProperty(name = "tribune.read-cache.enabled") boolean enabled,
            @ConfigProperty(name = "tribune.read-cache.max-size") MemorySize maxSize,
            @ConfigProperty(name = "quarkus.http.compress-media-types") Set<String> compressible) {
        this.compressible = compressible;
        this.versions = versions;
        this.clock = clock;
        this.mapper = mapper;
        this.enabled = enabled;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxSize.asLongValue())
                .<String, Entry>weigher((key, entry) -> key.length() * 2 + entry.body().length + 256)
                .build();
    }

    /**
     * Answers from memory before the REST layer: a hit costs the router's own handlers (CORS, security, the headers
     * every response carries), one shared read of the content version and the bytes, on the I/O thread. Everything
     * else goes on to the resource, carrying the version it is built at.
     */
    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
        }
    }

    private void serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (!cacheable(request)) {
            routing.next();
            return;
        }
        Context context = Vertx.currentContext();
        versions.current()
                .whenComplete((version, failure) -> context.runOnContext(ignored -> {
                    if (failure != null) {
                        // The resource reads the database itself, and reports what fails there.
                        routing.next();
                        return;
                    }
                    String key = request.absoluteURI();
                    Entry entry = entries.getIfPresent(key);
                    if (entry != null
                            && entry.version().sameLogAs(version)
                            && entry.version().holdsAt(clock.now())) {
                        answer(entry, routing);
                        return;
                    }
                    routing.put(VERSION, version);
                    routing.put(KEY, key);
                    routing.next();
                }));
    }

    @ServerResponseFilter
    public void keep(RoutingContext routing, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (!(routing.get(VERSION) instanceof ContentVersion.Version version)
                || !(routing.get(KEY) instanceof String key)
                || !Bearer.anonymous(routing.request())
                || response.getStatus() != 200
                || entity == null
                || entity instanceof byte[]
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return; // the response's own writer reports it
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> headers.add(Map.entry(name, v)));
            }
        });
        String lastModified = response.getHeaderString(HttpHeaders.LAST_MODIFIED);
        entries.put(
                key,
                new Entry(
                        version,
                        body,
                        response.getMediaType().toString(),
                        urlTemplate(routing.request()),
                        List.copyOf(headers),
                        response.getHeaderString(HttpHeaders.ETAG),
                        lastModified == null ? null : Representations.parseHttpDate(lastModified)));
        // The bytes just kept are the ones sent: the response is not serialized a second time.
        response.setEntity(body, new Annotation[0], response.getMediaType());
    }

    /** Forgets every kept answer; for tests that change the database behind the application's back. */
    public void clear() {
        entries.invalidateAll();
    }

    private static boolean cacheable(HttpServerRequest request) {
        HttpMethod method = request.method();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && Bearer.anonymous(request)
                && request.path().startsWith(API);
    }

    /** The route metrics name a request by (Quarkus REST records it on the request's context). */
    private static String urlTemplate(HttpServerRequest request) {
        return request instanceof HttpServerRequestInternal internal
                ? internal.context().getLocal(URL_TEMPLATE)
                : null;
    }

    /** HEAD gets the headers of the GET, its length included, and no body. */
    private void answer(Entry entry, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (entry.urlTemplate() != null && request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(URL_TEMPLATE, entry.urlTemplate());
        }
        boolean notModified = Representations.notModified(
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                entry.etag(),
                entry.lastModified());
        HttpServerResponse response = request.response();
        MultiMap headers = response.headers();
        for (Map.Entry<String, String> header : entry.headers()) {
            if (!notModified || NOT_MODIFIED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        if (notModified) {
            response.setStatusCode(304).end();
        } else {
            headers.set(HttpHeaders.CONTENT_TYPE, entry.type());
            // What Quarkus REST does for the resources: the types the server compresses are compressed.
            HttpCompressionHandler.compressIfNeeded(routing, compressible);
            if (request.method() == HttpMethod.HEAD) {
                headers.set(HttpHeaders.CONTENT_LENGTH, String.valueOf(entry.body().length));
                response.end();
            } else {
                response.end(Buffer.buffer(entry.body()));
            }
        }
    }
}

package org.tribune.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tribune.common.Clock;
import org.tribune.persistence.ContentVersion;
import org.tribune.security.Callers;

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
    private static final String API = "/api/";
    /** What a 304 repeats of the 200 it stands for (RFC 9110 15.4.5), as the resources' own 304s do. */
    private static final Set<String> NOT_MODIFIED_HEADERS = Set.of("etag", "last-modified", "vary");

    private record Entry(
            ContentVersion.Version version,
            byte[] body,
            MediaType type,
            List<Map.Entry<String, String>> headers,
            String etag,
            Instant lastModified) {}

    private final ContentVersion versions;
    private final Callers callers;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final boolean enabled;
    private final Cache<String, Entry> entries;

    public ReadCache(
            ContentVersion versions,
            Callers callers,
            Clock clock,
            ObjectMapper mapper,
            @ConfigProperty(name = "tribune.read-cache.enabled") boolean enabled,
            @ConfigProperty(name = "tribune.read-cache.max-size") MemorySize maxSize) {
        this.versions = versions;
        this.callers = callers;
        this.clock = clock;
        this.mapper = mapper;
        this.enabled = enabled;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxSize.asLongValue())
                .<String, Entry>weigher((key, entry) -> key.length() * 2 + entry.body().length + 256)
                .build();
    }

    /**
     * Runs on the I/O thread, before the switch to a worker: a kept answer is given from there, and only a miss goes
     * on to the resource, carrying the version it is built at.
     */
    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> serve(ContainerRequestContext request) {
        if (!cacheable(request)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().completionStage(versions.current()).map(version -> {
            Entry entry = entries.getIfPresent(key(request));
            if (entry != null
                    && entry.version().seq() == version.seq()
                    && entry.version().holdsAt(clock.now())) {
                return answer(entry, request);
            }
            request.setProperty(VERSION, version);
            return null;
        });
    }

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (!(request.getProperty(VERSION) instanceof ContentVersion.Version version)
                || !callers.current().isAnonymous()
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
                key(request),
                new Entry(
                        version,
                        body,
                        response.getMediaType(),
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

    /** A request without Authorization is anonymous: a bearer token is the only way to sign in. */
    private boolean cacheable(ContainerRequestContext request) {
        String method = request.getMethod();
        return enabled
                && (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getUriInfo().getRequestUri().getRawPath().startsWith(API);
    }

    /** The whole URL, host included: the Link header of a page names it. */
    private static String key(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().toString();
    }

    private static Response answer(Entry entry, ContainerRequestContext request) {
        boolean notModified = Representations.notModified(
                request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                entry.etag(),
                entry.lastModified());
        Response.ResponseBuilder builder =
                notModified ? Response.notModified() : Response.ok(entry.body(), entry.type());
        for (Map.Entry<String, String> header : entry.headers()) {
            if (!notModified || NOT_MODIFIED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        return builder.build();
    }
}

package org.tribune.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.common.ProblemType;

/**
 * A body over its route's limit is refused before any resource runs, by its Content-Length when it has one (so
 * that a client that asked with Expect: 100-continue sends nothing), or as it streams in. Both answers are
 * problem+json like every other error, instead of the server's empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    /** Where the server reads the limit of a streamed body without Content-Length; set after its own handler. */
    private static final String STREAM_LIMIT_KEY = "io.quarkus.max-request-size";

    private final ObjectMapper mapper;
    private final long defaultLimit;
    private final Map<String, Long> largeRoutes;

    public BodyLimit(
            ObjectMapper mapper,
            @ConfigProperty(name = BodyLimitConfigSource.DEFAULT_LIMIT) long defaultLimit,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize serverLimit,
            Instance<LargeBodyRoute> largeRoutes) {
        this.mapper = mapper;
        this.defaultLimit = Math.min(defaultLimit, serverLimit.asLongValue());
        this.largeRoutes = largeRoutes.stream()
                .collect(Collectors.toMap(
                        LargeBodyRoute::path, r -> Math.min(r.maxBodySize(), serverLimit.asLongValue())));
    }

    long limitFor(String path) {
        return largeRoutes.getOrDefault(path, defaultLimit);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null
                    && length.chars().allMatch(Character::isDigit)
                    && length.length() < 19
                    && Long.parseLong(length) > limitFor(ctx.request().path())) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(-1).handler(ctx -> {
            if (ctx.request().getHeader("Content-Length") == null) {
                ctx.put(STREAM_LIMIT_KEY, limitFor(ctx.request().path()));
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void refuse(RoutingContext ctx) {
        ProblemType t = ProblemType.TOO_LARGE;
        try {
            String body = mapper.writeValueAsString(new Problem(
                    t.uri(),
                    t.title(),
                    413,
                    "The request body is larger than the "
                            + limitFor(ctx.request().path()) + " bytes this server accepts here.",
                    ctx.request().path(),
                    null));
            // The rest of the body is not read: the connection cannot be reused.
            ctx.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                    .putHeader("Connection", "close")
                    .end(body);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}

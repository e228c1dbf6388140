package org.tribune.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over the HTTP limit is refused before any resource runs, by its Content-Length when it has one (so that a
 * client that asked with Expect: 100-continue sends nothing), or by the body handler as it streams in. Both answers
 * are problem+json like every other error, instead of the server's empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final ObjectMapper mapper;
    private final long limit;

    public BodyLimit(ObjectMapper mapper, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.mapper = mapper;
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                refuse(ctx);
            } else {
                ctx.next();
            }
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
            String body = mapper.writeValueAsString(new Problem(t.uri(), t.title(), 413,
                    "The request body is larger than the " + limit + " bytes this server accepts.", ctx.request().path(), null));
            // The rest of the body is not read: the connection cannot be reused.
            ctx.response().setStatusCode(413).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                    .putHeader("Connection", "close").end(body);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}

package org.tribune.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id, returned in X-Request-Id and carried by every log line of the request (MDC key
 * requestId), so that an operator can follow one request across the logs. A well-formed id sent by a proxy is kept.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String sent = ctx.request().getHeader(HEADER);
            String id = sent != null && SAFE.matcher(sent).matches()
                    ? sent
                    : UUID.randomUUID().toString();
            ctx.response().putHeader(HEADER, id);
            // Quarkus keeps the MDC in the request's Vert.x context, so it follows the request onto worker threads.
            MDC.put(MDC_KEY, id);
            ctx.next();
        });
    }
}

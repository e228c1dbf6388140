package org.tribune.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Refuses a request whose URI does not parse (broken percent-encoding such as {@code /posts/%zz%} or
 * {@code ?%zz=1}) with a 400 problem, and one longer than 16 KiB with a 414 problem, before it reaches anything
 * that would decode it. Quarkus makes the same
 * check in its root handler but answers without a body; TribuneMain turns that one off.
 */
@ApplicationScoped
public class UriCheck {

    public static final String QUARKUS_CHECK_OFF = "vertx.disableURIValidation";
    static final int MAX_URI_LENGTH = 16 * 1024;

    private final byte[] problem;
    private final byte[] tooLong;

    public UriCheck(ObjectMapper mapper) throws JsonProcessingException {
        this.problem = mapper.writeValueAsBytes(Problem.generic(
                400,
                "The request URI is not valid: a % must be followed by two hexadecimal digits, and spaces and other"
                        + " reserved characters must be percent-encoded.",
                null));
        this.tooLong = mapper.writeValueAsBytes(
                Problem.generic(414, "The request URI is longer than " + MAX_URI_LENGTH + " characters.", null));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            String uri = ctx.request().uri();
            if (uri != null && uri.length() > MAX_URI_LENGTH) {
                ctx.response()
                        .setStatusCode(414)
                        .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                        .end(Buffer.buffer(tooLong));
                return;
            }
            try {
                new URI(Objects.requireNonNull(uri));
            } catch (URISyntaxException | NullPointerException e) {
                ctx.response()
                        .setStatusCode(400)
                        .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                        .end(Buffer.buffer(problem));
                return;
            }
            ctx.next();
        });
    }
}

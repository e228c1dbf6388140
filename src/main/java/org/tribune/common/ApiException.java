package org.tribune.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tribune.security.Bearer;

/** A failure the client can act on. Services throw it; {@link ProblemMappers} turns it into problem+json. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null, Map.of());
    }

    private ApiException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.headers = headers;
    }

    /** 401 with the RFC 6750 challenge, so that clients know to send a bearer token. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(ProblemType.UNAUTHORIZED, detail, null, Map.of("WWW-Authenticate", Bearer.CHALLENGE));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(
                ProblemType.TOO_MANY_REQUESTS, detail, null, Map.of("Retry-After", Long.toString(seconds)));
    }

    /** 503 with Retry-After: the server cannot answer now, and says when to try again. */
    public static ApiException unavailable(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(ProblemType.UNAVAILABLE, detail, null, Map.of("Retry-After", Long.toString(seconds)));
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ProblemType.NOT_FOUND, what + " " + id + " does not exist.");
    }

    public static ApiException gone(String detail) {
        return new ApiException(ProblemType.GONE, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message() + "."
                : "The request has " + errors.size() + " invalid fields.";
        return new ApiException(ProblemType.VALIDATION, detail, List.copyOf(errors), Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Protocol headers the response must carry, such as Retry-After or WWW-Authenticate. */
    public Map<String, String> headers() {
        return headers;
    }
}

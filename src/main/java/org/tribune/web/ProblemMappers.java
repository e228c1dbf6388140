package org.tribune.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tribune.common.ApiException;
import org.tribune.common.DependencyUnavailable;
import org.tribune.common.FieldError;
import org.tribune.common.MergePatcher;
import org.tribune.common.ProblemType;
import org.tribune.security.Bearer;
import org.tribune.security.InvalidToken;

/**
 * The single place where exceptions become HTTP responses. Every error leaves as problem+json, and none carries a
 * stack trace, a class name or SQL: messages from libraries are replaced by our own wording.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        ProblemType t = e.type();
        Response.ResponseBuilder builder = Response.status(t.status())
                .type(PROBLEM_JSON)
                .entity(new Problem(t.uri(), t.title(), t.status(), e.getMessage(), instance(uri), e.errors()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** A bearer token was sent, on any endpoint, and is not acceptable. */
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
        String ours = e.getAttribute(InvalidToken.DETAIL);
        String detail = ours != null ? ours : "The bearer token is not valid. Sign in again or use another API token.";
        ProblemType t = ProblemType.UNAUTHORIZED;
        return Response.status(401)
                .type(PROBLEM_JSON)
                .header("WWW-Authenticate", Bearer.INVALID_TOKEN)
                .entity(new Problem(t.uri(), t.title(), 401, detail, instance(uri), null))
                .build();
    }

    /** An anonymous request reached an endpoint that needs a role. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return api(
                ApiException.unauthorized(
                        "This request needs a bearer token: sign in at /api/v1/auth/token or use an API token."),
                uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return api(ApiException.forbidden("Your role does not allow this request."), uri);
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (returnValue) {
            return internal(e, uri);
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return api(ApiException.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        ProblemType t = ProblemType.MALFORMED_JSON;
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return respond(new Problem(
                t.uri(),
                t.title(),
                t.status(),
                "The request body is not valid JSON" + where + ".",
                instance(uri),
                null));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = pathOf(e.getPath());
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known property";
        } else if (e instanceof InvalidNullException) {
            message = "must not be null";
        } else if (e instanceof InvalidFormatException f) {
            message = "must be " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + describe(m.getTargetType());
        } else {
            message = "has an invalid value";
        }
        if (field.isEmpty()) {
            ProblemType t = ProblemType.MALFORMED_JSON;
            return respond(new Problem(
                    t.uri(), t.title(), t.status(), "The request body must be a JSON object.", instance(uri), null));
        }
        return api(ApiException.invalid(field, message), uri);
    }

    @ServerExceptionMapper
    public Response patchMapping(MergePatcher.PatchMappingException e, UriInfo uri) {
        if (e.json() instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        return jsonProcessing(e.json(), uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        ProblemType t = ProblemType.MALFORMED_JSON;
        return respond(new Problem(
                t.uri(), t.title(), t.status(), "The request body could not be read as JSON.", instance(uri), null));
    }

    /** Hibernate wraps a unique-index violation that slipped past the service's own checks (a race). */
    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() == ConstraintKind.UNIQUE) {
            return api(
                    ApiException.conflict("The request conflicts with another resource (a name or slug is taken)."),
                    uri);
        }
        if (e.getKind() == ConstraintKind.FOREIGN_KEY) {
            return api(
                    ApiException.conflict(
                            "The request refers to, or is referred to by, another resource that changed meanwhile."),
                    uri);
        }
        return internal(e, uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return api(
                new ApiException(
                        ProblemType.PRECONDITION_FAILED,
                        "The resource was changed by another request meanwhile. Fetch it again and retry."),
                uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps parse errors in a plain 400; answer those like any other JSON error.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProcessing(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        Problem p;
        if (status == 404) {
            ProblemType t = ProblemType.NOT_FOUND;
            p = new Problem(t.uri(), t.title(), 404, "No resource at this path.", instance(uri), null);
        } else {
            p = Problem.generic(status, genericDetail(status), instance(uri));
        }
        Response.ResponseBuilder builder =
                Response.status(status).type(PROBLEM_JSON).entity(p);
        // Keep protocol headers such as Allow on 405.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /**
     * A body cut short by the client, or stopped by the server's stream limit (which has answered 413 itself):
     * there is nobody left to answer and nothing wrong with the server, so one line, not an error with a trace.
     */
    @ServerExceptionMapper
    public Response transport(IOException e, UriInfo uri, HttpServerRequest request) {
        if (request.response().ended() || request.response().closed()) {
            LOG.infof("The request on %s ended before its body was read: %s", instance(uri), e.getMessage());
            return Response.status(request.response().getStatusCode()).build();
        }
        if (fromMultipartParser(e)) {
            // An empty body, a wrong boundary, a part cut short, random bytes: the client's body, not the server.
            return api(
                    ApiException.invalid(
                            "file",
                            "The request body is not valid multipart/form-data with a part"
                                    + " named file: check the boundary and that the body is complete."),
                    uri);
        }
        return internal(e, uri);
    }

    private static boolean fromMultipartParser(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        Optional<DependencyUnavailable.Evidence> unavailable = DependencyUnavailable.of(e);
        if (unavailable.isPresent()) {
            var evidence = unavailable.get();
            LOG.warnf(
                    "%s was not available on %s: %s",
                    evidence.dependency(), instance(uri), evidence.failure().getMessage());
            // Not "cannot be reached": a pool too busy to lend a connection in time is reported the same way.
            return api(
                    ApiException.unavailable(
                            evidence.dependency() + " is not available right now. Try again after the delay in"
                                    + " Retry-After.",
                            DependencyUnavailable.RETRY_AFTER),
                    uri);
        }
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", ref, instance(uri));
        ProblemType t = ProblemType.INTERNAL;
        return respond(new Problem(
                t.uri(),
                t.title(),
                500,
                "The server failed to handle the request. Reference: " + ref + ".",
                instance(uri),
                null));
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(PROBLEM_JSON).entity(p).build();
    }

    private static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String genericDetail(int status) {
        return switch (status) {
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the media types in Accept can be produced. Ask for application/json.";
            case 415 ->
                "This content type is not supported here. Send application/json"
                        + " (or application/merge-patch+json for PATCH).";
            default -> "The request cannot be handled.";
        };
    }

    /** Drops the method and parameter nodes so that a field reads as the client wrote it: {@code title}, {@code tags[2]}. */
    static String fieldOf(Path path) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
        }
        if (sb.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return sb.toString();
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an ISO-8601 timestamp in UTC, such as 2025-06-28T14:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date in the form YYYY-MM-DD";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }
}

package org.tribune.common;

/**
 * The problem types Tribune emits. Clients switch on {@code type}, so these URIs are part of the contract:
 * never rename one, only add.
 */
public enum ProblemType {
    VALIDATION("urn:tribune:problem:validation", "Invalid request", 400),
    MALFORMED_JSON("urn:tribune:problem:malformed-json", "Malformed JSON", 400),
    UNAUTHORIZED("urn:tribune:problem:unauthorized", "Authentication required", 401),
    FORBIDDEN("urn:tribune:problem:forbidden", "Forbidden", 403),
    NOT_FOUND("urn:tribune:problem:not-found", "Not found", 404),
    CONFLICT("urn:tribune:problem:conflict", "Conflict", 409),
    GONE("urn:tribune:problem:gone", "Gone", 410),
    PRECONDITION_FAILED("urn:tribune:problem:precondition-failed", "Precondition failed", 412),
    PRECONDITION_REQUIRED("urn:tribune:problem:precondition-required", "Precondition required", 428),
    TOO_LARGE("urn:tribune:problem:too-large", "Too large", 413),
    UNSUPPORTED_FILE_TYPE("urn:tribune:problem:unsupported-file-type", "Unsupported file type", 415),
    RANGE_NOT_SATISFIABLE("urn:tribune:problem:range-not-satisfiable", "Range not satisfiable", 416),
    TOO_MANY_REQUESTS("urn:tribune:problem:too-many-requests", "Too many requests", 429),
    INTERNAL("urn:tribune:problem:internal", "Internal error", 500),
    UNAVAILABLE("urn:tribune:problem:unavailable", "Service unavailable", 503);

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** For HTTP errors that need no type of their own (405, 406, 415...): RFC 9457 says use about:blank. */
}

package org.tribune.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Bearer tokens (RFC 6750), the only way to sign in: the challenges Tribune sends with a 401, and who is anonymous. */
public final class Bearer {

    public static final String CHALLENGE = "Bearer realm=\"tribune\"";
    public static final String INVALID_TOKEN = CHALLENGE + ", error=\"invalid_token\"";

    private Bearer() {}

    /**
     * A request that sends no {@code Authorization} header is anonymous: what it gets may be shared with anyone. One
     * that sends one, even a bad one, is not, and its answer is never shared.
     */
    public static boolean anonymous(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }
}

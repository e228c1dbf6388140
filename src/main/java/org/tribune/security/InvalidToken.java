package org.tribune.security;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/** A bearer token that was sent but cannot be accepted, with a reason that is safe to show the client. */
public final class InvalidToken {

    public static final String DETAIL = "tribune.detail";

    private InvalidToken() {}

    public static AuthenticationFailedException because(String safeReason) {
        return new AuthenticationFailedException(safeReason, Map.of(DETAIL, safeReason));
    }
}

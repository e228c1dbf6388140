package org.tribune.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Gives services the caller of the current request, from the identity the authentication mechanism built. */
@ApplicationScoped
public class Callers {

    /** The attribute under which the authentication mechanism stores the {@link Caller}. */
    public static final String ATTRIBUTE = "tribune.caller";

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Caller caller = identity.getAttribute(ATTRIBUTE);
        return caller != null ? caller : Caller.ANONYMOUS;
    }
}

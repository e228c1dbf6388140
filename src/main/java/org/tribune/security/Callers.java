package org.tribune.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Gives services the caller of the current request, from the identity the authentication mechanism built. */
@ApplicationScoped
public class Callers {

    /** The attribute under which the authentication mechanism stores the {@link Caller}. */
    public static final String ATTRIBUTE = "tribune.caller";

    private static final ThreadLocal<Caller> RUN_AS = new ThreadLocal<>();

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        Caller runAs = RUN_AS.get();
        if (runAs != null) {
            return runAs;
        }
        if (identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Caller caller = identity.getAttribute(ATTRIBUTE);
        return caller != null ? caller : Caller.ANONYMOUS;
    }

    /** Runs work outside any request (start-up tasks, schedules) as the given caller, so that every rule applies. */
    public <T> T runAs(Caller caller, Supplier<T> work) {
        Caller previous = RUN_AS.get();
        RUN_AS.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                RUN_AS.remove();
            } else {
                RUN_AS.set(previous);
            }
        }
    }
}

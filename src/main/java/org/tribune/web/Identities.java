package org.tribune.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Establishes the caller of every request that reaches the REST layer, before it is routed.
 *
 * <p>Authentication is lazy (application.properties) so that a read answered from memory pays nothing for it. Every
 * other request pays it here, once, without blocking the I/O thread: a token that is sent is checked on every
 * endpoint, public reads and unknown paths included (401 when it is not acceptable), exactly as eager authentication
 * did, and the identity is then known to any code that asks, on any thread.
 */
@ApplicationScoped
public class Identities {

    private final CurrentIdentityAssociation association;

    public Identities(CurrentIdentityAssociation association) {
        this.association = association;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Uni<Void> establish() {
        return association
                .getDeferredIdentity()
                .invoke(association::setIdentity)
                .replaceWithVoid();
    }
}

package org.tribune.account;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tribune.security.Caller;
import org.tribune.security.Callers;

/** Turns a bearer token into an identity with exactly one role, looking the token's account up in the database. */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final AuthService auth;

    public BearerIdentityProvider(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Caller caller = auth.identify(request.getToken().getToken());
            String principal = caller.apiTokenId() != null
                    ? "api-token:" + caller.apiTokenId()
                    : caller.accountId().toString();
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(principal))
                    .addRole(caller.role())
                    .addAttribute(Callers.ATTRIBUTE, caller)
                    .build();
        });
    }
}

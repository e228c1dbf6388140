package org.tribune.account;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.tribune.security.Bearer;
import org.tribune.security.InvalidToken;

/**
 * Reads {@code Authorization: Bearer <token>}, for access tokens and API tokens alike. Authentication is lazy, so
 * that a cached anonymous answer costs nothing, but every request that reaches an endpoint has its identity
 * established first ({@code web.Identities}): a request that sends a bad token gets 401 even on a public endpoint,
 * so a client never mistakes an expired token for anonymous access.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "bearer";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (Bearer.anonymous(context.request())) {
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        int space = header.indexOf(' ');
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME) || token.isEmpty()) {
            return Uni.createFrom().failure(InvalidToken.because("The Authorization header must be 'Bearer <token>'."));
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, SCHEME));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", Bearer.CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}

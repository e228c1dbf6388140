package org.tribune.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.Clock;
import org.tribune.web.Representations;

@Path("/api/v1/auth")
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** RFC 7517's type for a JWK set. */
    static final String JWK_SET = "application/jwk-set+json";

    private final AuthService auth;
    private final SigningKeys keys;
    private final Representations representations;
    private final ObjectMapper json;
    private final Instant started;

    public AuthResource(
            AuthService auth, SigningKeys keys, Representations representations, ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.keys = keys;
        this.representations = representations;
        this.json = json;
        this.started = clock.now();
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @Produces(JWK_SET)
    @Operation(
            operationId = "getJsonWebKeySet",
            summary = "The public keys that verify access tokens",
            description = "A JWK set (RFC 7517), for services that check Tribune's access tokens themselves: the"
                    + " token's `kid` names its key. During a key rotation it lists the previous keys too, until"
                    + " the operator removes them.")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content = @Content(mediaType = JWK_SET, schema = @Schema(implementation = JsonWebKeySet.class)))
    public Response jwks(@Context HttpHeaders headers) throws JsonProcessingException {
        return representations.document(json.writeValueAsBytes(keys.jwks()), JWK_SET, started, headers);
    }

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createAccessToken",
            summary = "Sign in: exchange a username and password for an access token",
            description = "A wrong password, an unknown username and a deactivated account all get the same 401."
                    + " After 5 failed attempts for one username, or from one client address, within 15 minutes,"
                    + " attempts get 429 with Retry-After.")
    @APIResponse(
            responseCode = "200",
            description = "Signed in",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<TokenResponse> token(@Valid @NotNull TokenRequest body, @Context HttpServerRequest request) {
        TokenResponse token = auth.signIn(body, ClientAddress.of(request));
        // RFC 6749 5.1: responses that carry tokens must not be cached.
        return RestResponse.ResponseBuilder.ok(token)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}

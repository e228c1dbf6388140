package org.tribune.account;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/auth")
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
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

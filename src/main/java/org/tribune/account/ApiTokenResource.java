package org.tribune.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.persistence.PageResponse;
import org.tribune.security.Callers;
import org.tribune.security.Roles;
import org.tribune.web.PageParams;
import org.tribune.web.Representations;

@Path("/api/v1/api-tokens")
@Tag(name = "API tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiTokenResource {

    private final ApiTokenService service;
    private final Representations representations;
    private final Callers callers;

    public ApiTokenResource(ApiTokenService service, Representations representations, Callers callers) {
        this.service = service;
        this.representations = representations;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listApiTokens",
            summary = "List API tokens",
            description = "Newest first. Secrets are never shown again.")
    public RestResponse<PageResponse<ApiTokenView>> list(
            @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        return representations.page(service.list(paging.request()), uri, headers);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiToken", summary = "Get an API token by id")
    public RestResponse<ApiTokenView> get(
            @PathParam("id") @Parameter(description = "API token id") UUID id, @Context HttpHeaders headers) {
        ApiTokenView v = service.get(id);
        return representations.read(v, v.createdAt(), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createApiToken",
            summary = "Create an API token",
            description =
                    "The response is the only one that shows the secret: store it at once. Only its hash is kept.")
    @ResponseStatus(201)
    public RestResponse<ApiTokenCreated> create(@Valid @NotNull ApiTokenWrite body, @Context UriInfo uri) {
        ApiTokenCreated created = service.create(body, callers.current());
        return representations.showingSecret(representations.created(uri, created.id(), created, created.createdAt()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "revokeApiToken",
            summary = "Revoke an API token",
            description = "It stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public RestResponse<Void> revoke(@PathParam("id") @Parameter(description = "API token id") UUID id) {
        service.revoke(id);
        return representations.deleted();
    }
}

package org.tribune.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.MergePatcher;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.security.Callers;
import org.tribune.security.Roles;
import org.tribune.web.IfMatch;
import org.tribune.web.MergePatchOf;
import org.tribune.web.PageParams;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;

@Path("/api/v1/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    private static final String EXAMPLE = """
            {"username": "hbidard", "displayName": "Hélène Bidard", "email": "h.bidard@example.org", "role": "editor",
             "password": "une phrase de passe assez longue"}""";

    private final AccountService service;
    private final AuthService auth;
    private final Representations representations;
    private final Callers callers;

    public UserResource(AccountService service, AuthService auth, Representations representations, Callers callers) {
        this.service = service;
        this.auth = auth;
        this.representations = representations;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List user accounts")
    public RestResponse<PageResponse<UserView>> list(
            @BeanParam PageParams paging,
            @QueryParam("sort")
                    @Parameter(
                            description =
                                    "Comma-separated sort keys: `username`, `createdAt`, `lastLoginAt`; prefix with `-` for descending.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = AccountService.DEFAULT_SORT,
                                            pattern = AccountService.SORT_PATTERN))
                    String sort,
            @QueryParam("role")
                    @Parameter(
                            description = "Only accounts with this role.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"author", "editor", "admin"}))
                    String role,
            @QueryParam("active")
                    @Parameter(
                            description = "Only active (true) or deactivated (false) accounts.",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    String active,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = paging.request();
        SortOrder order = AccountService.SORTING.parse(sort);
        Boolean activeOnly = active == null ? null : QueryParams.bool("active", active);
        AccountRole roleOnly = QueryParams.oneOf("role", role, AccountRole.class);
        return representations.page(service.list(new UserFilter(roleOnly, activeOnly), order, page), uri, headers);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUser", summary = "Get a user account by id")
    public RestResponse<UserView> get(
            @PathParam("id") @Parameter(description = "User id") UUID id, @Context HttpHeaders headers) {
        UserView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user account")
    @ResponseStatus(201)
    public RestResponse<UserView> create(@Valid @NotNull UserCreate body, @Context UriInfo uri) {
        UserView v = service.create(body);
        return representations.created(uri, v.id(), v, v.updatedAt());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceUser",
            summary = "Replace a user account",
            description =
                    "Changing the role or deactivating the account voids its access tokens. Removing the last active admin gets 409.")
    public RestResponse<UserView> replace(
            @PathParam("id") @Parameter(description = "User id") UUID id,
            @Valid @NotNull UserWrite body,
            @BeanParam IfMatch ifMatch) {
        UserView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchUser",
            summary = "Change some fields of a user account",
            description = "An RFC 7396 JSON merge patch. `{\"active\": false}` deactivates the account at once.")
    public RestResponse<UserView> patch(
            @PathParam("id") @Parameter(description = "User id") UUID id,
            @MergePatchOf(UserWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        UserView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteUser",
            summary = "Delete a user account",
            description = "The API tokens it created go with it. An account that wrote posts is kept (409) unless"
                    + " `reassignTo` names who takes them over; deactivating it is the usual alternative.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "User id") UUID id,
            @QueryParam("reassignTo")
                    @Parameter(
                            description = "Id of the account that becomes the author of this account's posts.",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    String reassignTo,
            @BeanParam IfMatch ifMatch) {
        service.delete(id, QueryParams.uuid("reassignTo", reassignTo), ifMatch.precondition());
        return representations.deleted();
    }

    @PUT
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resetUserPassword",
            summary = "Set a new password for a user account",
            description = "For an admin helping someone who lost theirs. The account's access tokens stop working.")
    @APIResponse(responseCode = "204", description = "Changed")
    public RestResponse<Void> resetPassword(
            @PathParam("id") @Parameter(description = "User id") UUID id, @Valid @NotNull PasswordReset body) {
        service.resetPassword(id, body);
        return RestResponse.noContent();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "getCurrentUser", summary = "Get your own account")
    public RestResponse<UserView> me(@Context HttpHeaders headers) {
        UserView v = service.me(callers.current());
        return representations.read(v, v.updatedAt(), headers);
    }

    @PATCH
    @Path("/me")
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(operationId = "patchCurrentUser", summary = "Change your display name or email")
    public RestResponse<UserView> patchMe(@MergePatchOf(ProfileWrite.class) JsonNode body, @BeanParam IfMatch ifMatch) {
        UserView v = service.patchMe(callers.current(), body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed({Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeOwnPassword",
            summary = "Change your own password",
            description =
                    "Needs the current password; a wrong one counts as a failed sign-in. Every access token"
                            + " issued before, including the one used here, stops working: sign in again with the new password.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<Void> changeOwnPassword(
            @Valid @NotNull PasswordChange body, @Context HttpServerRequest request) {
        auth.changeOwnPassword(callers.current(), body, ClientAddress.of(request));
        return RestResponse.noContent();
    }
}

package org.tribune.site;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.MergePatcher;
import org.tribune.security.Roles;
import org.tribune.web.IfMatch;
import org.tribune.web.MergePatchOf;
import org.tribune.web.Representations;

@Path("/api/v1/site")
@Tag(name = "Site")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final SiteService service;
    private final Representations representations;

    public SiteResource(SiteService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "getSiteSettings",
            summary = "Get the site's settings",
            description = "Its name, language, time zone, default sharing image, base URL and permalink patterns.")
    public RestResponse<SiteSettingsView> get(@Context HttpHeaders headers) {
        SiteSettingsView v = service.get();
        return representations.read(v, v.updatedAt(), headers);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceSiteSettings",
            summary = "Replace the site's settings",
            description = "Every permalink follows at once: each item whose permalink moves is in the changes feed.")
    public RestResponse<SiteSettingsView> replace(@Valid @NotNull SiteSettingsWrite body, @BeanParam IfMatch ifMatch) {
        SiteSettingsView v = service.replace(body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchSiteSettings",
            summary = "Change some of the site's settings",
            description = "An RFC 7396 JSON merge patch; `permalinks` is merged field by field.")
    public RestResponse<SiteSettingsView> patch(
            @MergePatchOf(SiteSettingsWrite.class) JsonNode body, @BeanParam IfMatch ifMatch) {
        SiteSettingsView v = service.patch(body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }
}

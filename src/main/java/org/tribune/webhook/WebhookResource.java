package org.tribune.webhook;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.tribune.common.MergePatcher;
import org.tribune.persistence.PageResponse;
import org.tribune.security.Callers;
import org.tribune.security.Roles;
import org.tribune.web.IfMatch;
import org.tribune.web.MergePatchOf;
import org.tribune.web.OpenApiConventions;
import org.tribune.web.PageParams;
import org.tribune.web.Representations;

@Path("/api/v1/webhooks")
@Tag(
        name = "Webhooks",
        description = "Endpoints that receive every change to public content as a signed POST (Standard Webhooks),"
                + " retried until it succeeds; see docs/api-conventions.md, \"Webhooks\". Admins only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private final WebhookService service;
    private final Representations representations;
    private final Callers callers;

    public WebhookResource(WebhookService service, Representations representations, Callers callers) {
        this.service = service;
        this.representations = representations;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints", description = "Newest first.")
    public RestResponse<PageResponse<WebhookView>> list(
            @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        return representations.page(service.list(paging.request()), uri, headers);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook endpoint by id")
    public RestResponse<WebhookView> get(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id, @Context HttpHeaders headers) {
        WebhookView v = service.get(id);
        return representations.read(v, v.updatedAt(), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook endpoint",
            description = "The response is the only one that shows the signing secret: give it to the receiver at"
                    + " once. Changes made from now on are delivered; earlier ones are not.")
    @ResponseStatus(201)
    public RestResponse<WebhookCreated> create(@Valid @NotNull WebhookWrite body, @Context UriInfo uri) {
        WebhookCreated created = service.create(body, callers.current());
        return representations.showingSecret(representations.created(uri, created.id(), created, created.createdAt()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceWebhook",
            summary = "Replace a webhook endpoint",
            description = "Sets every field; the secret is kept.")
    public RestResponse<WebhookView> replace(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id,
            @Valid @NotNull WebhookWrite body,
            @BeanParam IfMatch ifMatch) {
        WebhookView v = service.replace(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(
            operationId = "patchWebhook",
            summary = "Change some fields of a webhook endpoint",
            description = "An RFC 7396 JSON merge patch. `{\"active\": true}` turns an endpoint the server disabled"
                    + " on again, and clears the reason.")
    public RestResponse<WebhookView> patch(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id,
            @MergePatchOf(WebhookWrite.class) JsonNode body,
            @BeanParam IfMatch ifMatch) {
        WebhookView v = service.patch(id, body, ifMatch.precondition());
        return representations.updated(v, v.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook endpoint",
            description = "Its pending deliveries and its delivery log go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id, @BeanParam IfMatch ifMatch) {
        service.delete(id, ifMatch.precondition());
        return representations.deleted();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Replace the signing secret",
            description = "The response is the only one that shows the new secret. For the overlap"
                    + " (`tribune.webhooks.secret-overlap`, 24 hours by default), deliveries carry two signatures,"
                    + " one per secret, so that the receiver can switch without missing one. The old secret's end"
                    + " is `previousSecretExpiresAt`.")
    public RestResponse<WebhookCreated> rotateSecret(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id, @BeanParam IfMatch ifMatch) {
        WebhookCreated rotated = service.rotateSecret(id, ifMatch.precondition());
        return representations.showingSecret(
                representations.updated(rotated, rotated.webhook().updatedAt()));
    }

    @POST
    @Path("/{id}/ping")
    @Operation(
            operationId = "pingWebhook",
            summary = "Send a test event",
            description = "A `webhook.ping` event, delivered like any other within a second or so; its delivery"
                    + " shows how the endpoint answered. 409 for an inactive endpoint.")
    @ResponseStatus(202)
    @APIResponse(
            responseCode = "202",
            description = "Queued; `Location` is the delivery, which shows each attempt.",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<DeliveryView> ping(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id, @Context UriInfo uri) {
        return accepted(uri, id, service.ping(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List an endpoint's deliveries",
            description = "Newest first, each with its attempts: time, status code, latency and the start of the"
                    + " answer. Kept for `tribune.webhooks.log-retention` (30 days by default).")
    public RestResponse<PageResponse<DeliveryView>> deliveries(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id,
            @BeanParam PageParams paging,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return representations.page(service.deliveries(id, paging.request()), uri, headers);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Extension(name = OpenApiConventions.COMPUTED, value = "true")
    @Operation(operationId = "getWebhookDelivery", summary = "Get a delivery, with its attempts")
    public RestResponse<DeliveryView> delivery(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id,
            @PathParam("deliveryId") @Parameter(description = "Delivery id") long deliveryId,
            @Context HttpHeaders headers) {
        return representations.computed(service.getDelivery(id, deliveryId), headers);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(
            operationId = "redeliverWebhookEvent",
            summary = "Send a delivery's event again",
            description = "A new delivery of the same event, with the same `webhook-id` and body, attempted and"
                    + " retried like any other. It is not held back behind the resource's later events.")
    @ResponseStatus(202)
    @APIResponse(
            responseCode = "202",
            description = "Queued; `Location` is the new delivery, which shows each attempt.",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<DeliveryView> redeliver(
            @PathParam("id") @Parameter(description = "Webhook id") UUID id,
            @PathParam("deliveryId") @Parameter(description = "Delivery id") long deliveryId,
            @Context UriInfo uri) {
        return accepted(uri, id, service.redeliver(id, deliveryId));
    }

    private RestResponse<DeliveryView> accepted(UriInfo uri, UUID id, DeliveryView delivery) {
        return representations.accepted(
                uri.getBaseUriBuilder()
                        .path("api/v1/webhooks/{id}/deliveries/{delivery}")
                        .build(id, delivery.id()),
                delivery);
    }
}

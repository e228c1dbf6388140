package org.tribune.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribune.account.AccountRef;
import org.tribune.account.AccountService;
import org.tribune.category.CategoryService;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.MergePatcher;
import org.tribune.honor.AwardService;
import org.tribune.honor.HonoraryCitizenService;
import org.tribune.honor.PrizeService;
import org.tribune.media.MediaService;
import org.tribune.persistence.ChangeAction;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SortOrder;
import org.tribune.persistence.Sortable;
import org.tribune.persistence.Writes;
import org.tribune.post.PostService;
import org.tribune.security.Caller;
import org.tribune.site.SiteService;

/** Webhook endpoints as admins manage them, their secrets, and their delivery logs. */
@ApplicationScoped
public class WebhookService {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "webhook";

    /** The resources events are sent for: those the public changes feed carries. */
    static final List<String> RESOURCE_TYPES = List.of(
            PostService.RESOURCE_TYPE,
            CategoryService.RESOURCE_TYPE,
            MediaService.RESOURCE_TYPE,
            HonoraryCitizenService.RESOURCE_TYPE,
            PrizeService.RESOURCE_TYPE,
            AwardService.RESOURCE_TYPE,
            SiteService.RESOURCE_TYPE);

    static final Set<String> EVENT_TYPES = eventTypes();

    /** Sent on request, to any endpoint, whatever its event types. */
    static final String PING = "webhook.ping";

    private static final Sortable SORTING = Sortable.of("createdAt", "-createdAt");
    private static final SortOrder NEWEST_FIRST = SORTING.parse(null);
    private static final Map<String, String> SORT_PATHS = SORTING.paths(Map.of("createdAt", "createdAt"));

    private final WebhookEndpointRepository endpoints;
    private final WebhookSecretRepository secrets;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final WebhookEventRepository events;
    private final WebhookEvents made;
    private final AccountService accounts;
    private final Targets targets;
    private final WebhookConfig config;
    private final Writes writes;
    private final MergePatcher patcher;
    private final Clock clock;
    private final ResourceType<WebhookEndpoint, WebhookView> type;

    public WebhookService(
            WebhookEndpointRepository endpoints,
            WebhookSecretRepository secrets,
            WebhookDeliveryRepository deliveries,
            WebhookAttemptRepository attempts,
            WebhookEventRepository events,
            WebhookEvents made,
            AccountService accounts,
            Targets targets,
            WebhookConfig config,
            Writes writes,
            MergePatcher patcher,
            Clock clock) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.events = events;
        this.made = made;
        this.accounts = accounts;
        this.targets = targets;
        this.config = config;
        this.writes = writes;
        this.patcher = patcher;
        this.clock = clock;
        this.type = ResourceType.of(RESOURCE_TYPE, "Webhook", WebhookEndpoint.class, endpoints, this::view);
    }

    private static Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        RESOURCE_TYPES.forEach(t -> {
            types.add(t + ".upsert");
            if (!t.equals(SiteService.RESOURCE_TYPE)) {
                // The settings are never removed.
                types.add(t + ".remove");
            }
        });
        return Set.copyOf(types);
    }

    /** The type the write pipeline handles endpoints with; the dispatcher's changes to them go through it too. */
    ResourceType<WebhookEndpoint, WebhookView> type() {
        return type;
    }

    public PageResponse<WebhookView> list(PageRequest page) {
        long total = endpoints.count();
        PageRequest.Slice<WebhookEndpoint> slice = Keyset.page(
                endpoints, "from WebhookEndpoint where 1 = 1", new Parameters(), NEWEST_FIRST, SORT_PATHS, "id", page);
        return PageResponse.of(views(slice.items()), page, total, slice.next());
    }

    public WebhookView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public WebhookCreated create(WebhookWrite write, Caller caller) {
        String secret = Signatures.newSecret();
        WebhookView view = writes.create(
                type,
                new WebhookEndpoint(),
                e -> {
                    apply(e, write);
                    e.createdBy = caller.accountId();
                },
                e -> secrets.add(secretOf(e.id, secret, e.createdAt)));
        return WebhookCreated.of(view, secret);
    }

    @Transactional
    public WebhookView replace(UUID id, WebhookWrite write, Precondition precondition) {
        return writes.update(type, id, precondition, e -> apply(e, write));
    }

    @Transactional
    public WebhookView patch(UUID id, JsonNode patch, Precondition precondition) {
        return writes.update(
                type, id, precondition, e -> apply(e, patcher.apply(toWrite(e), patch, WebhookWrite.class)));
    }

    /** Its deliveries, pending ones included, go with it. */
    @Transactional
    public void delete(UUID id, Precondition precondition) {
        writes.delete(type, id, precondition, e -> {});
    }

    /**
     * A new secret, shown this once. The one it replaces keeps signing next to it for the overlap, so that
     * receivers can be given the new one without missing a delivery.
     */
    @Transactional
    public WebhookCreated rotateSecret(UUID id, Precondition precondition) {
        String secret = Signatures.newSecret();
        WebhookView view = writes.change(type, id, precondition, e -> {
            Instant now = clock.now();
            secrets.retire(e.id, now.plus(config.secretOverlap()));
            secrets.add(secretOf(e.id, secret, now));
            return ChangeAction.updated;
        });
        return WebhookCreated.of(view, secret);
    }

    /** Sends a test event to this endpoint now, whatever event types it asked for. */
    @Transactional
    public DeliveryView ping(UUID id) {
        WebhookEndpoint e = deliverable(id);
        WebhookEvent event = made.ping(e.id);
        return deliveryView(newDelivery(event, e.id), event, List.of());
    }

    /** Sends an event again, with the same id and body, in a new delivery with attempts of its own. */
    @Transactional
    public DeliveryView redeliver(UUID id, long deliveryId) {
        WebhookEndpoint e = deliverable(id);
        WebhookDelivery earlier = delivery(id, deliveryId);
        WebhookEvent event = events.findById(earlier.eventId);
        return deliveryView(newDelivery(event, e.id), event, List.of());
    }

    public PageResponse<DeliveryView> deliveries(UUID id, PageRequest page) {
        find(id);
        long total = deliveries.count("endpointId", id);
        PageRequest.Slice<WebhookDelivery> slice = Keyset.page(
                deliveries,
                "from WebhookDelivery where endpointId = :endpoint",
                Parameters.with("endpoint", id),
                NEWEST_FIRST,
                SORT_PATHS,
                "id",
                page);
        List<WebhookDelivery> rows = slice.items();
        return PageResponse.of(deliveryViews(rows), page, total, slice.next());
    }

    public DeliveryView getDelivery(UUID id, long deliveryId) {
        return deliveryViews(List.of(delivery(id, deliveryId))).get(0);
    }

    private WebhookDelivery delivery(UUID id, long deliveryId) {
        find(id);
        return deliveries
                .findByIdOptional(deliveryId)
                .filter(d -> d.endpointId.equals(id))
                .orElseThrow(() -> ApiException.notFound("Delivery", deliveryId));
    }

    private List<DeliveryView> deliveryViews(List<WebhookDelivery> rows) {
        Map<Long, List<WebhookAttempt>> attemptsOf =
                attempts.of(rows.stream().map(d -> d.id).toList());
        Map<UUID, WebhookEvent> eventsOf =
                events
                        .list(
                                "id in ?1",
                                rows.stream().map(d -> d.eventId).distinct().toList())
                        .stream()
                        .collect(Collectors.toMap(ev -> ev.id, ev -> ev));
        return rows.stream()
                .map(d -> deliveryView(d, eventsOf.get(d.eventId), attemptsOf.getOrDefault(d.id, List.of())))
                .toList();
    }

    private WebhookDelivery newDelivery(WebhookEvent event, UUID endpointId) {
        WebhookDelivery d = WebhookEvents.delivery(event, endpointId, clock.now());
        deliveries.add(d);
        return d;
    }

    /** An endpoint a delivery can be made to now; a ping or redelivery to another would wait for nothing. */
    private WebhookEndpoint deliverable(UUID id) {
        WebhookEndpoint e = find(id);
        if (!e.active) {
            throw ApiException.conflict(
                    "This webhook is inactive, so nothing is delivered to it:" + " set active to true first.");
        }
        if (secrets.signing(e.id, clock.now()).isEmpty()) {
            throw ApiException.conflict("This webhook has no secret to sign deliveries with (it was restored from"
                    + " a backup): rotate its secret first.");
        }
        return e;
    }

    private WebhookEndpoint find(UUID id) {
        return endpoints.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Webhook", id));
    }

    private void apply(WebhookEndpoint e, WebhookWrite write) {
        String url = write.url().strip();
        try {
            targets.resolve(url);
        } catch (Targets.Refused refused) {
            throw ApiException.invalid("url", refused.getMessage());
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < write.eventTypes().size(); i++) {
            String t = write.eventTypes().get(i);
            if (!EVENT_TYPES.contains(t)) {
                throw ApiException.invalid(
                        "eventTypes[" + i + "]",
                        "is not an event type: use `<type>.upsert` or `<type>.remove`, where <type> is one of "
                                + String.join(", ", RESOURCE_TYPES));
            }
            wanted.add(t);
        }
        boolean active = write.active() == null || write.active();
        if (active && !e.active) {
            // Turned on again by an admin: whatever disabled it is theirs to have fixed.
            e.disabledAt = null;
            e.disabledReason = null;
            e.failingSince = null;
        }
        e.url = url;
        e.eventTypes = String.join(" ", wanted);
        e.description = write.description() == null || write.description().isBlank()
                ? null
                : write.description().strip();
        e.active = active;
    }

    private static WebhookWrite toWrite(WebhookEndpoint e) {
        return new WebhookWrite(e.url, e.eventTypes(), e.description, e.active);
    }

    private static WebhookSecret secretOf(UUID endpointId, String secret, Instant now) {
        WebhookSecret s = new WebhookSecret();
        s.id = UUID.randomUUID();
        s.endpointId = endpointId;
        s.secret = secret;
        s.hint = Signatures.hint(secret);
        s.createdAt = now;
        return s;
    }

    private WebhookView view(WebhookEndpoint e) {
        return views(List.of(e)).get(0);
    }

    private List<WebhookView> views(List<WebhookEndpoint> rows) {
        Collection<UUID> ids = rows.stream().map(e -> e.id).toList();
        Map<UUID, List<WebhookSecret>> secretsOf = secrets.signing(ids, clock.now());
        Map<UUID, AccountRef> creators = accounts.refs(
                rows.stream().map(e -> e.createdBy).filter(Objects::nonNull).toList());
        List<WebhookView> views = new ArrayList<>(rows.size());
        for (WebhookEndpoint e : rows) {
            List<WebhookSecret> its = secretsOf.getOrDefault(e.id, List.of());
            WebhookSecret current =
                    its.stream().filter(s -> s.expiresAt == null).findFirst().orElse(null);
            Instant previousUntil = its.stream()
                    .filter(s -> s.expiresAt != null)
                    .map(s -> s.expiresAt)
                    .findFirst()
                    .orElse(null);
            String reason = e.disabledReason;
            if (current == null && reason == null) {
                reason = "It has no signing secret: it was restored from a backup, which never holds secrets."
                        + " Rotate its secret and give the new one to the receiver.";
            }
            views.add(new WebhookView(
                    e.id,
                    e.url,
                    e.eventTypes(),
                    e.description,
                    e.active,
                    current == null ? null : current.hint,
                    previousUntil,
                    e.failingSince,
                    e.disabledAt,
                    reason,
                    e.createdBy == null ? null : creators.get(e.createdBy),
                    e.createdAt,
                    e.updatedAt));
        }
        return views;
    }

    static DeliveryView deliveryView(WebhookDelivery d, WebhookEvent event, List<WebhookAttempt> tried) {
        return new DeliveryView(
                d.id,
                d.eventId,
                event.type,
                event.resourceType,
                event.resourceId,
                d.state,
                d.state == DeliveryState.pending ? d.nextAttemptAt : null,
                d.createdAt,
                tried.stream()
                        .map(a -> new DeliveryView.AttemptView(
                                a.attemptedAt, a.statusCode, a.latencyMs, a.error, a.responseExcerpt))
                        .toList());
    }
}

package org.tribune.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.ProblemType;
import org.tribune.persistence.Writes;
import org.tribune.sync.ChangeItem;
import org.tribune.sync.ChangePage;
import org.tribune.sync.ChangesService;
import org.tribune.sync.SyncScope;

/**
 * The rules of delivery. Events follow the public changes feed, which follows the change log: every write's entry
 * is committed with the write, so the log is the outbox, and a crash between a commit and its delivery loses
 * nothing. The dispatcher turns the feed's changes into events and deliveries in one transaction with the move of
 * its cursor, under a lock one instance holds at a time; deliveries are then claimed, attempted and recorded.
 */
@ApplicationScoped
public class WebhookDispatch {

    private static final Logger LOG = Logger.getLogger(WebhookDispatch.class);

    static final int FEED_PAGE = 100;
    private static final int FEED_PAGES_PER_RUN = 10;

    /** An instance that claimed a delivery and died is replaced after this; an attempt never lasts as long. */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(60);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookSecretRepository secrets;
    private final WebhookEventRepository events;
    private final WebhookAttemptRepository attempts;
    private final WebhookEvents made;
    private final WebhookService service;
    private final ChangesService changes;
    private final WebhookConfig config;
    private final Writes writes;
    private final Clock clock;

    public WebhookDispatch(
            WebhookDeliveryRepository deliveries,
            WebhookEndpointRepository endpoints,
            WebhookSecretRepository secrets,
            WebhookEventRepository events,
            WebhookAttemptRepository attempts,
            WebhookEvents made,
            WebhookService service,
            ChangesService changes,
            WebhookConfig config,
            Writes writes,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.events = events;
        this.attempts = attempts;
        this.made = made;
        this.service = service;
        this.changes = changes;
        this.config = config;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * Turns the changes published since the last run into events, with a delivery for each endpoint that wants
     * them. Nothing happens while another instance does it. With no endpoint to send to, the cursor just moves to
     * the present: an endpoint receives the changes made after it was registered.
     *
     * @return the number of deliveries made
     */
    @Transactional
    @ActivateRequestContext
    public int fanOut() {
        var held = deliveries.holdFeedCursor();
        if (held.isEmpty()) {
            return 0;
        }
        // The present is read before the endpoints: an endpoint registered before a change it should receive is
        // then seen by this run, or the change is left for the next one.
        String present = changes.presentCursor(SyncScope.PUBLIC);
        List<WebhookEndpoint> receiving = endpoints.receiving();
        String cursor = held.get().cursor();
        if (cursor == null || receiving.isEmpty()) {
            deliveries.moveFeedCursor(present);
            return 0;
        }
        int made = 0;
        for (int page = 0; page < FEED_PAGES_PER_RUN; page++) {
            ChangePage changed;
            try {
                changed = changes.page(cursor, FEED_PAGE, SyncScope.PUBLIC, true);
            } catch (ApiException e) {
                if (e.type() != ProblemType.GONE) {
                    throw e;
                }
                // A restored backup (another site's log) or a feed compacted past this cursor: nothing after it
                // can be told apart from what came before, so events start again from the present.
                LOG.warnf("Webhook events restart from the present: %s", e.getMessage());
                deliveries.moveFeedCursor(changes.presentCursor(SyncScope.PUBLIC));
                return made;
            }
            made += deliveriesFor(changed.items(), receiving);
            cursor = changed.next();
            if (!changed.hasMore()) {
                break;
            }
        }
        deliveries.moveFeedCursor(cursor);
        return made;
    }

    private int deliveriesFor(List<ChangeItem> items, List<WebhookEndpoint> receiving) {
        Instant now = clock.now();
        int count = 0;
        for (ChangeItem item : items) {
            String type = WebhookEvents.typeOf(item);
            // An endpoint receives the changes made since it was registered, not those the last run left.
            List<WebhookEndpoint> wanting = receiving.stream()
                    .filter(e -> e.wants(type) && !item.at().isBefore(e.createdAt))
                    .toList();
            if (wanting.isEmpty()) {
                continue;
            }
            WebhookEvent event = made.of(item);
            for (WebhookEndpoint e : wanting) {
                deliveries.add(WebhookEvents.delivery(event, e.id, now));
                count++;
            }
        }
        return count;
    }

    /** A delivery this instance holds, with what its attempt needs. The secrets never show in its text. */
    record Job(long deliveryId, UUID eventId, String body, String url, List<String> secrets) {

        @Override
        public String toString() {
            return "Job[delivery " + deliveryId + ", event " + eventId + "]";
        }
    }

    /** Claims due deliveries for this instance; see {@link WebhookDeliveryRepository#claimDue}. */
    @Transactional
    public List<Job> claim(int limit) {
        Instant now = clock.now();
        Duration hold = config.connectTimeout().plus(config.readTimeout()).plus(CLAIM_MARGIN);
        List<WebhookDelivery> claimed = deliveries.claimDue(now, now.plus(hold), limit);
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<UUID, WebhookEvent> eventsById =
                events
                        .list(
                                "id in ?1",
                                claimed.stream().map(d -> d.eventId).distinct().toList())
                        .stream()
                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<UUID> endpointIds =
                claimed.stream().map(d -> d.endpointId).distinct().toList();
        Map<UUID, String> urls =
                endpoints.list("id in ?1", endpointIds).stream().collect(Collectors.toMap(e -> e.id, e -> e.url));
        Map<UUID, List<WebhookSecret>> secretsOf = secrets.signing(endpointIds, now);
        List<Job> jobs = new ArrayList<>(claimed.size());
        for (WebhookDelivery d : claimed) {
            jobs.add(new Job(
                    d.id,
                    d.eventId,
                    eventsById.get(d.eventId).body,
                    urls.get(d.endpointId),
                    secretsOf.getOrDefault(d.endpointId, List.of()).stream()
                            .map(s -> s.secret)
                            .toList()));
        }
        return jobs;
    }

    /** What one attempt got: an answer (status and the start of its body) or an error. */
    record Outcome(Integer status, int latencyMs, String error, String response, Duration retryAfter) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }

        /** Timeouts, connection errors, refused targets, 408, 429 and 5xx may pass; other answers will not. */
        boolean worthRetrying() {
            return status == null || status == 408 || status == 429 || status >= 500;
        }

        String summary() {
            return status != null ? "HTTP " + status : error;
        }
    }

    /**
     * Records an attempt and decides what follows: done, a retry after a growing wait (as the endpoint asks, on a
     * 429 with Retry-After), or given up. An endpoint failing for longer than the setting is disabled.
     */
    @Transactional
    public void record(Job job, Instant attemptedAt, Outcome outcome) {
        // Locked, so that an endpoint deleted meanwhile takes its deliveries either before (nothing to record) or
        // after this attempt is recorded.
        WebhookDelivery d = deliveries.findById(job.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            return;
        }
        Instant now = clock.now();
        WebhookAttempt a = new WebhookAttempt();
        a.id = UUID.randomUUID();
        a.deliveryId = d.id;
        a.attemptedAt = attemptedAt;
        a.statusCode = outcome.status();
        a.latencyMs = outcome.latencyMs();
        a.error = outcome.error();
        a.responseExcerpt = outcome.response();
        attempts.add(a);

        d.attempts++;
        d.lastAttemptAt = attemptedAt;
        if (d.firstAttemptAt == null) {
            d.firstAttemptAt = attemptedAt;
        }
        d.claimedUntil = null;
        if (outcome.succeeded()) {
            d.state = DeliveryState.succeeded;
            d.nextAttemptAt = null;
            endpointSucceeded(d.endpointId);
            return;
        }
        boolean withinWindow = Duration.between(d.firstAttemptAt, now).compareTo(config.retryFor()) < 0;
        if (outcome.worthRetrying() && withinWindow) {
            d.nextAttemptAt = now.plus(wait(d.attempts, outcome.retryAfter()));
        } else {
            d.state = DeliveryState.failed;
            d.nextAttemptAt = null;
            if (!outcome.worthRetrying()) {
                a.error = (a.error == null ? "" : a.error + "; ")
                        + "not retried: only timeouts, connection errors, 408, 429 and 5xx are";
            } else {
                a.error = (a.error == null ? "" : a.error + "; ") + "given up after retrying for " + config.retryFor();
            }
        }
        endpointFailed(d.endpointId, now, outcome);
    }

    /** Exponential, with up to a quarter more at random so that endpoints that failed together are not retried together. */
    Duration wait(int attemptsMade, Duration retryAfter) {
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
            return asked.compareTo(config.maxRetryInterval()) > 0 ? config.maxRetryInterval() : asked;
        }
        double factor = Math.pow(4, Math.min(attemptsMade - 1, 20));
        long millis = (long) Math.min(
                config.firstRetry().toMillis() * factor,
                config.maxRetryInterval().toMillis());
        return Duration.ofMillis(
                millis + (long) (millis * ThreadLocalRandom.current().nextDouble(0.25)));
    }

    private record EndpointState(boolean active, Instant failingSince) {}

    private EndpointState stateOf(UUID endpointId) {
        // Read as values, not as the entity: the write pipeline locks and loads the row itself when it changes it.
        List<Object[]> rows = endpoints
                .getEntityManager()
                .createQuery("select e.active, e.failingSince from WebhookEndpoint e where e.id = :id", Object[].class)
                .setParameter("id", endpointId)
                .getResultList();
        return rows.isEmpty() ? null : new EndpointState((Boolean) rows.get(0)[0], (Instant) rows.get(0)[1]);
    }

    private void endpointSucceeded(UUID endpointId) {
        EndpointState state = stateOf(endpointId);
        if (state != null && state.failingSince() != null) {
            writes.cascade(service.type(), endpointId, e -> e.failingSince = null);
        }
    }

    private void endpointFailed(UUID endpointId, Instant now, Outcome outcome) {
        EndpointState state = stateOf(endpointId);
        if (state == null || !state.active()) {
            return;
        }
        if (state.failingSince() == null) {
            writes.cascade(service.type(), endpointId, e -> e.failingSince = now);
        } else if (Duration.between(state.failingSince(), now).compareTo(config.disableAfter()) >= 0) {
            writes.cascade(service.type(), endpointId, e -> {
                e.active = false;
                e.disabledAt = now;
                e.disabledReason = "Disabled by the server: every delivery since " + state.failingSince()
                        + " failed, for longer than " + config.disableAfter() + " (the last: " + outcome.summary()
                        + "). Fix the receiver, then set active to true; pending deliveries resume.";
            });
            LOG.warnf("Disabled webhook %s: every delivery failed since %s", endpointId, state.failingSince());
        }
    }

    /** Keeps the delivery log bounded, and forgets secrets rotated out. */
    @Transactional
    public void cleanUp() {
        Instant now = clock.now();
        long dropped = events.dropOlderThan(now.minus(config.logRetention()));
        secrets.dropExpired(now);
        if (dropped > 0) {
            LOG.infof("Dropped %d webhook events older than %s", dropped, config.logRetention());
        }
    }
}

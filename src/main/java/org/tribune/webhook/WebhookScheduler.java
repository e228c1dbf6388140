package org.tribune.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.tribune.common.Clock;

/** Runs the dispatcher on every instance; the database decides which instance does what. */
@ApplicationScoped
public class WebhookScheduler {

    private static final Logger LOG = Logger.getLogger(WebhookScheduler.class);

    private static final int BATCH = 50;
    private static final int BATCHES_PER_RUN = 20;

    private final WebhookDispatch dispatch;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookScheduler(WebhookDispatch dispatch, WebhookSender sender, WebhookConfig config, Clock clock) {
        this.dispatch = dispatch;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${tribune.webhooks.poll-interval}",
            delayed = "${tribune.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        // Each step is tried again at the next run; nothing is lost, since nothing is removed before it is recorded.
        try {
            dispatch.fanOut();
        } catch (RuntimeException e) {
            LOG.warnf("Could not turn changes into webhook events; trying again shortly: %s", e.getMessage());
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("Could not deliver webhook events; trying again shortly: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUpOnSchedule() {
        dispatch.cleanUp();
    }

    /** Claims, attempts (at the same time) and records batches of due deliveries until none is left. */
    public int deliverDue() {
        int attempted = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
            List<WebhookDispatch.Job> jobs = dispatch.claim(BATCH);
            if (jobs.isEmpty()) {
                break;
            }
            Instant at = clock.now();
            List<io.vertx.core.Future<WebhookDispatch.Outcome>> sent = new ArrayList<>(jobs.size());
            jobs.forEach(job -> sent.add(sender.send(job, at)));
            long limit = config.connectTimeout().plus(config.readTimeout()).toMillis() + 5_000;
            for (int i = 0; i < jobs.size(); i++) {
                WebhookDispatch.Outcome outcome;
                try {
                    outcome = sent.get(i)
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(limit, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    outcome = new WebhookDispatch.Outcome(null, (int) limit, "timed out", null, null);
                }
                try {
                    dispatch.record(jobs.get(i), at, outcome);
                } catch (RuntimeException e) {
                    // Left claimed: retried once its hold lapses. The other attempts of the batch are still recorded.
                    LOG.warnf("Could not record the attempt of %s: %s", jobs.get(i), e.getMessage());
                }
                attempted++;
            }
            if (jobs.size() < BATCH) {
                break;
            }
        }
        return attempted;
    }
}

package org.tribune.media;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tribune.common.Clock;

/**
 * Gives images uploaded before the current set of renditions existed that set, in the background, oldest first.
 *
 * <p>Its only state is in the media rows: {@code rendition_set} says what is done, and {@code rendering_until}
 * which instance holds an image, taken by a conditional update. So a restart resumes where the last run stopped,
 * two instances never make the same image at once, and a claim whose instance died runs out by itself. Making an
 * image twice would do no harm anyway: the files have fixed names and the last write wins whole.
 */
@ApplicationScoped
public class RenditionBackfill {

    private static final Logger LOG = Logger.getLogger(RenditionBackfill.class);
    /** Far longer than an image takes; a claim older than this is an instance that stopped. */
    private static final Duration CLAIM = Duration.ofMinutes(10);
    /** A stored original that cannot be decoded is tried again this much later, not in a loop. */
    private static final Duration AFTER_FAILURE = Duration.ofHours(6);

    private static final int BATCH = 20;

    private final MediaRepository media;
    private final MediaService service;
    private final Clock clock;

    public RenditionBackfill(MediaRepository media, MediaService service, Clock clock, MeterRegistry metrics) {
        this.media = media;
        this.service = service;
        this.clock = clock;
        Gauge.builder(
                        "tribune.media.renditions.pending",
                        this,
                        b -> QuarkusTransaction.requiringNew()
                                .call(() -> media.countDueForRenditions(MediaProcessor.RENDITION_SET)))
                .description("Images still waiting for the current set of renditions")
                .register(metrics);
    }

    @Scheduled(
            every = "${tribune.media.backfill-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            int made = run();
            if (made > 0) {
                LOG.infof("Gave %d image(s) uploaded before the current renditions theirs", made);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not look for images that need renditions; trying again shortly: %s", e.getMessage());
        }
    }

    /**
     * Makes the renditions of the images due now, a batch at a time, until none is left; answers how many. Its
     * writes are the system's, with no caller: the request context is only there for the beans that ask.
     */
    @ActivateRequestContext
    public int run() {
        int made = 0;
        while (true) {
            List<UUID> due = QuarkusTransaction.requiringNew()
                    .call(() -> media.dueForRenditions(MediaProcessor.RENDITION_SET, clock.now(), BATCH));
            int before = made;
            for (UUID id : due) {
                if (claim(id, clock.now().plus(CLAIM))) {
                    made += renderOrPostpone(id) ? 1 : 0;
                }
            }
            if (due.size() < BATCH || made == before) {
                return made;
            }
        }
    }

    private boolean claim(UUID id, Instant until) {
        return QuarkusTransaction.requiringNew()
                .call(() -> media.claimForRenditions(id, MediaProcessor.RENDITION_SET, clock.now(), until));
    }

    private boolean renderOrPostpone(UUID id) {
        try {
            service.renderAgain(id);
            return true;
        } catch (Exception e) {
            LOG.warnf(e, "Could not make the renditions of media %s; trying again in %s", id, AFTER_FAILURE);
            QuarkusTransaction.requiringNew()
                    .run(() -> media.holdForRenditions(id, clock.now().plus(AFTER_FAILURE)));
            return false;
        }
    }
}

package org.tribune.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tribune.webhooks")
public interface WebhookConfig {

    /**
     * Allow targets on loopback, private, link-local and other non-public addresses. Off in production: an endpoint
     * URL would otherwise let an admin account (or whoever stole its token) reach the cloud metadata service or
     * internal hosts from the server. For development and tests only.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How often each instance looks for changes to send and deliveries due, as {@code @Scheduled} reads it. */
    @WithDefault("1s")
    String pollInterval();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** The longest wait for the answer's first byte, and then between bytes. */
    @WithDefault("PT10S")
    Duration readTimeout();

    /** The wait before the first retry; each later one waits four times longer, up to {@link #maxRetryInterval}. */
    @WithDefault("PT10S")
    Duration firstRetry();

    @WithDefault("PT6H")
    Duration maxRetryInterval();

    /** A delivery is retried until this long after its first attempt, then given up. */
    @WithDefault("PT26H")
    Duration retryFor();

    /** An endpoint whose every delivery failed for this long is disabled, with the reason shown to admins. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** After a rotation, deliveries are signed with the old secret too, for this long. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** Events and their delivery logs are kept this long, then dropped once no delivery of them is pending. */
    @WithDefault("P30D")
    Duration logRetention();
}

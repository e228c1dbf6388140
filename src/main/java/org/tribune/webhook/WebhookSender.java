package org.tribune.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;
import org.tribune.common.Clock;

/**
 * Sends one attempt: to the address {@link Targets} checked (not one resolved again behind its back), signed, with
 * short timeouts, without following redirects, and reading no more of the answer than the log keeps.
 */
@ApplicationScoped
class WebhookSender {

    /** The answer's bytes read at most; the log keeps its first {@link #EXCERPT} characters. */
    static final int READ_LIMIT = 4096;

    static final int EXCERPT = 1000;

    private final HttpClient client;
    private final Targets targets;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookSender(Vertx vertx, Targets targets, WebhookConfig config, Clock clock) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxRedirects(0)
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setMaxPoolSize(32));
        this.targets = targets;
        this.config = config;
        this.clock = clock;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Starts the attempt; the answer comes on a Vert.x thread. */
    Future<WebhookDispatch.Outcome> send(WebhookDispatch.Job job, Instant at) {
        long started = System.nanoTime();
        Targets.Resolved target;
        try {
            target = targets.resolve(job.url());
        } catch (Targets.Refused refused) {
            return Future.succeededFuture(failed(started, "refused: " + refused.getMessage()));
        }
        String host = target.address().getHostAddress();
        if (target.address() instanceof Inet6Address) {
            host = host.replaceFirst("%.*$", "");
        }
        long timestamp = at.getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(target.port(), host))
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.readTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Tribune-Webhooks/1")
                .putHeader("webhook-id", job.eventId().toString())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader(
                        "webhook-signature",
                        Signatures.header(job.secrets(), job.eventId().toString(), timestamp, job.body()));
        Buffer body = Buffer.buffer(job.body(), StandardCharsets.UTF_8.name());
        return client.request(request)
                .compose(r -> r.send(body))
                .compose(response -> read(response, started))
                .recover(e -> Future.succeededFuture(failed(started, describe(e))));
    }

    private Future<WebhookDispatch.Outcome> read(HttpClientResponse response, long started) {
        Promise<WebhookDispatch.Outcome> done = Promise.promise();
        Buffer read = Buffer.buffer();
        Duration retryAfter = response.statusCode() == 429 ? retryAfter(response.getHeader("retry-after")) : null;
        Runnable finish = () -> done.tryComplete(new WebhookDispatch.Outcome(
                response.statusCode(),
                millisSince(started),
                response.statusCode() >= 300 && response.statusCode() < 400
                        ? "answered with a redirect, which is not followed: register the URL it points to"
                        : null,
                excerpt(read),
                retryAfter));
        try {
            response.handler(chunk -> {
                int room = READ_LIMIT - read.length();
                if (room > 0) {
                    read.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
                }
                if (read.length() >= READ_LIMIT) {
                    finish.run();
                    response.request().reset(); // the rest is not worth reading
                }
            });
            response.endHandler(v -> finish.run());
            response.exceptionHandler(e -> finish.run());
        } catch (IllegalStateException ended) {
            // Now and then (seen in CI, under load) a short answer has been read to its end before this runs, and
            // Vert.x refuses handlers ("Response already ended"). The status stands; its body is lost. Taken for a
            // failed connection, it recorded the wrong reason, and disabled endpoints with it.
            finish.run();
        }
        return done.future();
    }

    private static String excerpt(Buffer read) {
        if (read.length() == 0) {
            return null;
        }
        String text = new String(read.getBytes(), StandardCharsets.UTF_8);
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
    }

    private WebhookDispatch.Outcome failed(long started, String error) {
        return new WebhookDispatch.Outcome(null, millisSince(started), error, null, null);
    }

    private String describe(Throwable e) {
        if (e instanceof TimeoutException || String.valueOf(e.getMessage()).contains("timeout")) {
            return "timed out (connect " + config.connectTimeout().toSeconds() + " s, read "
                    + config.readTimeout().toSeconds() + " s)";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Connection refused")) {
            return "connection refused";
        }
        return "connection failed: " + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    /** Seconds, or an HTTP date; null when it is neither. */
    private Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(clock.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }
}

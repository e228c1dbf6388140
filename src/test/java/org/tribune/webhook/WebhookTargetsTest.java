package org.tribune.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * The address rules as production applies them (tests otherwise allow private targets, to reach their receiver on
 * loopback): the real {@link Targets}, with {@code allow-private-targets} off, replaces the application's for each
 * test.
 */
@QuarkusTest
class WebhookTargetsTest extends ApiTestSupport {

    @Inject
    WebhookConfig config;

    private void productionRules() {
        WebhookConfig strict = (WebhookConfig) Proxy.newProxyInstance(
                WebhookConfig.class.getClassLoader(),
                new Class<?>[] {WebhookConfig.class},
                (proxy, method, args) ->
                        method.getName().equals("allowPrivateTargets") ? false : method.invoke(config, args));
        QuarkusMock.installMockForType(new Targets(strict), Targets.class);
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        "http://127.0.0.1:8080/hook, loopback",
        "http://localhost/hook, loopback",
        "http://[::1]/hook, loopback",
        "http://[::ffff:127.0.0.1]/hook, loopback",
        "http://169.254.169.254/latest/meta-data, link-local",
        "http://[fe80::1]/hook, link-local",
        "http://10.1.2.3/hook, private",
        "http://172.16.0.9/hook, private",
        "http://192.168.1.20/hook, private",
        "http://[fd00:ec2::254]/hook, unique local",
        "http://100.100.100.200/hook, shared",
        "http://0.0.0.0/hook, unspecified",
    })
    void aTargetOnANonPublicAddressIsRefusedNamingTheUrl(String url, String kind) {
        productionRules();
        as(token(Roles.ADMIN))
                .body(Map.of("url", url, "eventTypes", List.of("post.upsert")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString(kind))
                .body("errors[0].message", containsString("public addresses"));
    }

    /** As if its DNS record had been changed to point inward after it was registered. */
    @Test
    void aTargetIsCheckedAgainAtEveryDeliveryAndNothingIsSentWhenItIsRefused() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath created = as(token(Roles.ADMIN))
                    .body(Map.of("url", receiver.url("/inward"), "eventTypes", List.of("post.upsert")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String id = created.getString("webhook.id");
            try {
                productionRules();
                long delivery = as(token(Roles.ADMIN))
                        .post("/api/v1/webhooks/" + id + "/ping")
                        .then()
                        .statusCode(202)
                        .extract()
                        .jsonPath()
                        .getLong("id");
                Instant deadline = Instant.now().plusSeconds(20);
                JsonPath log;
                do {
                    Thread.sleep(100);
                    log = as(token(Roles.ADMIN))
                            .get("/api/v1/webhooks/" + id + "/deliveries/" + delivery)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                } while (log.getList("attempts").isEmpty() && Instant.now().isBefore(deadline));
                assertThat(log.getString("attempts[0].error"))
                        .startsWith("refused:")
                        .contains("loopback");
                assertThat(log.getString("attempts[0].statusCode")).isNull();
                assertThat(log.getString("state"))
                        .as("retried, in case the record changes back")
                        .isEqualTo("pending");
                assertThat(receiver.requests()).isEmpty();
            } finally {
                as(token(Roles.ADMIN)).delete("/api/v1/webhooks/" + id);
            }
        }
    }
}

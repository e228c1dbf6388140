package org.tribune.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

@QuarkusTest
class AuthApiTest extends ApiTestSupport {

    private static Response attempt(String username, String password, String address) {
        return anonymousJson()
                .header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token");
    }

    private static JsonPath part(String jwt, int index) {
        return JsonPath.from(
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    @Test
    void signingInReturnsASignedJwtWithTheAccountIdAndRoleValidForAnHour() {
        TestAccount author = newAccount(Roles.AUTHOR);

        Response r = attempt(author.username(), author.password(), testAddress());

        r.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(3600));
        String jwt = r.path("accessToken");
        assertThat(part(jwt, 0).getString("alg"))
                .isEqualTo(TestKeys.applicationKeys().algorithm().getName());
        JsonPath claims = part(jwt, 1);
        assertThat(claims.getString("sub")).isEqualTo(author.id());
        assertThat(claims.getString("role")).isEqualTo("author");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(3600);
    }

    @Test
    void theUsernameIgnoresCaseAndSigningInRecordsLastLoginAt() {
        TestAccount author = newAccount(Roles.AUTHOR);

        attempt(author.username().toUpperCase(), author.password(), testAddress())
                .then()
                .statusCode(200);

        as(token(Roles.ADMIN))
                .get("/api/v1/users/" + author.id())
                .then()
                .statusCode(200)
                .body("lastLoginAt", notNullValue());
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADeactivatedAccountGetTheSame401() {
        TestAccount author = newAccount(Roles.AUTHOR);
        TestAccount gone = newAccount(Roles.AUTHOR);
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("active", false))
                .patch("/api/v1/users/" + gone.id())
                .then()
                .statusCode(200);

        List<Response> answers = List.of(
                attempt(author.username(), "pas le bon mot de passe", testAddress()),
                attempt("personne-" + unique(), "pas le bon mot de passe", testAddress()),
                attempt(gone.username(), gone.password(), testAddress()));

        for (Response r : answers) {
            r.then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:tribune:problem:unauthorized"))
                    .body("detail", equalTo("The username or password is wrong."));
        }
    }

    /**
     * Without the decoy check, an unknown username would answer in about a millisecond and a known one only after
     * bcrypt, telling an attacker which usernames exist. Medians of several attempts keep this robust.
     */
    @Test
    void anUnknownUsernameTakesAsLongAsAWrongPassword() {
        TestAccount author = newAccount(Roles.AUTHOR);
        attempt(author.username(), author.password(), testAddress()).then().statusCode(200);
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownUser = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            wrongPassword.add(attempt(author.username(), "pas le bon mot de passe", testAddress())
                    .then()
                    .statusCode(401)
                    .extract()
                    .time());
            unknownUser.add(attempt("inconnu-" + unique(), "pas le bon mot de passe", testAddress())
                    .then()
                    .statusCode(401)
                    .extract()
                    .time());
        }
        wrongPassword.sort(Long::compare);
        unknownUser.sort(Long::compare);
        long wrong = wrongPassword.get(2);
        long unknown = unknownUser.get(2);
        assertThat(unknown).isGreaterThanOrEqualTo(wrong / 2);
        assertThat(wrong).isLessThanOrEqualTo(Math.max(unknown * 2, unknown + 20));
    }

    @Test
    void fiveFailuresForOneUsernameGet429WithRetryAfterEvenWithTheRightPassword() {
        TestAccount author = newAccount(Roles.AUTHOR);
        for (int i = 0; i < 5; i++) {
            attempt(author.username(), "essai " + i + " incorrect", testAddress())
                    .then()
                    .statusCode(401);
        }

        Response locked = attempt(author.username(), author.password(), testAddress());

        locked.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:too-many-requests"));
        int retryAfter = Integer.parseInt(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 15 * 60);
        // The lock is the username's: other accounts still sign in.
        TestAccount other = newAccount(Roles.AUTHOR);
        attempt(other.username(), other.password(), testAddress()).then().statusCode(200);
    }

    @Test
    void fiveFailuresFromOneAddressGet429ForEveryUsernameFromThatAddress() {
        String address = testAddress();
        for (int i = 0; i < 5; i++) {
            attempt("inconnu-" + unique(), "mauvais mot de passe", address)
                    .then()
                    .statusCode(401);
        }
        TestAccount author = newAccount(Roles.AUTHOR);

        attempt(author.username(), author.password(), address)
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        attempt(author.username(), author.password(), testAddress()).then().statusCode(200);
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesFailures() {
        TestAccount author = newAccount(Roles.AUTHOR);
        for (int i = 0; i < 4; i++) {
            attempt(author.username(), "essai " + i + " incorrect", testAddress())
                    .then()
                    .statusCode(401);
        }
        attempt(author.username(), author.password(), testAddress()).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            attempt(author.username(), "encore " + i + " incorrect", testAddress())
                    .then()
                    .statusCode(401);
        }

        attempt(author.username(), author.password(), testAddress()).then().statusCode(200);
    }

    @Test
    void aMissingUsernameOrPasswordGets400NamingIt() {
        anonymousJson()
                .body(Map.of("username", "admin"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }

    static Stream<Arguments> unacceptableTokens() throws Exception {
        SigningKeys keys = TestKeys.applicationKeys();
        String admin = JsonPath.from(new String(
                        Base64.getUrlDecoder().decode(token(Roles.ADMIN).split("\\.")[1]), StandardCharsets.UTF_8))
                .getString("sub");
        Instant now = Instant.now();

        SignedJWT expired = new SignedJWT(
                new JWSHeader.Builder(keys.algorithm()).type(JOSEObjectType.JWT).build(),
                claims(admin, now.minusSeconds(7200), now.minusSeconds(3600)));
        expired.sign(keys.signer());

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        SignedJWT foreign = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims(admin, now, now.plusSeconds(3600)));
        foreign.sign(new ECDSASigner((ECPrivateKey) generator.generateKeyPair().getPrivate()));

        String unsigned = new PlainJWT(new PlainHeader(), claims(admin, now, now.plusSeconds(3600))).serialize();

        return Stream.of(
                Arguments.of("garbage", "Bearer n'importe quoi"),
                Arguments.of("three dots", "Bearer a.b.c"),
                Arguments.of("expired", "Bearer " + expired.serialize()),
                Arguments.of("signed by another key", "Bearer " + foreign.serialize()),
                Arguments.of("alg none", "Bearer " + unsigned),
                Arguments.of("unknown API token", "Bearer " + ApiTokenService.PREFIX + UUID.randomUUID()),
                Arguments.of("empty bearer", "Bearer "),
                Arguments.of("basic scheme", "Basic YWRtaW46dGVzdA=="));
    }

    private static JWTClaimsSet claims(String subject, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder()
                .issuer("tribune")
                .subject(subject)
                .claim("role", "admin")
                .claim("tv", 0)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unacceptableTokens")
    void anUnacceptableTokenGets401WithAnInvalidTokenChallengeEvenOnPublicReads(String kind, String authorization) {
        for (Response r : List.of(
                given().header("Authorization", authorization).get("/api/v1/posts"),
                given().header("Authorization", authorization).get("/api/v1/honorary-citizens"),
                given().header("Authorization", authorization).get("/api/v1/no-such-list"),
                given().header("Authorization", authorization)
                        .contentType("application/json")
                        .body(Map.of("name", "Jamais " + unique()))
                        .post("/api/v1/categories"))) {
            r.then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                    .body("type", equalTo("urn:tribune:problem:unauthorized"))
                    .body("detail", notNullValue());
            assertThat(r.asString()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }
}

package org.tribune.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/** Other services verify Tribune's access tokens with its published keys alone. */
@QuarkusTest
class JwksApiTest extends ApiTestSupport {

    @Test
    void anAccessTokenVerifiesWithTheKeyItsKidNamesInThePublishedJwkSet() throws Exception {
        Response published = given().get("/api/v1/auth/jwks");
        published.then().statusCode(200).contentType("application/jwk-set+json");
        JWKSet set = JWKSet.parse(published.asString());
        assertThat(set.getKeys()).isNotEmpty();
        assertThat(set.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());

        SignedJWT token = SignedJWT.parse(token(Roles.AUTHOR));
        RSAKey key = (RSAKey) set.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("the key the token names").isNotNull();
        assertThat(key.getAlgorithm().getName())
                .isEqualTo(token.getHeader().getAlgorithm().getName());
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("tribune");

        given().header("If-None-Match", published.header("ETag"))
                .get("/api/v1/auth/jwks")
                .then()
                .statusCode(304);
    }
}

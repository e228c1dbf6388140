package org.tribune.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public keys that verify Tribune's access tokens (RFC 7517), current first. */
@Schema(name = "JsonWebKeySet")
public record JsonWebKeySet(@Schema(required = true) List<Key> keys) {

    /** One public key: RSA (n, e) or EC P-256 (crv, x, y). */
    @Schema(name = "JsonWebKey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Key(
            @Schema(
                    required = true,
                    enumeration = {"RSA", "EC"})
            String kty,

            @Schema(required = true, description = "The kid access tokens name in their header.")
            String kid,

            @Schema(
                    required = true,
                    enumeration = {"sig"})
            String use,

            @Schema(
                    required = true,
                    enumeration = {"RS256", "ES256"})
            String alg,

            @Schema(description = "RSA modulus (base64url).")
            String n,

            @Schema(description = "RSA exponent (base64url).")
            String e,

            @Schema(enumeration = {"P-256"}) String crv,

            @Schema(description = "EC x coordinate (base64url).")
            String x,

            @Schema(description = "EC y coordinate (base64url).")
            String y) {

        static Key of(Map<String, Object> jwk) {
            return new Key(
                    (String) jwk.get("kty"),
                    (String) jwk.get("kid"),
                    (String) jwk.get("use"),
                    (String) jwk.get("alg"),
                    (String) jwk.get("n"),
                    (String) jwk.get("e"),
                    (String) jwk.get("crv"),
                    (String) jwk.get("x"),
                    (String) jwk.get("y"));
        }
    }
}

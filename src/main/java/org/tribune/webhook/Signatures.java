package org.tribune.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification defines them, so that receivers can check them with its
 * published libraries: HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}", keyed with the secret's bytes
 * (the base64 after "whsec_"), sent as "v1,{base64}", one per secret, separated by spaces.
 */
final class Signatures {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    /** 32 random bytes, as the specification writes secrets. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + 4);
    }

    static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        String signed = id + "." + timestampSeconds + "." + body;
        return secrets.stream().map(s -> "v1," + sign(s, signed)).collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package org.tribune.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password hashes: bcrypt through Quarkus's BcryptUtil. bcrypt reads only the first 72 bytes of its input, so the
 * password is first reduced to a fixed 64-character digest (HMAC-SHA-384, as WordPress does since 6.8): a long
 * passphrase keeps all of its strength, and no NUL byte ever reaches bcrypt.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1000;
    private static final byte[] PREHASH_KEY = "tribune-password".getBytes(StandardCharsets.US_ASCII);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    /** Checked against when no account matches, so that an unknown username costs the same time as a known one. */
    private final String decoy;

    public Passwords(AuthConfig config) {
        if (config.bcryptCost() < 4 || config.bcryptCost() > 31) {
            throw new IllegalStateException("tribune.auth.bcrypt-cost must be between 4 and 31");
        }
        this.cost = config.bcryptCost();
        this.decoy = hash(generate());
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(prehash(password), cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(prehash(password), hash);
    }

    /** Spends the time of a real check and fails: for a username that has no account. */
    public boolean matchesNothing(String password) {
        BcryptUtil.matches(prehash(password), decoy);
        return false;
    }

    /** True when the hash was made with another cost than the configured one, so it should be redone. */
    public boolean isOutdated(String hash) {
        String[] parts = hash.split("\\$");
        return parts.length < 3 || !parts[2].equals(String.format("%02d", cost));
    }

    /** A random password of about 140 bits, without characters that are easy to misread. */
    public static String generate() {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String prehash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA384");
            mac.init(new SecretKeySpec(PREHASH_KEY, "HmacSHA384"));
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA384 is part of every Java runtime", e);
        }
    }
}

package org.tribune.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The key pair that signs access tokens. A configured PEM wins (TRIBUNE_AUTH_JWT_KEY, then the file); otherwise the
 * pair is generated on the first start into the data directory, readable by its owner only, and reused after, so
 * tokens survive a restart and every instance that shares the data directory accepts the others' tokens. Public
 * keys from before a rotation keep verifying the tokens they signed, told apart by kid.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final String keyId;
    /** Every key a token may be signed with, by kid: the current one and those of before a rotation. */
    private final Map<String, Verification> verifications = new LinkedHashMap<>();

    private final List<JWK> publicKeys = new ArrayList<>();

    /** How a token naming a kid is checked: the algorithm is the key's, never the token's. */
    public record Verification(JWSAlgorithm algorithm, JWSVerifier verifier) {}

    public SigningKeys(AuthConfig config, @ConfigProperty(name = "tribune.data-dir") Path dataDir) {
        String source;
        String pem;
        if (config.jwtKey().filter(k -> !k.isBlank()).isPresent()) {
            source = "TRIBUNE_AUTH_JWT_KEY";
            pem = config.jwtKey().get();
        } else {
            Path file = config.jwtKeyFile().orElse(null);
            if (file == null) {
                file = dataDir.resolve("keys").resolve("jwt-signing-key.pem");
                if (!Files.exists(file)) {
                    generate(file);
                }
            }
            warnIfReadableByOthers(file);
            source = file.toString();
            pem = readText(file);
        }
        KeyPair pair = read(pem, source);
        try {
            if (pair.getPrivate() instanceof ECPrivateKey ec) {
                if (ec.getParams().getOrder().bitLength() != 256) {
                    throw new IllegalStateException("The token signing key in " + source + " must be EC P-256 or RSA");
                }
                algorithm = JWSAlgorithm.ES256;
                signer = new ECDSASigner(ec);
            } else {
                algorithm = JWSAlgorithm.RS256;
                signer = new RSASSASigner(pair.getPrivate());
            }
            keyId = thumbprint(pair.getPublic());
            trust(pair.getPublic(), source);
            checkPair(source);
            for (PublicKey previous :
                    publicKeys(config.jwtPreviousKeys().orElse(""), "TRIBUNE_AUTH_JWT_PREVIOUS_KEYS")) {
                trust(previous, "TRIBUNE_AUTH_JWT_PREVIOUS_KEYS");
            }
        } catch (JOSEException | ClassCastException e) {
            throw new IllegalStateException(
                    "The token signing keys in " + source + " cannot be used: " + e.getMessage());
        }
    }

    private void trust(PublicKey key, String source) throws JOSEException {
        String kid = thumbprint(key);
        if (key instanceof ECPublicKey ec) {
            verifications.putIfAbsent(kid, new Verification(JWSAlgorithm.ES256, new ECDSAVerifier(ec)));
            publicKeys.add(new ECKey.Builder(Curve.P_256, ec)
                    .keyID(kid)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE)
                    .build());
        } else if (key instanceof RSAPublicKey rsa) {
            verifications.putIfAbsent(kid, new Verification(JWSAlgorithm.RS256, new RSASSAVerifier(rsa)));
            publicKeys.add(new RSAKey.Builder(rsa)
                    .keyID(kid)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .build());
        } else {
            throw new IllegalStateException("The key in " + source + " is neither EC nor RSA");
        }
    }

    /** Loads the keys at start-up, so that a bad key file stops the service at once instead of at the first sign-in. */
    void onStart(@Observes StartupEvent event) {
        LOG.infof("Access tokens are signed with %s key %s", algorithm, keyId);
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    public JWSSigner signer() {
        return signer;
    }

    /** How to check a token that names this kid; empty for a key this server never signed with or no longer trusts. */
    public Optional<Verification> verification(String kid) {
        return Optional.ofNullable(verifications.get(kid));
    }

    /** The public keys, current first, as a JWK set (RFC 7517) other services verify access tokens with. */
    public JsonWebKeySet jwks() {
        return new JsonWebKeySet(publicKeys.stream()
                .map(k -> JsonWebKeySet.Key.of(k.toPublicJWK().toJSONObject()))
                .toList());
    }

    public String keyId() {
        return keyId;
    }

    private void checkPair(String source) throws JOSEException {
        JWSObject probe = new JWSObject(new JWSHeader(algorithm), new Payload("probe"));
        probe.sign(signer);
        if (!probe.verify(verifications.get(keyId).verifier())) {
            throw new IllegalStateException("The private and public keys in " + source + " are not a pair");
        }
    }

    /**
     * Writes the new pair under a temporary name, then links it into place: linking fails if another instance got
     * there first, and then both use the file that won.
     */
    private static void generate(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir.getParent());
            boolean posix = Files.getFileStore(dir.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            // RSA rather than EC: tokens are verified on every request and signed once per sign-in, and RSA
            // verification costs a fraction of ECDSA's (bench/auth.sh).
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded());
            Path temp = dir.resolve(".jwt-" + UUID.randomUUID() + ".tmp");
            if (posix) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(temp);
            }
            try {
                Files.writeString(temp, pem, StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, temp);
                    LOG.infof("Generated a new token signing key in %s", file);
                } catch (FileAlreadyExistsException e) {
                    LOG.infof("Another instance generated the token signing key in %s first; using it", file);
                } catch (UnsupportedOperationException e) {
                    Files.move(temp, file);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token signing key to " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot generate RSA keys", e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key file " + file, e);
        }
    }

    private static KeyPair read(String text, String source) {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default ->
                    throw new IllegalStateException(source + " holds a '" + m.group(1) + "' block; convert the key"
                            + " to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in old.pem");
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalStateException(source + " must hold a PRIVATE KEY block (PKCS#8) and a PUBLIC KEY block");
        }
        for (String type : new String[] {"EC", "RSA"}) {
            try {
                KeyFactory factory = KeyFactory.getInstance(type);
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
                if (publicKey instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
                    throw new IllegalStateException("The RSA key in " + source + " must have at least 2048 bits");
                }
                return new KeyPair(publicKey, privateKey);
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new IllegalStateException("The keys in " + source + " are neither EC nor RSA keys this runtime can read");
    }

    /** Every PUBLIC KEY block of the text. */
    private static List<PublicKey> publicKeys(String text, String source) {
        List<PublicKey> keys = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("PUBLIC KEY")) {
                throw new IllegalStateException(source + " must hold PUBLIC KEY blocks only, not '" + m.group(1) + "'");
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            keys.add(publicKey(der, source));
        }
        if (keys.isEmpty() && !text.isBlank()) {
            throw new IllegalStateException(source + " holds no PUBLIC KEY block");
        }
        return keys;
    }

    private static PublicKey publicKey(byte[] der, String source) {
        for (String type : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new IllegalStateException("A key in " + source + " is neither an EC nor an RSA public key");
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                perms.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                if (!perms.isEmpty()) {
                    LOG.warnf("The token signing key %s can be read by other users; run: chmod 600 %s", file, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key file " + file, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** A short, stable name for the public key, sent as the token's kid so that a future key rotation can tell keys apart. */
    private static String thumbprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

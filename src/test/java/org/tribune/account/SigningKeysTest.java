package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAKeyPairReadableOnlyByItsOwnerAndReusesItAfterARestart() throws Exception {
        SigningKeys first = new SigningKeys(TestKeys.config(null), dataDir);
        Path file = dataDir.resolve("keys/jwt-signing-key.pem");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(first.algorithm()).isEqualTo(JWSAlgorithm.RS256);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }

        SigningKeys afterRestart = new SigningKeys(TestKeys.config(null), dataDir);
        assertThat(afterRestart.keyId()).isEqualTo(first.keyId());
        JWSObject signed = new JWSObject(new JWSHeader(first.algorithm()), new Payload("issued before the restart"));
        signed.sign(first.signer());
        assertThat(JWSObject.parse(signed.serialize())
                        .verify(afterRestart
                                .verification(afterRestart.keyId())
                                .orElseThrow()
                                .verifier()))
                .isTrue();
    }

    @Test
    void usesAConfiguredEcKeyFileInsteadOfGeneratingOne() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        Path file = dataDir.resolve("operator.pem");
        Files.writeString(
                file,
                pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                        + pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        SigningKeys keys = new SigningKeys(TestKeys.config(file), dataDir);

        assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void refusesAKeyFileWhoseKeysAreNotAPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair one = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        Path file = dataDir.resolve("mixed.pem");
        Files.writeString(
                file,
                pem("PRIVATE KEY", one.getPrivate().getEncoded())
                        + pem("PUBLIC KEY", other.getPublic().getEncoded()));

        assertThatThrownBy(() -> new SigningKeys(TestKeys.config(file), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a pair");
    }

    @Test
    void refusesAKeyFileWithoutAPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        Path file = dataDir.resolve("private-only.pem");
        Files.writeString(
                file,
                pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));

        assertThatThrownBy(() -> new SigningKeys(TestKeys.config(file), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUBLIC KEY");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String publicBlock(Path pemFile) throws Exception {
        String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        return pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----"));
    }

    private static Account account() {
        Account a = new Account();
        a.id = java.util.UUID.randomUUID();
        a.role = AccountRole.values()[0];
        a.tokenVersion = 1;
        return a;
    }

    private static AccessTokens tokens(SigningKeys keys) {
        return new AccessTokens(keys, TestKeys.config(null), new org.tribune.common.Clock());
    }

    @Test
    void afterARotationTokensOfThePreviousKeyStayValidAndTheJwkSetListsBothKeys() throws Exception {
        Path before = dataDir.resolve("before");
        SigningKeys previous = new SigningKeys(TestKeys.config(null), before);
        String previousPem = Files.readString(before.resolve("keys/jwt-signing-key.pem"), StandardCharsets.US_ASCII);
        Path other = dataDir.resolve("other");
        SigningKeys current = new SigningKeys(TestKeys.config(null), other);
        String currentPem = Files.readString(other.resolve("keys/jwt-signing-key.pem"), StandardCharsets.US_ASCII);
        SigningKeys stranger = new SigningKeys(TestKeys.config(null), dataDir.resolve("stranger"));

        // The new key comes as text (TRIBUNE_AUTH_JWT_KEY), the old one as its public block only.
        SigningKeys rotated = new SigningKeys(
                TestKeys.config(null, currentPem, publicBlock(before.resolve("keys/jwt-signing-key.pem"))),
                dataDir.resolve("unused"));

        assertThat(rotated.keyId()).isEqualTo(current.keyId());
        Account account = account();
        assertThat(tokens(rotated).verify(tokens(previous).issue(account)).accountId())
                .as("a token signed before the rotation")
                .isEqualTo(account.id);
        assertThat(tokens(rotated).verify(tokens(rotated).issue(account)).accountId())
                .isEqualTo(account.id);
        String forged = tokens(stranger).issue(account);
        assertThatThrownBy(() -> tokens(rotated).verify(forged))
                .isInstanceOf(io.quarkus.security.AuthenticationFailedException.class);
        // Once the previous key is dropped from the settings, its tokens stop working.
        SigningKeys afterward = new SigningKeys(TestKeys.config(null, currentPem, null), dataDir.resolve("unused"));
        String old = tokens(previous).issue(account);
        assertThatThrownBy(() -> tokens(afterward).verify(old))
                .isInstanceOf(io.quarkus.security.AuthenticationFailedException.class);

        assertThat(rotated.jwks().keys())
                .extracting(JsonWebKeySet.Key::kid)
                .containsExactly(current.keyId(), previous.keyId());
        assertThat(previousPem).contains("PRIVATE KEY");
    }

    @Test
    void previousKeysMustBePublicKeys() throws Exception {
        SigningKeys generated = new SigningKeys(TestKeys.config(null), dataDir);
        String pem = Files.readString(dataDir.resolve("keys/jwt-signing-key.pem"), StandardCharsets.US_ASCII);
        assertThat(generated.keyId()).isNotBlank();
        assertThatThrownBy(() -> new SigningKeys(TestKeys.config(null, null, pem), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUBLIC KEY blocks only");
    }
}

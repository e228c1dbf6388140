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
        assertThat(JWSObject.parse(signed.serialize()).verify(afterRestart.verifier()))
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
}

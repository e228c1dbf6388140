package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** A fresh installation started without TRIBUNE_ADMIN_PASSWORD, as the README's run command does. */
@QuarkusTest
@TestProfile(FirstAdminTest.FreshInstallWithoutAdminPassword.class)
class FirstAdminTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final Path LOG = Path.of("target/test-logs/first_admin-" + RUN + ".log");
    static final Path DATA = Path.of("target/first_admin-" + RUN);

    public static class FreshInstallWithoutAdminPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("first_admin", RUN, Map.of("tribune.admin-password", ""));
        }
    }

    @Test
    void theGeneratedAdminPasswordIsPrintedOnceAndSignsIn() throws IOException {
        String log = Files.readString(LOG);
        Matcher m = Pattern.compile("password: (\\S+)").matcher(log);
        assertThat(m.find()).as("the start-up log shows the password").isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(m.find()).isFalse();

        as(signIn("admin", password))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("username", Matchers.equalTo("admin"))
                .body("role", Matchers.equalTo("admin"));

        assertThat(Files.readString(LOG).split(Pattern.quote(password), -1)).hasSize(2);
    }

    @Test
    void theSigningKeyIsGeneratedInTheDataDirectoryForItsOwnerOnly() throws IOException {
        Path key = DATA.resolve("keys/jwt-signing-key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }
}

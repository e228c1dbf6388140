package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords(TestKeys.config(null));

    @Test
    void hashesAreSaltedBcryptThatOnlyTheRightPasswordMatches() {
        String hash = passwords.hash("une phrase de passe");

        assertThat(hash).startsWith("$2a$04$").doesNotContain("phrase");
        assertThat(passwords.hash("une phrase de passe")).isNotEqualTo(hash);
        assertThat(passwords.matches("une phrase de passe", hash)).isTrue();
        assertThat(passwords.matches("une phrase de passE", hash)).isFalse();
    }

    @Test
    void everyCharacterOfAPassphraseLongerThanBcryptsSeventyTwoBytesCounts() {
        String longPassphrase = "é".repeat(80);
        String hash = passwords.hash(longPassphrase + "a");

        assertThat(passwords.matches(longPassphrase + "a", hash)).isTrue();
        assertThat(passwords.matches(longPassphrase + "b", hash)).isFalse();
    }

    @Test
    void aHashMadeWithAnotherCostIsOutdated() {
        assertThat(passwords.isOutdated(passwords.hash("une phrase de passe"))).isFalse();
        assertThat(passwords.isOutdated("$2a$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234"))
                .isTrue();
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String one = Passwords.generate();
        assertThat(one).hasSize(24).isNotEqualTo(Passwords.generate());
    }
}

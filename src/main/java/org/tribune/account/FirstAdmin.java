package org.tribune.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure a fresh installation can be administered: when no account exists, creates {@code admin} with the
 * password from TRIBUNE_ADMIN_PASSWORD, or with a generated one that is printed once, here and nowhere else.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final Optional<String> configuredPassword;

    public FirstAdmin(
            AccountService accounts,
            @ConfigProperty(name = "tribune.admin-password") Optional<String> configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    void onStart(@Observes StartupEvent event) {
        if (configuredPassword.isPresent() && configuredPassword.get().length() < Passwords.MIN_LENGTH) {
            String reason = "TRIBUNE_ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH + " characters";
            // One line that says why, above the start-up failure's stack trace.
            LOG.error("Refusing to start: " + reason);
            throw new IllegalStateException(reason);
        }
        String password = configuredPassword.orElseGet(Passwords::generate);
        boolean created;
        try {
            created = accounts.createFirstAdmin(password);
        } catch (PersistenceException e) {
            // Another instance that shares the database created it at the same moment.
            created = false;
        }
        if (!created) {
            return;
        }
        if (configuredPassword.isPresent()) {
            LOG.infof(
                    "Created the first admin account '%s' with the password from TRIBUNE_ADMIN_PASSWORD.",
                    AccountService.FIRST_ADMIN);
        } else {
            LOG.warnf(
                    "%n%n    Created the first admin account. Its password is shown only this once:%n%n"
                            + "        username: %s%n        password: %s%n%n"
                            + "    Sign in with POST /api/v1/auth/token, then change it with PUT /api/v1/users/me/password.%n",
                    AccountService.FIRST_ADMIN, password);
        }
    }
}

package org.tribune.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.tribune.common.ApiException;
import org.tribune.security.Caller;
import org.tribune.security.InvalidToken;

/**
 * Signing in, and recognizing the bearer tokens it hands out. Not transactional as a whole: the slow password
 * check must not hold a database connection.
 */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);
    private static final String WRONG_CREDENTIALS = "The username or password is wrong.";

    private final AccountService accounts;
    private final AccountRepository accountRows;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final ApiTokenService apiTokens;
    private final SignInThrottle throttle;

    public AuthService(
            AccountService accounts,
            AccountRepository accountRows,
            Passwords passwords,
            AccessTokens accessTokens,
            ApiTokenService apiTokens,
            SignInThrottle throttle) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.apiTokens = apiTokens;
        this.throttle = throttle;
    }

    /**
     * An unknown username, a wrong password and a deactivated account all get the same answer after the same
     * work, so that neither the message nor the time tells which usernames exist.
     */
    public TokenResponse signIn(TokenRequest request, String clientAddress) {
        refuseWhileThrottled(request.username(), clientAddress);
        Optional<Account> found = accounts.findForSignIn(request.username());
        boolean ok = found.isPresent()
                ? passwords.matches(request.password(), found.get().passwordHash)
                : passwords.matchesNothing(request.password());
        if (!ok || !found.get().active) {
            // The username is not logged: people type their password into it by mistake.
            LOG.infof("Failed sign-in from %s", clientAddress);
            throttle.recordFailure(request.username(), clientAddress);
            throw ApiException.unauthorized(WRONG_CREDENTIALS);
        }
        Account a = found.get();
        accounts.recordSignIn(a, request.password());
        throttle.recordSuccess(request.username());
        return new TokenResponse(accessTokens.issue(a), "Bearer", accessTokens.lifetimeSeconds());
    }

    /** The password change checks the current password, so it counts against the same limits as signing in. */
    public void changeOwnPassword(Caller caller, PasswordChange change, String clientAddress) {
        String username = accounts.me(caller).username();
        refuseWhileThrottled(username, clientAddress);
        if (!accounts.changeOwnPassword(caller, change)) {
            throttle.recordFailure(username, clientAddress);
            throw ApiException.invalid("currentPassword", "is not your current password");
        }
    }

    /** The caller a bearer token stands for, checked against the database so that revocations apply at once. */
    @Transactional
    public Caller identify(String bearerToken) {
        if (bearerToken.startsWith(ApiTokenService.PREFIX)) {
            return apiTokens.identify(bearerToken);
        }
        AccessTokens.Claims claims = accessTokens.verify(bearerToken);
        Account a = accountRows.findById(claims.accountId());
        if (a == null || !a.active || a.tokenVersion != claims.tokenVersion()) {
            throw InvalidToken.because("This access token was revoked: the account's password, role or status"
                    + " changed, or it was deleted. Sign in again.");
        }
        return new Caller(a.id, a.role.name(), null);
    }

    private void refuseWhileThrottled(String username, String clientAddress) {
        Optional<Duration> wait = throttle.waitBefore(username, clientAddress);
        if (wait.isPresent()) {
            LOG.warnf(
                    "Sign-in refused for %d s after repeated failures, from %s",
                    wait.get().toSeconds(), clientAddress);
            throw ApiException.tooManyRequests(
                    "Too many failed sign-ins for this username or from this address."
                            + " Try again after the delay in Retry-After.",
                    wait.get());
        }
    }
}

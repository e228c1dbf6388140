package org.tribune.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribune.common.ApiException;
import org.tribune.common.MergePatcher;
import org.tribune.common.Text;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.security.Caller;
import org.tribune.web.Representations;

@ApplicationScoped
public class AccountService {

    public static final Map<String, String> SORT_PATHS =
            Map.of("username", "username", "createdAt", "createdAt", "lastLoginAt", "lastLoginAt");
    public static final Set<String> SORTABLE = SORT_PATHS.keySet();
    public static final String DEFAULT_SORT = "username";
    public static final String FIRST_ADMIN = "admin";

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Representations representations;
    private final MergePatcher patcher;
    private final Instance<AccountUsage> usages;

    public AccountService(
            AccountRepository accounts,
            Passwords passwords,
            Representations representations,
            MergePatcher patcher,
            Instance<AccountUsage> usages) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.representations = representations;
        this.patcher = patcher;
        this.usages = usages;
    }

    public PageResponse<UserView> list(AccountRole role, Boolean active, SortOrder sort, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (role != null) {
            where.append(" and role = :role");
            params.and("role", role);
        }
        if (active != null) {
            where.append(" and active = :active");
            params.and("active", active);
        }
        long total = accounts.count(where.toString(), params);
        List<UserView> items = accounts
                .find("from Account where " + where + sort.toHql(SORT_PATHS, "id"), params)
                .page(page.page() - 1, page.size())
                .list()
                .stream()
                .map(AccountService::view)
                .toList();
        return PageResponse.of(items, page, total);
    }

    public UserView get(UUID id) {
        return view(find(id));
    }

    /** The signed-in account itself. API tokens act for an account but are not one. */
    public UserView me(Caller caller) {
        return view(find(ownAccount(caller)));
    }

    /** The id of the account with this username, for start-up tasks that act in its name. */
    public Optional<UUID> idOf(String username) {
        return accounts.findByUsername(username.toLowerCase(Locale.ROOT)).map(a -> a.id);
    }

    /** Authors and creators as other features show them, in one query. */
    public Map<UUID, AccountRef> refs(Collection<UUID> ids) {
        return refsOf(accounts.byIds(ids.stream().distinct().toList()));
    }

    static Map<UUID, AccountRef> refsOf(List<Account> found) {
        return found.stream()
                .collect(Collectors.toMap(
                        a -> a.id, a -> new AccountRef(a.id, a.displayName), (a, b) -> a, LinkedHashMap::new));
    }

    @Transactional
    public UserView create(UserCreate w) {
        String username = w.username().toLowerCase(Locale.ROOT);
        String emailKey = emailKey(w.email());
        checkUnique(username, emailKey, null);
        if (w.password().equalsIgnoreCase(username)) {
            throw ApiException.invalid("password", "must not be the username");
        }
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.username = username;
        a.displayName = w.displayName().strip();
        a.email = Text.blankToNull(w.email());
        a.emailKey = emailKey;
        a.role = w.role();
        a.active = w.active() == null || w.active();
        a.passwordHash = passwords.hash(w.password());
        a.createdAt = now();
        a.updatedAt = a.createdAt;
        accounts.persist(a);
        return view(a);
    }

    @Transactional
    public UserView replace(UUID id, UserWrite write, String ifMatch) {
        Account a = lockMatching(id, ifMatch);
        apply(a, write);
        return view(a);
    }

    @Transactional
    public UserView patch(UUID id, JsonNode patch, String ifMatch) {
        Account a = lockMatching(id, ifMatch);
        apply(a, patcher.apply(toWrite(a), patch, UserWrite.class));
        return view(a);
    }

    @Transactional
    public UserView patchMe(Caller caller, JsonNode patch, String ifMatch) {
        Account a = lockMatching(ownAccount(caller), ifMatch);
        ProfileWrite w = patcher.apply(new ProfileWrite(a.displayName, a.email), patch, ProfileWrite.class);
        apply(a, new UserWrite(a.username, w.displayName(), w.email(), a.role, a.active));
        return view(a);
    }

    /**
     * Deletes an account. Content it wrote would lose its author, so that needs {@code reassignTo}; deactivating
     * the account is the usual alternative. The API tokens it created go with it.
     */
    @Transactional
    public void delete(UUID id, UUID reassignTo, String ifMatch) {
        Account a = lockMatching(id, ifMatch);
        if (reassignTo != null) {
            if (reassignTo.equals(id) || accounts.findByIdOptional(reassignTo).isEmpty()) {
                throw ApiException.invalid("reassignTo", "must be the id of another existing account");
            }
        }
        keepAnAdmin(a, false);
        long authored = usages.stream().mapToLong(u -> u.countAuthoredBy(id)).sum();
        if (authored > 0 && reassignTo == null) {
            throw ApiException.conflict(
                    "User " + a.username + " is the author of " + authored
                            + " items. Deactivate the account instead, or pass reassignTo=<account id> to give them to someone else.");
        }
        if (reassignTo != null) {
            usages.forEach(u -> u.reassign(id, reassignTo));
        }
        accounts.delete(a);
    }

    /** An admin sets a new password for someone, for instance one who forgot theirs. Their tokens stop working. */
    @Transactional
    public void resetPassword(UUID id, PasswordReset reset) {
        Account a = accounts.findForUpdate(id).orElseThrow(() -> ApiException.notFound("User", id));
        setPassword(a, reset.newPassword(), "newPassword");
    }

    /**
     * A user changes their own password, proving they know the current one. Every access token issued before,
     * including the one that made this request, stops working: a stolen session does not outlive the change.
     */
    @Transactional
    public boolean changeOwnPassword(Caller caller, PasswordChange change) {
        Account a = accounts.findForUpdate(ownAccount(caller))
                .orElseThrow(() -> ApiException.notFound("User", caller.accountId()));
        if (!passwords.matches(change.currentPassword(), a.passwordHash)) {
            return false;
        }
        setPassword(a, change.newPassword(), "newPassword");
        return true;
    }

    // ---- for signing in ----

    Optional<Account> findForSignIn(String username) {
        return accounts.findByUsername(username.toLowerCase(Locale.ROOT));
    }

    @Transactional
    void recordSignIn(Account a, String password) {
        accounts.recordLogin(a.id, now());
        if (passwords.isOutdated(a.passwordHash)) {
            accounts.replaceHash(a.id, passwords.hash(password));
        }
    }

    /** Creates the {@value #FIRST_ADMIN} account when there is no account at all, and says whether it did. */
    @Transactional
    boolean createFirstAdmin(String password) {
        if (accounts.count() > 0) {
            return false;
        }
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.username = FIRST_ADMIN;
        a.displayName = "Administrator";
        a.role = AccountRole.admin;
        a.active = true;
        a.passwordHash = passwords.hash(password);
        a.createdAt = now();
        a.updatedAt = a.createdAt;
        accounts.persist(a);
        accounts.flush();
        return true;
    }

    // ---- rules ----

    private void apply(Account a, UserWrite w) {
        String username = w.username().toLowerCase(Locale.ROOT);
        String emailKey = emailKey(w.email());
        checkUnique(username, emailKey, a.id);
        boolean active = w.active() == null || w.active();
        keepAnAdmin(a, w.role() == AccountRole.admin && active);
        if (w.role() != a.role || active != a.active) {
            // Tokens carry the role they were issued for; a changed role or a deactivation voids them.
            a.tokenVersion++;
        }
        a.username = username;
        a.displayName = w.displayName().strip();
        a.email = Text.blankToNull(w.email());
        a.emailKey = emailKey;
        a.role = w.role();
        a.active = active;
        a.updatedAt = now();
        accounts.flush();
    }

    private void setPassword(Account a, String password, String field) {
        if (password.equalsIgnoreCase(a.username)) {
            throw ApiException.invalid(field, "must not be the username");
        }
        a.passwordHash = passwords.hash(password);
        a.tokenVersion++;
        a.updatedAt = now();
    }

    /** Refuses a change that would leave no active admin. Callers hold the admins' locks (see {@link #lockMatching}). */
    private void keepAnAdmin(Account a, boolean staysActiveAdmin) {
        if (a.role != AccountRole.admin || !a.active || staysActiveAdmin) {
            return;
        }
        long others = accounts.lockActiveAdmins().stream()
                .filter(other -> !other.id.equals(a.id))
                .count();
        if (others == 0) {
            throw ApiException.conflict(
                    "User " + a.username + " is the last active admin. Make another account admin first.");
        }
    }

    /**
     * Locks the account for a change, after locking every active admin when it is one: both requests that each
     * demote one of the last two admins then queue on the same locks, in the same order, and the second sees that
     * only one admin is left.
     */
    private Account lockMatching(UUID id, String ifMatch) {
        Account peek = find(id);
        if (peek.role == AccountRole.admin && peek.active) {
            accounts.lockActiveAdmins();
        }
        Account a = accounts.findForUpdate(id).orElseThrow(() -> ApiException.notFound("User", id));
        representations.requireMatch(ifMatch, () -> view(a));
        return a;
    }

    private void checkUnique(String username, String emailKey, UUID exceptId) {
        if (accounts.usernameTaken(username, exceptId)) {
            throw ApiException.conflict("The username '" + username + "' is already taken.");
        }
        if (emailKey != null && accounts.emailTaken(emailKey, exceptId)) {
            throw ApiException.conflict("Another account already uses this email address.");
        }
    }

    private Account find(UUID id) {
        return accounts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("User", id));
    }

    private static UUID ownAccount(Caller caller) {
        if (!caller.isAccount()) {
            throw ApiException.forbidden("API tokens have no account of their own. Sign in as a user.");
        }
        return caller.accountId();
    }

    static UserView view(Account a) {
        return new UserView(
                a.id, a.username, a.displayName, a.email, a.role, a.active, a.createdAt, a.updatedAt, a.lastLoginAt);
    }

    private static UserWrite toWrite(Account a) {
        return new UserWrite(a.username, a.displayName, a.email, a.role, a.active);
    }

    private static String emailKey(String email) {
        String e = Text.blankToNull(email);
        return e == null ? null : e.toLowerCase(Locale.ROOT);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

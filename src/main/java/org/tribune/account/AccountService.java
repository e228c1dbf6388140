package org.tribune.account;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.MergePatcher;
import org.tribune.common.Text;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SortOrder;
import org.tribune.persistence.Sortable;
import org.tribune.persistence.Writes;
import org.tribune.security.Caller;

@ApplicationScoped
public class AccountService {

    /** Its name in the change log. */
    public static final String RESOURCE_TYPE = "user";

    /** The keys the list sorts on, declared once: the OpenAPI pattern, the validation and the columns follow. */
    public static final String SORT_KEYS = "username|createdAt|lastLoginAt";

    public static final String SORT_PATTERN = "^-?(" + SORT_KEYS + ")(,-?(" + SORT_KEYS + "))*$";
    public static final String DEFAULT_SORT = "username";
    public static final Sortable SORTING = Sortable.of(SORT_KEYS, DEFAULT_SORT).withNullable("lastLoginAt");
    public static final String FIRST_ADMIN = "admin";

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Writes writes;
    private final Clock clock;
    private final MergePatcher patcher;
    private final Instance<AccountUsage> usages;
    private final ApiTokenService apiTokens;
    private final ResourceType<Account, UserView> type;

    public AccountService(
            AccountRepository accounts,
            Passwords passwords,
            Writes writes,
            Clock clock,
            MergePatcher patcher,
            Instance<AccountUsage> usages,
            ApiTokenService apiTokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.writes = writes;
        this.clock = clock;
        this.patcher = patcher;
        this.usages = usages;
        this.apiTokens = apiTokens;
        this.type = ResourceType.of(RESOURCE_TYPE, "User", Account.class, accounts, AccountService::view)
                .showing(AccountService::ref);
    }

    public PageResponse<UserView> list(UserFilter filter, SortOrder sort, PageRequest page) {
        AccountRepository.Listing listing = accounts.list(filter, sort, page);
        return PageResponse.of(
                listing.items().stream().map(AccountService::view).toList(), page, listing.total(), listing.next());
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
                .collect(Collectors.toMap(a -> a.id, AccountService::ref, (a, b) -> a, LinkedHashMap::new));
    }

    private static AccountRef ref(Account a) {
        return new AccountRef(a.id, a.displayName);
    }

    @Transactional
    public UserView create(UserCreate w) {
        return writes.create(type, new Account(), a -> {
            String username = w.username().toLowerCase(Locale.ROOT);
            String emailKey = emailKey(w.email());
            checkUnique(username, emailKey, null);
            if (w.password().equalsIgnoreCase(username)) {
                throw ApiException.invalid("password", "must not be the username");
            }
            a.username = username;
            a.displayName = w.displayName().strip();
            a.email = Text.blankToNull(w.email());
            a.emailKey = emailKey;
            a.role = w.role();
            a.active = w.active() == null || w.active();
            a.passwordHash = passwords.hash(w.password());
        });
    }

    @Transactional
    public UserView replace(UUID id, UserWrite write, Precondition precondition) {
        return writes.update(lockingAdmins(id), id, precondition, a -> apply(a, write));
    }

    @Transactional
    public UserView patch(UUID id, JsonNode patch, Precondition precondition) {
        return writes.update(
                lockingAdmins(id), id, precondition, a -> apply(a, patcher.apply(toWrite(a), patch, UserWrite.class)));
    }

    @Transactional
    public UserView patchMe(Caller caller, JsonNode patch, Precondition precondition) {
        UUID id = ownAccount(caller);
        return writes.update(lockingAdmins(id), id, precondition, a -> {
            ProfileWrite w = patcher.apply(new ProfileWrite(a.displayName, a.email), patch, ProfileWrite.class);
            apply(a, new UserWrite(a.username, w.displayName(), w.email(), a.role, a.active));
        });
    }

    /**
     * Deletes an account. Content it wrote would lose its author, so that needs {@code reassignTo}; deactivating
     * the account is the usual alternative. The API tokens it created go with it.
     */
    @Transactional
    public void delete(UUID id, UUID reassignTo, Precondition precondition) {
        writes.delete(lockingAdmins(id), id, precondition, a -> {
            if (reassignTo != null) {
                if (reassignTo.equals(id)
                        || accounts.findByIdOptional(reassignTo).isEmpty()) {
                    throw ApiException.invalid("reassignTo", "must be the id of another existing account");
                }
            }
            keepAnAdmin(a, false);
            long authored =
                    usages.stream().mapToLong(u -> u.countAuthoredBy(id)).sum();
            if (authored > 0 && reassignTo == null) {
                throw ApiException.conflict(
                        "User " + a.username + " is the author of " + authored
                                + " items. Deactivate the account instead, or pass reassignTo=<account id> to give them to someone else.");
            }
            if (reassignTo != null) {
                usages.forEach(u -> u.reassign(id, reassignTo));
            }
            apiTokens.revokeAllOf(id);
        });
    }

    /** An admin sets a new password for someone, for instance one who forgot theirs. Their tokens stop working. */
    @Transactional
    public void resetPassword(UUID id, PasswordReset reset) {
        writes.update(type, id, Precondition.UNCONDITIONAL, a -> setPassword(a, reset.newPassword(), "newPassword"));
    }

    /**
     * A user changes their own password, proving they know the current one. Every access token issued before,
     * including the one that made this request, stops working: a stolen session does not outlive the change.
     */
    @Transactional
    public boolean changeOwnPassword(Caller caller, PasswordChange change) {
        UUID id = ownAccount(caller);
        if (!passwords.matches(change.currentPassword(), find(id).passwordHash)) {
            return false;
        }
        writes.update(type, id, Precondition.UNCONDITIONAL, a -> setPassword(a, change.newPassword(), "newPassword"));
        return true;
    }

    // ---- for signing in ----

    Optional<Account> findForSignIn(String username) {
        return accounts.findByUsername(username.toLowerCase(Locale.ROOT));
    }

    @Transactional
    void recordSignIn(Account a, String password) {
        accounts.recordLogin(a.id, clock.now());
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
        writes.create(type, new Account(), a -> {
            a.username = FIRST_ADMIN;
            a.displayName = "Administrator";
            a.role = AccountRole.admin;
            a.active = true;
            a.passwordHash = passwords.hash(password);
        });
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
    }

    private void setPassword(Account a, String password, String field) {
        if (password.equalsIgnoreCase(a.username)) {
            throw ApiException.invalid(field, "must not be the username");
        }
        a.passwordHash = passwords.hash(password);
        a.tokenVersion++;
    }

    /** Refuses a change that would leave no active admin. Callers hold the admins' locks (see {@link #lockingAdmins}). */
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
     * The account type for a change of {@code id}, which first locks every active admin when it is one: both
     * requests that each demote one of the last two admins then queue on the same locks, in the same order, and the
     * second sees that only one admin is left.
     */
    private ResourceType<Account, UserView> lockingAdmins(UUID id) {
        Account peek = find(id);
        if (peek.role == AccountRole.admin && peek.active) {
            accounts.lockActiveAdmins();
        }
        return type;
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
}

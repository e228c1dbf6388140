package org.tribune.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.NotAChange;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.SortOrder;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public boolean usernameTaken(String username, UUID exceptId) {
        return count(
                        "username = :u and id <> :id",
                        Parameters.with("u", username).and("id", orNil(exceptId)))
                > 0;
    }

    public boolean emailTaken(String emailKey, UUID exceptId) {
        return count(
                        "emailKey = :e and id <> :id",
                        Parameters.with("e", emailKey).and("id", orNil(exceptId)))
                > 0;
    }

    /**
     * Locks every active admin, always in the same order, so that two requests that each remove an admin cannot
     * both see another admin left, and cannot deadlock each other.
     */
    public List<Account> lockActiveAdmins() {
        return find("role = ?1 and active = true order by id", AccountRole.admin)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<Account> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    @NotAChange("signing in is not editing the account, and must never conflict with an admin who is")
    public void recordLogin(UUID id, Instant at) {
        update("lastLoginAt = ?1 where id = ?2", at, id);
    }

    @NotAChange("a stronger hash of the same password changes nothing the account's owner or an admin set")
    public void replaceHash(UUID id, String hash) {
        update("passwordHash = ?1 where id = ?2", hash, id);
    }

    public record Listing(List<Account> items, long total, String next) {}

    public static final Map<String, String> SORT_PATHS = AccountService.SORTING.paths(
            Map.of("username", "username", "createdAt", "createdAt", "lastLoginAt", "lastLoginAt"));

    public Listing list(UserFilter filter, SortOrder sort, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.role() != null) {
            where.append(" and role = :role");
            params.and("role", filter.role());
        }
        if (filter.active() != null) {
            where.append(" and active = :active");
            params.and("active", filter.active());
        }
        long total = count(where.toString(), params);
        PageRequest.Slice<Account> slice =
                Keyset.page(this, "from Account where " + where, params, sort, SORT_PATHS, "id", page);
        return new Listing(slice.items(), total, slice.next());
    }

    private static UUID orNil(UUID id) {
        return id == null ? new UUID(0, 0) : id;
    }
}

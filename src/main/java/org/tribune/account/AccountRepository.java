package org.tribune.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findForUpdate(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Account.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

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

    /** A plain update, so that signing in never conflicts with an admin editing the account. */
    public void recordLogin(UUID id, Instant at) {
        update("lastLoginAt = ?1 where id = ?2", at, id);
    }

    public void replaceHash(UUID id, String hash) {
        update("passwordHash = ?1 where id = ?2", hash, id);
    }

    private static UUID orNil(UUID id) {
        return id == null ? new UUID(0, 0) : id;
    }
}

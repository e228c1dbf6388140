package org.tribune.security;

import java.util.UUID;

/**
 * Who sent the request, as services need to know it.
 *
 * @param accountId the signed-in account, or for an API token the admin who created it (and who answers for what
 *                  it writes); null when anonymous
 * @param role      one of {@link Roles}, or null when anonymous
 * @param apiTokenId the API token used, or null when the caller signed in with a password
 */
public record Caller(UUID accountId, String role, UUID apiTokenId) {

    public static final Caller ANONYMOUS = new Caller(null, null, null);

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean isEditorOrAdmin() {
        return Roles.EDITOR.equals(role) || Roles.ADMIN.equals(role);
    }

    /** Editors and admins change anything; authors only what they own (wrote or uploaded). */
    public boolean mayChange(UUID ownerId) {
        return isEditorOrAdmin() || (Roles.AUTHOR.equals(role) && ownerId != null && ownerId.equals(accountId));
    }

    /** An account signed in with its own password, as opposed to an API token acting for one. */
    public boolean isAccount() {
        return accountId != null && apiTokenId == null;
    }
}

package org.tribune.account;

/** The roles an account can have. The constants are the wire values and the names in {@link org.tribune.security.Roles}. */
public enum AccountRole {
    author,
    editor,
    admin
}

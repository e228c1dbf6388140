package org.tribune.account;

/** The roles an API token can have. The constants are the wire values and the names in {@link org.tribune.security.Roles}. */
public enum ApiTokenRole {
    reader,
    editor
}

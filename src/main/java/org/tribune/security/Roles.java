package org.tribune.security;

/**
 * The roles a caller can hold. Each caller holds exactly one, and endpoints list every role they admit, so the
 * OpenAPI spec can show them as they are: an admin is not silently an editor.
 */
public final class Roles {

    /** API tokens only: may read what signed-in users read (drafts, once they exist), and write nothing. */
    public static final String READER = "reader";

    public static final String AUTHOR = "author";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {}
}

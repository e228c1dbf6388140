package org.tribune.security;

/** The RFC 6750 challenges Tribune sends with a 401. */
public final class Bearer {

    public static final String CHALLENGE = "Bearer realm=\"tribune\"";
    public static final String INVALID_TOKEN = CHALLENGE + ", error=\"invalid_token\"";

    private Bearer() {}
}

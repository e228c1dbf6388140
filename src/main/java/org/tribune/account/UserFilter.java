package org.tribune.account;

/** The filters of the user list; null means any. */
public record UserFilter(AccountRole role, Boolean active) {}

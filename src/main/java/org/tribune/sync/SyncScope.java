package org.tribune.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whose view of the content the changes feed follows. */
public enum SyncScope {
    /** What anyone may read: published posts whose time has come, and everything public. */
    PUBLIC,
    /** Also drafts and scheduled posts, as a signed-in caller or a reader token reads them (a preview server). */
    ALL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.tribune.sync;

/** What a client applies: keep this version of the resource, or drop it. The constants are the wire values. */
public enum ChangeKind {
    upsert,
    remove
}

package org.tribune.persistence;

/** What a write did to a resource, as the change log records it. The names are the stored values. */
public enum ChangeAction {
    created,
    updated,
    trashed,
    restored,
    deleted,
    published,
    unpublished
}

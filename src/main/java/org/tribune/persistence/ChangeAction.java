package org.tribune.persistence;

/** What a write did to a resource, as the change log records it. The names are the stored values. */
public enum ChangeAction {
    created,
    updated,
    trashed,
    restored,
    deleted,
    published,
    unpublished,
    /**
     * The resource itself was not written, but its representation shows something that was (a post's category was
     * renamed, a category's count of public posts moved): it has no new version.
     */
    embedded
}

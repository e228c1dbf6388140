package org.tribune.persistence;

/**
 * A restored backup replaced the content, on this instance's database: what is derived from it and kept elsewhere
 * (search documents) is rebuilt. Fired once the restore has committed.
 */
public record ContentRestored() {}

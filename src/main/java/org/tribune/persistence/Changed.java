package org.tribune.persistence;

import java.util.UUID;

/**
 * A write changed what other representations show of a resource (its footprint, {@link ResourceType#showing}).
 * {@link Writes} fires it inside the write's transaction, so that each feature whose representations embed or count
 * the resource records them as changed too ({@link ChangeLog#recordEmbedded}), in the same transaction.
 *
 * @param type the resource's name in the change log
 * @param before its footprint before the write; null when the write created it
 * @param after its footprint after the write; null when the write deleted it
 */
public record Changed(String type, UUID id, Object before, Object after) {

    public boolean is(String resourceType) {
        return type.equals(resourceType);
    }

    /** Neither created nor deleted: what showed the resource before still shows it. */
    public boolean isUpdate() {
        return before != null && after != null;
    }

    public <F> F before(Class<F> footprint) {
        return footprint.cast(before);
    }

    public <F> F after(Class<F> footprint) {
        return footprint.cast(after);
    }
}

package org.tribune.persistence;

/**
 * What a read by slug found: the item, or the slug it has now when the one asked for is in its history.
 *
 * @param found the item's representation; null when it moved
 * @param movedTo its current slug, when the one asked for is an old one; null otherwise
 */
public record BySlug<V>(V found, String movedTo) {

    public static <V> BySlug<V> of(V found) {
        return new BySlug<>(found, null);
    }

    public static <V> BySlug<V> moved(String currentSlug) {
        return new BySlug<>(null, currentSlug);
    }
}

package org.tribune.media;

/**
 * One stored file of a media item, as a feed or a sitemap names it.
 *
 * @param url root-relative unless {@code tribune.public-url} is set
 * @param width null for documents
 */
public record MediaFile(String url, String mimeType, long sizeBytes, Integer width, Integer height) {}

package org.tribune.feed;

/** The feed formats, as they are served, and as ROME names the XML ones. */
public enum FeedFormat {
    rss("rss_2.0", "application/rss+xml"),
    atom("atom_1.0", "application/atom+xml"),
    json(null, "application/feed+json");

    private final String romeType;
    private final String mediaType;

    FeedFormat(String romeType, String mediaType) {
        this.romeType = romeType;
        this.mediaType = mediaType;
    }

    String romeType() {
        return romeType;
    }

    public String mediaType() {
        return mediaType;
    }
}

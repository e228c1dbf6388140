package org.tribune.site;

import java.time.Instant;

/** A public page, as the sitemap lists it: its permalink and when what it shows last changed. */
public record PageLink(String url, Instant lastModified) {}

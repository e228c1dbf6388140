package org.tribune.web;

/** A route that takes bodies larger than the default limit, such as a backup archive; a feature declares it as a bean. */
public interface LargeBodyRoute {

    /** The exact request path. */
    String path();

    long maxBodySize();
}

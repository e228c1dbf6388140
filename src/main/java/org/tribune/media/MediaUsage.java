package org.tribune.media;

import java.util.List;
import java.util.UUID;

/** What media need to know about the content that shows them. Features that embed media implement it. */
public interface MediaUsage {

    /** A short description of each item that uses the media, such as a post's title and id. */
    List<String> usedBy(UUID mediaId);

    /** Removes the media from every item that uses it, and returns how many items changed. */
    int detachAll(UUID mediaId);
}

package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.SyncSource;

/** Media in the changes feed: every item of the library is public. */
@ApplicationScoped
class MediaSync implements SyncSource {

    private final MediaRepository media;
    private final MediaService service;

    MediaSync(MediaRepository media, MediaService service) {
        this.media = media;
        this.service = service;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(MediaService.RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        List<Media> found = ids.isEmpty() ? List.of() : media.list("id in ?1", ids);
        return SyncSource.of(found, withRepresentation, m -> service.get(m.id));
    }
}

package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tribune.account.AccountService;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.Changed;

/** Records as changed the media that show a renamed uploader. */
@ApplicationScoped
class MediaDependents {

    private final MediaRepository media;
    private final ChangeLog log;

    MediaDependents(MediaRepository media, ChangeLog log) {
        this.media = media;
        this.log = log;
    }

    void record(@Observes Changed change) {
        if (change.isUpdate() && change.is(AccountService.RESOURCE_TYPE)) {
            media.uploadedBy(change.id()).forEach(id -> log.recordEmbedded(MediaService.RESOURCE_TYPE, id));
        }
    }
}

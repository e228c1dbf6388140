package org.tribune.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tribune.media.MediaService;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.Changed;

/** Records the settings as changed when their default image is edited (its alt text, its crop). */
@ApplicationScoped
class SiteDependents {

    private final SiteSettingsRepository settings;
    private final ChangeLog log;

    SiteDependents(SiteSettingsRepository settings, ChangeLog log) {
        this.settings = settings;
        this.log = log;
    }

    void record(@Observes Changed change) {
        if (change.isUpdate()
                && change.is(MediaService.RESOURCE_TYPE)
                && change.id().equals(settings.current().defaultImageId)) {
            log.recordEmbedded(SiteService.RESOURCE_TYPE, SiteSettings.ID);
        }
    }
}

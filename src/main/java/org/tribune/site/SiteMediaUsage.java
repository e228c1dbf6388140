package org.tribune.site;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.tribune.media.MediaUsage;

/** The site's default sharing image: deleting it names the settings, and force clears them. */
@ApplicationScoped
class SiteMediaUsage implements MediaUsage {

    private final SiteSettingsRepository settings;
    private final SiteService service;

    SiteMediaUsage(SiteSettingsRepository settings, SiteService service) {
        this.settings = settings;
        this.service = service;
    }

    @Override
    public List<String> usedBy(UUID mediaId) {
        return mediaId.equals(settings.current().defaultImageId)
                ? List.of("the site settings' default image")
                : List.of();
    }

    @Override
    public int detachAll(UUID mediaId) {
        return service.detachImage(mediaId);
    }
}

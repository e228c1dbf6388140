package org.tribune.honor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tribune.media.MediaUsage;

/** Portraits of honorary citizens and photos of awards: media deletion names them, and force clears them. */
@ApplicationScoped
public class HonorMediaUsage implements MediaUsage {

    private final HonoraryCitizenRepository citizens;
    private final AwardRepository awards;
    private final HonoraryCitizenService citizenService;
    private final AwardService awardService;

    public HonorMediaUsage(
            HonoraryCitizenRepository citizens,
            AwardRepository awards,
            HonoraryCitizenService citizenService,
            AwardService awardService) {
        this.citizens = citizens;
        this.awards = awards;
        this.citizenService = citizenService;
        this.awardService = awardService;
    }

    @Override
    public List<String> usedBy(UUID mediaId) {
        List<String> users = new ArrayList<>();
        citizens.list("portraitId", mediaId)
                .forEach(c -> users.add("honorary citizen '" + c.name + "' (" + c.id + ")"));
        awards.list("photoId", mediaId).forEach(a -> users.add("award to '" + a.recipientName + "' (" + a.id + ")"));
        citizens.list("seo.image", mediaId)
                .forEach(c -> users.add("honorary citizen '" + c.name + "', when shared (" + c.id + ")"));
        awards.list("seo.image", mediaId)
                .forEach(a -> users.add("award to '" + a.recipientName + "', when shared (" + a.id + ")"));
        return users;
    }

    @Override
    public int detachAll(UUID mediaId) {
        return citizenService.detachPortrait(mediaId) + awardService.detachPhoto(mediaId);
    }
}

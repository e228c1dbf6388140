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

    public HonorMediaUsage(HonoraryCitizenRepository citizens, AwardRepository awards) {
        this.citizens = citizens;
        this.awards = awards;
    }

    @Override
    public List<String> usedBy(UUID mediaId) {
        List<String> users = new ArrayList<>();
        citizens.list("portraitId", mediaId)
                .forEach(c -> users.add("honorary citizen '" + c.name + "' (" + c.id + ")"));
        awards.list("photoId", mediaId).forEach(a -> users.add("award to '" + a.recipientName + "' (" + a.id + ")"));
        return users;
    }

    @Override
    public int detachAll(UUID mediaId) {
        int changed = 0;
        for (HonoraryCitizen c : citizens.list("portraitId", mediaId)) {
            c.portraitId = null;
            c.updatedAt = HonoraryCitizenService.now();
            changed++;
        }
        for (Award a : awards.list("photoId", mediaId)) {
            a.photoId = null;
            a.updatedAt = HonoraryCitizenService.now();
            changed++;
        }
        citizens.flush();
        return changed;
    }
}

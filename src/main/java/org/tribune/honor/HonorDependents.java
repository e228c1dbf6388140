package org.tribune.honor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Objects;
import java.util.stream.Stream;
import org.tribune.media.MediaService;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.Changed;
import org.tribune.site.PermalinkKind;
import org.tribune.site.SiteFootprint;
import org.tribune.site.SiteService;

/**
 * Records as changed the honorary citizens and awards that show a changed photo, the awards that show a renamed
 * prize, and the prizes whose count of awards moves.
 */
@ApplicationScoped
class HonorDependents {

    private final HonoraryCitizenRepository citizens;
    private final AwardRepository awards;
    private final PrizeRepository prizes;
    private final ChangeLog log;

    HonorDependents(HonoraryCitizenRepository citizens, AwardRepository awards, PrizeRepository prizes, ChangeLog log) {
        this.citizens = citizens;
        this.awards = awards;
        this.prizes = prizes;
        this.log = log;
    }

    void record(@Observes Changed change) {
        if (change.is(AwardService.RESOURCE_TYPE)) {
            AwardRef before = change.before(AwardRef.class);
            AwardRef after = change.after(AwardRef.class);
            Stream.of(before, after)
                    .filter(Objects::nonNull)
                    .map(a -> a.prize().id())
                    .distinct()
                    .filter(prize -> before == null
                            || after == null
                            || !before.prize().id().equals(after.prize().id()))
                    .forEach(prize -> log.recordEmbedded(PrizeService.RESOURCE_TYPE, prize));
        } else if (!change.isUpdate()) {
            // A deleted photo or prize is taken out of each record by a write of that record.
            return;
        } else if (change.is(SiteService.RESOURCE_TYPE)) {
            SiteFootprint before = change.before(SiteFootprint.class);
            SiteFootprint after = change.after(SiteFootprint.class);
            if (SiteFootprint.moves(before, after, PermalinkKind.honoraryCitizen)) {
                citizens.allIds().forEach(id -> log.recordEmbedded(HonoraryCitizenService.RESOURCE_TYPE, id));
            }
            if (SiteFootprint.moves(before, after, PermalinkKind.award)) {
                awards.allIds().forEach(id -> log.recordEmbedded(AwardService.RESOURCE_TYPE, id));
            }
            if (SiteFootprint.moves(before, after, PermalinkKind.prize)) {
                prizes.allIds().forEach(id -> log.recordEmbedded(PrizeService.RESOURCE_TYPE, id));
            }
        } else if (change.is(MediaService.RESOURCE_TYPE)) {
            citizens.list("portraitId = ?1 or seo.image = ?1", change.id())
                    .forEach(c -> log.recordEmbedded(HonoraryCitizenService.RESOURCE_TYPE, c.id));
            awards.list("photoId = ?1 or seo.image = ?1", change.id())
                    .forEach(a -> log.recordEmbedded(AwardService.RESOURCE_TYPE, a.id));
        } else if (change.is(PrizeService.RESOURCE_TYPE)) {
            awards.list("prizeId", change.id()).forEach(a -> log.recordEmbedded(AwardService.RESOURCE_TYPE, a.id));
        }
    }
}

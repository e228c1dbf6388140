package org.tribune.honor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.SyncSource;

/** Honorary citizens, prizes and awards in the changes feed: every one is public. */
@ApplicationScoped
class HonorSync implements SyncSource {

    private final HonoraryCitizenRepository citizens;
    private final PrizeRepository prizes;
    private final AwardRepository awards;
    private final HonoraryCitizenService citizenService;
    private final PrizeService prizeService;
    private final AwardService awardService;

    HonorSync(
            HonoraryCitizenRepository citizens,
            PrizeRepository prizes,
            AwardRepository awards,
            HonoraryCitizenService citizenService,
            PrizeService prizeService,
            AwardService awardService) {
        this.citizens = citizens;
        this.prizes = prizes;
        this.awards = awards;
        this.citizenService = citizenService;
        this.prizeService = prizeService;
        this.awardService = awardService;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(HonoraryCitizenService.RESOURCE_TYPE, PrizeService.RESOURCE_TYPE, AwardService.RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        return switch (resourceType) {
            case HonoraryCitizenService.RESOURCE_TYPE ->
                SyncSource.of(citizens.byIds(ids), withRepresentation, c -> citizenService.get(c.id));
            case PrizeService.RESOURCE_TYPE ->
                SyncSource.of(prizes.byIds(ids), withRepresentation, p -> prizeService.get(p.id));
            case AwardService.RESOURCE_TYPE ->
                SyncSource.of(awards.byIds(ids), withRepresentation, a -> awardService.get(a.id));
            default -> throw new IllegalArgumentException("Not an honor: " + resourceType);
        };
    }
}

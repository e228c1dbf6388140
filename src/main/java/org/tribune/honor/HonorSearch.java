package org.tribune.honor;

import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tribune.common.Html;
import org.tribune.common.Text;
import org.tribune.fulltext.EntitySearchSource;
import org.tribune.fulltext.SearchDocument;

/** How honorary citizens, prizes and awards are searched: by name first, then description, then the rest. */
final class HonorSearch {

    private HonorSearch() {}

    private static String joined(String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" — "));
    }

    @Singleton
    static class Citizens extends EntitySearchSource<HonoraryCitizen> {

        Citizens(HonoraryCitizenRepository citizens) {
            super(
                    HonoraryCitizenService.RESOURCE_TYPE,
                    HonoraryCitizen.class,
                    citizens,
                    c -> SearchDocument.of(
                            HonoraryCitizenService.RESOURCE_TYPE,
                            c.id,
                            c.slug,
                            c.name,
                            c.description,
                            joined(Html.text(c.citation), c.situation),
                            c.conferredOn == null ? null : c.conferredOn.getYear(),
                            c.updatedAt,
                            c.sortName));
        }
    }

    @Singleton
    static class Prizes extends EntitySearchSource<Prize> {

        Prizes(PrizeRepository prizes) {
            super(
                    PrizeService.RESOURCE_TYPE,
                    Prize.class,
                    prizes,
                    p -> SearchDocument.of(
                            PrizeService.RESOURCE_TYPE,
                            p.id,
                            p.slug,
                            p.name,
                            p.description,
                            "",
                            null,
                            p.updatedAt,
                            Text.fold(p.name)));
        }
    }

    @Singleton
    static class Awards extends EntitySearchSource<Award> {

        Awards(AwardRepository awards) {
            super(
                    AwardService.RESOURCE_TYPE,
                    Award.class,
                    awards,
                    a -> SearchDocument.of(
                            AwardService.RESOURCE_TYPE,
                            a.id,
                            null,
                            a.recipientName,
                            joined(a.category, a.recipientDescription),
                            Html.text(a.citation),
                            a.year,
                            a.updatedAt,
                            Text.fold(a.recipientName)));
        }
    }
}

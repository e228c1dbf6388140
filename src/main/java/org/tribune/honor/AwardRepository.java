package org.tribune.honor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.SortOrder;

@ApplicationScoped
public class AwardRepository implements PanacheRepositoryBase<Award, UUID> {

    static final Map<String, String> SORT_PATHS = AwardService.SORTING.paths(Map.of(
            "year",
            "year",
            "category",
            "categoryOrder",
            "distinction",
            "distinctionRank",
            "recipientName",
            "recipientName"));

    record Listing(List<Award> items, long total, String next) {}

    record Filter(
            UUID prizeId,
            Integer year,
            String category,
            Distinction distinction,
            String country,
            Set<UUID> matching,
            Instant updatedAfter) {}

    Listing list(Filter f, SortOrder sort, PageRequest page) {
        Parameters params = new Parameters();
        String where = where(f, params);
        long total = count(where, params);
        PageRequest.Slice<Award> slice =
                Keyset.page(this, "from Award where " + where, params, sort, SORT_PATHS, "id", page);
        return new Listing(slice.items(), total, slice.next());
    }

    /** The ids of the filter's matches that its other conditions let through. */
    Set<UUID> passing(Filter f) {
        Parameters params = new Parameters();
        String where = where(f, params);
        return Set.copyOf(find("select id from Award where " + where, params)
                .project(UUID.class)
                .list());
    }

    private static String where(Filter f, Parameters params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (f.prizeId() != null) {
            where.append(" and prizeId = :prize");
            params.and("prize", f.prizeId());
        }
        if (f.year() != null) {
            where.append(" and year = :year");
            params.and("year", f.year());
        }
        if (f.category() != null) {
            where.append(" and sortCategory = :category");
            params.and("category", f.category());
        }
        if (f.distinction() != null) {
            where.append(" and distinction = :distinction");
            params.and("distinction", f.distinction());
        }
        if (f.country() != null) {
            where.append(" and country = :country");
            params.and("country", f.country());
        }
        if (f.updatedAfter() != null) {
            where.append(" and updatedAt > :updatedAfter");
            params.and("updatedAfter", f.updatedAfter());
        }
        if (f.matching() != null) {
            where.append(f.matching().isEmpty() ? " and 1 = 0" : " and id in :matching");
            if (!f.matching().isEmpty()) {
                params.and("matching", f.matching());
            }
        }
        return where.toString();
    }

    List<Award> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    long countByPrize(UUID prizeId) {
        return count("prizeId", prizeId);
    }

    /**
     * Sets where each award of the prize sorts ({@link PrizeService#categoryOrder}), after its list of categories
     * changed: a derived key, so the awards' versions and representations stay as they are.
     */
    void reorder(UUID prizeId, List<String> foldedCategories) {
        StringBuilder order = new StringBuilder("CASE sort_category");
        for (int i = 0; i < foldedCategories.size(); i++) {
            String listed = PrizeService.categoryOrder(foldedCategories, foldedCategories.get(i));
            order.append(" WHEN ?")
                    .append(i + 2)
                    .append(" THEN '")
                    .append(listed)
                    .append("'");
        }
        String unlisted = PrizeService.categoryOrder(List.of(), "");
        order.append(" ELSE '").append(unlisted).append("' || sort_category END");
        var update = getEntityManager()
                .createNativeQuery("UPDATE award SET category_order = " + order + " WHERE prize_id = ?1")
                .setParameter(1, prizeId);
        for (int i = 0; i < foldedCategories.size(); i++) {
            update.setParameter(i + 2, foldedCategories.get(i));
        }
        update.executeUpdate();
    }

    List<UUID> allIds() {
        return getEntityManager()
                .createQuery("select e.id from Award e", UUID.class)
                .getResultList();
    }
}

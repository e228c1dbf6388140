package org.tribune.honor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.SortOrder;

@ApplicationScoped
public class HonoraryCitizenRepository implements PanacheRepositoryBase<HonoraryCitizen, UUID> {

    static final Map<String, String> SORT_PATHS =
            HonoraryCitizenService.SORTING.paths(Map.of("conferredOn", "conferredOn", "name", "sortName"));

    record Listing(List<HonoraryCitizen> items, long total, String next) {}

    Optional<HonoraryCitizen> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    boolean slugTaken(String slug, UUID exceptId) {
        return count(
                        "slug = :s and id <> :id",
                        Parameters.with("s", slug).and("id", exceptId == null ? new UUID(0, 0) : exceptId))
                > 0;
    }

    /** @param matching the ids a query matched; null when there is no query */
    Listing list(HonoraryCitizenQuery query, Set<UUID> matching, SortOrder sort, PageRequest page) {
        Parameters params = new Parameters();
        String where = where(query, matching, params);
        long total = count(where, params);
        PageRequest.Slice<HonoraryCitizen> slice =
                Keyset.page(this, "from HonoraryCitizen where " + where, params, sort, SORT_PATHS, "id", page);
        return new Listing(slice.items(), total, slice.next());
    }

    /** The ids of {@code matching} that the other filters let through. */
    Set<UUID> passing(HonoraryCitizenQuery query, Set<UUID> matching) {
        Parameters params = new Parameters();
        String where = where(query, matching, params);
        return Set.copyOf(find("select id from HonoraryCitizen where " + where, params)
                .project(UUID.class)
                .list());
    }

    private static String where(HonoraryCitizenQuery query, Set<UUID> matching, Parameters params) {
        Integer year = query.year();
        String country = query.country();
        StringBuilder where = new StringBuilder("1 = 1");
        if (year != null) {
            where.append(" and conferredOn >= :from and conferredOn < :to");
            params.and("from", LocalDate.of(year, 1, 1)).and("to", LocalDate.of(year + 1, 1, 1));
        }
        if (country != null) {
            where.append(" and country = :country");
            params.and("country", country);
        }
        if (query.updatedAfter() != null) {
            where.append(" and updatedAt > :updatedAfter");
            params.and("updatedAfter", query.updatedAfter());
        }
        if (matching != null) {
            where.append(matching.isEmpty() ? " and 1 = 0" : " and id in :matching");
            if (!matching.isEmpty()) {
                params.and("matching", matching);
            }
        }
        return where.toString();
    }

    List<HonoraryCitizen> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    List<HonoraryCitizen> bySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    List<UUID> allIds() {
        return getEntityManager()
                .createQuery("select e.id from HonoraryCitizen e", UUID.class)
                .getResultList();
    }
}

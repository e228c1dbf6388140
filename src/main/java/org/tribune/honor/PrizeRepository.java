package org.tribune.honor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PrizeRepository implements PanacheRepositoryBase<Prize, UUID> {

    Optional<Prize> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    boolean taken(String field, String value, UUID exceptId) {
        return count(
                        field + " = :v and id <> :id",
                        Parameters.with("v", value).and("id", exceptId == null ? new UUID(0, 0) : exceptId))
                > 0;
    }

    List<Prize> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    Map<UUID, Long> awardCounts(Collection<UUID> prizeIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (prizeIds.isEmpty()) {
            return counts;
        }
        getEntityManager()
                .createQuery(
                        "select a.prizeId, count(a) from Award a where a.prizeId in :ids group by a.prizeId",
                        Object[].class)
                .setParameter("ids", prizeIds)
                .getResultList()
                .forEach(r -> counts.put((UUID) r[0], (Long) r[1]));
        return counts;
    }

    List<UUID> allIds() {
        return getEntityManager()
                .createQuery("select e.id from Prize e", UUID.class)
                .getResultList();
    }
}

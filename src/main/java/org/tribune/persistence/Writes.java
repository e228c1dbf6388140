package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.common.Etags;
import org.tribune.common.ProblemType;

/**
 * The one write path of every resource: lock the row, check who may change it and the client's precondition, apply
 * the service's rules (which validate before they change anything), keep a slug it left in the {@link SlugHistory},
 * stamp the time, flush, record the change in the
 * log (and, through {@link Changed}, every representation that shows what changed), and build the answer. Services
 * call it inside their own transaction and keep only their rules.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Writes {

    private final Clock clock;
    private final Etags etags;
    private final ChangeLog log;
    private final IfMatchPolicy ifMatch;
    private final Event<Changed> changes;
    private final SlugHistory slugs;

    public Writes(
            Clock clock, Etags etags, ChangeLog log, IfMatchPolicy ifMatch, Event<Changed> changes, SlugHistory slugs) {
        this.slugs = slugs;
        this.clock = clock;
        this.etags = etags;
        this.log = log;
        this.ifMatch = ifMatch;
        this.changes = changes;
    }

    /** Creates {@code entity}, keeping an id the caller chose (media store their files under it first). */
    public <E extends VersionedEntity, V> V create(ResourceType<E, V> type, E entity, Consumer<E> rules) {
        return create(type, entity, rules, e -> {});
    }

    /** As above, with {@code linked} run once the row exists, for rows of other tables that refer to it. */
    public <E extends VersionedEntity, V> V create(
            ResourceType<E, V> type, E entity, Consumer<E> rules, Consumer<E> linked) {
        if (entity.id == null) {
            entity.id = UUID.randomUUID();
        }
        entity.createdAt = clock.now();
        entity.updatedAt = entity.createdAt;
        rules.accept(entity);
        type.repository().persist(entity);
        type.repository().flush();
        linked.accept(entity);
        log.record(type.name(), entity.id, ChangeAction.created, entity.version);
        announce(type, entity.id, null, type.footprintOf(entity));
        return type.view().apply(entity);
    }

    /** Changes a resource; the rules say what kind of change it was (a post's rules tell publishing apart). */
    public <E extends VersionedEntity, V> V change(
            ResourceType<E, V> type, UUID id, Precondition precondition, Function<E, ChangeAction> rules) {
        E entity = lock(type, id, precondition);
        Object before = type.footprintOf(entity);
        String slugBefore = type.slugOf(entity);
        ChangeAction action = rules.apply(entity);
        String slugAfter = type.slugOf(entity);
        if (slugBefore != null && !slugBefore.equals(slugAfter)) {
            slugs.moved(type.name(), id, slugBefore, slugAfter);
        }
        stamp(type, entity, action, before);
        return type.view().apply(entity);
    }

    public <E extends VersionedEntity, V> V update(
            ResourceType<E, V> type, UUID id, Precondition precondition, Consumer<E> rules) {
        return change(type, id, precondition, e -> {
            rules.accept(e);
            return ChangeAction.updated;
        });
    }

    public <E extends VersionedEntity, V> void delete(
            ResourceType<E, V> type, UUID id, Precondition precondition, Consumer<E> rules) {
        E entity = lock(type, id, precondition);
        Object before = type.footprintOf(entity);
        rules.accept(entity);
        remove(type, entity, before);
    }

    /**
     * A change that follows from another write rather than from a request (a deleted category leaves its posts):
     * the row is locked and the change recorded as any other, with no guard, no precondition and no answer to build.
     */
    public <E extends VersionedEntity, V> void cascade(ResourceType<E, V> type, UUID id, Consumer<E> rules) {
        E entity = type.repository()
                .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound(type.label(), id));
        Object before = type.footprintOf(entity);
        rules.accept(entity);
        stamp(type, entity, ChangeAction.updated, before);
    }

    /** Deletes a row the caller has already locked, as a batch does (the trash purge). */
    public <E extends VersionedEntity, V> void deleteLocked(ResourceType<E, V> type, E entity) {
        remove(type, entity, type.footprintOf(entity));
    }

    private <E extends VersionedEntity, V> void remove(ResourceType<E, V> type, E entity, Object before) {
        if (type.slug() != null) {
            slugs.forget(type.name(), entity.id);
        }
        type.repository().delete(entity);
        type.repository().flush();
        log.record(type.name(), entity.id, ChangeAction.deleted, entity.version);
        announce(type, entity.id, before, null);
    }

    /**
     * Locks a row for a write and checks it may be written: 404 for a row the type does not reach, the type's
     * guard, then If-Match against the current representation, built only when the client sent one.
     */
    public <E extends VersionedEntity, V> E lock(ResourceType<E, V> type, UUID id, Precondition precondition) {
        E entity = type.repository()
                .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(type.writable())
                .orElseThrow(() -> ApiException.notFound(type.label(), id));
        type.guard().accept(entity);
        check(precondition, () -> etags.strong(type.view().apply(entity)));
        return entity;
    }

    private <E extends VersionedEntity, V> void stamp(
            ResourceType<E, V> type, E entity, ChangeAction action, Object before) {
        entity.updatedAt = clock.now();
        type.repository().flush();
        log.record(type.name(), entity.id, action, entity.version);
        announce(type, entity.id, before, type.footprintOf(entity));
    }

    /** Tells the features that show this resource what they show of it changed, so they record that too. */
    private void announce(ResourceType<?, ?> type, UUID id, Object before, Object after) {
        if ((before != null || after != null) && !Objects.equals(before, after)) {
            changes.fire(new Changed(type.name(), id, before, after));
        }
    }

    private void check(Precondition precondition, Supplier<String> currentEtag) {
        if (precondition instanceof Precondition.IfMatch m) {
            if (!m.matches(currentEtag.get())) {
                throw new ApiException(
                        ProblemType.PRECONDITION_FAILED,
                        "The resource has changed since the version named in If-Match."
                                + " Fetch it again, reapply your change and retry.");
            }
        } else if (precondition instanceof Precondition.Absent && ifMatch.required()) {
            throw new ApiException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "This server requires If-Match on every change:"
                            + " send the ETag of the version you are changing, so that no one else's change is lost.");
        }
    }
}

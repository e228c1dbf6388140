package org.tribune.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.tribune.common.ApiException;
import org.tribune.common.Clock;
import org.tribune.persistence.ChangeAction;
import org.tribune.persistence.ChangeEntry;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.SyncSource;
import org.tribune.persistence.VisibilitySchedule;
import org.tribune.persistence.VisibilitySchedule.ResourceKey;
import org.tribune.persistence.VisibilitySchedule.TimedChange;
import org.tribune.security.Caller;
import org.tribune.security.Callers;

/**
 * The changes feed: the change log's entries, and the changes that came by themselves (a scheduled post going public
 * at its time), each told as what it means now for the scope's reader. A client that applies every page, from the
 * start and then from each cursor, holds exactly what a full read of the scope returns.
 *
 * <p>An entry says only that a resource changed; what the client is told is the resource's state when the page is
 * read (readable: {@code upsert}; not: {@code remove}), so that pages read at different times never contradict the
 * present. Entries the log has for resources the feed does not carry (accounts, tokens) are passed over.
 */
@ApplicationScoped
public class ChangesService {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The order the databases give ids in: as unsigned bytes, which Java's own UUID order is not. */
    private static final Comparator<UUID> DATABASE_ORDER = Comparator.<UUID>comparingLong(
                    u -> u.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(u -> u.getLeastSignificantBits() ^ Long.MIN_VALUE);

    private static final Comparator<TimedChange> TIMED_ORDER =
            Comparator.comparing(TimedChange::at).thenComparing(TimedChange::resourceId, DATABASE_ORDER);

    private final ChangeLog log;
    private final Map<String, SyncSource> sources = new HashMap<>();
    private final Instance<VisibilitySchedule> schedules;
    private final Callers callers;
    private final Clock clock;

    public ChangesService(
            ChangeLog log,
            Instance<SyncSource> sources,
            Instance<VisibilitySchedule> schedules,
            Callers callers,
            Clock clock) {
        this.log = log;
        this.schedules = schedules;
        this.callers = callers;
        this.clock = clock;
        sources.forEach(source -> source.resourceTypes().forEach(type -> this.sources.put(type, source)));
    }

    @Transactional
    public ChangePage page(String after, int limit, SyncScope scope, boolean withResources) {
        if (scope == SyncScope.ALL && callers.current().isAnonymous()) {
            throw ApiException.unauthorized("scope=all shows drafts and scheduled posts: send a bearer token,"
                    + " a signed-in account's or a reader API token.");
        }
        Instant now = clock.now();
        ChangeLog.Bounds bounds = log.bounds();
        SyncCursor from = after == null
                ? SyncCursor.start(scope, bounds.epoch(), bounds.compactions(), lastTimedChange(now))
                : SyncCursor.decode(after, scope);
        checkStillValid(from, bounds);

        List<ChangeEntry> entries = log.after(from.seq(), limit);
        boolean entriesCut = entries.size() == limit;
        List<TimedChange> timed = List.of();
        boolean timedCut = false;
        if (!entriesCut) {
            int room = limit - entries.size();
            List<TimedChange> found = timedChanges(from, now, room + 1);
            timedCut = found.size() > room;
            timed = timedCut ? found.subList(0, room) : found;
        }

        // The cursor moves past what the page told, and no further: the same page read again is the same page.
        long seq =
                entries.isEmpty() ? from.seq() : entries.get(entries.size() - 1).seq();
        Instant at = from.at();
        UUID atId = from.atId();
        if (!timed.isEmpty()) {
            TimedChange last = timed.get(timed.size() - 1);
            at = last.at();
            atId = last.resourceId();
        }
        SyncCursor next = new SyncCursor(scope, bounds.epoch(), bounds.compactions(), seq, at, atId);
        List<ChangeItem> items = items(order(entries, timed), scope, withResources);
        return new ChangePage(items, next.encode(), entriesCut || timedCut);
    }

    /**
     * A cursor at the present: what a reader that follows the feed from now on starts from, without reading what
     * happened before (the webhook dispatcher, when it starts or when its cursor is gone).
     */
    @Transactional
    public String presentCursor(SyncScope scope) {
        ChangeLog.Bounds bounds = log.bounds();
        Optional<TimedChange> last = lastTimedChange(clock.now());
        return new SyncCursor(
                        scope,
                        bounds.epoch(),
                        bounds.compactions(),
                        bounds.head(),
                        last.map(TimedChange::at).orElse(Instant.EPOCH),
                        last.map(TimedChange::resourceId).orElse(SyncCursor.FIRST_ID))
                .encode();
    }

    /**
     * A cursor of another epoch (a backup was restored since) is gone, and so is one of an earlier compaction that
     * had not reached the newest removal it dropped; one past the head is not this log's.
     */
    private static void checkStillValid(SyncCursor from, ChangeLog.Bounds bounds) {
        boolean compactedPast = from.compactions() != bounds.compactions() && from.seq() < bounds.horizon();
        if (from.epoch() != bounds.epoch() || from.seq() > bounds.head() || compactedPast) {
            throw ApiException.gone("This cursor is older than the changes kept, or the site was restored from a"
                    + " backup since: sync again from the start, without `after`, and replace what you hold.");
        }
    }

    private Optional<TimedChange> lastTimedChange(Instant now) {
        Optional<TimedChange> last = Optional.empty();
        for (VisibilitySchedule schedule : schedules) {
            Optional<TimedChange> its = schedule.lastChangeUpTo(now);
            if (its.isPresent() && (last.isEmpty() || TIMED_ORDER.compare(its.get(), last.get()) > 0)) {
                last = its;
            }
        }
        return last;
    }

    /** Changes that came by themselves, from every feature that has them, in time then id order. */
    private List<TimedChange> timedChanges(SyncCursor from, Instant now, int limit) {
        List<TimedChange> all = new ArrayList<>();
        for (VisibilitySchedule schedule : schedules) {
            all.addAll(schedule.changesBetween(from.at(), from.atId(), now, limit));
        }
        all.sort(TIMED_ORDER);
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    /** What one resource's occurrences in a page add up to; it is told once, at its last. */
    private record Occurrence(String type, UUID id, Instant at, ChangeEntry lastWrite, boolean onlyShownChanges) {

        Occurrence then(Occurrence later) {
            return new Occurrence(
                    type,
                    id,
                    later.at,
                    later.lastWrite != null ? later.lastWrite : lastWrite,
                    onlyShownChanges && later.onlyShownChanges);
        }
    }

    private Map<ResourceKey, Occurrence> order(List<ChangeEntry> entries, List<TimedChange> timed) {
        Map<ResourceKey, Occurrence> order = new LinkedHashMap<>();
        for (ChangeEntry e : entries) {
            if (sources.containsKey(e.resourceType())) {
                boolean written = e.action() != ChangeAction.embedded;
                occur(
                        order,
                        new Occurrence(e.resourceType(), e.resourceId(), e.changedAt(), written ? e : null, !written));
            }
        }
        for (TimedChange t : timed) {
            // A change that came by itself only ever makes something readable: if it is not, it changed since.
            occur(order, new Occurrence(t.resourceType(), t.resourceId(), t.at(), null, true));
            for (ResourceKey shown : t.alsoChanged()) {
                if (sources.containsKey(shown.resourceType())) {
                    occur(order, new Occurrence(shown.resourceType(), shown.resourceId(), t.at(), null, true));
                }
            }
        }
        return order;
    }

    private static void occur(Map<ResourceKey, Occurrence> order, Occurrence o) {
        ResourceKey key = new ResourceKey(o.type(), o.id());
        Occurrence earlier = order.remove(key);
        order.put(key, earlier == null ? o : earlier.then(o));
    }

    /**
     * Each resource as it is now for the scope's reader: readable, an upsert; not, a remove, unless only things it
     * shows changed (then it was not readable before either, as far as this scope goes).
     */
    private List<ChangeItem> items(Map<ResourceKey, Occurrence> order, SyncScope scope, boolean withResources) {
        Map<String, Set<UUID>> idsByType = new LinkedHashMap<>();
        order.keySet()
                .forEach(k -> idsByType
                        .computeIfAbsent(k.resourceType(), t -> new LinkedHashSet<>())
                        .add(k.resourceId()));
        Map<String, Map<UUID, SyncSource.Current>> current = asReaderOf(scope, () -> {
            Map<String, Map<UUID, SyncSource.Current>> found = new HashMap<>();
            idsByType.forEach((type, ids) -> found.put(type, sources.get(type).current(type, ids, withResources)));
            return found;
        });
        List<ChangeItem> items = new ArrayList<>(order.size());
        for (Occurrence o : order.values()) {
            SyncSource.Current now = current.get(o.type()).get(o.id());
            if (now != null) {
                items.add(new ChangeItem(
                        o.type(), o.id(), ChangeKind.upsert, o.at(), now.version(), now.representation()));
            } else if (!o.onlyShownChanges()) {
                Long version = o.lastWrite() == null ? null : o.lastWrite().version();
                items.add(new ChangeItem(o.type(), o.id(), ChangeKind.remove, o.at(), version, null));
            }
        }
        return items;
    }

    /** The public scope is what the anonymous caller reads, whoever asks. */
    private <T> T asReaderOf(SyncScope scope, Supplier<T> work) {
        return scope == SyncScope.PUBLIC ? callers.runAs(Caller.ANONYMOUS, work) : work.get();
    }
}

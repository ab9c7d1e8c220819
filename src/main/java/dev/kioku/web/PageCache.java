package dev.kioku.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kioku.events.ChangeEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Public pages rendered once and kept as bytes until a change event they depend on makes them stale.
 *
 * <p>Why version stamps and not an index from keys to pages: every dependency key has a version, bumped by
 * each event naming it. A page is stored with the versions of its keys as they were when its render began,
 * and a hit is served only while all of them still match. Correctness then never depends on keeping an
 * index in step with evictions and replacements, which raced (a replaced page could lose its entries and
 * outlive its data). Stale pages simply stop being served; memory is bounded by the cache's weight.
 *
 * <p>Ordering, as a seqlock: invalidations run one at a time and move a global generation to an odd number
 * while they bump their keys, and to the next even number when done. A render takes the (even) generation
 * as its ticket before reading the database, reads its keys' versions after rendering, and is stored only
 * if the generation is still the ticket. A write that committed after the render's reads then either
 * moved the generation (the page is not stored) or bumps its keys later (the page is stored with the old
 * versions and is stale at once).
 *
 * <p>Hits are cheap: a page remembers the even generation at which its stamps were last found current;
 * while no invalidation has started since, no key is looked at.
 */
public final class PageCache {
    private final Cache<String, Entry> pages;
    private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder servedBeforeRouting = new LongAdder();

    public PageCache(long maxBytes) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String path, Entry e) -> e.page.weight())
                .executor(Runnable::run)
                .build();
    }

    private static final class Entry {
        final CachedPage page;
        final Map<String, Long> stamps;
        volatile long checkedAt;

        Entry(CachedPage page, Map<String, Long> stamps, long checkedAt) {
            this.page = page;
            this.stamps = stamps;
            this.checkedAt = checkedAt;
        }
    }

    /** The current page for a path, or null when there is none or it has gone stale. */
    public CachedPage get(String path) {
        Entry e = pages.getIfPresent(path);
        if (e == null) return null;
        long now = generation.get();
        if (e.checkedAt == now) return e.page;
        for (Map.Entry<String, Long> stamp : e.stamps.entrySet()) {
            if (!stamp.getValue().equals(versions.getOrDefault(stamp.getKey(), 0L))) {
                pages.asMap().remove(path, e);
                return null;
            }
        }
        if ((now & 1) == 0 && generation.get() == now) e.checkedAt = now;
        return e.page;
    }

    /** A ticket to pass to {@link #put} for a render starting now. */
    public long ticket() {
        return generation.get();
    }

    /** Stores a page rendered under {@code ticket}, unless an invalidation has happened since. */
    public void put(String path, CachedPage page, long ticket) {
        if ((ticket & 1) == 1) return;
        Map<String, Long> stamps = new HashMap<>();
        for (String key : page.keys()) stamps.put(key, versions.getOrDefault(key, 0L));
        if (generation.get() != ticket) return;
        pages.put(path, new Entry(page, Map.copyOf(stamps), ticket));
    }

    /** Makes every page depending on one of the event's keys stale; {@code site} also frees all memory. */
    public synchronized void invalidate(ChangeEvent event) {
        generation.incrementAndGet();
        for (String key : event.keys()) versions.merge(key, 1L, Long::sum);
        if (event.keys().contains(ChangeEvent.SITE)) pages.invalidateAll();
        generation.incrementAndGet();
    }

    /**
     * Weighs a page again after it grew (its gzip was made on a first request for it), so the cache's bound
     * counts it. Does nothing when the path holds another page by now.
     */
    void grew(String path, CachedPage page) {
        Entry e = pages.getIfPresent(path);
        if (e != null && e.page == page) pages.asMap().replace(path, e, new Entry(e.page, e.stamps, e.checkedAt));
    }

    /** Counts a request answered from this cache before it reached any route (see {@link CacheHits}). */
    void servedBeforeRouting() {
        servedBeforeRouting.increment();
    }

    /** Requests answered from memory (cached pages and the theme's assets) before reaching any route since start, for tests and metrics. */
    public long hitsServedBeforeRouting() {
        return servedBeforeRouting.sum();
    }

    /** Number of pages held (fresh or stale), for tests and metrics. */
    public long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }
}

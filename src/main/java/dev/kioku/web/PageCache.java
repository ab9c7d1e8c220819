package dev.kioku.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.kioku.events.ChangeEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Public pages rendered once and kept as bytes until a change event they depend on drops them.
 *
 * <p>Why the generation counter: a page rendered while a write commits may hold the old state. Rendering
 * takes a ticket first; a page is stored only if no invalidation happened since its ticket, so a stale
 * render is served once to its own request but never cached.
 *
 * <p>The index (key → paths) is kept in step by the cache's removal listener, so evicted pages do not
 * leave entries behind.
 */
public final class PageCache {
    private final Cache<String, CachedPage> pages;
    private final ConcurrentHashMap<String, Set<String>> pathsByKey = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public PageCache(long maxBytes) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String path, CachedPage page) -> page.weight())
                .removalListener((String path, CachedPage page, RemovalCause cause) -> {
                    // a replaced page's keys were re-added for the same path by put(); keep them
                    if (cause != RemovalCause.REPLACED) unindex(path, page);
                })
                .executor(Runnable::run)
                .build();
    }

    /** The cached page for a path, or null. */
    public CachedPage get(String path) {
        return pages.getIfPresent(path);
    }

    /** A ticket to pass to {@link #put} for a render starting now. */
    public long ticket() {
        return generation.get();
    }

    /** Stores a page rendered under {@code ticket}, unless an invalidation has happened since. */
    public void put(String path, CachedPage page, long ticket) {
        for (String key : page.keys()) pathsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(path);
        pages.put(path, page);
        if (generation.get() != ticket) pages.invalidate(path);
    }

    /** Drops every page depending on one of the event's keys; {@code site} drops everything. */
    public void invalidate(ChangeEvent event) {
        generation.incrementAndGet();
        if (event.keys().contains(ChangeEvent.SITE)) {
            pages.invalidateAll();
            return;
        }
        for (String key : event.keys()) {
            Set<String> paths = pathsByKey.remove(key);
            if (paths != null) pages.invalidateAll(paths);
        }
    }

    /** Number of pages held, for tests and metrics. */
    public long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    private void unindex(String path, CachedPage page) {
        if (page == null) return;
        for (String key : page.keys()) {
            pathsByKey.computeIfPresent(key, (k, set) -> {
                set.remove(path);
                return set.isEmpty() ? null : set;
            });
        }
    }
}

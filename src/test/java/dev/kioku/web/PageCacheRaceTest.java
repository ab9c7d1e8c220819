package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kioku.events.ChangeEvent;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's promise under concurrency: once a key is invalidated, no page depending on it is served. */
class PageCacheRaceTest {
    private static CachedPage page(String body, String... keys) {
        return CachedPage.of(body.getBytes(), "text/html", Set.of(keys), Instant.EPOCH);
    }

    @Test
    void a_page_is_served_until_one_of_its_keys_changes() {
        PageCache cache = new PageCache(1 << 20);
        CachedPage p = page("x", "a", "b");
        cache.put("/p/", p, cache.ticket());

        assertSame(p, cache.get("/p/"));
        cache.invalidate(ChangeEvent.of("c"));
        assertSame(p, cache.get("/p/"), "an unrelated key leaves it alone");
        cache.invalidate(ChangeEvent.of("b"));
        assertNull(cache.get("/p/"));
    }

    @Test
    void a_render_overtaken_by_an_invalidation_is_not_stored() {
        PageCache cache = new PageCache(1 << 20);
        long ticket = cache.ticket();
        cache.invalidate(ChangeEvent.of("unrelated"));
        cache.put("/p/", page("old", "a"), ticket);

        assertNull(cache.get("/p/"));
    }

    @Test
    void racing_renders_and_invalidations_never_leave_a_page_that_outlives_its_keys() throws Exception {
        PageCache cache = new PageCache(1 << 20);
        AtomicInteger survivors = new AtomicInteger();
        for (int round = 0; round < 5_000; round++) {
            String path = "/p" + (round % 7) + "/";
            CyclicBarrier start = new CyclicBarrier(2);
            Thread render = Thread.ofPlatform().start(() -> {
                await(start);
                long ticket = cache.ticket();
                cache.put(path, page("v", "a", "b"), ticket);
                cache.get(path);
            });
            Thread writer = Thread.ofPlatform().start(() -> {
                await(start);
                cache.invalidate(ChangeEvent.of("a"));
            });
            render.join();
            writer.join();
            cache.invalidate(ChangeEvent.of("b"));
            if (cache.get(path) != null) survivors.incrementAndGet();
        }
        assertEquals(0, survivors.get(), "pages served after a key they depend on changed");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

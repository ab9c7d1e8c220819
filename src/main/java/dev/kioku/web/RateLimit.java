package dev.kioku.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding-window limit: at most {@code limit} hits per key within {@code window}. Counts live in memory on
 * this node (bounded, forgotten after a quiet window), which is enough to turn a flood into a trickle.
 * Time is the injected clock's, so tests are exact.
 */
public final class RateLimit {
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Cache<String, Deque<Instant>> hits;

    /** @throws IllegalArgumentException unless limit is positive and window longer than zero */
    public RateLimit(Clock clock, int limit, Duration window) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        if (window.isZero() || window.isNegative()) throw new IllegalArgumentException("window must be positive");
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.hits = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
    }

    /**
     * Counts a hit for {@code key} unless the key is at its limit.
     *
     * @return zero when the hit was counted; otherwise how long until the oldest hit leaves the window
     */
    public Duration acquire(String key) {
        Instant now = clock.instant();
        Deque<Instant> queue = hits.get(key, k -> new ArrayDeque<>());
        synchronized (queue) {
            while (!queue.isEmpty() && !queue.peekFirst().plus(window).isAfter(now)) queue.removeFirst();
            if (queue.size() >= limit) return Duration.between(now, queue.peekFirst().plus(window));
            queue.addLast(now);
            return Duration.ZERO;
        }
    }

    /** Forgets every hit of {@code key} (a sign-in that succeeded clears its failures). */
    public void forget(String key) {
        hits.invalidate(key);
    }

    /** How long until {@code key} may hit again, counting nothing; zero when it may now. */
    public Duration wait(String key) {
        Instant now = clock.instant();
        Deque<Instant> queue = hits.getIfPresent(key);
        if (queue == null) return Duration.ZERO;
        synchronized (queue) {
            while (!queue.isEmpty() && !queue.peekFirst().plus(window).isAfter(now)) queue.removeFirst();
            return queue.size() < limit ? Duration.ZERO : Duration.between(now, queue.peekFirst().plus(window));
        }
    }
}

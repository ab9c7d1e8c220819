package dev.kioku.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #PER_ACCOUNT} failed sign-ins for one email, or {@value #PER_IP}
 * from one address, within {@link #WINDOW}, further attempts are refused until the oldest failure ages out.
 * Counts live in memory (per node), which is enough to turn a fast guesser into a slow one.
 */
final class SignInThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until this email and address may try again; zero when they may now. */
    Duration wait(String email, String ip) {
        Duration a = waitFor("email:" + email.toLowerCase().strip(), PER_ACCOUNT);
        Duration b = waitFor("ip:" + ip, PER_IP);
        return a.compareTo(b) > 0 ? a : b;
    }

    void failed(String email, String ip) {
        Instant now = clock.instant();
        for (String key : new String[] {"email:" + email.toLowerCase().strip(), "ip:" + ip}) {
            failures.compute(key, (k, q) -> {
                Deque<Instant> queue = q == null ? new ArrayDeque<>() : q;
                prune(queue, now);
                queue.addLast(now);
                return queue;
            });
        }
    }

    void succeeded(String email) {
        failures.remove("email:" + email.toLowerCase().strip());
    }

    private Duration waitFor(String key, int limit) {
        Instant now = clock.instant();
        Deque<Instant> queue = failures.get(key);
        if (queue == null) return Duration.ZERO;
        synchronized (queue) {
            prune(queue, now);
            if (queue.size() < limit) return Duration.ZERO;
            return Duration.between(now, queue.peekFirst().plus(WINDOW));
        }
    }

    private static void prune(Deque<Instant> queue, Instant now) {
        while (!queue.isEmpty() && !queue.peekFirst().plus(WINDOW).isAfter(now)) queue.pollFirst();
    }
}

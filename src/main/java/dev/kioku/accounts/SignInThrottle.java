package dev.kioku.accounts;

import dev.kioku.web.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Slows password guessing: after {@value #PER_ACCOUNT} failed sign-ins for one email, or {@value #PER_IP}
 * from one address, within {@link #WINDOW}, further attempts are refused until the oldest failure ages out.
 * Counts live in memory (per node), which is enough to turn a fast guesser into a slow one.
 */
final class SignInThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final RateLimit accounts;
    private final RateLimit addresses;

    SignInThrottle(Clock clock) {
        this.accounts = new RateLimit(clock, PER_ACCOUNT, WINDOW);
        this.addresses = new RateLimit(clock, PER_IP, WINDOW);
    }

    /** How long until this email and address may try again; zero when they may now. */
    Duration wait(String email, String ip) {
        Duration a = accounts.wait(key(email));
        Duration b = addresses.wait(ip);
        return a.compareTo(b) > 0 ? a : b;
    }

    void failed(String email, String ip) {
        accounts.acquire(key(email));
        addresses.acquire(ip);
    }

    void succeeded(String email) {
        accounts.forget(key(email));
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT).strip();
    }
}

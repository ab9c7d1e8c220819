package dev.kioku.comments;

import dev.kioku.web.RateLimit;
import java.time.Clock;
import java.time.Duration;

/**
 * How often one address or one email may comment: a person replying in a lively thread stays well under,
 * a script does not. Limits are per node.
 */
final class RateLimits {
    static final int PER_IP_MINUTE = 5;
    static final int PER_IP_HOUR = 30;
    static final int PER_EMAIL_HOUR = 20;
    private final RateLimit ipMinute;
    private final RateLimit ipHour;
    private final RateLimit emailHour;

    RateLimits(Clock clock) {
        ipMinute = new RateLimit(clock, PER_IP_MINUTE, Duration.ofMinutes(1));
        ipHour = new RateLimit(clock, PER_IP_HOUR, Duration.ofHours(1));
        emailHour = new RateLimit(clock, PER_EMAIL_HOUR, Duration.ofHours(1));
    }

    /** Counts one comment. @throws Refused (429) when the address or email is at a limit */
    void check(String ip, String email) {
        String ipKey = ip == null ? "" : ip;
        Duration wait = longest(ipMinute.wait(ipKey), ipHour.wait(ipKey), emailHour.wait(email));
        if (!wait.isZero()) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new Refused(429, "You are commenting faster than this blog allows. Please wait " + minutes
                    + (minutes == 1 ? " minute" : " minutes") + " and send it again; your text is kept below.");
        }
        ipMinute.acquire(ipKey);
        ipHour.acquire(ipKey);
        emailHour.acquire(email);
    }

    private static Duration longest(Duration... ds) {
        Duration max = Duration.ZERO;
        for (Duration d : ds) if (d.compareTo(max) > 0) max = d;
        return max;
    }
}

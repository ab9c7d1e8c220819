package dev.kioku.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long a message waits after a failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h, until the
 * attempts have spanned three days.
 *
 * <p>Why by count and not by the message's age: days when mail was not configured or the blog was down are not
 * days of trying, and a message queued before the operator set up SMTP must still get its three days.
 */
final class Backoff {
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    private static final List<Duration> FIRST = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
    private static final Duration THEN = Duration.ofHours(12);

    private Backoff() {
    }

    /**
     * The wait before the next attempt after {@code failures} failed attempts.
     *
     * @return empty when the attempts so far already span three days: give up
     */
    static Optional<Duration> after(int failures) {
        if (failures < 1) throw new IllegalArgumentException("failures must be 1 or more, got " + failures);
        Duration tried = Duration.ZERO;
        for (int i = 1; i < failures; i++) tried = tried.plus(wait(i));
        return tried.compareTo(GIVE_UP_AFTER) >= 0 ? Optional.empty() : Optional.of(wait(failures));
    }

    private static Duration wait(int failures) {
        return failures <= FIRST.size() ? FIRST.get(failures - 1) : THEN;
    }
}

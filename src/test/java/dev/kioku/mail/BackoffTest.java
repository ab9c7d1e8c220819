package dev.kioku.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Waits between attempts grow from a minute to twelve hours; trying stops once it has spanned three days. */
class BackoffTest {
    @Test
    void the_first_waits_are_one_five_and_thirty_minutes_then_two_and_six_hours() {
        assertEquals(Optional.of(Duration.ofMinutes(1)), Backoff.after(1));
        assertEquals(Optional.of(Duration.ofMinutes(5)), Backoff.after(2));
        assertEquals(Optional.of(Duration.ofMinutes(30)), Backoff.after(3));
        assertEquals(Optional.of(Duration.ofHours(2)), Backoff.after(4));
        assertEquals(Optional.of(Duration.ofHours(6)), Backoff.after(5));
    }

    @Test
    void then_every_twelve_hours_until_the_attempts_span_three_days() {
        Duration tried = Duration.ZERO;
        int failures = 1;
        for (Optional<Duration> wait = Backoff.after(failures); wait.isPresent(); wait = Backoff.after(++failures)) {
            if (failures > 5) assertEquals(Duration.ofHours(12), wait.get());
            tried = tried.plus(wait.get());
        }

        assertEquals(12, failures, "the twelfth failure gives up");
        assertEquals(Duration.ofHours(80).plusMinutes(36), tried, "the last attempt came after three days");
    }
}

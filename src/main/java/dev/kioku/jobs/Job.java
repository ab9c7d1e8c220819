package dev.kioku.jobs;

import java.time.Duration;

/**
 * Work repeated forever with a pause between runs, e.g. publishing scheduled posts or sending queued mail.
 *
 * @param name  unique and stable: it names the task's row in the database
 * @param every pause between the end of one run and the start of the next
 * @param work  what to do; an exception is logged by the scheduler and the next run comes as usual
 */
public record Job(String name, Duration every, Runnable work) {
    public Job {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a job needs a name");
        if (every == null || every.isNegative() || every.isZero()) throw new IllegalArgumentException("job " + name + ": 'every' must be positive");
        if (work == null) throw new IllegalArgumentException("job " + name + ": no work");
    }
}

package dev.kioku.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;

/**
 * The program's recurring jobs, run by one db-scheduler {@link Scheduler}. With several nodes on one PostgreSQL
 * database, each run of a job happens on one node only. Time is the injected clock's, for db-scheduler too, so
 * tests that move the clock move the jobs' due times with it.
 *
 * <p>Why one scheduler for all jobs: each scheduler polls the database and keeps its own threads; one is
 * enough for a handful of short jobs, and two threads let a slow mail server not delay publishing.
 */
public final class Jobs {
    private final DataSource dataSource;
    private final Clock clock;
    private final List<Job> jobs;
    private Scheduler scheduler;

    /** @throws IllegalArgumentException when two jobs share a name */
    public Jobs(DataSource dataSource, Clock clock, List<Job> jobs) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.jobs = List.copyOf(jobs);
        var names = new HashSet<String>();
        for (Job j : jobs) if (!names.add(j.name())) throw new IllegalArgumentException("two jobs named " + j.name());
    }

    /** Starts running the jobs in the background. Call once. */
    public synchronized void start() {
        if (scheduler != null) throw new IllegalStateException("already started");
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(j -> Tasks.recurring(j.name(), FixedDelay.of(j.every())).execute((instance, context) -> j.work().run()))
                .toList();
        scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .clock(clock::instant)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
    }

    /** Stops the jobs, letting runs in progress finish (up to five seconds). Does nothing if not started. */
    public synchronized void stop() {
        if (scheduler == null) return;
        scheduler.stop();
        scheduler = null;
    }
}

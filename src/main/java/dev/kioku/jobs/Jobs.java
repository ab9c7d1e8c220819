package dev.kioku.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program's recurring jobs, run by one db-scheduler {@link Scheduler}. With several nodes on one PostgreSQL
 * database, each run of a job happens on one node only. Time is the injected clock's, for db-scheduler too, so
 * tests that move the clock move the jobs' due times with it.
 *
 * <p>Why one scheduler for all jobs: each scheduler polls the database and keeps its own threads; one is
 * enough for a handful of short jobs, and two threads let a slow mail server not delay publishing.
 *
 * <p>Why the scheduler starts on a thread of its own: building it, registering the jobs in the database and their
 * first runs (each job runs once as the blog starts) took 30 ms of the main thread and more of the CPU before the
 * first page could be answered. The blog listens first; the jobs follow a moment later.
 */
public final class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final List<Job> jobs;
    private Scheduler scheduler;
    private final Executor starter;
    private boolean started;
    private boolean stopped;

    /** @throws IllegalArgumentException when two jobs share a name */
    public Jobs(DataSource dataSource, Clock clock, List<Job> jobs) {
        // named like db-scheduler's own threads: its statements are the jobs', not a request's
        this(dataSource, clock, jobs, start -> Thread.ofPlatform().name("db-scheduler-start").daemon(true).start(start));
    }

    /** Like {@link #Jobs(DataSource, Clock, List)}, starting the scheduler on {@code starter} (tests hold the start back). */
    Jobs(DataSource dataSource, Clock clock, List<Job> jobs, Executor starter) {
        this.starter = starter;
        this.dataSource = dataSource;
        this.clock = clock;
        this.jobs = List.copyOf(jobs);
        var names = new HashSet<String>();
        for (Job j : jobs) if (!names.add(j.name())) throw new IllegalArgumentException("two jobs named " + j.name());
    }

    /**
     * Starts running the jobs in the background and returns at once: the scheduler is built and started on a
     * thread of its own ({@code db-scheduler-start}). Call once. A failure to start is logged there.
     *
     * @throws IllegalStateException when called a second time
     */
    public synchronized void start() {
        if (started) throw new IllegalStateException("already started");
        started = true;
        starter.execute(this::startNow);
    }

    private synchronized void startNow() {
        if (stopped) return;
        try {
            scheduler = build();
            scheduler.start();
        } catch (RuntimeException e) {
            LOG.error("the jobs (scheduled publishing, mail, clean-ups) could not start", e);
            scheduler = null;
        }
    }

    private Scheduler build() {
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(j -> Tasks.recurring(j.name(), FixedDelay.of(j.every())).execute((instance, context) -> j.work().run()))
                .toList();
        return Scheduler.create(dataSource)
                .startTasks(tasks)
                .clock(clock::instant)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Stops the jobs, letting runs in progress finish (up to five seconds); a start still pending never happens
     * (one under way is waited for, then stopped). Does nothing if not started.
     */
    public synchronized void stop() {
        stopped = true;
        if (scheduler == null) return;
        scheduler.stop();
        scheduler = null;
    }
}

package dev.kioku.content;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled posts when their time comes: once at start-up (posts that came due while the blog was
 * down), then every minute through a db-scheduler recurring task, which one node runs at a time when several
 * share a PostgreSQL database. Time is the injected clock's, for the due posts and for db-scheduler itself,
 * so tests move it by hand and call {@link #publishDue()}.
 */
public final class ScheduledPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublisher.class);
    static final String TASK = "publish-scheduled-posts";
    private final DataSource dataSource;
    private final Posts posts;
    private final Clock clock;
    private Scheduler scheduler;

    public ScheduledPublisher(DataSource dataSource, Posts posts, Clock clock) {
        this.dataSource = dataSource;
        this.posts = posts;
        this.clock = clock;
    }

    /**
     * Publishes every post whose scheduled time is now or past, each with its change event.
     *
     * @return the posts published; empty when none was due
     */
    public List<Post> publishDue() {
        List<Post> published = posts.publishDue();
        for (Post p : published) LOG.info("published scheduled {} {} \"{}\"", p.kind().sql(), p.id(), p.title());
        return published;
    }

    /** Publishes what is overdue, then starts the every-minute task. Call once. */
    public synchronized void start() {
        if (scheduler != null) throw new IllegalStateException("already started");
        publishDue();
        RecurringTask<Void> task = Tasks.recurring(TASK, FixedDelay.ofMinutes(1)).execute((instance, context) -> publishDue());
        scheduler = Scheduler.create(dataSource)
                .startTasks(task)
                .clock(clock::instant)
                .threads(1)
                .pollingInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
    }

    /** Stops the task, letting a run in progress finish (up to five seconds). Does nothing if not started. */
    public synchronized void stop() {
        if (scheduler == null) return;
        scheduler.stop();
        scheduler = null;
    }
}

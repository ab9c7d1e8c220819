package dev.kioku.content;

import dev.kioku.jobs.Job;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled posts when their time comes: once at start-up (posts that came due while the blog was
 * down), then every minute as a {@link Job} that one node runs at a time when several share a PostgreSQL
 * database. "Due" is decided by the clock given to {@link Posts}, so tests move it by hand and call
 * {@link #publishDue()}.
 */
public final class ScheduledPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublisher.class);
    static final String TASK = "publish-scheduled-posts";
    private final Posts posts;

    public ScheduledPublisher(Posts posts) {
        this.posts = posts;
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

    /** The every-minute job that calls {@link #publishDue()}. */
    public Job job() {
        return new Job(TASK, Duration.ofMinutes(1), this::publishDue);
    }
}

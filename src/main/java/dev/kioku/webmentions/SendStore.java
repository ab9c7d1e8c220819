package dev.kioku.webmentions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for webmentions this site sends: the queue of posts to look at and what was sent for each link. */
final class SendStore {
    /** A post waiting to have its links looked at. */
    record Queued(long postId, boolean baseline, Instant queuedAt) {
    }

    /**
     * What is known about one link of a post.
     *
     * @param removed the link left the post: it is notified once more, then forgotten
     */
    record Send(long postId, String target, String state, boolean removed, int attempts, Instant nextTry) {
    }

    /** Queues a post; queued again before the job came, it is looked at once, as a back-dated one only if both were. */
    void queue(Handle h, long postId, boolean baseline, Instant now) {
        // one statement: a job that takes the row between a read and a write here would otherwise lose this change
        h.createUpdate("""
                insert into webmention_send_queue (post_id, baseline, queued_at) values (:post, :baseline, :now)
                on conflict (post_id) do update set baseline = webmention_send_queue.baseline and excluded.baseline,
                                                    queued_at = excluded.queued_at""")
                .bind("post", postId).bind("baseline", baseline).bind("now", now).execute();
    }

    List<Queued> queued(Handle h, int limit) {
        return h.createQuery("select post_id, baseline, queued_at from webmention_send_queue order by queued_at, post_id limit :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Queued(rs.getLong(1), rs.getBoolean(2), Instant.ofEpochMilli(rs.getLong(3)))).list();
    }

    /** Takes a post off the queue, unless it was queued again meanwhile. */
    void dequeue(Handle h, Queued q) {
        h.createUpdate("delete from webmention_send_queue where post_id = :post and queued_at = :at")
                .bind("post", q.postId()).bind("at", q.queuedAt()).execute();
    }

    List<Send> ofPost(Handle h, long postId) {
        return h.createQuery("select post_id, target, state, removed, attempts, next_try from webmention_sends where post_id = :post")
                .bind("post", postId).map((rs, ctx) -> send(rs)).list();
    }

    void insert(Handle h, long postId, String target, String state, Instant now) {
        h.createUpdate("""
                insert into webmention_sends (post_id, target, state, removed, attempts, next_try, updated_at)
                values (:post, :target, :state, false, 0, :next, :now)""")
                .bind("post", postId).bind("target", target).bind("state", state)
                .bind("next", state.equals("due") ? now : null).bind("now", now).execute();
    }

    /** The link left the post: notify its page once more. */
    void markRemoved(Handle h, long postId, String target, Instant now) {
        h.createUpdate("""
                update webmention_sends set removed = true, state = 'due', attempts = 0, next_try = :now, updated_at = :now
                where post_id = :post and target = :target""")
                .bind("post", postId).bind("target", target).bind("now", now).execute();
    }

    /** The link came back before its removal was notified: only sent links are marked removed, so it is a sent link again. */
    void restore(Handle h, long postId, String target, Instant now) {
        h.createUpdate("""
                update webmention_sends set removed = false, state = 'sent', attempts = 0, next_try = null, updated_at = :now
                where post_id = :post and target = :target""")
                .bind("post", postId).bind("target", target).bind("now", now).execute();
    }

    void delete(Handle h, long postId, String target) {
        h.createUpdate("delete from webmention_sends where post_id = :post and target = :target")
                .bind("post", postId).bind("target", target).execute();
    }

    List<Send> due(Handle h, Instant now, int limit) {
        return h.createQuery("""
                select post_id, target, state, removed, attempts, next_try from webmention_sends
                where state = 'due' and next_try <= :now order by next_try, post_id limit :limit""")
                .bind("now", now).bind("limit", limit).map((rs, ctx) -> send(rs)).list();
    }

    boolean claim(Handle h, Send s, Instant now, Instant until) {
        return h.createUpdate("""
                update webmention_sends set next_try = :until
                where post_id = :post and target = :target and state = 'due' and next_try <= :now""")
                .bind("post", s.postId()).bind("target", s.target()).bind("now", now).bind("until", until).execute() == 1;
    }

    void settle(Handle h, Send s, String state, Integer status, String reason, int attempts, Instant now) {
        h.createUpdate("""
                update webmention_sends set state = :state, last_status = :status, reason = :reason, attempts = :attempts,
                       next_try = null, updated_at = :now
                where post_id = :post and target = :target""")
                .bind("post", s.postId()).bind("target", s.target()).bind("state", state).bind("status", status)
                .bind("reason", reason).bind("attempts", attempts).bind("now", now).execute();
    }

    void retry(Handle h, Send s, int attempts, Instant next, String reason, Instant now) {
        h.createUpdate("""
                update webmention_sends set attempts = :attempts, next_try = :next, reason = :reason, updated_at = :now
                where post_id = :post and target = :target""")
                .bind("post", s.postId()).bind("target", s.target()).bind("attempts", attempts).bind("next", next)
                .bind("reason", reason).bind("now", now).execute();
    }

    private static Send send(java.sql.ResultSet rs) throws java.sql.SQLException {
        long next = rs.getLong("next_try");
        Instant nextTry = rs.wasNull() ? null : Instant.ofEpochMilli(next);
        return new Send(rs.getLong("post_id"), rs.getString("target"), rs.getString("state"), rs.getBoolean("removed"),
                rs.getInt("attempts"), nextTry);
    }
}

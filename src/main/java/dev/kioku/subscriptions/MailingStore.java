package dev.kioku.subscriptions;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for post mailings and the delivery ledger. One method per query. */
final class MailingStore {

    /** A post whose announcement is still going out, and the moment it went public. */
    record Mailing(long postId, Instant createdAt) {
    }

    /** Someone who should get the post and has not: who, where, and whether for every post (else for the series). */
    record Recipient(long id, String email, boolean allPosts) {
    }

    /** Records a post's first publication: {@code sending}, or {@code skipped} (back-dated); a second time does nothing. */
    void open(Handle h, long postId, boolean skipped, Instant now) {
        h.createUpdate("""
                insert into post_mailings (post_id, status, created_at, finished_at) values (:post, :status, :now, :finished)
                on conflict (post_id) do nothing""")
                .bind("post", postId).bind("status", skipped ? "skipped" : "sending").bind("now", now)
                .bind("finished", skipped ? now : null).execute();
    }

    List<Mailing> sending(Handle h) {
        return h.createQuery("select post_id, created_at from post_mailings where status = 'sending' order by created_at, post_id")
                .map((rs, ctx) -> new Mailing(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)))).list();
    }

    /**
     * The next {@code limit} confirmed subscribers who should get this post and have no delivery row for it: those
     * who followed every post, or the post's series, since before it went public (strictly: an address confirmed
     * in the same millisecond counts as later, so a finished mailing can never gain a recipient). Each address once, whatever
     * it follows.
     */
    List<Recipient> nextRecipients(Handle h, Mailing m, Long seriesId, int limit) {
        return h.createQuery("""
                select s.id, s.email, (s.all_posts_since is not null and s.all_posts_since < :at) as all_posts
                from subscribers s
                where s.status = 'confirmed'
                  and (s.all_posts_since < :at
                       or (cast(:series as bigint) is not null and exists (
                           select 1 from subscriber_series f
                           where f.subscriber_id = s.id and f.series_id = cast(:series as bigint) and f.since < :at)))
                  and not exists (select 1 from post_deliveries d where d.post_id = :post and d.subscriber_id = s.id)
                order by s.id
                limit :limit""")
                .bind("at", m.createdAt()).bind("series", seriesId).bind("post", m.postId()).bind("limit", limit)
                .map((rs, ctx) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /**
     * Writes the ledger row for one subscriber and post.
     *
     * @return false when the row exists already (another sender got there first): then queue nothing
     */
    boolean deliver(Handle h, long postId, long subscriberId, String unsubscribeHash, Instant now) {
        return h.createUpdate("""
                insert into post_deliveries (post_id, subscriber_id, unsubscribe_hash, created_at)
                values (:post, :subscriber, :hash, :now)
                on conflict (post_id, subscriber_id) do nothing""")
                .bind("post", postId).bind("subscriber", subscriberId).bind("hash", unsubscribeHash).bind("now", now)
                .execute() == 1;
    }

    void finish(Handle h, long postId, Instant now) {
        h.createUpdate("update post_mailings set status = 'done', finished_at = :now where post_id = :post and status = 'sending'")
                .bind("post", postId).bind("now", now).execute();
    }

    int deliveries(Handle h, long postId) {
        return h.createQuery("select count(*) from post_deliveries where post_id = :post").bind("post", postId)
                .mapTo(Integer.class).one();
    }
}

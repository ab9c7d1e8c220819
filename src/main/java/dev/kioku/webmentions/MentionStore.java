package dev.kioku.webmentions;

import dev.kioku.db.PlainReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for received webmentions. One method per query. */
final class MentionStore {
    private static final String COLUMNS = """
            select w.id, w.post_id, w.source, w.target, w.status, w.kind, w.author_name, w.author_url, w.author_photo,
                   w.published_at, w.content, w.reason, w.token, w.ip, w.attempts, w.verify_after, w.received_at,
                   w.updated_at
            from webmentions w
            """;

    Optional<Mention> byId(Handle h, long id) {
        return h.createQuery(COLUMNS + " where w.id = :id").bind("id", id).map(MentionStore::row).findOne();
    }

    Optional<Mention> byToken(Handle h, String token) {
        return h.createQuery(COLUMNS + " where w.token = :token").bind("token", token).map(MentionStore::row).findOne();
    }

    Optional<Mention> bySource(Handle h, String source, long postId) {
        return h.createQuery(COLUMNS + " where w.source = :source and w.post_id = :post")
                .bind("source", source).bind("post", postId).map(MentionStore::row).findOne();
    }

    List<Mention> byIds(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery(COLUMNS + " where w.id in (<ids>) order by w.id").bindList("ids", List.copyOf(ids))
                .map(MentionStore::row).list();
    }

    long insert(Handle h, long postId, String source, String target, String token, String ip, Instant now) {
        return h.createQuery("""
                insert into webmentions (post_id, source, target, status, token, ip, verify_after, received_at, updated_at)
                values (:post, :source, :target, 'queued', :token, :ip, :now, :now, :now)
                returning id""")
                .bind("post", postId).bind("source", source).bind("target", target).bind("token", token).bind("ip", ip)
                .bind("now", now).mapTo(Long.class).one();
    }

    /** A mention sent again: verify it again; one that never verified starts over as queued. */
    void resent(Handle h, long id, String target, String ip, Instant now) {
        h.createUpdate("""
                update webmentions set target = :target, ip = :ip, verify_after = :now, attempts = 0, updated_at = :now,
                       status = case when status = 'failed' then 'queued' else status end,
                       reason = case when status = 'failed' then null else reason end
                where id = :id""")
                .bind("id", id).bind("target", target).bind("ip", ip).bind("now", now).execute();
    }

    /** Mentions whose verification is due, oldest first. */
    List<Mention> due(Handle h, Instant now, int limit) {
        return h.createQuery(COLUMNS + " where w.verify_after <= :now order by w.verify_after, w.id limit :limit")
                .bind("now", now).bind("limit", limit).map(MentionStore::row).list();
    }

    /** Takes a due mention by moving its due time to {@code until}. @return false when another run took it first */
    boolean claim(Handle h, long id, Instant now, Instant until) {
        return h.createUpdate("update webmentions set verify_after = :until where id = :id and verify_after <= :now")
                .bind("id", id).bind("now", now).bind("until", until).execute() == 1;
    }

    void verified(Handle h, long id, MentionStatus status, SourcePage.Entry e, Instant now) {
        h.createUpdate("""
                update webmentions set status = :status, kind = :kind, author_name = :name, author_url = :url,
                       author_photo = :photo, published_at = :published, content = :content, reason = null,
                       attempts = 0, verify_after = null, updated_at = :now
                where id = :id""")
                .bind("id", id).bind("status", status.sql()).bind("kind", e.kind().sql()).bind("name", e.authorName())
                .bind("url", e.authorUrl()).bind("photo", e.authorPhoto()).bind("published", e.published())
                .bind("content", e.content()).bind("now", now).execute();
    }

    /** Verification is over without a result: {@code status} (failed for a mention never verified) and why. */
    void settled(Handle h, long id, MentionStatus status, String reason, int attempts, Instant now) {
        h.createUpdate("""
                update webmentions set status = :status, reason = :reason, attempts = :attempts, verify_after = null,
                       updated_at = :now
                where id = :id""")
                .bind("id", id).bind("status", status.sql()).bind("reason", reason).bind("attempts", attempts)
                .bind("now", now).execute();
    }

    void retry(Handle h, long id, int attempts, Instant next, String reason, Instant now) {
        h.createUpdate("""
                update webmentions set attempts = :attempts, verify_after = :next, reason = :reason, updated_at = :now
                where id = :id""")
                .bind("id", id).bind("attempts", attempts).bind("next", next).bind("reason", reason).bind("now", now)
                .execute();
    }

    void setStatus(Handle h, long id, MentionStatus status, Instant now) {
        h.createUpdate("update webmentions set status = :status, updated_at = :now where id = :id")
                .bind("id", id).bind("status", status.sql()).bind("now", now).execute();
    }

    void delete(Handle h, long id) {
        h.createUpdate("delete from webmentions where id = :id").bind("id", id).execute();
    }

    /** A post's approved mentions, oldest first; plain JDBC, as every post page asks (see {@link PlainReads}). */
    List<Mention> approved(Handle h, long postId) {
        return PlainReads.list(h, COLUMNS + " where w.post_id = ? and w.status = 'approved' order by w.received_at, w.id",
                rs -> row(rs, null), postId);
    }

    /** One page of a moderation tab, newest first; {@code authorId} limits it to that author's posts (null: all). */
    List<Mention> queue(Handle h, MentionStatus status, Long authorId, int offset, int limit) {
        return h.createQuery(COLUMNS + """
                 join posts p on p.id = w.post_id
                where w.status = :status and (cast(:author as bigint) is null or p.author_id = :author)
                order by w.received_at desc, w.id desc
                limit :limit offset :offset""")
                .bind("status", status.sql()).bind("author", authorId).bind("limit", limit).bind("offset", offset)
                .map(MentionStore::row).list();
    }

    Map<MentionStatus, Integer> counts(Handle h, Long authorId) {
        Map<MentionStatus, Integer> counts = new EnumMap<>(MentionStatus.class);
        for (MentionStatus s : MentionStatus.values()) counts.put(s, 0);
        h.createQuery("""
                select w.status, count(*) from webmentions w join posts p on p.id = w.post_id
                where cast(:author as bigint) is null or p.author_id = :author
                group by w.status""").bind("author", authorId)
                .map((rs, ctx) -> Map.entry(MentionStatus.of(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Mention row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Mention(rs.getLong("id"), rs.getLong("post_id"), rs.getString("source"), rs.getString("target"),
                MentionStatus.of(rs.getString("status")), MentionKind.of(rs.getString("kind")), rs.getString("author_name"),
                rs.getString("author_url"), rs.getString("author_photo"), instant(rs, "published_at"), rs.getString("content"),
                rs.getString("reason"), rs.getString("token"), rs.getString("ip"), rs.getInt("attempts"),
                instant(rs, "verify_after"), instant(rs, "received_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}

package dev.kioku.mail;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code mail_outbox} table. Statuses are written as literals so that PostgreSQL can use the partial
 * indexes, whose predicates name them.
 */
final class OutboxStore {
    private final Jdbi jdbi;

    OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A queued message as read for sending. */
    record Queued(long id, int attempts, Instant createdAt, Mail mail) {
    }

    void insert(Handle h, Mail mail, Instant now) {
        h.createUpdate("""
                insert into mail_outbox (to_address, subject, body_text, body_html, unsubscribe_url, status, attempts,
                                         next_attempt_at, created_at)
                values (:to, :subject, :text, :html, :unsubscribe, 'queued', 0, :now, :now)""")
                .bind("to", mail.to()).bind("subject", mail.subject()).bind("text", mail.text())
                .bind("html", mail.html()).bind("unsubscribe", mail.unsubscribeUrl()).bind("now", now)
                .execute();
    }

    void insert(Mail mail, Instant now) {
        jdbi.useHandle(h -> insert(h, mail, now));
    }

    /** Up to {@code limit} queued messages due at {@code now}, oldest due first. */
    List<Queued> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                select id, attempts, created_at, to_address, subject, body_text, body_html, unsubscribe_url
                from mail_outbox
                where status = 'queued' and next_attempt_at <= :now
                order by next_attempt_at, id
                limit :limit""")
                .bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new Queued(rs.getLong("id"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        new Mail(rs.getString("to_address"), rs.getString("subject"), rs.getString("body_text"),
                                rs.getString("body_html"), rs.getString("unsubscribe_url"))))
                .list());
    }

    /**
     * Takes a due message for this sender by moving its next attempt to {@code until}, so that another node
     * (or a run started by hand) leaves it alone; if this sender dies, the message is due again then.
     *
     * @return false when another sender took it first
     */
    boolean claim(long id, Instant now, Instant until) {
        return jdbi.withHandle(h -> h.createUpdate("""
                update mail_outbox set next_attempt_at = :until
                where id = :id and status = 'queued' and next_attempt_at <= :now""")
                .bind("id", id).bind("now", now).bind("until", until).execute()) == 1;
    }

    void sent(long id, int attempts, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                update mail_outbox set status = 'sent', attempts = :attempts, last_attempt_at = :at, sent_at = :at,
                                       last_error = null
                where id = :id""")
                .bind("id", id).bind("attempts", attempts).bind("at", at).execute());
    }

    void retry(long id, int attempts, Instant at, Instant next, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                update mail_outbox set attempts = :attempts, last_attempt_at = :at, next_attempt_at = :next,
                                       last_error = :error
                where id = :id""")
                .bind("id", id).bind("attempts", attempts).bind("at", at).bind("next", next).bind("error", error)
                .execute());
    }

    void failed(long id, int attempts, Instant at, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                update mail_outbox set status = 'failed', attempts = :attempts, last_attempt_at = :at,
                                       last_error = :error
                where id = :id""")
                .bind("id", id).bind("attempts", attempts).bind("at", at).bind("error", error).execute());
    }

    int queued() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from mail_outbox where status = 'queued'")
                .mapTo(Integer.class).one());
    }

    int failedSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                select count(*) from mail_outbox where status = 'failed' and last_attempt_at >= :since""")
                .bind("since", since).mapTo(Integer.class).one());
    }
}

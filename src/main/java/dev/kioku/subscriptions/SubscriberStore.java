package dev.kioku.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for subscribers and the series they follow. One method per query; addresses compare case-insensitively. */
final class SubscriberStore {

    /** The row behind a request or a link: enough to decide what to do. */
    record Row(long id, String email, SubscriberStatus status, Instant confirmSentAt) {
    }

    Optional<Row> byEmail(Handle h, String email) {
        return h.createQuery("""
                select id, email, status, confirm_sent_at from subscribers where lower(email) = lower(:email)""")
                .bind("email", email).map((rs, ctx) -> row(rs)).findOne();
    }

    Optional<Row> byConfirmHash(Handle h, String hash) {
        return h.createQuery("select id, email, status, confirm_sent_at from subscribers where confirm_hash = :hash")
                .bind("hash", hash).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The subscriber a mail's unsubscribe link was made for, or empty when the link is unknown (or its row was removed). */
    Optional<Row> byUnsubscribeHash(Handle h, String hash) {
        return h.createQuery("""
                select s.id, s.email, s.status, s.confirm_sent_at from post_deliveries d
                join subscribers s on s.id = d.subscriber_id
                where d.unsubscribe_hash = :hash""")
                .bind("hash", hash).map((rs, ctx) -> row(rs)).findOne();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long sent = rs.getLong("confirm_sent_at");
        return new Row(rs.getLong("id"), rs.getString("email"), SubscriberStatus.of(rs.getString("status")),
                rs.wasNull() ? null : Instant.ofEpochMilli(sent));
    }

    /** A new pending address; returns its id. */
    /** @return the new row's id, or empty when the address was added meanwhile (by a request at the same moment) */
    Optional<Long> insertPending(Handle h, String email, String source, Instant now) {
        return h.createQuery("""
                insert into subscribers (email, status, source, created_at) values (:email, 'pending', :source, :now)
                on conflict do nothing
                returning id""").bind("email", email).bind("source", source).bind("now", now).mapTo(Long.class).findOne();
    }

    /** Remembers what the address asked for, to take effect when it confirms. */
    void want(Handle h, long id, Long seriesId) {
        if (seriesId == null) {
            h.createUpdate("update subscribers set all_posts_requested = true where id = :id").bind("id", id).execute();
        } else {
            h.createUpdate("""
                    insert into subscriber_series (subscriber_id, series_id, since) values (:id, :series, null)
                    on conflict (subscriber_id, series_id) do nothing""").bind("id", id).bind("series", seriesId).execute();
        }
    }

    /** Whether the address already gets what it asks for (then no confirmation is needed). */
    boolean alreadyGets(Handle h, long id, Long seriesId) {
        return h.createQuery("""
                select count(*) from subscribers s
                where s.id = :id and s.status = 'confirmed'
                  and (s.all_posts_since is not null
                       or (cast(:series as bigint) is not null and exists (
                           select 1 from subscriber_series f where f.subscriber_id = s.id
                           and f.series_id = cast(:series as bigint) and f.since is not null)))""")
                .bind("id", id).bind("series", seriesId).mapTo(Integer.class).one() > 0;
    }

    void newConfirmation(Handle h, long id, String hash, Instant now) {
        h.createUpdate("update subscribers set confirm_hash = :hash, confirm_sent_at = :now where id = :id")
                .bind("id", id).bind("hash", hash).bind("now", now).execute();
    }

    /** Makes everything asked for active from {@code now}, and uses up the link. */
    void confirm(Handle h, long id, Instant now) {
        h.createUpdate("""
                update subscribers set status = 'confirmed', confirm_hash = null,
                    confirmed_at = coalesce(confirmed_at, :now),
                    all_posts_since = case when all_posts_requested and all_posts_since is null then :now else all_posts_since end,
                    all_posts_requested = false
                where id = :id""").bind("id", id).bind("now", now).execute();
        h.createUpdate("update subscriber_series set since = :now where subscriber_id = :id and since is null")
                .bind("id", id).bind("now", now).execute();
    }

    /** Stops everything for the address; a later request starts over with a new confirmation. */
    void unsubscribe(Handle h, long id) {
        h.createUpdate("""
                update subscribers set status = 'unsubscribed', confirm_hash = null, all_posts_since = null,
                    all_posts_requested = false, confirmed_at = null
                where id = :id""").bind("id", id).execute();
        h.createUpdate("delete from subscriber_series where subscriber_id = :id").bind("id", id).execute();
    }

    boolean delete(Handle h, long id) {
        return h.createUpdate("delete from subscribers where id = :id").bind("id", id).execute() == 1;
    }

    // ---- the admin's list

    private static final String COLUMNS = """
            select s.id, s.email, s.status, s.source, s.created_at, s.confirmed_at,
                   (s.all_posts_since is not null) as all_posts
            from subscribers s
            """;

    /** Addresses containing {@code search} (any case; null for all), newest first, without their series. */
    List<Subscriber> list(Handle h, String search, int offset, int limit) {
        return h.createQuery(COLUMNS + """
                where (cast(:q as text) is null or lower(s.email) like :q)
                order by s.created_at desc, s.id desc
                limit :limit offset :offset""")
                .bind("q", pattern(search)).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> subscriber(rs)).list();
    }

    /** One address, without its series, or empty. */
    Optional<Subscriber> byId(Handle h, long id) {
        return h.createQuery(COLUMNS + " where s.id = :id").bind("id", id).map((rs, ctx) -> subscriber(rs)).findOne();
    }

    private static Subscriber subscriber(java.sql.ResultSet rs) throws java.sql.SQLException {
        long confirmed = rs.getLong("confirmed_at");
        Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
        return new Subscriber(rs.getLong("id"), rs.getString("email"), SubscriberStatus.of(rs.getString("status")),
                rs.getString("source"), Instant.ofEpochMilli(rs.getLong("created_at")), confirmedAt,
                rs.getBoolean("all_posts"), List.of());
    }

    int count(Handle h, String search) {
        return h.createQuery("select count(*) from subscribers s where (cast(:q as text) is null or lower(s.email) like :q)")
                .bind("q", pattern(search)).mapTo(Integer.class).one();
    }

    int confirmed(Handle h) {
        return h.createQuery("select count(*) from subscribers where status = 'confirmed'").mapTo(Integer.class).one();
    }

    /** The series each of these subscribers follows or asked for, by subscriber id; absent when none. */
    Map<Long, List<Long>> seriesOf(Handle h, List<Long> ids) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        h.createQuery("select subscriber_id, series_id from subscriber_series where subscriber_id in (<ids>) order by series_id")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /**
     * A LIKE pattern for "contains"; null for no search. A {@code _} or {@code %} typed stays a wildcard (no ESCAPE
     * clause: Jdbi's lexer breaks on it), which only ever finds more.
     */
    private static String pattern(String search) {
        if (search == null || search.isBlank()) return null;
        return "%" + search.strip().toLowerCase(java.util.Locale.ROOT) + "%";
    }
}

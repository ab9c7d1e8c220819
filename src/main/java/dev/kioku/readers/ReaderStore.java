package dev.kioku.readers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for readers, their sessions and their emailed sign-in links. One method per query. */
final class ReaderStore {
    private static final String COLUMNS = """
            select r.id, r.provider, r.subject, r.display_name, r.email, r.avatar_url, r.profile_url, r.created_at
            from readers r
            """;

    /** Inserts the reader or refreshes the row with the same provider and subject; returns its id. */
    long upsert(Handle h, Readers.Profile p, Instant now) {
        return h.createQuery("""
                insert into readers (provider, subject, display_name, email, avatar_url, profile_url, created_at, updated_at)
                values (:provider, :subject, :name, :email, :avatar, :profile, :now, :now)
                on conflict (provider, subject) do update set display_name = excluded.display_name, email = excluded.email,
                    avatar_url = excluded.avatar_url, profile_url = excluded.profile_url, updated_at = excluded.updated_at
                returning id
                """).bind("provider", p.provider()).bind("subject", p.subject()).bind("name", p.displayName())
                .bind("email", p.email()).bind("avatar", p.avatarUrl()).bind("profile", p.profileUrl()).bind("now", now)
                .mapTo(Long.class).one();
    }

    Optional<Reader> byId(Handle h, long id) {
        return h.createQuery(COLUMNS + " where r.id = :id").bind("id", id).map(ReaderStore::row).findOne();
    }

    Optional<Reader> byIdentity(Handle h, String provider, String subject) {
        return h.createQuery(COLUMNS + " where r.provider = :provider and r.subject = :subject")
                .bind("provider", provider).bind("subject", subject).map(ReaderStore::row).findOne();
    }

    void delete(Handle h, long id) {
        h.createUpdate("delete from reader_sessions where reader_id = :id").bind("id", id).execute();
        h.createUpdate("delete from readers where id = :id").bind("id", id).execute();
    }

    // ---- sessions

    void startSession(Handle h, String idHash, long readerId, Instant now, Instant expires) {
        h.createUpdate("""
                insert into reader_sessions (id_hash, reader_id, created_at, expires_at) values (:hash, :reader, :now, :expires)
                """).bind("hash", idHash).bind("reader", readerId).bind("now", now).bind("expires", expires).execute();
    }

    /** The reader of a session that has not expired, or empty. */
    Optional<Reader> bySession(Handle h, String idHash, Instant now) {
        return h.createQuery(COLUMNS + """
                 join reader_sessions s on s.reader_id = r.id
                 where s.id_hash = :hash and s.expires_at > :now
                """).bind("hash", idHash).bind("now", now).map(ReaderStore::row).findOne();
    }

    void endSession(Handle h, String idHash) {
        h.createUpdate("delete from reader_sessions where id_hash = :hash").bind("hash", idHash).execute();
    }

    int sessionCount(Handle h, long readerId) {
        return h.createQuery("select count(*) from reader_sessions where reader_id = :id").bind("id", readerId)
                .mapTo(Integer.class).one();
    }

    // ---- emailed links

    record Link(String email, String returnPath, Instant expiresAt) {
    }

    void insertLink(Handle h, String tokenHash, String email, String returnPath, Instant now, Instant expires) {
        h.createUpdate("""
                insert into reader_login_links (token_hash, email, return_path, created_at, expires_at)
                values (:hash, :email, :return, :now, :expires)
                """).bind("hash", tokenHash).bind("email", email).bind("return", returnPath).bind("now", now)
                .bind("expires", expires).execute();
    }

    /** A link that is neither used nor expired, or empty. */
    Optional<Link> liveLink(Handle h, String tokenHash, Instant now) {
        return h.createQuery("""
                select email, return_path, expires_at from reader_login_links
                where token_hash = :hash and used_at is null and expires_at > :now
                """).bind("hash", tokenHash).bind("now", now)
                .map((rs, ctx) -> new Link(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))).findOne();
    }

    /** Marks a live link used; false when it was used, expired or never existed (so two clicks sign in once). */
    boolean useLink(Handle h, String tokenHash, Instant now) {
        return h.createUpdate("""
                update reader_login_links set used_at = :now where token_hash = :hash and used_at is null and expires_at > :now
                """).bind("hash", tokenHash).bind("now", now).execute() == 1;
    }

    /** Drops sessions and links past their time (links a day later, so a late click still finds "expired"). */
    int purge(Handle h, Instant now) {
        int n = h.createUpdate("delete from reader_sessions where expires_at <= :now").bind("now", now).execute();
        return n + h.createUpdate("delete from reader_login_links where expires_at <= :before")
                .bind("before", now.minus(java.time.Duration.ofDays(1))).execute();
    }

    private static Reader row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Reader(rs.getLong("id"), rs.getString("provider"), rs.getString("subject"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("avatar_url"), rs.getString("profile_url"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}

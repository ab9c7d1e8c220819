package dev.kioku.accounts;

import dev.kioku.authors.Authors;
import dev.kioku.authors.Staff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff sessions as database rows, so any node can check them and a restart signs nobody out. The cookie
 * carries a random token; the table holds only its SHA-256, so a leaked backup cannot be replayed.
 */
public final class Sessions {
    /** A session not used for this long ends. */
    static final Duration IDLE = Duration.ofDays(14);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private final Jdbi jdbi;
    private final Authors authors;
    private final Clock clock;

    public Sessions(Jdbi jdbi, Authors authors, Clock clock) {
        this.jdbi = jdbi;
        this.authors = authors;
        this.clock = clock;
    }

    /** Starts a session and returns the token for the cookie. */
    public String start(long userId) {
        String token = dev.kioku.web.Tokens.random(32);
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                insert into sessions (id_hash, user_id, created_at, seen_at, expires_at)
                values (:hash, :user, :now, :now, :expires)""")
                .bind("hash", hash(token)).bind("user", userId).bind("now", now).bind("expires", now.plus(IDLE)).execute());
        return token;
    }

    /** The staff member of a live session, or empty for no, unknown or expired tokens. */
    public Optional<Staff> find(String token) {
        if (token == null || token.length() < 20) return Optional.empty();
        Instant now = clock.instant();
        String hash = hash(token);
        record Row(long userId, Instant seenAt, Instant expiresAt) {
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("select user_id, seen_at, expires_at from sessions where id_hash = :hash")
                .bind("hash", hash).map((rs, ctx) -> new Row(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)))).findOne());
        if (row.isEmpty() || !row.get().expiresAt().isAfter(now)) return Optional.empty();
        if (row.get().seenAt().plus(TOUCH_EVERY).isBefore(now)) {
            jdbi.useHandle(h -> h.createUpdate("update sessions set seen_at = :now, expires_at = :expires where id_hash = :hash")
                    .bind("now", now).bind("expires", now.plus(IDLE)).bind("hash", hash).execute());
        }
        return authors.staff(row.get().userId());
    }

    /** Ends one session (sign-out). */
    public void end(String token) {
        if (token == null) return;
        jdbi.useHandle(h -> h.createUpdate("delete from sessions where id_hash = :hash").bind("hash", hash(token)).execute());
    }

    /** Ends every session of a person (password changed or reset), except the one given (may be null). */
    public void endAllOf(long userId, String keepToken) {
        jdbi.useHandle(h -> h.createUpdate("delete from sessions where user_id = :user and id_hash <> :keep")
                .bind("user", userId).bind("keep", keepToken == null ? "" : hash(keepToken)).execute());
    }

    private static String hash(String token) {
        return dev.kioku.web.Tokens.sha256(token);
    }
}

package dev.kioku.db;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Serialises content writes. SQLite already runs one write transaction at a time (IMMEDIATE); on
 * PostgreSQL two concurrent publishes could each miss the other when working out which neighbouring pages
 * to refresh, or give two series parts the same position, so writers take one transaction-scoped advisory
 * lock first.
 */
public final class Writes {
    private static final long CONTENT_LOCK = 0x6b696f6b75L; // "kioku"

    private Writes() {
    }

    /** Call first inside a write transaction; returns at once on SQLite. */
    public static void serialize(Handle h) {
        try {
            if (!"PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName())) return;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        h.createQuery("select 1 from (select pg_advisory_xact_lock(:lock)) locked").bind("lock", CONTENT_LOCK)
                .mapTo(Integer.class).one();
    }
}

package dev.kioku.db;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a group of reads (everything one page shows) on one pooled connection.
 *
 * <p>Why: stores open a Jdbi handle per query, and a page render asks a dozen of them. Each handle takes a
 * connection from the pool, copies Jdbi's configuration and gives the connection back. Jdbi hands the handle
 * of an enclosing {@code withHandle} to every nested one on the same thread, so wrapping the reads of a render
 * makes them share one handle and one connection without the stores taking a {@code Handle} parameter.
 *
 * <p>No transaction is opened: on SQLite one would take the write lock (IMMEDIATE), and a page's reads have
 * never been one snapshot. Only reads belong inside; a write there would join the shared handle.
 */
public final class OneConnection {
    private final Jdbi jdbi;

    public OneConnection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code reads} with every query in it on the same connection; returns what they return. */
    public <T> T run(Supplier<T> reads) {
        return jdbi.withHandle(h -> reads.get());
    }
}

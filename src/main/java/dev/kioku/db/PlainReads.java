package dev.kioku.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.statement.StatementBuilder;

/**
 * Plain JDBC for the few reads every post page runs (the post, its tags, its neighbours, its comments, its author,
 * its series and its webmentions), on the connection of the Jdbi handle they are given.
 *
 * <p>Why: a post page that is not in the page cache is rendered for its request (issue 8, W6), and through Jdbi
 * each statement copies the handle's configuration, looks up an argument factory per value, parses its named
 * parameters and wraps its result set; for these short queries that cost more CPU than SQLite's own work. Here a
 * statement is taken (on SQLite, from the same {@link StatementCache} as Jdbi's), its values are set in order and
 * each row is mapped by hand.
 *
 * <p>What it gives up: named parameters ({@code ?} in order; a value is a {@code Long}, {@code Integer},
 * {@code String} or {@code Instant}, stored as epoch milliseconds like Jdbi's) and Jdbi's {@code SqlLogger}:
 * {@link Listener} hears of each statement instead (tests count the statements of a page with both).
 */
public final class PlainReads {
    private PlainReads() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} with {@code values} bound in order and maps every row; empty when none.
     *
     * @throws DatabaseException when the statement fails
     */
    public static <T> List<T> list(Handle h, String sql, Row<T> row, Object... values) {
        h.getConfig(Listener.class).heard(sql, values);
        StatementBuilder builder = h.getStatementBuilder();
        Connection conn = h.getConnection();
        try {
            PreparedStatement ps = builder instanceof StatementCache.Builder cached ? cached.take(sql) : conn.prepareStatement(sql);
            try {
                for (int i = 0; i < values.length; i++) bind(ps, i + 1, values[i]);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(row.map(rs));
                }
                return rows;
            } finally {
                if (builder instanceof StatementCache.Builder cached) cached.close(conn, sql, ps);
                else ps.close();
            }
        } catch (SQLException e) {
            throw new DatabaseException("a read failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, int at, Object value) throws SQLException {
        switch (value) {
            case Long l -> ps.setLong(at, l);
            case Integer i -> ps.setInt(at, i);
            case String s -> ps.setString(at, s);
            case Instant t -> ps.setLong(at, t.toEpochMilli());
            default -> throw new IllegalArgumentException("cannot bind " + value + " to " + at);
        }
    }

    /**
     * Who hears of each statement run here, with its values as bound (an {@code Instant} as its epoch
     * milliseconds); nobody by default. Set on the {@code Jdbi} ({@code jdbi.getConfig(Listener.class).listen(…)});
     * every handle shares it, also those opened before.
     */
    public static final class Listener implements JdbiConfig<Listener> {
        private final AtomicReference<BiConsumer<String, List<Object>>> listener;

        public Listener() {
            this(new AtomicReference<>());
        }

        private Listener(AtomicReference<BiConsumer<String, List<Object>>> shared) {
            this.listener = shared;
        }

        /** Replaces whoever listened; null stops listening. */
        public void listen(BiConsumer<String, List<Object>> heard) {
            listener.set(heard);
        }

        private void heard(String sql, Object[] values) {
            BiConsumer<String, List<Object>> l = listener.get();
            if (l == null) return;
            l.accept(sql, Arrays.stream(values).map(v -> v instanceof Instant t ? (Object) t.toEpochMilli() : v).toList());
        }

        @Override
        public Listener createCopy() {
            return new Listener(listener);
        }
    }
}

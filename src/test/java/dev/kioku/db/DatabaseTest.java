package dev.kioku.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.testing.TestDatabases;
import java.nio.file.Path;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connection settings and migrations on both engines. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void sqlite_runs_in_wal_mode_with_foreign_keys_and_full_sync() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("k.db"), null, null)) {
            db.migrate();
            var jdbi = db.jdbi();
            assertEquals("wal", jdbi.withHandle(h -> h.createQuery("pragma journal_mode").mapTo(String.class).one()));
            int foreignKeys = jdbi.withHandle(h -> h.createQuery("pragma foreign_keys").mapTo(Integer.class).one());
            assertEquals(1, foreignKeys);
            int synchronous = jdbi.withHandle(h -> h.createQuery("pragma synchronous").mapTo(Integer.class).one());
            assertEquals(2, synchronous, "FULL");
            assertTrue(jdbi.withHandle(h -> h.createQuery("pragma busy_timeout").mapTo(Integer.class).one()) >= 5000);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migrations_apply_once_and_foreign_keys_are_enforced(Engine engine) {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        try (Database db = Database.open(target.url(), target.user(), target.password())) {
            assertEquals(TestDatabases.migrationCount(engine), db.migrate());
            assertEquals(0, db.migrate());
            assertEquals(engine, db.engine());
            assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute(
                    "insert into post_tags (post_id, tag_id) values (424242, 434343)")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void times_beyond_2038_and_large_ids_fit(Engine engine) {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        try (Database db = Database.open(target.url(), target.user(), target.password())) {
            db.migrate();
            java.time.Instant far = java.time.Instant.parse("2400-01-01T00:00:00Z");
            db.jdbi().useHandle(h -> h.createUpdate("insert into settings (name, value) values ('x', 'y')").execute());
            db.jdbi().useHandle(h -> h.createUpdate("""
                    insert into media (path, mime, width, height, bytes, alt, caption, created_at)
                    values ('/media/x.png', 'image/png', 1, 1, 5000000000, '', '', :at)""").bind("at", far).execute());
            assertEquals(far, db.jdbi().withHandle(h -> h.createQuery("select created_at from media").mapTo(java.time.Instant.class).one()));
        }
    }

    @Test
    void an_unreachable_postgresql_is_reported_in_one_line_without_the_password() {
        var e = assertThrows(DatabaseException.class,
                () -> Database.open("jdbc:postgresql://127.0.0.1:1/none?password=hunter2", "u", "hunter2"));
        assertTrue(e.getMessage().startsWith("cannot open the database at jdbc:postgresql://127.0.0.1:1/none?password=****"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"));
    }
}

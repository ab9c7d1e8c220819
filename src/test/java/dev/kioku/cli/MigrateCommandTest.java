package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kioku migrate} applies the schema once and says so; a second run has nothing to do. */
class MigrateCommandTest {
    @TempDir
    Path dir;

    @Test
    void migrate_creates_the_sqlite_schema_in_the_data_folder_then_finds_it_up_to_date() {
        CommandRun first = kioku("migrate", "--data", dir.toString());
        CommandRun second = kioku("migrate", "--data", dir.toString());

        assertEquals(0, first.exit(), first::toString);
        assertEquals("Applied " + TestDatabases.migrationCount(Engine.SQLITE) + " migration(s).\n", first.out());
        assertEquals("", first.err());
        assertTrue(Files.isRegularFile(dir.resolve("kioku.db")));
        assertEquals(0, second.exit(), second::toString);
        assertEquals("Database is up to date.\n", second.out());
        assertEquals("", second.err());
    }

    @Test
    void migrate_creates_a_data_folder_that_does_not_exist_yet_as_init_and_serve_do() {
        Path data = dir.resolve("new").resolve("folder");

        CommandRun run = kioku("migrate", "--data", data.toString());

        assertEquals(0, run.exit(), run::toString);
        assertEquals("Applied " + TestDatabases.migrationCount(Engine.SQLITE) + " migration(s).\n", run.out());
        assertTrue(Files.isRegularFile(data.resolve("kioku.db")));
    }

    @Test
    void migrate_works_on_postgresql_with_the_user_and_password_from_the_config_file() throws IOException {
        TestDatabases.Db db = TestDatabases.fresh(Engine.POSTGRESQL, dir);
        Path config = Files.writeString(dir.resolve("kioku.properties"),
                "db.user=" + db.user() + "\ndb.password=" + db.password() + "\n");

        CommandRun first = kioku("migrate", "--db", db.url(), "--config", config.toString(), "--data", dir.toString());
        CommandRun second = kioku("migrate", "--db", db.url(), "--config", config.toString(), "--data", dir.toString());

        assertEquals(0, first.exit(), first::toString);
        assertEquals("Applied " + TestDatabases.migrationCount(Engine.POSTGRESQL) + " migration(s).\n", first.out());
        assertEquals(0, second.exit(), second::toString);
        assertEquals("Database is up to date.\n", second.out());
    }

    @Test
    void migrate_with_a_wrong_postgresql_password_prints_one_line_without_the_password() throws IOException {
        TestDatabases.Db db = TestDatabases.fresh(Engine.POSTGRESQL, dir);
        Path config = Files.writeString(dir.resolve("kioku.properties"), "db.user=nobody\ndb.password=wrong-horse\n");

        CommandRun run = kioku("migrate", "--db", db.url(), "--config", config.toString(), "--data", dir.toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("kioku: cannot open the database at " + db.url() + ": "), run::toString);
        assertTrue(!run.err().contains("wrong-horse"), run::toString);
    }
}

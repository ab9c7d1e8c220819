package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kiokuWithStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Database;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kioku user add} and {@code kioku user reset-password}, as scripts call them, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class UserCommandTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestDatabases.Db db;
    Path config;

    @BeforeEach
    void freshDatabase() throws IOException {
        db = TestDatabases.fresh(engine, dir);
        String credentials = db.user() == null ? "" : "db.user=" + db.user() + "\ndb.password=" + db.password() + "\n";
        config = Files.writeString(dir.resolve("kioku.properties"), credentials);
    }

    private CommandRun user(String stdin, String... options) {
        List<String> args = new ArrayList<>(List.of("user"));
        args.addAll(List.of(options));
        args.addAll(List.of("--data", dir.resolve("data").toString(), "--db", db.url(), "--config", config.toString()));
        return kiokuWithStdin(stdin, args.toArray(String[]::new));
    }

    private String column(String sql) {
        try (Database database = Database.open(db.url(), db.user(), db.password())) {
            return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
        }
    }

    @Test
    void an_editor_is_added_with_a_hashed_password_from_standard_input() {
        CommandRun run = user("battery staple\n", "add", "--email", "Ed@Example.org", "--name", "Ed Itor", "--role", "Editor", "--password-stdin");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("Added editor ed@example.org (Ed Itor).", run.out().strip());
        assertEquals("editor", column("select role from users where email = 'ed@example.org'"));
        assertTrue(column("select password_hash from users").startsWith("$argon2id$"));
    }

    @Test
    void bad_input_exits_2_with_one_line() {
        CommandRun role = user("battery staple\n", "add", "--email", "a@example.org", "--name", "A", "--role", "admin", "--password-stdin");
        assertEquals(2, role.exit());
        assertEquals("kioku: role must be one of owner, editor, author, contributor; got 'admin'", role.err().strip());

        CommandRun empty = user("", "add", "--email", "a@example.org", "--name", "A", "--role", "author", "--password-stdin");
        assertEquals(2, empty.exit());
        assertEquals("kioku: no password on standard input", empty.err().strip());

        user("battery staple\n", "add", "--email", "a@example.org", "--name", "A", "--role", "author", "--password-stdin");
        CommandRun twice = user("battery staple\n", "add", "--email", "a@example.org", "--name", "A", "--role", "author", "--password-stdin");
        assertEquals(2, twice.exit());
        assertEquals("kioku: an account with email a@example.org exists already", twice.err().strip());

        CommandRun unknown = user("battery staple\n", "reset-password", "--email", "nobody@example.org", "--password-stdin");
        assertEquals(2, unknown.exit());
        assertEquals("kioku: no account with email nobody@example.org", unknown.err().strip());
    }

    @Test
    void reset_password_replaces_the_hash_and_ends_sessions() {
        user("battery staple\n", "add", "--email", "a@example.org", "--name", "A", "--role", "owner", "--password-stdin");
        String before = column("select password_hash from users");
        try (Database database = Database.open(db.url(), db.user(), db.password())) {
            database.jdbi().useHandle(h -> h.execute("insert into sessions (id_hash, user_id, created_at, seen_at, expires_at) "
                    + "select 'abc', id, 0, 0, 9999999999999 from users"));
        }

        CommandRun run = user("horse battery\n", "reset-password", "--email", "A@example.org", "--password-stdin");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("New password set for a@example.org; their sessions were ended.", run.out().strip());
        assertTrue(!before.equals(column("select password_hash from users")));
        assertEquals("0", column("select cast(count(*) as text) from sessions"));
    }

    @Test
    void every_user_command_has_help() {
        for (String sub : new String[] {"add", "reset-password"}) {
            CommandRun help = kiokuWithStdin("", "user", sub, "--help");
            assertEquals(0, help.exit());
            assertTrue(help.out().contains("--password-stdin"), help.out());
        }
    }
}

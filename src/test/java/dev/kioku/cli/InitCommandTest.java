package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kiokuWithStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Database;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kioku init} creates the owner account once, from flags and a password on stdin, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class InitCommandTest {
    private static final String PASSWORD = "correct horse battery";

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestDatabases.Db db;
    Path data;
    Path config;

    @BeforeEach
    void freshDatabase() throws IOException {
        db = TestDatabases.fresh(engine, dir);
        data = dir.resolve("data");
        String credentials = db.user() == null ? "" : "db.user=" + db.user() + "\ndb.password=" + db.password() + "\n";
        config = Files.writeString(dir.resolve("kioku.properties"), credentials);
    }

    private CommandRun init(String stdin, String... options) {
        List<String> args = new ArrayList<>(List.of("init", "--data", data.toString(), "--db", db.url(), "--config", config.toString()));
        args.addAll(List.of(options));
        return kiokuWithStdin(stdin, args.toArray(String[]::new));
    }

    private CommandRun initOwner(String stdin) {
        return init(stdin, "--email", "owner@example.org", "--name", "Owner Person", "--password-stdin");
    }

    private List<Map<String, Object>> users() {
        try (Database database = Database.open(db.url(), db.user(), db.password())) {
            return database.jdbi().withHandle(h -> h.createQuery("select email, display_name, role, password_hash from users")
                    .mapToMap().list());
        }
    }

    @Test
    void init_creates_the_owner_with_an_argon2id_hash_of_the_password_from_stdin() {
        CommandRun run = initOwner(PASSWORD + "\n");

        assertEquals(0, run.exit(), run::toString);
        assertEquals("Initialised " + data + " with owner owner@example.org. Start the blog with: kioku serve\n", run.out());
        assertEquals("", run.err());
        assertTrue(Files.isDirectory(data));
        List<Map<String, Object>> users = users();
        assertEquals(1, users.size(), users::toString);
        Map<String, Object> owner = users.getFirst();
        assertEquals("owner@example.org", owner.get("email"));
        assertEquals("Owner Person", owner.get("display_name"));
        assertEquals("owner", owner.get("role"));
        String hash = (String) owner.get("password_hash");
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertNotEquals(PASSWORD, hash);
        assertTrue(!hash.contains(PASSWORD), hash);
    }

    @Test
    void init_on_an_initialised_blog_changes_nothing_and_says_so() {
        initOwner(PASSWORD + "\n");
        String hashBefore = (String) users().getFirst().get("password_hash");

        CommandRun again = init("another password\n", "--email", "second@example.org", "--name", "Second", "--password-stdin");

        assertEquals(0, again.exit(), again::toString);
        assertEquals("Already initialised: " + data + ", owner owner@example.org.\n", again.out());
        assertEquals(1, users().size());
        assertEquals(hashBefore, users().getFirst().get("password_hash"));
    }

    @Test
    void a_password_shorter_than_eight_characters_is_refused_in_one_line_and_no_owner_is_created() {
        CommandRun run = initOwner("short\n");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: password must be at least 8 characters"), run.errLines());
        assertEquals(List.of(), users());
    }

    @Test
    void an_empty_standard_input_is_refused_in_one_line() {
        CommandRun run = initOwner("");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: no password on standard input"), run.errLines());
    }

    @Test
    void a_missing_email_without_a_terminal_is_refused_in_one_line_naming_the_email() {
        CommandRun run = init(PASSWORD + "\n", "--name", "Owner Person", "--password-stdin");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: missing owner email (give --email and --name, or run on a terminal to be asked)"),
                run.errLines());
        assertEquals(List.of(), users());
    }
}

package dev.kioku.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kioku.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Prepared statements kept per connection (SQLite) give every execution its own answers, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class StatementCacheTest {
    private static final String BY_NAME = "select value from settings where name = :name";

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    Database db;
    final List<Statement> executed = new ArrayList<>();

    @BeforeEach
    void open() {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        db = Database.open(target.url(), target.user(), target.password());
        db.migrate();
        db.jdbi().useHandle(h -> {
            for (String n : List.of("a", "b", "c")) insert(h, n, n.toUpperCase());
        });
        db.jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext ctx) {
                executed.add(ctx.getStatement());
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void insert(Handle h, String name, String value) {
        h.createUpdate("insert into settings (name, value) values (:name, :value)").bind("name", name).bind("value", value).execute();
    }

    private static String value(Handle h, String name) {
        return h.createQuery(BY_NAME).bind("name", name).mapTo(String.class).findOne().orElse(null);
    }

    @Test
    void the_same_query_again_answers_for_its_own_parameters_and_sees_writes_made_since() {
        db.jdbi().useHandle(h -> {
            assertEquals("A", value(h, "a"));
            assertEquals("B", value(h, "b"));
            assertEquals(null, value(h, "d"));
            insert(h, "d", "D");
            assertEquals("D", value(h, "d"));
        });
        for (int i = 0; i < 20; i++) assertEquals("C", db.jdbi().withHandle(h -> value(h, "c")), "on whichever pooled connection");
    }

    @Test
    void a_query_run_while_the_same_query_is_still_reading_gets_a_statement_of_its_own() {
        List<String> pairs = db.jdbi().withHandle(h -> {
            List<String> out = new ArrayList<>();
            h.createQuery("select name from settings where name in ('a', 'b', 'c') order by name").mapTo(String.class)
                    .forEach(name -> out.add(name + "=" + value(h, name) + "/" + value(h, name.equals("a") ? "b" : "a")));
            return out;
        });

        assertEquals(List.of("a=A/B", "b=B/A", "c=C/A"), pairs);
    }

    @Test
    void a_query_left_after_its_first_row_holds_no_snapshot_a_write_on_another_connection_is_seen_next_time() {
        String names = "select name from settings where length(name) = 1 order by name desc";
        try (Handle reader = db.jdbi().open()) {
            assertEquals("c", reader.createQuery(names).mapTo(String.class).findFirst().orElseThrow());
            db.jdbi().useHandle(writer -> insert(writer, "z", "Z"));

            assertEquals("z", reader.createQuery(names).mapTo(String.class).findFirst().orElseThrow());
            assertEquals("Z", value(reader, "z"));
        }
    }

    @Test
    void a_failed_execution_leaves_the_next_one_working() {
        db.jdbi().useHandle(h -> {
            assertThrows(UnableToExecuteStatementException.class, () -> insert(h, "a", "again"));
            insert(h, "e", "E");
            assertEquals("E", value(h, "e"));
            assertEquals("A", value(h, "a"));
        });
    }

    @Test
    void sqlite_prepares_a_query_once_per_connection_and_runs_it_again() {
        assumeTrue(engine == Engine.SQLITE, "PostgreSQL's driver keeps its own statement cache");
        db.jdbi().useHandle(h -> {
            value(h, "a");
            value(h, "b");
        });
        assertSame(executed.get(0), executed.get(1));

        executed.clear();
        String from = "select name from settings where length(name) = 1 and name >= :from order by name";
        List<String> seen = db.jdbi().withHandle(h -> {
            List<String> out = new ArrayList<>();
            h.createQuery(from).bind("from", "a").mapTo(String.class).forEach(name -> out.add(name + ":"
                    + String.join(",", h.createQuery(from).bind("from", "c").mapTo(String.class).list())));
            return out;
        });
        assertEquals(List.of("a:c", "b:c", "c:c"), seen);
        assertNotSame(executed.get(0), executed.get(1), "the one still reading is not handed out twice");
    }
}

package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kioku demo} from a shell: fills an empty database, the same way for the same seed, and leaves a used one alone. */
@ParameterizedClass
@EnumSource(Engine.class)
class DemoCommandTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private record Target(TestDatabases.Db db, Path dir, Path config) {
    }

    private Target fresh(String name) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        TestDatabases.Db db = TestDatabases.fresh(engine, d);
        String credentials = db.user() == null ? "" : "db.user=" + db.user() + "\ndb.password=" + db.password() + "\n";
        return new Target(db, d, Files.writeString(d.resolve("kioku.properties"), credentials));
    }

    private static CommandRun demo(Target t, String... options) {
        List<String> args = new ArrayList<>(List.of("demo", "--data", t.dir().resolve("data").toString(), "--db", t.db().url(),
                "--config", t.config().toString()));
        args.addAll(List.of(options));
        return kioku(args.toArray(String[]::new));
    }

    private static <T> List<T> query(Target t, String sql, Class<T> type) {
        try (Database database = Database.open(t.db().url(), t.db().user(), t.db().password())) {
            database.migrate();
            return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).list());
        }
    }

    private static long count(Target t, String sql) {
        return query(t, sql, Long.class).getFirst();
    }

    @Test
    void it_fills_an_empty_database_with_posts_tags_series_and_approved_comments() throws IOException {
        Target t = fresh("a");

        CommandRun run = demo(t, "--posts", "60", "--comments-per-post", "2", "--comments-on-newest", "9", "--seed", "3");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Made 60 posts, 127 comments, "), run::toString);
        assertEquals(60, count(t, "select count(*) from posts where kind = 'post' and status = 'published'"));
        assertEquals(127, count(t, "select count(*) from comments where status = 'approved'"));
        assertEquals(9, count(t, "select count(*) from comments where post_id = (select id from posts order by published_at desc limit 1)"));
        assertTrue(count(t, "select count(distinct tag_id) from post_tags") > 5);
        assertEquals(4, count(t, "select count(*) from series_parts"));
    }

    @Test
    void the_same_seed_makes_the_same_blog_and_another_seed_another() throws IOException {
        Target a = fresh("a");
        Target b = fresh("b");
        Target c = fresh("c");

        assertEquals(0, demo(a, "--posts", "25", "--comments-per-post", "1", "--seed", "42").exit());
        assertEquals(0, demo(b, "--posts", "25", "--comments-per-post", "1", "--seed", "42").exit());
        assertEquals(0, demo(c, "--posts", "25", "--comments-per-post", "1", "--seed", "43").exit());

        String posts = "select title || '|' || slug || '|' || body_html from posts order by published_at";
        assertEquals(query(a, posts, String.class), query(b, posts, String.class));
        assertEquals(query(a, "select body_md from comments order by id", String.class), query(b, "select body_md from comments order by id", String.class));
        assertNotEquals(query(a, posts, String.class), query(c, posts, String.class));
    }

    @Test
    void a_database_with_posts_is_refused_in_one_line_and_left_as_it_was() throws IOException {
        Target t = fresh("a");
        assertEquals(0, demo(t, "--posts", "5", "--comments-per-post", "0").exit());

        CommandRun again = demo(t, "--posts", "5", "--comments-per-post", "0");

        assertEquals(1, again.exit(), again::toString);
        assertEquals(List.of("kioku: the database already has posts; kioku demo only fills an empty one"), again.errLines());
        assertEquals(5, count(t, "select count(*) from posts"));
    }

    @Test
    void a_bad_count_is_named_in_one_line() throws IOException {
        CommandRun run = demo(fresh("a"), "--posts", "0");

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: --posts must be at least 1, was 0"), run.errLines());
    }
}

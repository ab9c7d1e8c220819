package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** {@code kioku export} from a shell: a line of counts on success, one line naming the problem and exit 1 otherwise. */
@ParameterizedClass
@EnumSource(Engine.class)
class ExportCommandTest {
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

    private CommandRun run(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--data", dir.resolve("data").toString(), "--db", db.url(), "--config", config.toString()));
        return kioku(args.toArray(String[]::new));
    }

    @Test
    void a_wordpress_export_is_written_and_counted() throws IOException {
        CommandRun run = run("export", "wordpress", dir.resolve("out/blog.xml").toString(), "--media", dir.resolve("uploads").toString());

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Wrote " + dir.resolve("out/blog.xml") + ": 0 posts, 0 pages, 0 comments, 0 images, 0 series"), run::toString);
        assertTrue(Files.readString(dir.resolve("out/blog.xml")).contains("<wp:wxr_version>1.2</wp:wxr_version>"));
    }

    @Test
    void a_folder_given_as_the_file_is_refused_in_one_line() throws IOException {
        Files.createDirectories(dir.resolve("taken"));

        CommandRun run = run("export", "wordpress", dir.resolve("taken").toString());

        assertEquals(1, run.exit(), run::toString);
        assertEquals(List.of("kioku: cannot export to " + dir.resolve("taken") + ": it is a folder; name a file such as blog.xml"), run.errLines());
    }

    @Test
    void a_markdown_bundle_is_written_and_an_import_of_it_into_the_same_blog_adds_nothing() {
        CommandRun export = run("export", "markdown", dir.resolve("bundle").toString());
        CommandRun back = run("import", "markdown", dir.resolve("bundle").toString());

        assertEquals(0, export.exit(), export::toString);
        assertTrue(export.out().startsWith("Wrote " + dir.resolve("bundle") + ": 0 posts, 0 pages"), export::toString);
        assertTrue(Files.isRegularFile(dir.resolve("bundle/kioku.yaml")));
        assertEquals(0, back.exit(), back::toString);
        assertTrue(back.outLines().getFirst().startsWith("Imported: "), back::toString);
    }

    @Test
    void a_folder_with_something_in_it_is_refused_and_a_bad_bundle_is_named_in_one_line() throws IOException {
        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/notes.txt"), "mine");
        Files.createDirectories(dir.resolve("bad/content/posts"));
        Files.writeString(dir.resolve("bad/content/posts/2026-01-01-x.md"), "no front matter");

        CommandRun export = run("export", "markdown", dir.resolve("full").toString());
        CommandRun bad = run("import", "markdown", dir.resolve("bad").toString());

        assertEquals(1, export.exit());
        assertEquals(List.of("kioku: cannot export: " + dir.resolve("full") + " is not empty; name a new folder"), export.errLines());
        assertEquals(1, bad.exit());
        assertEquals(List.of("kioku: cannot import " + dir.resolve("bad") + ": content/posts/2026-01-01-x.md: has no front matter"
                + " (the file must start with a --- line); nothing was imported"), bad.errLines());
    }
}

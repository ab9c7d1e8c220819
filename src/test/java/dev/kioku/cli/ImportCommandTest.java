package dev.kioku.cli;

import static dev.kioku.cli.CommandRun.kioku;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kioku import wordpress} from a shell: a summary on success; one line naming the line of the file, a
 * non-zero exit and an untouched database when the file is not a readable export.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ImportCommandTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "wxr").toAbsolutePath().normalize();

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

    private CommandRun importing(String... options) {
        List<String> args = new ArrayList<>(List.of("import", "wordpress", "--data", dir.resolve("data").toString(), "--db", db.url(),
                "--config", config.toString()));
        args.addAll(List.of(options));
        return kioku(args.toArray(String[]::new));
    }

    private long count(String sql) {
        try (Database database = Database.open(db.url(), db.user(), db.password())) {
            database.migrate();
            return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    private static Path corpus(String file) {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "skipped: the WordPress export corpus is not at " + CORPUS);
        return CORPUS.resolve(file);
    }

    @Test
    void an_export_imports_and_the_summary_counts_what_came_over() {
        CommandRun run = importing(corpus("wordpress-importer/phpunit-data/small-export.xml").toString());

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.outLines().getFirst().startsWith("Imported: "), run::toString);
        assertTrue(run.out().contains(" 6 posts, 5 pages, 0 attachments, 0 images, 1 comments."), run::toString);
        assertEquals(11, count("select count(*) from posts"));
    }

    @Test
    void a_dry_run_reports_the_same_counts_and_saves_nothing() {
        CommandRun run = importing(corpus("wordpress-importer/phpunit-data/small-export.xml").toString(), "--dry-run");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.outLines().getFirst().startsWith("Dry run, nothing was saved. Would import: "), run::toString);
        assertTrue(run.out().contains(" 6 posts, 5 pages, 0 attachments, 0 images, 1 comments."), run::toString);
        assertEquals(0, count("select count(*) from posts"));
    }

    @Test
    void a_truncated_export_stops_with_one_line_naming_the_line_and_imports_nothing() {
        Path file = corpus("wordpress-importer/phpunit-data/malformed-simple.xml");

        CommandRun run = importing(file.toString());

        assertEquals(1, run.exit(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.errLines().getFirst().matches("kioku: cannot import .*malformed-simple\\.xml: line \\d+: .+; nothing was imported"),
                run::toString);
        assertEquals(0, count("select count(*) from posts") + count("select count(*) from users") + count("select count(*) from wordpress_ids"));
    }

    @Test
    void an_export_with_entity_declarations_is_refused_in_one_line() throws IOException {
        Path bomb = Files.writeString(dir.resolve("bomb.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <rss><channel><item><title>&b;</title><wp:post_type xmlns:wp="http://wordpress.org/export/1.2/">post</wp:post_type>
                </item></channel></rss>
                """);

        CommandRun run = importing(bomb.toString());

        assertEquals(1, run.exit(), run::toString);
        assertEquals(List.of("kioku: cannot import " + bomb + ": line 2: the file has a DOCTYPE; WordPress exports have none, and its"
                + " entities (billion laughs, external files) are refused; nothing was imported"), run.errLines());
        assertEquals(0, count("select count(*) from posts"));
    }

    @Test
    void a_missing_file_is_named_in_one_line() {
        Path missing = dir.resolve("nope.xml");

        CommandRun run = importing(missing.toString());

        assertEquals(2, run.exit(), run::toString);
        assertEquals(List.of("kioku: no such file: " + missing), run.errLines());
    }

    @Test
    void an_attachment_path_that_leaves_the_media_folder_is_not_read() throws IOException {
        Path media = Files.createDirectories(dir.resolve("uploads"));
        Files.write(dir.resolve("secret.png"), dev.kioku.testing.TestImages.png(20, 20));
        Files.write(media.resolve("inside.png"), dev.kioku.testing.TestImages.png(20, 20));
        String item = """
                <item><title>%s</title><wp:post_id>%d</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
                <wp:attachment_url>https://old.example/wp-content/uploads/%s</wp:attachment_url>
                <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>%s</wp:meta_value></wp:postmeta></item>
                """;
        Path export = Files.writeString(dir.resolve("export.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old</title>
                <link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
                """ + item.formatted("up", 1, "x.png", "../secret.png") + item.formatted("abs", 2, "y.png", dir.resolve("secret.png"))
                + item.formatted("ok", 3, "inside.png", "inside.png") + "</channel></rss>\n");

        CommandRun run = importing(export.toString(), "--media", media.toString());

        assertEquals(0, run.exit(), run::toString);
        assertEquals(1, count("select count(*) from media"), "only the file inside the media folder: " + run);
        assertTrue(run.out().contains("file missing from the media folder (../secret.png)"), run::toString);
    }
}

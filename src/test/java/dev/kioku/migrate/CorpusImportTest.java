package dev.kioku.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.App;
import dev.kioku.config.Config;
import dev.kioku.config.Smtp;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every file of the shared WordPress corpus, imported into an empty database: the well-formed ones bring the
 * posts, pages, attachments and comments STATS.json counted; the malformed ones stop and leave the database empty.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CorpusImportTest {
    static final List<WxrCorpus.Row> WELL_FORMED = WxrCorpus.wellFormed();
    static final List<WxrCorpus.Row> MALFORMED = WxrCorpus.malformed();

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private App app() {
        TestDatabases.Db db = TestDatabases.fresh(engine, dir);
        return new App(new Config("127.0.0.1", 0, dir.resolve("data"), db.url(), db.user(), db.password(), null, Smtp.NONE, false),
                Clock.fixed(TestBlog.START, ZoneOffset.UTC));
    }

    private static long count(App app, String sql) {
        return app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("WELL_FORMED")
    void a_well_formed_export_brings_every_counted_post_page_attachment_and_comment(WxrCorpus.Row row) {
        try (App app = app()) {
            ImportReport report = app.wordpressImport().run(new WordPressImport.Options(row.file(), null, false),
                    WordPressImport.Progress.NONE);

            String summary = String.join("\n", report.summary());
            assertEquals(row.posts(), count(app, "select count(*) from posts where kind = 'post'"), summary);
            assertEquals(row.pages(), count(app, "select count(*) from posts where kind = 'page'"), summary);
            assertEquals(row.attachments(), count(app, "select count(*) from wordpress_ids where kind = 'attachment'"), summary);
            assertEquals(row.comments(), count(app, "select count(*) from comments"), summary);
            assertEquals(row.attachments(), report.count("attachments"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("MALFORMED")
    void a_malformed_export_stops_naming_the_line_and_leaves_the_database_as_it_was(WxrCorpus.Row row) {
        try (App app = app()) {
            WxrException e = assertThrows(WxrException.class, () -> app.wordpressImport().run(
                    new WordPressImport.Options(row.file(), null, false), WordPressImport.Progress.NONE));

            assertTrue(e.getMessage().matches("line \\d+: .+"), e.getMessage());
            assertEquals(0, count(app, "select (select count(*) from posts) + (select count(*) from comments) + (select count(*) from users)"
                    + " + (select count(*) from tags) + (select count(*) from wordpress_ids) + (select count(*) from old_urls)"
                    + " + (select count(*) from media)"));
            assertTrue(Files.notExists(dir.resolve("data/media")) || isEmptyTree(dir.resolve("data/media")));
        }
    }

    private static boolean isEmptyTree(Path p) {
        try (var files = Files.walk(p)) {
            return files.noneMatch(Files::isRegularFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

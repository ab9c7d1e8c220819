package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.migrate.ImportReport;
import dev.kioku.migrate.WordPressImport;
import dev.kioku.migrate.WxrException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kioku import wordpress EXPORT.xml}: brings a blog over from another engine. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Bring posts over from another blog.",
        subcommands = {ImportCommand.WordPress.class, ImportCommand.Markdown.class})
public final class ImportCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Imports a WXR file all or nothing, then prints what it did and every item it skipped or changed. */
    @Command(name = "wordpress", mixinStandardHelpOptions = true,
            description = "Import a WordPress export (WXR 1.0-1.2): authors, posts, pages, categories and tags, comments, images.")
    static final class WordPress implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "EXPORT.xml", description = "The file from WordPress: Tools → Export → All content.")
        Path file;

        @Option(names = "--media", paramLabel = "DIR", description = "The unzipped wp-content/uploads folder; images are copied from it.")
        Path media;

        @Option(names = "--dry-run", description = "Report what would be imported, and save nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            try (App app = new App(store.load(Map.of()), Clock.systemUTC())) {
                ImportReport report = app.wordpressImport().run(new WordPressImport.Options(file, media, dryRun), ImportProgress.forConsole());
                report.summary().forEach(System.out::println);
                return 0;
            } catch (WxrException e) {
                System.err.println("kioku: cannot import " + file + ": " + e.getMessage() + "; nothing was imported");
                return 1;
            }
        }
    }

    /** Reads a Markdown bundle written by {@code kioku export markdown} back, all or nothing. */
    @Command(name = "markdown", mixinStandardHelpOptions = true,
            description = "Import a Markdown bundle written by kioku export markdown: posts, pages, tags, series, comments, images.")
    static final class Markdown implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "DIR", description = "The bundle folder (with content/, media/ and data/).")
        Path dir;

        @Override
        public Integer call() {
            try (App app = new App(store.load(Map.of()), Clock.systemUTC())) {
                ImportReport report = app.markdownImport().run(dir);
                report.summary().forEach(System.out::println);
                return 0;
            } catch (WxrException e) {
                System.err.println("kioku: cannot import " + dir + ": " + e.getMessage() + "; nothing was imported");
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("kioku: cannot import: " + e.getMessage());
                return 1;
            }
        }
    }
}

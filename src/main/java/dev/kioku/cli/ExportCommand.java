package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.migrate.WordPressExport;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kioku export wordpress OUT.xml} and {@code kioku export markdown DIR}: everything out again, for another engine or Kioku. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the whole blog out, for another blog engine.",
        subcommands = {ExportCommand.WordPress.class, ExportCommand.Markdown.class})
public final class ExportCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Writes a WXR 1.2 file and, with {@code --media}, the images in WordPress's uploads layout. */
    @Command(name = "wordpress", mixinStandardHelpOptions = true,
            description = "Write a WordPress export (WXR 1.2): authors, posts, pages, tags, series, comments, images.")
    static final class WordPress implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "OUT.xml", description = "The file to write (replaced if it exists).")
        Path file;

        @Option(names = "--media", paramLabel = "DIR", description = "Copy the images into this folder as YYYY/MM/name (upload it as wp-content/uploads).")
        Path media;

        @Override
        public Integer call() {
            if (Files.isDirectory(file)) {
                System.err.println("kioku: cannot export to " + file + ": it is a folder; name a file such as blog.xml");
                return 1;
            }
            if (media != null && Files.exists(media) && !Files.isDirectory(media)) {
                System.err.println("kioku: --media " + media + " is a file, not a folder");
                return 1;
            }
            try (App app = new App(store.load(Map.of()), Clock.systemUTC())) {
                WordPressExport.Counts counts = app.wordpressExport().run(file, media);
                System.out.println("Wrote " + file + ": " + counts.summary() + (media == null ? "" : "; images copied to " + media));
                return 0;
            } catch (UncheckedIOException e) {
                System.err.println("kioku: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Writes a Markdown bundle: one file per post with YAML front matter, the images, comments and series as data. */
    @Command(name = "markdown", mixinStandardHelpOptions = true,
            description = "Write a Markdown bundle for Hugo or Jekyll: content/posts/*.md with front matter, media/, data/.")
    static final class Markdown implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "DIR", description = "A new (or empty) folder to write into.")
        Path dir;

        @Override
        public Integer call() {
            try (App app = new App(store.load(Map.of()), Clock.systemUTC())) {
                WordPressExport.Counts counts = app.markdownExport().run(dir);
                System.out.println("Wrote " + dir + ": " + counts.summary());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("kioku: cannot export: " + e.getMessage());
                return 1;
            } catch (UncheckedIOException e) {
                System.err.println("kioku: " + e.getMessage());
                return 1;
            }
        }
    }
}

package dev.kioku.migrate;

import dev.kioku.authors.Authors;
import dev.kioku.comments.Comments;
import dev.kioku.content.Posts;
import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.SeriesService;
import dev.kioku.site.SiteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code kioku import wordpress}: brings a WordPress export over, all or nothing.
 *
 * <p>How "all or nothing" holds: the file is read twice. The first reading ({@link ImportPlan}) checks all of it
 * (well-formed, no DOCTYPE, not cut short) before anything is written, and plans every new address so links can
 * be rewritten to posts further down the file. Images are then copied into the media library (each its own small
 * write, removed again if anything later fails). The second reading saves authors, tags, posts, pages, comments,
 * redirects and the remembered WordPress ids in one transaction, without the editor's listeners (no mail, no
 * webmentions), and one change event is published after commit. A dry run does the same and rolls back.
 */
public final class WordPressImport {
    private final Jdbi jdbi;
    private final Posts posts;
    private final Comments comments;
    private final Authors authors;
    private final MediaLibrary media;
    private final SeriesService series;
    private final EventBus events;
    private final Supplier<SiteSettings> settings;
    private final Clock clock;
    private final ImportStore store = new ImportStore();

    public WordPressImport(Jdbi jdbi, Posts posts, Comments comments, Authors authors, MediaLibrary media, SeriesService series, EventBus events,
                           Supplier<SiteSettings> settings, Clock clock) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.comments = comments;
        this.authors = authors;
        this.media = media;
        this.series = series;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** What to import: the export, the unzipped {@code wp-content/uploads} folder (or null), and whether only to tell. */
    public record Options(Path file, Path mediaDir, boolean dryRun) {
    }

    /** Told how far the import is; {@code total} is the number of items in the file. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void reading() {
        }

        default void start(long total) {
        }

        default void step(long done, String counts) {
        }

        default void finish() {
        }
    }

    /**
     * Runs the import.
     *
     * @return the counts and every item skipped or changed, with the reason
     * @throws WxrException when the file cannot be read as an export (nothing was imported)
     * @throws IllegalArgumentException when the media folder is not a folder
     */
    public ImportReport run(Options o, Progress progress) {
        if (!Files.isRegularFile(o.file())) throw new IllegalArgumentException("no such file: " + o.file());
        if (o.mediaDir() != null && !Files.isDirectory(o.mediaDir())) throw new IllegalArgumentException("no such folder: " + o.mediaDir());
        progress.reading();
        ImportPlan plan = new ImportPlan();
        new WxrReader().read(o.file(), plan);
        ImportReport report = new ImportReport(o.dryRun());
        String version = plan.channel.version();
        if (version == null || !version.strip().matches("1\\.[012]")) {
            report.note("WXR version " + (version == null ? "missing" : "'" + version.strip() + "' unknown") + ": read as WXR 1.2");
        }
        String site = plan.channel.site().isEmpty() ? "file:" + o.file().getFileName() : plan.channel.site();
        Map<Long, Long> doneAttachments = jdbi.withHandle(h -> store.ids(h, site, "attachment"));
        List<Media> copied = new ArrayList<>();
        Map<Long, Media> images = new HashMap<>();
        try {
            copyImages(plan, o, doneAttachments, images, copied, report);
            ImportRun run = new ImportRun(this, plan, site, images, report, settings.get());
            progress.start(plan.items.size());
            run.save(o.file(), o.dryRun(), progress);
            progress.finish();
            if (!o.dryRun()) {
                events.publish(ChangeEvent.of("posts", "series", ChangeEvent.SITE, ChangeEvent.NAV, Comments.ANY));
                int levels = run.deepestThread();
                if (levels > comments.settings().threadDepth()) {
                    int now = comments.fitThreadDepth(levels);
                    report.note("Settings → Discussion: reply depth raised to " + now + " to fit imported threads " + levels + " levels deep");
                }
            }
            return report;
        } catch (RuntimeException | Error e) {
            for (Media m : copied) media.delete(m.id());
            throw e;
        }
    }

    /** Copies each attachment's file that is an image into the media library; says why for every other one. */
    private void copyImages(ImportPlan plan, Options o, Map<Long, Long> done, Map<Long, Media> images, List<Media> copied,
                            ImportReport report) {
        for (ImportPlan.Ref a : plan.items) {
            if (!a.type().equals("attachment")) continue;
            Long before = done.get(a.wpId());
            if (before != null) {
                media.byId(before).ifPresent(m -> images.put(a.wpId(), m));
                continue;
            }
            if (done.containsKey(a.wpId())) continue; // seen before, reported then
            String where = "line " + a.line() + ": attachment “" + a.title() + "”";
            String rel = !a.attachedFile().isBlank() ? a.attachedFile().strip() : ImportPlan.uploadKey(a.attachmentUrl(), false);
            if (o.mediaDir() == null) {
                report.note(where + ": not copied (no --media folder given); links keep pointing at " + a.attachmentUrl());
                continue;
            }
            Path base = o.mediaDir().toAbsolutePath().normalize();
            Path file = rel == null ? null : base.resolve(rel).normalize();
            if (file == null || !file.startsWith(base) || !Files.isRegularFile(file)) {
                report.note(where + ": file missing from the media folder (" + rel + "); links keep pointing at " + a.attachmentUrl());
                continue;
            }
            if (o.dryRun()) {
                report.imported("images");
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                Media m = media.importImage(file.getFileName().toString(), bytes, plainText(a.alt()), plainText(a.caption()));
                copied.add(m);
                images.put(a.wpId(), m);
                report.imported("images");
            } catch (IllegalArgumentException e) {
                report.note(where + ": not copied, " + e.getMessage() + " (only images go into the media library); links keep pointing at "
                        + a.attachmentUrl());
            } catch (IOException e) {
                report.note(where + ": cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
    }

    static String plainText(String html) {
        if (html == null || html.isBlank()) return "";
        return org.jsoup.Jsoup.parse(html).text().strip();
    }

    /** {@code BASE/feed/}, {@code BASE/feed/rss2/}, {@code …/rss/}, {@code …/rdf/}, {@code …/atom/}. */
    private static final Pattern FEED = Pattern.compile("^(/.*?)feed/(?:(rss2|rss|rdf|atom)/)?$");
    /** {@code /category/parent/child/}: WordPress's address of a category below another one. */
    private static final Pattern NESTED_CATEGORY = Pattern.compile("^/category/(?:[^/]+/)+([^/]+)/$");
    /** WordPress's {@code /?feed=rss2} and its other names for the site's feeds. */
    private static final Map<String, String> QUERY_FEEDS = Map.of("/?feed=rss2", "/feed/", "/?feed=rss", "/feed/",
            "/?feed=rdf", "/feed/", "/?feed=atom", "/feed/atom/", "/?feed=comments-rss2", "/comments/feed/",
            "/?feed=comments-atom", "/comments/feed/atom/");

    /**
     * Where an old WordPress address now lives, or empty: one an import left with a fixed new home (a category,
     * an attachment page), a nested category's address, and WordPress's feed addresses: {@code /feed/rss2/} (and
     * {@code rss}, {@code rdf}) of the site, a tag or a category, {@code /?feed=rss2}, and a post's comment feed
     * at its old or current address plus {@code feed/}.
     */
    public Optional<String> redirectFor(String path) {
        Optional<String> stored = jdbi.withHandle(h -> store.oldUrl(h, path));
        if (stored.isPresent()) return stored;
        if (QUERY_FEEDS.containsKey(path)) return Optional.of(QUERY_FEEDS.get(path));
        Matcher nested = NESTED_CATEGORY.matcher(path);
        if (nested.matches()) {
            Optional<String> child = jdbi.withHandle(h -> store.oldUrl(h, "/category/" + nested.group(1) + "/"));
            if (child.isPresent()) return child;
        }
        Matcher feed = FEED.matcher(path);
        if (!feed.matches()) return Optional.empty();
        String base = feed.group(1);
        String suffix = "atom".equals(feed.group(2)) ? "feed/atom/" : "feed/";
        Optional<String> post = posts.publicAt(base).map(p -> "/comments/" + p.id() + "/" + suffix);
        if (post.isPresent()) return post;
        Optional<String> moved = base.equals("/") ? Optional.empty() : redirectFor(base).filter(to -> to.startsWith("/tag/"));
        if (moved.isPresent()) return moved.map(to -> to + suffix);
        String same = base + suffix;
        return same.equals(path) ? Optional.empty() : Optional.of(same);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Posts posts() {
        return posts;
    }

    Comments comments() {
        return comments;
    }

    Authors authors() {
        return authors;
    }

    SeriesService series() {
        return series;
    }

    ImportStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }
}

package dev.kioku.migrate;

import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Tag;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.Series;
import dev.kioku.series.SeriesService;
import dev.kioku.site.SiteSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code kioku export markdown DIR}: the whole blog as a Markdown bundle ({@link Bundle}) for Hugo, Jekyll or another
 * Kioku. Posts are read {@value WordPressExport#PAGE} at a time and written one file each.
 */
public final class MarkdownExport {
    private final Jdbi jdbi;
    private final Posts posts;
    private final SeriesService series;
    private final MediaLibrary media;
    private final Supplier<SiteSettings> settings;
    private final Supplier<String> base;
    private final ExportStore store = new ExportStore();

    public MarkdownExport(Jdbi jdbi, Posts posts, SeriesService series, MediaLibrary media, Supplier<SiteSettings> settings,
                          Supplier<String> base) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.series = series;
        this.media = media;
        this.settings = settings;
        this.base = base;
    }

    /**
     * Writes the bundle into {@code dir}, which must be missing or empty.
     *
     * @throws IllegalArgumentException when {@code dir} is a file or a folder with something in it
     * @throws UncheckedIOException when a file cannot be written (the message names it)
     */
    public WordPressExport.Counts run(Path dir) {
        if (Files.isRegularFile(dir)) throw new IllegalArgumentException(dir + " is a file; name a new folder");
        try {
            if (Files.isDirectory(dir)) {
                try (var inside = Files.list(dir)) {
                    if (inside.findAny().isPresent()) throw new IllegalArgumentException(dir + " is not empty; name a new folder");
                }
            }
            return write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    private WordPressExport.Counts write(Path dir) throws IOException {
        SiteSettings s = settings.get();
        DateTimeFormatter rfc3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(s.timeZone());
        yaml(dir.resolve(Bundle.SITE), map("generator", "Kioku", "site", base.get(), "title", s.title(), "language", s.language(),
                "time_zone", s.timeZone().getId()));
        Files.createDirectories(dir.resolve(Bundle.POSTS));
        Files.createDirectories(dir.resolve(Bundle.PAGES));
        List<Map<String, Object>> images = new ArrayList<>();
        for (Media m : media.all().reversed()) {
            String rel = WordPressExport.uploadName(m);
            Path to = dir.resolve(Bundle.MEDIA).resolve(rel);
            Files.createDirectories(to.getParent());
            Path from = media.file(m.path()).orElseThrow(() -> new IOException("the file of " + m.path() + " is missing"));
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            images.add(map("file", rel, "alt", m.alt(), "caption", m.caption(), "original_name", m.originalName(), "kioku_id", m.id()));
        }
        yaml(dir.resolve(Bundle.MEDIA_LIST), images);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Series one : series.all()) {
            List<Map<String, Object>> planned = new ArrayList<>();
            for (SeriesService.Slot slot : series.slots(one.id())) {
                if (slot.postId() == null) planned.add(map("position", slot.position(), "title", slot.plannedTitle(), "note", slot.plannedNote()));
            }
            all.add(map("slug", one.slug(), "title", one.title(), "description", one.descriptionMd(), "planned", planned));
        }
        yaml(dir.resolve(Bundle.SERIES), all);
        Map<Long, ExportStore.Author> authors = new HashMap<>();
        jdbi.useHandle(h -> store.authors(h).forEach(a -> authors.put(a.id(), a)));
        int postCount = 0;
        int pageCount = 0;
        int commentCount = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = jdbi.withHandle(h -> store.postIdsAfter(h, from, WordPressExport.PAGE));
            if (ids.isEmpty()) break;
            Map<Long, Post> page = posts.byIdsWithTags(ids);
            Map<Long, List<ExportStore.CommentRow>> comments = new HashMap<>();
            Map<Long, ExportStore.SeriesSlot> slots = jdbi.withHandle(h -> {
                store.comments(h, ids).forEach(c -> comments.computeIfAbsent(c.postId(), k -> new ArrayList<>()).add(c));
                return store.seriesSlots(h, ids);
            });
            for (long id : ids) {
                Post p = page.get(id);
                if (p == null) continue;
                boolean isPage = p.kind() == Kind.PAGE;
                if (isPage) pageCount++;
                else postCount++;
                Instant date = p.publishedAt() == null ? p.createdAt() : p.publishedAt();
                String name = isPage ? p.slug() : date.atZone(s.timeZone()).toLocalDate() + "-" + p.slug();
                Path file = dir.resolve(isPage ? Bundle.PAGES : Bundle.POSTS).resolve(name + ".md");
                Map<String, Object> front = map("title", p.title(), "date", rfc3339.format(date), "lastmod", rfc3339.format(p.updatedAt()),
                        "slug", p.slug(), "draft", !p.isPublic(), "status", p.status().name().toLowerCase(java.util.Locale.ROOT));
                front.put("tags", p.tags().stream().map(Tag::name).toList());
                front.put("tag_slugs", p.tags().stream().map(Tag::slug).toList());
                ExportStore.SeriesSlot slot = slots.get(id);
                if (slot != null) {
                    front.put("series", slot.seriesSlug());
                    front.put("series_part", slot.position());
                }
                ExportStore.Author a = authors.get(p.authorId());
                if (a != null) {
                    front.put("author", a.name());
                    front.put("author_email", a.email());
                }
                if (p.customExcerpt() != null) front.put("summary", p.customExcerpt());
                if (p.featuredMediaId() != null) media.byId(p.featuredMediaId()).ifPresent(m -> front.put("featured_image", m.path()));
                if (p.review() != null) front.put("review", Reviews.toMap(p.review()));
                front.put("comments_open", p.commentsOpen());
                front.put("kioku_id", p.id());
                Files.createDirectories(file.getParent());
                Files.writeString(file, "---\n" + Bundle.YAML.writeValueAsString(front) + "---\n" + p.bodyMd(), StandardCharsets.UTF_8);
                List<ExportStore.CommentRow> thread = comments.getOrDefault(id, List.of());
                if (!thread.isEmpty()) {
                    commentCount += thread.size();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (ExportStore.CommentRow c : thread) {
                        rows.add(map("id", c.id(), "parent", c.parentId(), "author", c.name(), "email", c.email(), "url", c.url(), "ip", c.ip(),
                                "date", DateTimeFormatter.ISO_INSTANT.format(c.at()), "status", c.status().sql(), "body", c.bodyMd()));
                    }
                    yaml(dir.resolve(Bundle.COMMENTS).resolve(isPage ? "pages" : "posts").resolve(p.slug() + ".yaml"), rows);
                }
            }
            after = ids.getLast();
        }
        return new WordPressExport.Counts(postCount, pageCount, commentCount, images.size(), all.size());
    }

    private static void yaml(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Bundle.YAML.writeValueAsString(value), StandardCharsets.UTF_8);
    }

    /** An ordered map from key, value pairs; null values are left out. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) if (pairs[i + 1] != null) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }
}

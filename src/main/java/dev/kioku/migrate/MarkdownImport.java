package dev.kioku.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kioku.authors.Authors;
import dev.kioku.comments.CommentStatus;
import dev.kioku.comments.Comments;
import dev.kioku.comments.ImportedComment;
import dev.kioku.content.ImportedPost;
import dev.kioku.content.Kind;
import dev.kioku.content.Posts;
import dev.kioku.content.Status;
import dev.kioku.db.Writes;
import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.Slugs;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.SeriesService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code kioku import markdown DIR}: reads a Markdown bundle ({@link Bundle}) back, all or nothing.
 *
 * <p>As with the WordPress import, the bundle is read twice: first every file is parsed and checked (a bad one stops
 * the import naming the file, before anything is written), then the images are copied and everything else is saved
 * in one transaction, without the editor's listeners. Ids are remembered per exporting site, so running the same
 * import again adds nothing twice.
 */
public final class MarkdownImport {
    private final Jdbi jdbi;
    private final Posts posts;
    private final Comments comments;
    private final Authors authors;
    private final MediaLibrary media;
    private final SeriesService series;
    private final EventBus events;
    private final Clock clock;
    private final ImportStore store = new ImportStore();

    public MarkdownImport(Jdbi jdbi, Posts posts, Comments comments, Authors authors, MediaLibrary media, SeriesService series,
                          EventBus events, Clock clock) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.comments = comments;
        this.authors = authors;
        this.media = media;
        this.series = series;
        this.events = events;
        this.clock = clock;
    }

    /** A post or page file read and checked. */
    private record Entry(Path file, String where, Kind kind, JsonNode front, String body) {
    }

    /**
     * Runs the import.
     *
     * @return the counts, and every item skipped or changed with the reason
     * @throws WxrException naming the file (relative to {@code dir}) when one cannot be read; nothing was imported
     * @throws IllegalArgumentException when {@code dir} is not a bundle folder
     */
    public ImportReport run(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no such folder: " + dir);
        if (!Files.isDirectory(dir.resolve("content"))) throw new IllegalArgumentException(dir + " has no content/ folder: not a Markdown bundle");
        JsonNode site = Files.isRegularFile(dir.resolve(Bundle.SITE)) ? yaml(dir, dir.resolve(Bundle.SITE)) : null;
        String key = "bundle:" + (site != null && site.hasNonNull("site") ? site.get("site").asText() : dir.toAbsolutePath().normalize().toString());
        JsonNode images = optional(dir, Bundle.MEDIA_LIST);
        JsonNode seriesList = optional(dir, Bundle.SERIES);
        List<Path> files = contentFiles(dir);
        for (Path f : files) {
            Entry e = entry(dir, f);
            commentsOf(dir, e);
        }
        ImportReport report = new ImportReport(false);
        List<Media> copied = new ArrayList<>();
        try {
            Map<String, Media> byPath = copyImages(dir, key, images, copied, report);
            save(dir, key, files, byPath, seriesList, report);
        } catch (RuntimeException | Error e) {
            for (Media m : copied) media.delete(m.id());
            throw e;
        }
        events.publish(ChangeEvent.of("posts", "series", ChangeEvent.SITE, ChangeEvent.NAV, Comments.ANY));
        return report;
    }

    private static List<Path> contentFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        for (String folder : List.of(Bundle.POSTS, Bundle.PAGES)) {
            Path d = dir.resolve(folder);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new WxrException(folder + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** Old {@code /media/...} path → the image now in the library; images remembered from an earlier run are reused. */
    private Map<String, Media> copyImages(Path dir, String key, JsonNode images, List<Media> copied, ImportReport report) {
        Map<String, Media> byPath = new HashMap<>();
        if (images == null) return byPath;
        Map<Long, Long> done = jdbi.withHandle(h -> store.ids(h, key, "attachment"));
        List<Object[]> remembered = new ArrayList<>();
        Path base = dir.resolve(Bundle.MEDIA).toAbsolutePath().normalize();
        for (JsonNode i : images) {
            String rel = i.path("file").asText("");
            long id = i.path("kioku_id").asLong(0);
            Long before = id == 0 ? null : done.get(id);
            if (before != null) {
                media.byId(before).ifPresent(m -> byPath.put("/media/" + rel, m));
                report.alreadyThere("images");
                continue;
            }
            Path file = base.resolve(rel).normalize();
            if (rel.isBlank() || !file.startsWith(base) || !Files.isRegularFile(file)) {
                report.note(Bundle.MEDIA_LIST + ": image " + rel + " is missing from media/; links to it are left as they are");
                continue;
            }
            try {
                String original = i.path("original_name").asText("");
                Media m = media.importImage(original.isBlank() ? file.getFileName().toString() : original, Files.readAllBytes(file),
                        i.path("alt").asText(""), i.path("caption").asText(""));
                copied.add(m);
                byPath.put("/media/" + rel, m);
                if (id != 0) remembered.add(new Object[] {"attachment", id, m.id()});
                report.imported("images");
            } catch (IllegalArgumentException e) {
                report.note("media/" + rel + ": not copied, " + e.getMessage());
            } catch (IOException e) {
                throw new WxrException("media/" + rel + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        if (!remembered.isEmpty()) jdbi.useHandle(h -> store.remember(h, key, remembered));
        return byPath;
    }

    private void save(Path dir, String key, List<Path> files, Map<String, Media> byPath, JsonNode seriesList, ImportReport report) {
        jdbi.useTransaction(h -> {
            Writes.serialize(h);
            Map<Long, Long> knownPosts = store.ids(h, key, "post");
            Map<Long, Long> knownComments = store.ids(h, key, "comment");
            Posts.ImportSession session = new Posts.ImportSession();
            Comments.ImportIds commentIds = comments.importIds(h);
            Map<String, TreeMap<Integer, Long>> parts = new LinkedHashMap<>();
            List<Object[]> remembered = new ArrayList<>();
            int deepest = 0;
            for (Path f : files) {
                Entry e = entry(dir, f);
                JsonNode fm = e.front();
                long oldId = fm.path("kioku_id").asLong(0);
                Long postId = oldId == 0 ? null : knownPosts.get(oldId);
                if (postId != null) {
                    report.alreadyThere(e.kind() == Kind.PAGE ? "pages" : "posts");
                } else {
                    postId = savePost(h, e, byPath, session, report);
                    if (oldId != 0) remembered.add(new Object[] {"post", oldId, postId});
                    String inSeries = fm.path("series").asText("");
                    if (!inSeries.isBlank() && e.kind() == Kind.POST) {
                        parts.computeIfAbsent(inSeries, k -> new TreeMap<>()).put(fm.path("series_part").asInt(Integer.MAX_VALUE), postId);
                    }
                }
                deepest = Math.max(deepest, saveComments(h, dir, e, postId, knownComments, commentIds, remembered, report));
            }
            List<SeriesRestore.Definition> definitions = new ArrayList<>();
            if (seriesList != null) {
                for (JsonNode s : seriesList) {
                    List<SeriesRestore.Planned> planned = new ArrayList<>();
                    for (JsonNode p : s.path("planned")) {
                        planned.add(new SeriesRestore.Planned(p.path("position").asInt(Integer.MAX_VALUE), p.path("title").asText(""),
                                p.path("note").asText("")));
                    }
                    definitions.add(new SeriesRestore.Definition(s.path("slug").asText(""), s.path("title").asText(""),
                            s.path("description").asText(""), planned));
                }
            }
            SeriesRestore.restore(h, series, definitions, parts, report);
            store.remember(h, key, remembered);
            if (deepest > comments.settings().threadDepth()) comments.fitThreadDepth(deepest);
        });
    }

    private long savePost(Handle h, Entry e, Map<String, Media> byPath, Posts.ImportSession session, ImportReport report) {
        JsonNode fm = e.front();
        String where = e.where();
        Instant now = clock.instant();
        Instant date = instant(fm, "date", where, now);
        Status status = switch (fm.path("status").asText(fm.path("draft").asBoolean(false) ? "draft" : "published")) {
            case "published" -> Status.PUBLISHED;
            case "scheduled" -> date.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
            default -> Status.DRAFT;
        };
        String body = e.body();
        for (var m : byPath.entrySet()) body = body.replace(m.getKey(), m.getValue().path());
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode names = fm.path("tags");
        JsonNode slugs = fm.path("tag_slugs");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).asText("").strip();
            String slug = Slugs.slugify(slugs.size() > i ? slugs.get(i).asText("") : name);
            if (slug.isEmpty()) slug = Slugs.slugify(name);
            if (!slug.isEmpty() && !name.isEmpty()) tags.putIfAbsent(slug, name);
        }
        Media featured = fm.hasNonNull("featured_image") ? byPath.get(fm.get("featured_image").asText()) : null;
        if (fm.hasNonNull("featured_image") && featured == null) report.note(where + ": featured image " + fm.get("featured_image").asText() + " was not copied");
        String email = fm.path("author_email").asText("");
        String name = fm.path("author").asText("");
        long author = authors.importAuthor(h, email.contains("@") ? email : (Slugs.slugify(name).isEmpty() ? "author" : Slugs.slugify(name))
                + "@markdown.invalid", name.isBlank() ? "Author" : name);
        String summary = fm.path("summary").asText("");
        ImportedPost p = new ImportedPost(e.kind(), fm.path("title").asText(), fm.path("slug").asText(""), body, status,
                status == Status.DRAFT ? null : date, date, instant(fm, "lastmod", where, date), author,
                featured == null ? null : featured.id(), fm.path("comments_open").asBoolean(true), summary.isBlank() ? null : summary, tags,
                Reviews.fromNode(fm.get("review")));
        Posts.Saved saved = posts.insertImported(h, p, posts.render(body), session);
        if (!saved.slug().equals(p.slug()) && !p.slug().isBlank()) report.note(where + ": slug is '" + saved.slug() + "' ('" + p.slug() + "' was taken)");
        report.imported(e.kind() == Kind.PAGE ? "pages" : "posts");
        return saved.id();
    }

    /** @return levels of the deepest thread saved (0 when none) */
    private int saveComments(Handle h, Path dir, Entry e, long postId, Map<Long, Long> known, Comments.ImportIds ids, List<Object[]> remembered,
                             ImportReport report) {
        JsonNode list = commentsOf(dir, e);
        if (list == null) return 0;
        List<JsonNode> rows = new ArrayList<>();
        list.forEach(rows::add);
        rows.sort(Comparator.comparingLong(c -> c.path("id").asLong(0)));
        Map<Long, Long> newIds = new HashMap<>();
        Map<Long, Integer> depths = new HashMap<>();
        List<Long> batchIds = new ArrayList<>();
        List<ImportedComment> batch = new ArrayList<>();
        List<String> html = new ArrayList<>();
        int deepest = 0;
        String where = relative(dir, commentFile(dir, e));
        for (JsonNode c : rows) {
            long old = c.path("id").asLong(0);
            if (old != 0 && known.containsKey(old)) {
                newIds.put(old, known.get(old));
                report.alreadyThere("comments");
                continue;
            }
            long parentOld = c.path("parent").asLong(0);
            Long parent = parentOld == 0 ? null : newIds.get(parentOld);
            if (parentOld != 0 && parent == null) report.note(where + ": comment " + old + " replies to " + parentOld + ", which is not there; shown on its own");
            int depth = parent == null ? 0 : depths.getOrDefault(parent, 0) + 1;
            long id = ids.next();
            String bodyMd = c.path("body").asText("");
            batch.add(new ImportedComment(postId, parent, depth, status(c.path("status").asText("pending")), c.path("author").asText(""),
                    c.path("email").asText(""), c.path("url").asText(null), c.path("ip").asText(""), bodyMd,
                    instant(c, "date", where, clock.instant())));
            html.add(comments.renderImported(bodyMd));
            batchIds.add(id);
            newIds.put(old, id);
            depths.put(id, depth);
            deepest = Math.max(deepest, depth + 1);
            if (old != 0) remembered.add(new Object[] {"comment", old, id});
            report.imported("comments");
        }
        comments.insertImported(h, batchIds, batch, html);
        return deepest;
    }

    private static CommentStatus status(String s) {
        try {
            return CommentStatus.of(s);
        } catch (IllegalArgumentException e) {
            return CommentStatus.PENDING;
        }
    }

    // ---- reading files; every problem is a WxrException naming the file

    private Entry entry(Path dir, Path f) {
        String where = relative(dir, f);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new WxrException(where + ": cannot be read as UTF-8 text (" + e.getMessage() + ")");
        }
        text = text.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) throw new WxrException(where + ": has no front matter (the file must start with a --- line)");
        int end = text.indexOf("\n---\n", 3);
        if (end < 0 && text.endsWith("\n---")) end = text.length() - 4;
        if (end < 0) throw new WxrException(where + ": its front matter never ends (no closing --- line)");
        JsonNode front;
        try {
            front = Bundle.YAML.readTree(text.substring(4, end + 1));
        } catch (IOException e) {
            throw new WxrException(where + ": front matter is not valid YAML (" + oneLine(e.getMessage()) + ")");
        }
        if (front == null || !front.isObject()) throw new WxrException(where + ": front matter is not a set of fields");
        if (front.path("title").asText("").isBlank()) throw new WxrException(where + ": front matter has no title");
        Kind kind = f.getParent().endsWith(Path.of(Bundle.PAGES)) ? Kind.PAGE : Kind.POST;
        Entry e = new Entry(f, where, kind, front, end + 5 <= text.length() ? text.substring(end + 5) : "");
        instant(front, "date", where, Instant.EPOCH);
        instant(front, "lastmod", where, Instant.EPOCH);
        try {
            Reviews.fromNode(front.get("review"));
        } catch (IllegalArgumentException x) {
            throw new WxrException(where + ": review: " + x.getMessage());
        }
        return e;
    }

    private JsonNode commentsOf(Path dir, Entry e) {
        Path f = commentFile(dir, e);
        if (!Files.isRegularFile(f)) return null;
        JsonNode list = yaml(dir, f);
        if (!list.isArray()) throw new WxrException(relative(dir, f) + ": is not a list of comments");
        for (JsonNode c : list) instant(c, "date", relative(dir, f), Instant.EPOCH);
        return list;
    }

    /** Where a post's comments are; a slug that would reach outside the bundle names a file that is not there. */
    private static Path commentFile(Path dir, Entry e) {
        String slug = e.front().path("slug").asText("");
        if (slug.isBlank() || slug.contains("/") || slug.contains("\\") || slug.contains("..")) slug = "-";
        return dir.resolve(Bundle.COMMENTS).resolve(e.kind() == Kind.PAGE ? "pages" : "posts").resolve(slug + ".yaml");
    }

    private JsonNode optional(Path dir, String rel) {
        Path f = dir.resolve(rel);
        return Files.isRegularFile(f) ? yaml(dir, f) : null;
    }

    private static JsonNode yaml(Path dir, Path f) {
        try {
            JsonNode n = Bundle.YAML.readTree(f.toFile());
            if (n == null) throw new WxrException(relative(dir, f) + ": is empty");
            return n;
        } catch (IOException e) {
            throw new WxrException(relative(dir, f) + ": is not valid YAML (" + oneLine(e.getMessage()) + ")");
        }
    }

    /** A date field (RFC 3339), or {@code fallback} when missing; one that cannot be read stops the import. */
    private static Instant instant(JsonNode n, String field, String where, Instant fallback) {
        String s = n.path(field).asText("");
        if (s.isBlank()) return fallback;
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new WxrException(where + ": " + field + " '" + s + "' is not a date such as 2026-11-20T10:00:00+09:00");
        }
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}

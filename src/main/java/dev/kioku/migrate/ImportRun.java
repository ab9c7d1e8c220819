package dev.kioku.migrate;

import dev.kioku.comments.CommentStatus;
import dev.kioku.comments.ImportedComment;
import dev.kioku.content.ImportedPost;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Status;
import dev.kioku.db.Writes;
import dev.kioku.markdown.Slugs;
import dev.kioku.media.Media;
import dev.kioku.site.SiteSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jsoup.parser.Parser;

/** The second reading of an export: everything saved in one transaction (see {@link WordPressImport}). */
final class ImportRun {
    /** Ids remembered in batches of this many rows. */
    private static final int BATCH = 500;
    private static final java.util.regex.Pattern OLD_QUERY = java.util.regex.Pattern.compile("^/?(?:index\\.php)?\\?(?:p|page_id)=(\\d+)");
    private static final java.util.regex.Pattern ABSOLUTE = java.util.regex.Pattern.compile("https?://[^\\s()<>\"'\\]]+");
    private final WordPressImport owner;
    private final ImportPlan plan;
    private final String site;
    private final Map<Long, Media> images;
    private final ImportReport report;
    private final SiteSettings settings;
    private final Posts posts;
    /** WordPress id → new address of every post and page, planned before the first is saved. */
    private final Map<Long, String> newPaths = new HashMap<>();
    /** Old path (as the export links it) → new address. */
    private final Map<String, String> pathsByOldPath = new HashMap<>();
    /** uploads-relative file → media address. */
    private final Map<String, String> mediaByUpload = new HashMap<>();
    private final Map<Long, String> plannedSlugs = new HashMap<>();
    private final Map<String, Map<Long, Long>> known = new HashMap<>();
    private final Map<Long, Integer> commentDepths = new HashMap<>();
    private final Map<Long, List<Wxr.Comment>> orphanComments = new LinkedHashMap<>();
    private final Map<Long, Wxr.Item> orphanItems = new HashMap<>();
    private final Map<Long, Comment> orphanRendered = new HashMap<>();
    private final Map<String, Long> authorIds = new HashMap<>();
    private final Map<String, Integer> otherTypes = new TreeMap<>();
    private final List<Object[]> remembered = new ArrayList<>();
    private final Map<String, Long> redirects = new LinkedHashMap<>();
    private final Posts.ImportSession session = new Posts.ImportSession();
    private final List<Long> commentRowIds = new ArrayList<>();
    private final List<ImportedComment> commentRows = new ArrayList<>();
    private final List<String> commentHtml = new ArrayList<>();
    private dev.kioku.comments.Comments.ImportIds commentIds;
    /** Series slug → position → the post filling it (Kioku's own exports). */
    private final Map<String, TreeMap<Integer, Long>> seriesParts = new LinkedHashMap<>();
    private int deepest;
    private Long fallbackAuthor;

    ImportRun(WordPressImport owner, ImportPlan plan, String site, Map<Long, Media> images, ImportReport report, SiteSettings settings) {
        this.owner = owner;
        this.plan = plan;
        this.site = site;
        this.images = images;
        this.report = report;
        this.settings = settings;
        this.posts = owner.posts();
    }

    /** Levels of the deepest comment thread imported (1 for comments without replies). */
    int deepestThread() {
        return deepest;
    }

    void save(Path file, boolean dryRun, WordPressImport.Progress progress) {
        try {
            owner.jdbi().useTransaction(h -> {
                Writes.serialize(h);
                for (String kind : List.of("author", "post", "attachment", "comment")) known.put(kind, owner.store().ids(h, site, kind));
                planAddresses(h);
                commentIds = owner.comments().importIds(h);
                saveAuthors(h);
                saveCategoryAddresses(h);
                long done = 0;
                try (Pipeline<Prepared> items = new Pipeline<>(file, this::prepare)) {
                    for (Prepared p = items.next(); p != null; p = items.next()) {
                        saveItem(h, p);
                        done++;
                        if (remembered.size() + commentRows.size() + redirects.size() >= BATCH) flush(h);
                        progress.step(done, counts());
                    }
                }
                orphanComments.forEach((wpId, list) -> report.note("line " + orphanItems.get(wpId).line() + ": item “"
                        + title(orphanItems.get(wpId).title()) + "” has no post type; its " + list.size() + " comment(s) skipped"));
                otherTypes.forEach((type, n) -> report.note(n + " item(s) of type '" + type + "' skipped: Kioku has no such content"));
                saveSeries(h);
                flush(h);
                if (dryRun) throw new DryRun();
            });
        } catch (DryRun expected) {
            // rolled back: the report says what would have happened
        }
    }

    /** An item with its text already converted and rendered (on a worker thread; see {@link Pipeline}). */
    record Prepared(Wxr.Item item, WordPressHtml.Converted body, dev.kioku.markdown.Rendered rendered, Map<Long, Comment> comments) {
    }

    record Comment(String bodyMd, String bodyHtml) {
    }

    /** The thread-safe part of saving an item: reads only what {@link #planAddresses} built. */
    private Prepared prepare(Wxr.Item i) {
        WordPressHtml.Converted body = null;
        dev.kioku.markdown.Rendered rendered = null;
        boolean isPost = i.type().equals("post") || i.type().equals("page");
        if (isPost) {
            String source = i.meta().get(WxrWriter.MARKDOWN);
            body = source != null ? new WordPressHtml.Converted(rewriteAbsolute(source), List.of())
                    : WordPressHtml.convert(i.content(), this::rewrite, this::gallery);
            rendered = posts.render(body.markdown());
        }
        Map<Long, Comment> comments = new HashMap<>();
        if (isPost || i.type().isEmpty()) {
            for (Wxr.Comment c : i.comments()) {
                String source = c.meta().get(WxrWriter.MARKDOWN);
                String md = source != null ? rewriteAbsolute(source) : WordPressHtml.convert(c.content(), this::rewrite, x -> List.of()).markdown();
                comments.put(c.id(), new Comment(md, owner.comments().renderImported(md)));
            }
        }
        return new Prepared(i, body, rendered, comments);
    }

    private static final class DryRun extends RuntimeException {
        DryRun() {
            super(null, null, false, false);
        }
    }

    private String counts() {
        return report.count("posts") + " posts, " + report.count("pages") + " pages, " + report.count("comments") + " comments";
    }

    private void flush(Handle h) {
        posts.addImportedRedirects(h, redirects);
        redirects.clear();
        owner.comments().insertImported(h, commentRowIds, commentRows, commentHtml);
        commentRowIds.clear();
        commentRows.clear();
        commentHtml.clear();
        owner.store().remember(h, site, remembered);
        remembered.clear();
    }

    // ---- addresses, before anything is saved

    private void planAddresses(Handle h) {
        Set<String> taken = new HashSet<>(posts.slugsInUse());
        for (ImportPlan.Ref r : plan.items) {
            if (!r.type().equals("post") && !r.type().equals("page")) continue;
            Long existing = known.get("post").get(r.wpId());
            String path;
            if (existing != null) {
                var p = posts.byIds(List.of(existing)).get(existing);
                if (p == null) continue;
                path = settings.permalink(p);
            } else {
                if (newPaths.containsKey(r.wpId())) continue;
                Kind kind = r.type().equals("page") ? Kind.PAGE : Kind.POST;
                String wanted = Slugs.slugify(ImportPlan.decode(r.slug()));
                if (wanted.isEmpty()) wanted = title(r.title());
                String slug = Posts.plannedSlug(wanted, kind, taken::contains);
                taken.add(slug);
                session.slugIsFree(slug);
                plannedSlugs.put(r.wpId(), slug);
                path = kind == Kind.PAGE ? "/" + slug + "/"
                        : Posts.datedPath(slug, r.date() == null ? owner.clock().instant() : r.date(), settings.timeZone());
            }
            newPaths.put(r.wpId(), path);
            String old = ImportPlan.pathOf(r.link());
            if (old != null && !old.equals("/")) pathsByOldPath.putIfAbsent(slashed(old), path);
        }
        images.forEach((wpId, m) -> plan.items.stream().filter(r -> r.wpId() == wpId).findFirst().ifPresent(r -> {
            if (!r.attachedFile().isBlank()) mediaByUpload.put(r.attachedFile().strip(), m.path());
            String fromUrl = ImportPlan.uploadKey(r.attachmentUrl(), false);
            if (fromUrl != null) mediaByUpload.put(fromUrl, m.path());
        }));
    }

    /** A link or image address of the old site → its new address; any other address unchanged. */
    String rewrite(String url) {
        if (url == null || url.isBlank() || url.startsWith("#") || url.startsWith("mailto:")) return url;
        String host = ImportPlan.host(url);
        boolean relative = url.startsWith("/") && !url.startsWith("//");
        if (!relative && (host == null || !url.matches("(?i)https?://.*"))) return url;
        String upload = ImportPlan.uploadKey(url, false);
        if (upload != null && mediaByUpload.containsKey(upload)) return mediaByUpload.get(upload);
        String original = ImportPlan.uploadKey(url, true);
        if (original != null && mediaByUpload.containsKey(original)) return mediaByUpload.get(original);
        if (!relative && !plan.hosts.contains(host)) return url;
        String path = ImportPlan.pathOf(url);
        if (path == null) return url;
        String fragment = url.contains("#") ? url.substring(url.indexOf('#')) : "";
        java.util.regex.Matcher q = OLD_QUERY.matcher(path);
        if (q.find() && newPaths.containsKey(Long.parseLong(q.group(1)))) return newPaths.get(Long.parseLong(q.group(1))) + fragment;
        String moved = pathsByOldPath.get(slashed(path));
        if (moved != null) return moved + fragment;
        return relative ? url : path + fragment;
    }

    /** In Markdown that Kioku exported: each absolute address of the old site (images above all) → its new address. */
    private String rewriteAbsolute(String markdown) {
        return ABSOLUTE.matcher(markdown).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(rewrite(m.group())));
    }

    private static String slashed(String path) {
        if (path.contains("?")) return path;
        return path.endsWith("/") ? path : path + "/";
    }

    // ---- authors and categories

    private void saveAuthors(Handle h) {
        for (Wxr.Author a : plan.authors) {
            if (a.login().isBlank() || authorIds.containsKey(a.login())) continue;
            Long before = a.id() == 0 ? null : known.get("author").get(a.id());
            if (before != null) {
                authorIds.put(a.login(), before);
                report.alreadyThere("authors");
                continue;
            }
            long id = author(h, a.login(), a.email(), a.displayName());
            if (a.id() != 0) remembered.add(new Object[] {"author", a.id(), id});
        }
    }

    private long author(Handle h, String login, String email, String displayName) {
        String mail = email != null && email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? email.strip()
                : (Slugs.slugify(login).isEmpty() ? "author" : Slugs.slugify(login)) + "@wordpress.invalid";
        String name = displayName == null || displayName.isBlank() ? login.strip() : Parser.unescapeEntities(displayName.strip(), false);
        if (name.isBlank()) name = "WordPress author";
        long id = owner.authors().importAuthor(h, mail, name);
        authorIds.put(login, id);
        report.imported("authors");
        return id;
    }

    private long authorOf(Handle h, String creator) {
        if (!creator.isBlank()) {
            Long id = authorIds.get(creator);
            return id != null ? id : author(h, creator, null, creator);
        }
        if (fallbackAuthor == null) {
            fallbackAuthor = authorIds.isEmpty() ? author(h, "wordpress", null, "WordPress author") : authorIds.values().iterator().next();
        }
        return fallbackAuthor;
    }

    private void saveCategoryAddresses(Handle h) {
        plan.categoryNames.forEach((nicename, name) -> oldTermAddress(h, "/category/", nicename, name));
        plan.tagNames.forEach((nicename, name) -> oldTermAddress(h, "/tag/", nicename, name));
    }

    private String oldTermAddress(Handle h, String prefix, String nicename, String name) {
        String slug = tagSlug(nicename, name);
        if (slug.isEmpty()) return slug;
        String from = prefix + ImportPlan.decode(nicename) + "/";
        String to = "/tag/" + slug + "/";
        if (!from.equals(to)) owner.store().addOldUrl(h, from, to);
        if (prefix.equals("/tag/")) owner.store().addOldUrl(h, "/?tag=" + ImportPlan.decode(nicename), to);
        Long id = prefix.equals("/category/") ? plan.categoryIds.get(nicename) : null;
        if (id != null) owner.store().addOldUrl(h, "/?cat=" + id, to);
        return slug;
    }

    private static String tagSlug(String nicename, String name) {
        String slug = Slugs.slugify(ImportPlan.decode(nicename == null ? "" : nicename));
        return slug.isEmpty() ? Slugs.slugify(Parser.unescapeEntities(name == null ? "" : name, false)) : slug;
    }

    // ---- items

    private void saveItem(Handle h, Prepared p) {
        Wxr.Item i = p.item();
        long wpId = ImportPlan.wpId(i);
        switch (i.type()) {
            case "post", "page" -> savePost(h, p, wpId);
            case "attachment" -> saveAttachment(h, i, wpId);
            case "" -> {
                if (!i.comments().isEmpty()) {
                    Long target = known.get("post").get(wpId);
                    if (target != null) saveComments(h, i.comments(), p.comments(), target);
                    else {
                        orphanComments.computeIfAbsent(wpId, k -> new ArrayList<>()).addAll(i.comments());
                        orphanRendered.putAll(p.comments());
                        orphanItems.putIfAbsent(wpId, i);
                    }
                } else {
                    report.note("line " + i.line() + ": item “" + title(i.title()) + "” skipped: it has no post type");
                }
            }
            default -> otherTypes.merge(i.type(), 1, Integer::sum);
        }
    }

    private void savePost(Handle h, Prepared prepared, long wpId) {
        Wxr.Item i = prepared.item();
        Kind kind = i.type().equals("page") ? Kind.PAGE : Kind.POST;
        String plural = kind == Kind.PAGE ? "pages" : "posts";
        Long existing = known.get("post").get(wpId);
        if (existing != null) {
            report.alreadyThere(plural);
            saveComments(h, i.comments(), prepared.comments(), existing);
            return;
        }
        String where = "line " + i.line() + ": " + (kind == Kind.PAGE ? "page" : "post") + " “" + title(i.title()) + "”";
        String title = title(i.title());
        if (title.isEmpty()) {
            title = "Untitled";
            report.note(where + ": has no title; titled “Untitled”");
        } else if (!title.equals(i.title().strip())) {
            report.note(where + ": markup and entities in the title turned into text");
        }
        Instant now = owner.clock().instant();
        Status status = status(i, where, now);
        Instant published = status == Status.DRAFT ? null : i.date() == null ? now : i.date();
        Instant created = i.date() == null ? now : i.date();
        if (i.sticky()) report.note(where + ": was sticky; Kioku has no sticky posts, so it is listed by its date");
        WordPressHtml.Converted body = prepared.body();
        body.notes().forEach(n -> report.note(where + ": " + n));
        String excerpt = WordPressImport.plainText(i.excerpt());
        Map<String, String> tags = tags(i);
        Long featured = null;
        String thumb = i.meta().get("_thumbnail_id");
        if (thumb != null) {
            Media m = images.get(WxrReader.number(thumb.lines().findFirst().orElse("")));
            if (m != null) featured = m.id();
            else report.note(where + ": featured image (attachment " + thumb.strip() + ") was not copied");
        }
        ImportedPost p = new ImportedPost(kind, title, plannedSlugs.getOrDefault(wpId, Slugs.slugify(title)), body.markdown(), status,
                published, created, i.modified() == null ? created : i.modified(), authorOf(h, i.creator()), featured,
                !i.commentStatus().equals("closed"), excerpt.isEmpty() ? null : excerpt, tags, review(i, where));
        Posts.Saved saved = posts.insertImported(h, p, prepared.rendered(), session);
        if (!saved.slug().equals(plannedSlugs.get(wpId))) report.note(where + ": slug is '" + saved.slug() + "' (the one planned was taken)");
        known.get("post").put(wpId, saved.id());
        remembered.add(new Object[] {"post", wpId, saved.id()});
        report.imported(plural);
        String newPath = newPaths.get(wpId);
        String old = ImportPlan.pathOf(i.link());
        if (old != null && !old.equals("/") && !slashed(old).equals(newPath)) redirects.put(slashed(old), saved.id());
        if (i.postId() > 0) redirects.put((kind == Kind.PAGE ? "/?page_id=" : "/?p=") + i.postId(), saved.id());
        String oldSlugs = i.meta().get("_wp_old_slug");
        if (oldSlugs != null && old != null && !i.slug().isBlank()) {
            for (String s : oldSlugs.split("\n")) {
                if (!s.isBlank() && old.contains("/" + i.slug() + "/")) {
                    redirects.put(slashed(old.replace("/" + i.slug() + "/", "/" + s.strip() + "/")), saved.id());
                }
            }
        }
        String inSeries = i.meta().get(WxrWriter.SERIES);
        if (inSeries != null && kind == Kind.POST) {
            seriesParts.computeIfAbsent(inSeries.lines().findFirst().orElse("").strip(), k -> new TreeMap<>())
                    .put((int) WxrReader.number(i.meta().getOrDefault(WxrWriter.SERIES_PART, "").lines().findFirst().orElse("")), saved.id());
        }
        saveComments(h, i.comments(), prepared.comments(), saved.id());
        List<Wxr.Comment> waiting = orphanComments.remove(wpId);
        if (waiting != null) {
            Wxr.Item from = orphanItems.get(wpId);
            report.note("line " + from.line() + ": item “" + title(from.title()) + "” has no post type; its " + waiting.size()
                    + " comment(s) added to " + (kind == Kind.PAGE ? "page" : "post") + " “" + title + "”, which has the same WordPress id");
            saveComments(h, waiting, orphanRendered, saved.id());
        }
    }

    /** Series from a Kioku export (see {@link SeriesRestore}); planned parts are JSON in the series term's meta. */
    private void saveSeries(Handle h) {
        List<SeriesRestore.Definition> definitions = new ArrayList<>();
        for (Wxr.Term t : plan.series.values()) {
            List<SeriesRestore.Planned> planned = new ArrayList<>();
            for (String json : t.meta().getOrDefault(WxrWriter.PLANNED, List.of())) {
                try {
                    var node = PLANNED_JSON.readTree(json);
                    planned.add(new SeriesRestore.Planned(node.path("position").asInt(Integer.MAX_VALUE), node.path("title").asText(""),
                            node.path("note").asText("")));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    report.note("series “" + t.name() + "”: a planned part could not be read (" + e.getOriginalMessage() + ")");
                }
            }
            definitions.add(new SeriesRestore.Definition(t.slug().strip(), t.name(), t.description(), planned));
        }
        SeriesRestore.restore(h, owner.series(), definitions, seriesParts, report);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLANNED_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The review fields a Kioku export carries, or null; ones that cannot be read are reported and left out. */
    private Post.Review review(Wxr.Item i, String where) {
        String json = i.meta().get(WxrWriter.REVIEW);
        if (json == null) return null;
        try {
            return Reviews.fromNode(PLANNED_JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            report.note(where + ": review fields left out (" + e.getMessage() + ")");
            return null;
        }
    }

    private Status status(Wxr.Item i, String where, Instant now) {
        if (!i.password().isBlank()) {
            report.note(where + ": was password-protected; imported as a draft (Kioku has no password-protected posts)");
            return Status.DRAFT;
        }
        return switch (i.status()) {
            case "publish" -> Status.PUBLISHED;
            case "future" -> {
                if (i.date() != null && i.date().isAfter(now)) yield Status.SCHEDULED;
                report.note(where + ": was scheduled for a time now past; imported as a draft");
                yield Status.DRAFT;
            }
            case "draft", "auto-draft", "pending" -> Status.DRAFT;
            default -> {
                report.note(where + ": status '" + i.status() + "' imported as a draft");
                yield Status.DRAFT;
            }
        };
    }

    private Map<String, String> tags(Wxr.Item i) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Wxr.ItemTerm t : i.terms()) {
            if (!t.domain().equals("category") && !t.domain().equals("post_tag")) continue;
            String name = Parser.unescapeEntities(t.name().strip(), false);
            if (t.domain().equals("category") && t.nicename().equals("uncategorized")) continue;
            String slug = tagSlug(t.nicename(), name);
            if (!slug.isEmpty() && !name.isEmpty()) tags.putIfAbsent(slug, name);
        }
        return tags;
    }

    private List<Shortcodes.Image> gallery(List<Long> ids) {
        List<Shortcodes.Image> out = new ArrayList<>();
        for (Long id : ids) {
            Media m = images.get(id);
            if (m != null) out.add(new Shortcodes.Image(m.path(), m.alt(), m.caption()));
        }
        return out;
    }

    private void saveAttachment(Handle h, Wxr.Item i, long wpId) {
        if (known.get("attachment").containsKey(wpId)) {
            report.alreadyThere("attachments");
            return;
        }
        Media m = images.get(wpId);
        remembered.add(new Object[] {"attachment", wpId, m == null ? null : m.id()});
        known.get("attachment").put(wpId, m == null ? null : m.id());
        report.imported("attachments");
        String to = m != null ? m.path() : newPaths.get(i.parent());
        if (to == null) return;
        String old = ImportPlan.pathOf(i.link());
        if (old != null && !old.equals("/") && !old.startsWith("/?")) owner.store().addOldUrl(h, slashed(old), to);
        if (i.postId() > 0) owner.store().addOldUrl(h, "/?attachment_id=" + i.postId(), to);
        if (!i.comments().isEmpty()) report.note("line " + i.line() + ": " + i.comments().size() + " comment(s) on attachment “"
                + title(i.title()) + "” skipped: images have no comments here");
    }

    /** Saves comments parents first, threaded as they were; replies to comments that are not there start threads. */
    private void saveComments(Handle h, List<Wxr.Comment> list, Map<Long, Comment> rendered, long postId) {
        if (list.isEmpty()) return;
        Map<Long, Long> ids = known.get("comment");
        List<Wxr.Comment> ordered = new ArrayList<>(list);
        ordered.sort(Comparator.comparingLong(Wxr.Comment::id));
        Map<Long, Wxr.Comment> byWpId = new HashMap<>();
        for (Wxr.Comment c : ordered) byWpId.put(c.id(), c);
        Set<Long> saved = new HashSet<>();
        for (Wxr.Comment c : ordered) saveComment(h, c, rendered, postId, byWpId, ids, saved, 0);
    }

    private void saveComment(Handle h, Wxr.Comment c, Map<Long, Comment> rendered, long postId, Map<Long, Wxr.Comment> byWpId, Map<Long, Long> ids, Set<Long> saved,
                             int guard) {
        if (!saved.add(c.id())) return;
        if (c.id() != 0 && ids.containsKey(c.id())) {
            report.alreadyThere("comments");
            return;
        }
        Wxr.Comment parent = c.parent() == 0 ? null : byWpId.get(c.parent());
        if (parent != null && guard < 1000) saveComment(h, parent, rendered, postId, byWpId, ids, saved, guard + 1);
        Long parentId = c.parent() == 0 ? null : ids.get(c.parent());
        if (c.parent() != 0 && parentId == null) report.note("comment " + c.id() + " by " + c.author() + ": replied to comment "
                + c.parent() + ", which is not in the export; shown as a comment of its own");
        int depth = parentId == null ? 0 : commentDepths.getOrDefault(parentId, 0) + 1;
        CommentStatus status = switch (c.approved()) {
            case "1", "approve", "approved" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASH;
            default -> CommentStatus.PENDING;
        };
        Comment body = rendered.get(c.id());
        Instant at = c.date() == null ? owner.clock().instant() : c.date();
        long id = commentIds.next();
        commentRows.add(new ImportedComment(postId, parentId, depth, status, Parser.unescapeEntities(c.author(), false), c.email(),
                c.url(), c.ip(), body.bodyMd(), at));
        commentHtml.add(body.bodyHtml());
        commentRowIds.add(id);
        commentDepths.put(id, depth);
        deepest = Math.max(deepest, depth + 1);
        if (c.id() != 0) {
            ids.put(c.id(), id);
            remembered.add(new Object[] {"comment", c.id(), id});
        }
        report.imported("comments");
    }

    static String title(String raw) {
        if (raw == null) return "";
        return org.jsoup.Jsoup.parse(raw).text().strip(); // decodes entities once: "&amp;laquo;" stays "&laquo;"
    }
}

package dev.kioku.migrate;

import dev.kioku.App;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.media.Media;
import dev.kioku.series.Series;
import dev.kioku.series.SeriesService;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small blog with everything an export must carry (posts published, draft and scheduled; a page; tags; a series
 * with a planned part; threaded comments in every status; images with alt text, captions and a featured one), and
 * a description of any blog as plain values, so two blogs can be compared with one {@code assertEquals}.
 */
final class RoundTripBlog {
    private RoundTripBlog() {
    }

    static void fill(TestBlog blog) {
        App app = blog.app;
        long author = blog.author("Ada Writer").id();
        Media fox = app.media().upload("fox.jpg", TestImages.jpeg(800, 600), author);
        app.media().describe(fox.id(), "A red fox in snow", "Seen at dawn, <b>not</b> tamed & wild");
        Media chart = app.media().upload("chart.png", TestImages.png(300, 200), author);
        app.media().describe(chart.id(), "Chart of walks per month", "");

        Post first = app.posts().create(PostDraft.post("Walking in winter: part one", """
                Snow *everywhere*, and a fox:

                ![A red fox in snow](%s "dawn")

                A [link to the page](/about/) and code: `a < b && c > d` ]]> stays.
                """.formatted(fox.path()), author, List.of("Walks", "Winter & Snow")).withFeaturedImage(fox.id())
                .withExcerpt("A fox, in snow."));
        app.posts().publish(first.id(), Instant.parse("2026-10-01T08:30:00Z"));
        Post second = app.posts().create(PostDraft.post("Walking in winter: part two", "Charts: ![Chart of walks per month](" + chart.path()
                + ")\n\n日本語も。", author, List.of("Walks")));
        app.posts().publish(second.id(), Instant.parse("2026-11-02T18:05:07Z"));
        Post draft = app.posts().create(PostDraft.post("Unfinished thoughts", "Not yet.\n\n<div class=\"x\">raw html</div>", author, List.of()));
        Post later = app.posts().create(PostDraft.post("Coming soon", "Scheduled body.", author, List.of("News")));
        app.posts().publish(later.id(), TestBlog.START.plus(Duration.ofDays(30)));
        Post closed = app.posts().create(new PostDraft(Kind.POST, "Comments closed", "quiet", "Nothing to say.", author, List.of(), null,
                false, new Post.Review("Walden", 1854, "Henry David Thoreau", dev.kioku.content.ReviewKind.BOOK,
                        "https://example.org/walden", 4)));
        app.posts().publish(closed.id(), Instant.parse("2025-01-15T00:00:00Z"));
        app.posts().create(PostDraft.page("About", "I walk.\n\n> A quote", author).withSlug("about"));

        Series walks = app.series().create("Winter walks", "Walks *in* the cold.");
        app.series().addPost(walks.id(), first.id());
        app.series().addPost(walks.id(), second.id());
        app.series().addPlanned(walks.id(), "Part three: spring", "when it thaws");
        app.series().addPost(walks.id(), draft.id());

        Instant t = Instant.parse("2026-10-02T09:00:00Z");
        var c1 = app.comments().addApproved(first.id(), null, "Reader One", "one@example.org", "https://one.example/", "Lovely *fox*.", t);
        var c2 = app.comments().addApproved(first.id(), c1.id(), "Ada Writer", "ada@example.org", null, "Thanks!", t.plusSeconds(60));
        var c3 = app.comments().addApproved(first.id(), c2.id(), "Reader Two", "two@example.org", null, "Me too.\n\nTwo lines.", t.plusSeconds(120));
        var spam = app.comments().addApproved(first.id(), null, "Spammer", "spam@example.org", "https://spam.example/", "Buy now", t.plusSeconds(180));
        var held = app.comments().addApproved(second.id(), null, "Held Back", "held@example.org", null, "Waiting <here>.", t.plusSeconds(240));
        app.database().jdbi().useHandle(h -> {
            h.createUpdate("update comments set status = 'spam', ip = '203.0.113.9' where id = :id").bind("id", spam.id()).execute();
            h.createUpdate("update comments set status = 'pending' where id = :id").bind("id", held.id()).execute();
        });
        if (c3.id() == 0) throw new IllegalStateException();
    }

    /** Everything a reader or writer would miss if lost, with media named by their alt text rather than path or id. */
    static Map<String, Object> describe(App app) {
        Map<String, Object> out = new TreeMap<>();
        Map<String, String> mediaNames = new HashMap<>();
        Map<Long, String> mediaById = new HashMap<>();
        for (Media m : app.media().all()) {
            mediaNames.put(m.path(), "media:" + m.alt());
            mediaById.put(m.id(), m.alt());
            out.put("media " + m.alt(), List.of(m.caption(), m.mime(), m.width() + "x" + m.height(), bytes(app, m)));
        }
        List<Long> ids = app.database().jdbi().withHandle(h -> h.createQuery("select id from posts order by id").mapTo(Long.class).list());
        Map<Long, Post> posts = app.posts().byIdsWithTags(ids);
        Map<Long, String> slugs = new HashMap<>();
        posts.values().forEach(p -> slugs.put(p.id(), p.slug()));
        for (Post p : posts.values()) {
            String md = p.bodyMd();
            for (var e : mediaNames.entrySet()) md = md.replace(e.getKey(), e.getValue());
            List<String> tags = p.tags().stream().map(t -> t.slug() + "=" + t.name()).sorted().toList();
            List<Object> row = new ArrayList<>(List.of(p.kind(), p.title(), p.status(), String.valueOf(p.publishedAt()),
                    p.publishedAt() == null ? p.createdAt().toString() : "", md, tags, String.valueOf(p.customExcerpt()),
                    p.commentsOpen(), p.featuredMediaId() == null ? "" : mediaById.get(p.featuredMediaId()),
                    app.site().settings().permalink(p), String.valueOf(p.review())));
            row.add(comments(app, p.id()));
            out.put(p.kind() + " " + p.slug(), row);
        }
        for (Series s : app.series().all()) {
            List<String> parts = new ArrayList<>();
            for (SeriesService.Slot slot : app.series().slots(s.id())) {
                parts.add(slot.postId() != null ? "post " + slugs.get(slot.postId()) : "planned " + slot.plannedTitle() + " / " + slot.plannedNote());
            }
            out.put("series " + s.slug(), List.of(s.title(), s.descriptionMd(), parts));
        }
        return out;
    }

    private static List<String> comments(App app, long postId) {
        return app.database().jdbi().withHandle(h -> h.createQuery("""
                select c.author_name, c.author_email, coalesce(c.author_url, ''), c.ip, c.status, c.body_md, c.created_at, c.depth,
                       coalesce(p.author_name, '')
                from comments c left join comments p on p.id = c.parent_id where c.post_id = :post""").bind("post", postId)
                .map((rs, ctx) -> String.join(" | ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)).toString(), "depth " + rs.getInt(8), "reply to " + rs.getString(9)))
                .list()).stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static String bytes(App app, Media m) {
        try {
            byte[] b = Files.readAllBytes(app.media().file(m.path()).orElseThrow());
            return b.length + " bytes, sha-256 " + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

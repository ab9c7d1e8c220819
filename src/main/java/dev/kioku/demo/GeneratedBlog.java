package dev.kioku.demo;

import dev.kioku.App;
import dev.kioku.comments.CommentStatus;
import dev.kioku.comments.Comments;
import dev.kioku.comments.ImportedComment;
import dev.kioku.content.ImportedPost;
import dev.kioku.content.Kind;
import dev.kioku.content.Posts;
import dev.kioku.content.Status;
import dev.kioku.db.Writes;
import dev.kioku.events.ChangeEvent;
import dev.kioku.markdown.Rendered;
import dev.kioku.markdown.Slugs;
import dev.kioku.site.SiteSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A large made-up blog for benchmarks and trying things at scale ({@code kioku demo}): {@code posts} published posts
 * with tags, some of them in series, and approved comments (some of them replies). The same seed gives the same
 * titles, slugs, texts, tags, dates and comments. Everything is saved in one transaction through the importer's bulk
 * paths ({@link Posts#insertImported}, {@link Comments#insertImported}): no post listener runs, so no mail and no
 * webmention goes out.
 */
public final class GeneratedBlog {
    /** Post dates count back from here, so the same seed gives the same dates whenever it runs. */
    static final Instant NEWEST = Instant.parse("2025-06-01T09:00:00Z");
    private static final int BATCH = 1000;
    private static final int POSTS_PER_SERIES_EVERY = 250;
    private static final int PARTS = 4;
    private static final int BODIES = 64;

    private final App app;

    public GeneratedBlog(App app) {
        this.app = app;
    }

    /**
     * @param posts           how many posts (at least 1)
     * @param commentsPerPost approved comments on every post
     * @param busiest         comments on the newest post instead, or -1 for {@code commentsPerPost}
     */
    public record Options(int posts, int commentsPerPost, int busiest, long seed) {
        public Options {
            if (posts < 1) throw new IllegalArgumentException("--posts must be at least 1, was " + posts);
            if (commentsPerPost < 0) throw new IllegalArgumentException("--comments-per-post must be 0 or more, was " + commentsPerPost);
        }
    }

    /** What was saved. */
    public record Summary(int posts, int comments, int tags, int series) {
    }

    public Summary generate(Options o) {
        Random random = new Random(o.seed());
        var defaults = app.site().settings();
        app.site().update(new SiteSettings("The Generated Notebook", "A made-up blog of " + o.posts() + " posts (seed " + o.seed() + ")",
                defaults.language(), defaults.timeZone(), defaults.postsPerPage(), "Text made up by kioku demo.",
                defaults.accentColor(), defaults.logoMediaId(), defaults.permalinks()));

        Blocks blocks = new Blocks(random);
        List<Draft> drafts = new ArrayList<>(o.posts());
        Set<String> slugs = new HashSet<>(app.posts().slugsInUse());
        for (int i = 0; i < o.posts(); i++) drafts.add(draft(random, blocks, i, o.posts(), slugs));
        List<String> commentMd = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) commentMd.add(Words.commentBody(random));
        List<String> commentHtml = commentMd.stream().map(md -> app.comments().renderImported(md)).toList();
        Random commentRandom = new Random(random.nextLong());
        Random seriesRandom = new Random(random.nextLong());

        Posts.ImportSession session = new Posts.ImportSession();
        drafts.forEach(d -> session.slugIsFree(d.slug));
        long[] ids = new long[drafts.size()];
        int[] commentCount = new int[1];
        app.database().jdbi().useTransaction(h -> {
            Writes.serialize(h);
            long[] authors = {
                app.authors().importAuthor(h, "mira@demo.kioku.invalid", "Mira Okafor"),
                app.authors().importAuthor(h, "jon@demo.kioku.invalid", "Jon Halvorsen"),
                app.authors().importAuthor(h, "sana@demo.kioku.invalid", "Sana Iqbal")};
            Comments.ImportIds commentIds = app.comments().importIds(h);
            List<Long> rowIds = new ArrayList<>();
            List<ImportedComment> rows = new ArrayList<>();
            List<String> html = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                ImportedPost p = new ImportedPost(Kind.POST, d.title, d.slug, blocks.markdown(d.blocks), Status.PUBLISHED, d.at, d.at,
                        d.at, authors[i % authors.length], null, true, null, d.tags);
                ids[i] = app.posts().insertImported(h, p, blocks.rendered(d.blocks), session).id();
                int n = i == drafts.size() - 1 && o.busiest() >= 0 ? o.busiest() : o.commentsPerPost();
                List<Long> topLevel = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    long id = commentIds.next();
                    boolean reply = !topLevel.isEmpty() && commentRandom.nextInt(4) == 0;
                    Long parent = reply ? topLevel.get(commentRandom.nextInt(topLevel.size())) : null;
                    if (!reply) topLevel.add(id);
                    int body = commentRandom.nextInt(BODIES);
                    String name = Words.pick(commentRandom, Words.NAMES);
                    Instant at = d.at.plus(Duration.ofMinutes(7L + c * 13L + commentRandom.nextInt(10)));
                    rowIds.add(id);
                    rows.add(new ImportedComment(ids[i], parent, reply ? 1 : 0, CommentStatus.APPROVED, name,
                            Slugs.slugify(name) + "@example.org", null, "", commentMd.get(body), at));
                    html.add(commentHtml.get(body));
                }
                commentCount[0] += n;
                if (rows.size() >= BATCH) flush(h, rowIds, rows, html);
            }
            flush(h, rowIds, rows, html);
        });
        int series = series(seriesRandom, ids, drafts);
        app.events().publish(ChangeEvent.of("posts", ChangeEvent.SITE, ChangeEvent.NAV, Comments.ANY));
        Set<String> tags = new HashSet<>();
        drafts.forEach(d -> tags.addAll(d.tags.keySet()));
        return new Summary(drafts.size(), commentCount[0], tags.size(), series);
    }

    private void flush(org.jdbi.v3.core.Handle h, List<Long> ids, List<ImportedComment> rows, List<String> html) {
        app.comments().insertImported(h, ids, rows, html);
        ids.clear();
        rows.clear();
        html.clear();
    }

    /** One series for every 250 posts (one at least, with 8 posts or more), of four posts each, in date order. */
    private int series(Random random, long[] ids, List<Draft> drafts) {
        int count = ids.length < 2 * PARTS ? 0 : Math.max(1, ids.length / POSTS_PER_SERIES_EVERY);
        List<Integer> order = new ArrayList<>(IntStream.range(0, ids.length).boxed().toList());
        Collections.shuffle(order, random);
        for (int s = 0; s < count; s++) {
            List<Integer> parts = new ArrayList<>(order.subList(s * PARTS, s * PARTS + PARTS));
            Collections.sort(parts);
            String noun = Words.pick(random, Words.NOUNS);
            var series = app.series().create("The " + noun + " letters, volume " + (s + 1),
                    "Four posts on " + noun + "s, written over a few years and read best in order.");
            for (int i : parts) app.series().addPost(series.id(), ids[i]);
        }
        return count;
    }

    /**
     * A post to be: its body is kept as the numbers of its blocks ({@link Blocks#markdown}), not as text, so that
     * 100,000 drafts take a few megabytes before they are saved.
     */
    private record Draft(String title, String slug, int[] blocks, Map<String, String> tags, Instant at) {
    }

    /**
     * Markdown blocks rendered once each; a post's body is a few of them, so its HTML is theirs joined (what rendering
     * the joined Markdown gives, without rendering 10,000 bodies). The excerpt is its first paragraph's.
     */
    private final class Blocks {
        private final List<String> paragraphMd = new ArrayList<>();
        private final List<Rendered> paragraphs = new ArrayList<>();
        private final List<String> otherMd = new ArrayList<>();
        private final List<Rendered> others = new ArrayList<>();

        Blocks(Random random) {
            for (int i = 0; i < 400; i++) paragraphMd.add(Words.paragraph(random));
            for (int i = 0; i < 40; i++) {
                otherMd.add(Words.heading(random));
                otherMd.add(Words.list(random));
                otherMd.add(Words.quote(random));
            }
            paragraphMd.forEach(md -> paragraphs.add(app.posts().render(md)));
            otherMd.forEach(md -> others.add(app.posts().render(md)));
        }

        /**
         * Four to eight paragraphs, with a heading, a list or a quote after the second: the numbers of the blocks, a
         * paragraph as {@code k} and another block as {@code -1 - k}.
         */
        Draft body(Random random, String title, String slug, Map<String, String> tags, Instant at) {
            int count = 4 + random.nextInt(5);
            int[] parts = new int[count + 1];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (i == 2) parts[n++] = -1 - random.nextInt(otherMd.size());
                parts[n++] = random.nextInt(paragraphMd.size());
            }
            return new Draft(title, slug, java.util.Arrays.copyOf(parts, n), tags, at);
        }

        String markdown(int[] parts) {
            StringBuilder md = new StringBuilder();
            for (int k : parts) md.append(k >= 0 ? paragraphMd.get(k) : otherMd.get(-1 - k)).append("\n\n");
            return md.toString();
        }

        /** The blocks' HTML joined; the excerpt is the first paragraph's. */
        Rendered rendered(int[] parts) {
            StringBuilder html = new StringBuilder();
            int words = 0;
            for (int k : parts) {
                Rendered r = k >= 0 ? paragraphs.get(k) : others.get(-1 - k);
                html.append(r.html());
                words += r.words();
            }
            return new Rendered(html.toString(), paragraphs.get(parts[0]).excerpt(), words);
        }
    }

    private static Draft draft(Random random, Blocks blocks, int index, int total, Set<String> slugs) {
        String title = Words.title(random);
        String slug = Posts.plannedSlug(Slugs.slugify(title), Kind.POST, slugs::contains);
        slugs.add(slug);
        Map<String, String> tags = new LinkedHashMap<>();
        int tagCount = 1 + random.nextInt(3);
        while (tags.size() < tagCount) {
            String tag = Words.pick(random, Words.TAGS);
            tags.put(Slugs.slugify(tag), tag);
        }
        Instant at = NEWEST.minus(Duration.ofHours(3L * (total - 1 - index))).plus(Duration.ofMinutes(random.nextInt(120)));
        return blocks.body(random, title, slug, tags, at);
    }
}

package dev.kioku.demo;

import dev.kioku.App;
import dev.kioku.authors.Author;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.content.ReviewKind;
import dev.kioku.media.Media;
import dev.kioku.series.Series;
import dev.kioku.site.SiteSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The demo blog a new install starts with: Aiko Mori's "The Memory Palace" (part 1 published, parts 2
 * and 3 planned), three standalone posts and an About page. Texts are resources under {@code /demo/};
 * images are drawn by {@link DemoImages}. Everything goes through the normal services.
 */
public final class DemoContent {
    private final App app;

    public DemoContent(App app) {
        this.app = app;
    }

    /** Adds the demo blog. Meant for an empty database; run twice it adds a second copy with new slugs. */
    public void seed() {
        Instant now = app.clock().instant();
        var defaults = app.site().settings();
        app.site().update(new SiteSettings("Aiko's Notebook", "Memory, notebooks and the craft of keeping a blog",
                defaults.language(), defaults.timeZone(), defaults.postsPerPage(), "Words and pictures by Aiko Mori.",
                defaults.accentColor(), defaults.logoMediaId(), defaults.permalinks()));
        List<String> author = lines("author.txt");
        Author aiko = app.authors().create(new NewAuthor("aiko@demo.kioku.invalid", author.get(0), Role.AUTHOR, null,
                String.join(" ", author.subList(1, author.size())).strip(), null, "aiko@example.org",
                List.of(new Author.Link("Website", "https://example.org/aiko"),
                        new Author.Link("Mastodon", "https://mastodon.example/@aiko"))));
        Map<String, String> alts = Map.of(
                "palace.png", "A stylised house with lit windows on a hill at dusk",
                "notebook.png", "An open notebook with a hand-drawn floor plan",
                "walk.png", "A road winding over green hills towards the sea",
                "cover-series.png", "Cover of The Memory Palace series: a doorway opening onto rooms");
        Map<String, Media> images = new java.util.HashMap<>();
        DemoImages.drawAll().forEach((name, bytes) ->
                images.put(name, app.media().add("demo", name, bytes, alts.getOrDefault(name, ""), "")));

        List<String> seriesText = lines("series.txt");
        Series palace = app.series().create(seriesText.get(0), String.join("\n", seriesText.subList(1, seriesText.size())));
        Post part1 = post("series-part-1.md", aiko, images.get("cover-series.png"));
        app.posts().publish(part1.id(), now.minus(Duration.ofHours(20)));
        app.series().addPost(palace.id(), part1.id());
        for (String planned : List.of("series-part-2.txt", "series-part-3.txt")) {
            List<String> p = lines(planned);
            app.series().addPlanned(palace.id(), p.get(0), p.size() > 1 ? p.get(1) : "");
        }

        int days = 3;
        for (String file : List.of("post-why-kioku.md", "post-photo-walk.md", "post-plain-text-notes.md")) {
            Post p = post(file, aiko, file.contains("walk") ? images.get("walk.png") : null);
            app.posts().publish(p.id(), now.minus(Duration.ofDays(days)));
            days += 4;
        }
        Post review = post("post-review-moonwalking.md", aiko, null, new Post.Review("Moonwalking with Einstein", 2011,
                "Joshua Foer", ReviewKind.BOOK, "https://en.wikipedia.org/wiki/Moonwalking_with_Einstein", 4));
        app.posts().publish(review.id(), now.minus(Duration.ofDays(1)));
        var ren = app.comments().addApproved(part1.id(), null, "Ren Takahashi", "ren@example.org", "https://example.org/ren",
                "I tried this with my grandmother's house and remembered the *smell* of the kitchen before anything else.",
                now.minus(Duration.ofHours(12)));
        app.comments().addApproved(part1.id(), ren.id(), "Mina Park", "mina@example.org", null,
                "Same here. Smell seems to be the first room of every palace.", now.minus(Duration.ofHours(9)));
        Post about = app.posts().create(PostDraft.page("About", body(lines("page-about.md")), aiko.id()));
        app.posts().publish(about.id(), now.minus(Duration.ofDays(30)));
    }

    private Post post(String file, Author author, Media featured) {
        return post(file, author, featured, null);
    }

    private Post post(String file, Author author, Media featured, Post.Review review) {
        List<String> lines = lines(file);
        String title = lines.get(0).replaceFirst("^#\\s*", "");
        List<String> tags = List.of();
        if (lines.size() > 1 && lines.get(1).startsWith("tags:")) {
            tags = Arrays.stream(lines.get(1).substring(5).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        PostDraft draft = new PostDraft(Kind.POST, title, null, body(lines), author.id(), tags,
                featured == null ? null : featured.id(), true, review);
        return app.posts().create(draft);
    }

    /** The body: everything after the title line and an optional tags line. */
    private static String body(List<String> lines) {
        int start = 1;
        if (lines.size() > 1 && lines.get(1).startsWith("tags:")) start = 2;
        return String.join("\n", lines.subList(start, lines.size())).strip() + "\n";
    }

    private static List<String> lines(String name) {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) throw new IllegalStateException("demo file missing from the jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

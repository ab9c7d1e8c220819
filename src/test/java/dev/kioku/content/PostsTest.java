package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.db.Engine;
import dev.kioku.events.ChangeEvent;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The posts write path and its reads, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class PostsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Posts posts;
    Author aiko;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        posts = blog.app.posts();
        aiko = blog.author("Aiko Mori");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void a_new_post_is_a_draft_with_rendered_html_excerpt_and_a_slug_from_its_title() {
        Post p = posts.create(PostDraft.post("Hello, World!", "Some **bold** words.\n\nMore.", aiko.id(), List.of()));

        assertEquals(Status.DRAFT, p.status());
        assertEquals("hello-world", p.slug());
        assertTrue(p.bodyHtml().contains("<strong>bold</strong>"));
        assertEquals("Some bold words. More.", p.excerpt());
        assertNull(p.publishedAt());
        assertEquals(TestBlog.START, p.createdAt());
    }

    @Test
    void slugs_stay_unique_across_posts_and_pages() {
        assertEquals("same", posts.create(PostDraft.post("Same", "", aiko.id(), List.of())).slug());
        assertEquals("same-2", posts.create(PostDraft.post("Same", "", aiko.id(), List.of())).slug());
        assertEquals("same-3", posts.create(PostDraft.post("Same!", "", aiko.id(), List.of())).slug());
        assertEquals("same-4", posts.create(PostDraft.page("Same", "", aiko.id())).slug(), "both can live at /slug/");
    }

    @Test
    void text_in_any_script_round_trips_and_japanese_slugs_are_kept() {
        Post p = posts.create(PostDraft.post("記憶の宮殿 🏯", "日本語の本文。Émoji 🎉", aiko.id(), List.of("日本")));

        Post back = posts.get(p.id());
        assertEquals("記憶の宮殿 🏯", back.title());
        assertEquals("記憶の宮殿", back.slug());
        assertTrue(back.bodyMd().contains("🎉"));
        assertEquals("日本", back.tags().get(0).name());
    }

    @Test
    void tags_are_shared_by_slug_and_replaced_on_update() {
        Post a = posts.create(PostDraft.post("A", "", aiko.id(), List.of("Tea", "tea ", "Green Tea")));
        Post b = posts.create(PostDraft.post("B", "", aiko.id(), List.of("TEA")));

        assertEquals(List.of("green-tea", "tea"), a.tags().stream().map(Tag::slug).sorted().toList());
        assertEquals(a.tags().stream().filter(t -> t.slug().equals("tea")).findFirst().orElseThrow().id(), b.tags().get(0).id());
        Post updated = posts.update(b.id(), PostDraft.post("B", "", aiko.id(), List.of("coffee")));
        assertEquals(List.of("coffee"), updated.tags().stream().map(Tag::slug).toList());
    }

    @Test
    void publishing_in_the_future_schedules_and_unpublishing_makes_a_draft_again() {
        Post p = posts.create(PostDraft.post("Later", "", aiko.id(), List.of()));

        assertEquals(Status.SCHEDULED, posts.publish(p.id(), TestBlog.START.plus(Duration.ofDays(1))).status());
        assertTrue(posts.publicBySlug(Kind.POST, "later").isEmpty());
        assertEquals(Status.PUBLISHED, posts.publish(p.id(), null).status());
        assertEquals(TestBlog.START, posts.get(p.id()).publishedAt());
        assertTrue(posts.publicBySlug(Kind.POST, "later").isPresent());
        assertEquals(Status.DRAFT, posts.unpublish(p.id()).status());
        assertTrue(posts.publicBySlug(Kind.POST, "later").isEmpty());
    }

    @Test
    void review_fields_and_featured_image_and_comment_setting_are_kept() {
        var draft = new PostDraft(Kind.POST, "On Frieren", null, "Good.", aiko.id(), List.of(), null, false,
                new Post.Review("Frieren: Beyond Journey's End", 2023, "Kanehito Yamada", ReviewKind.TV_SERIES));

        Post p = posts.get(posts.create(draft).id());

        assertEquals(new Post.Review("Frieren: Beyond Journey's End", 2023, "Kanehito Yamada", ReviewKind.TV_SERIES), p.review());
        assertFalse(p.commentsOpen());
        assertNull(p.featuredMediaId());
    }

    @Test
    void listings_count_and_page_through_public_posts_only() {
        for (int i = 0; i < 5; i++) {
            Post p = posts.create(PostDraft.post("P" + i, "", aiko.id(), List.of("x")));
            if (i != 2) posts.publish(p.id(), TestBlog.START.minus(Duration.ofDays(i)));
        }

        Posts.Slice first = posts.latest(0, 2);
        assertEquals(4, first.total());
        assertEquals(List.of("P0", "P1"), first.posts().stream().map(Post::title).toList());
        assertEquals(List.of("P3", "P4"), posts.latest(2, 2).posts().stream().map(Post::title).toList());
        assertEquals(4, posts.byTag(posts.tag("x").orElseThrow(), 0, 10).total());
        assertEquals(4, posts.byAuthor(aiko.id(), 0, 10).total());
        Instant from = TestBlog.START.minus(Duration.ofDays(1)).minusSeconds(1);
        assertEquals(2, posts.between(from, TestBlog.START.plusSeconds(1), 0, 10).total());
    }

    @Test
    void a_write_announces_the_post_its_tags_author_archives_and_neighbours_after_commit() {
        Post older = posts.publish(posts.create(PostDraft.post("Older", "", aiko.id(), List.of())).id(), TestBlog.START.minus(Duration.ofDays(1)));
        List<ChangeEvent> seen = new ArrayList<>();
        blog.app.events().subscribe(seen::add);

        Post p = posts.create(PostDraft.post("New", "", aiko.id(), List.of("tea")));
        posts.publish(p.id(), null);

        ChangeEvent publish = seen.get(seen.size() - 1);
        for (String key : List.of("post:" + p.id(), "posts", "tag:tea", "author-posts:" + aiko.id(), "archive:2026",
                "archive:2026-11", "archive:2026-11-20", "post:" + older.id())) {
            assertTrue(publish.keys().contains(key), key + " in " + publish.keys());
        }
    }

    @Test
    void a_public_post_whose_slug_changes_keeps_its_old_url_and_loops_are_avoided() {
        Post p = posts.publish(posts.create(PostDraft.post("First name", "", aiko.id(), List.of())).id(), null);
        posts.update(p.id(), PostDraft.post("First name", "", aiko.id(), List.of()).withSlug("second-name"));

        assertEquals("/2026/11/20/second-name/", posts.redirectFor("/2026/11/20/first-name/").orElseThrow());
        posts.update(p.id(), PostDraft.post("First name", "", aiko.id(), List.of()).withSlug("first-name"));
        assertTrue(posts.redirectFor("/2026/11/20/first-name/").isEmpty(), "the current URL is not redirected");
        assertEquals("/2026/11/20/first-name/", posts.redirectFor("/2026/11/20/second-name/").orElseThrow());
        assertEquals("/2026/11/20/first-name/", posts.get(p.id()).permalink(PermalinkStyle.DAY_AND_NAME, ZoneOffset.UTC));
    }

    @Test
    void unknown_posts_are_refused_with_a_clear_message() {
        var e = assertThrows(IllegalArgumentException.class, () -> posts.publish(999_999, null));
        assertEquals("no post 999999", e.getMessage());
    }

    @Test
    void listeners_see_each_change_inside_its_transaction_and_a_failing_one_undoes_it() {
        Post p = posts.create(PostDraft.post("Told", "Body.", aiko.id(), List.of()));
        List<String> seen = new ArrayList<>();
        posts.addListener((h, before, after) -> seen.add(before.status() + "->" + after.status()));
        posts.publish(p.id(), null);
        assertEquals(List.of("DRAFT->PUBLISHED"), seen);

        posts.addListener((h, before, after) -> {
            if (after.status() == Status.DRAFT) throw new IllegalStateException("refused");
        });
        assertThrows(IllegalStateException.class, () -> posts.unpublish(p.id()));
        assertEquals(Status.PUBLISHED, posts.get(p.id()).status(), "the change was rolled back with the listener");
    }
}

package dev.kioku.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.content.Status;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Series with published, draft and planned parts, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class SeriesServiceTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    SeriesService series;
    Author aiko;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        series = blog.app.series();
        aiko = blog.author("Aiko Mori");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Post post(String title, boolean publish) {
        Post p = blog.app.posts().create(PostDraft.post(title, title + ".", aiko.id(), List.of()));
        return publish ? blog.app.posts().publish(p.id(), null) : p;
    }

    @Test
    void parts_keep_their_order_and_planned_parts_are_coming_soon_until_their_post_is_published() {
        Series s = series.create("The Memory Palace", "A *short* series.");
        Post one = post("The house", true);
        series.addPost(s.id(), one.id());
        long planned = series.addPlanned(s.id(), "The rooms", "Next week.");
        series.addPlanned(s.id(), "The lights", "");

        SeriesView view = series.view(s);
        assertEquals(List.of("The house", "The rooms", "The lights"), view.parts().stream().map(SeriesView.PartView::title).toList());
        assertEquals(List.of(false, true, true), view.parts().stream().map(SeriesView.PartView::comingSoon).toList());
        assertEquals("Next week.", view.parts().get(1).note());
        assertTrue(s.descriptionHtml().contains("<em>short</em>"));

        Post two = post("Furnishing the rooms", false);
        series.attach(planned, two.id());
        assertTrue(series.view(s).parts().get(1).comingSoon(), "a draft does not make the part a link");
        assertEquals("The rooms", series.view(s).parts().get(1).title(), "the announced title stays until publication");

        blog.app.posts().publish(two.id(), null);
        SeriesView.PartView live = series.view(s).parts().get(1);
        assertEquals("Furnishing the rooms", live.title());
        assertEquals("/2026/11/20/furnishing-the-rooms/", live.url());
    }

    @Test
    void the_box_of_a_part_knows_its_number_and_the_keys_of_every_part() {
        Series s = series.create("Trilogy", "");
        Post one = post("One", true);
        Post two = post("Two", true);
        series.addPost(s.id(), one.id());
        series.addPost(s.id(), two.id());
        series.addPlanned(s.id(), "Three", "");

        SeriesView box = series.forPost(two.id()).orElseThrow();
        assertEquals(2, box.current());
        assertEquals(3, box.total());
        assertTrue(box.keys().containsAll(List.of("series:" + s.id(), "post:" + one.id(), "post:" + two.id())));
        assertTrue(box.parts().get(1).isCurrent());
        assertTrue(series.forPost(post("Alone", true).id()).isEmpty());
        var badge = series.badges(List.of(one.id(), two.id())).get(one.id());
        assertEquals(new SeriesService.Badge("Trilogy", "/series/trilogy/", 1, 3, "series:" + s.id()), badge);
    }

    @Test
    void a_draft_added_as_a_part_does_not_show_its_title_before_publication() {
        Series s = series.create("Secrets", "");
        series.addPost(s.id(), post("The butler did it", false).id());

        SeriesView.PartView part = series.view(s).parts().get(0);
        assertEquals(SeriesService.UNANNOUNCED, part.title());
        assertTrue(part.comingSoon());
    }

    @Test
    void a_post_can_be_in_one_series_only_and_bad_input_is_refused() {
        Series a = series.create("A", "");
        Series b = series.create("B", "");
        Post p = post("Shared", true);
        series.addPost(a.id(), p.id());

        assertEquals("post " + p.id() + " is already in a series",
                assertThrows(IllegalArgumentException.class, () -> series.addPost(b.id(), p.id())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> series.addPlanned(a.id(), " ", ""));
        assertThrows(IllegalArgumentException.class, () -> series.create("", ""));
        assertThrows(IllegalArgumentException.class, () -> series.addPlanned(987_654, "x", ""));
        assertEquals("a-2", series.create("A", "").slug());
    }

    private List<String> titles(Series s) {
        return series.view(s).parts().stream().map(SeriesView.PartView::title).toList();
    }

    private List<java.util.Set<String>> events() {
        List<java.util.Set<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        blog.app.events().subscribe(e -> seen.add(e.keys()));
        return seen;
    }

    @Test
    void parts_move_one_place_at_a_time_and_stay_numbered_from_one() {
        Series s = series.create("Order", "");
        Post one = post("One", true);
        Post two = post("Two", true);
        series.addPost(s.id(), one.id());
        series.addPost(s.id(), two.id());
        long three = series.addPlanned(s.id(), "Three", "");
        var seen = events();

        series.move(three, -1);
        assertEquals(List.of("One", "Three", "Two"), titles(s));
        assertEquals(java.util.Set.of("series:" + s.id(), "posts", "post:" + two.id()), seen.get(0));

        series.move(three, -1);
        series.move(three, -1);
        assertEquals(List.of("Three", "One", "Two"), titles(s), "at the top it stays");
        assertEquals(List.of(1, 2, 3), series.parts(s.id()).stream().map(Part::position).toList());
        assertEquals(2, seen.size(), "a move that changes nothing publishes nothing");
        assertThrows(IllegalArgumentException.class, () -> series.move(three, 2));
    }

    @Test
    void removing_a_part_closes_the_gap_and_leaves_its_post_alone() {
        Series s = series.create("Gaps", "");
        Post one = post("One", true);
        Post two = post("Two", true);
        series.addPost(s.id(), one.id());
        long first = series.parts(s.id()).get(0).id();
        series.addPlanned(s.id(), "Planned", "");
        series.addPost(s.id(), two.id());
        var seen = events();

        series.remove(first);

        assertEquals(List.of("Planned", "Two"), titles(s));
        assertEquals(List.of(1, 2), series.parts(s.id()).stream().map(Part::position).toList());
        assertTrue(series.forPost(one.id()).isEmpty());
        assertEquals(Status.PUBLISHED, blog.app.posts().get(one.id()).status());
        assertEquals(java.util.Set.of("series:" + s.id(), "posts", "post:" + one.id(), "post:" + two.id()), seen.get(0));
        series.addPost(s.id(), one.id());
        assertEquals(List.of("Planned", "Two", "One"), titles(s), "a removed post can come back as a new part");
    }

    @Test
    void a_renamed_series_keeps_its_old_address_as_a_redirect() {
        Series s = series.create("Old name", "First.");
        Series other = series.create("Taken", "");

        Series kept = series.update(s.id(), "New name", "", "Second *take*.");
        assertEquals("old-name", kept.slug(), "a blank slug keeps the address");
        assertTrue(kept.descriptionHtml().contains("<em>take</em>"));

        Series moved = series.update(s.id(), "New name", "New Name!", "Second.");
        assertEquals("new-name", moved.slug());
        assertEquals(java.util.Optional.of("/series/new-name/"), series.redirectFor("/series/old-name/"));
        assertTrue(series.redirectFor("/series/taken/").isEmpty());

        var taken = assertThrows(dev.kioku.web.Invalid.class, () -> series.update(s.id(), "New name", other.slug(), ""));
        assertEquals(java.util.Set.of("slug"), taken.fields().keySet());
        assertEquals(java.util.Set.of("title"), assertThrows(dev.kioku.web.Invalid.class,
                () -> series.update(s.id(), " ", "", "")).fields().keySet());
        assertEquals(java.util.Set.of("slug"), assertThrows(dev.kioku.web.Invalid.class,
                () -> series.update(s.id(), "x", "!!!", "")).fields().keySet());

        series.update(s.id(), "Old name again", "old-name", "");
        assertEquals("/series/old-name/", series.redirectFor("/series/new-name/").orElseThrow());
        assertTrue(series.redirectFor("/series/old-name/").isEmpty(), "the live slug is no redirect");
    }

    @Test
    void only_an_unfilled_planned_part_takes_a_post_and_only_a_post() {
        Series s = series.create("Plans", "");
        long planned = series.addPlanned(s.id(), "Later", "");
        Post a = post("A", false);
        Post page = blog.app.posts().create(PostDraft.page("About", "Me.", aiko.id()));

        assertThrows(IllegalArgumentException.class, () -> series.attach(planned, page.id()));
        assertThrows(IllegalArgumentException.class, () -> series.attach(planned, 987_654));
        assertThrows(IllegalArgumentException.class, () -> series.addPost(s.id(), page.id()));
        series.attach(planned, a.id());
        assertThrows(IllegalArgumentException.class, () -> series.attach(planned, post("B", false).id()));
    }
}

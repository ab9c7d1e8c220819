package dev.kioku.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
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
}

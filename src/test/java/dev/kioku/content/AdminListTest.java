package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kioku.authors.Author;
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

/** The admin's list of posts (dashboard, series pickers) with its filters, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class AdminListTest {
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

    private List<String> titles(Status status, String search) {
        return posts.adminList(Kind.POST, status, search, null, 0, 50).posts().stream().map(Post::title).toList();
    }

    @Test
    void every_post_is_listed_newest_edit_first_and_filters_narrow_it() {
        Post tea = posts.create(PostDraft.post("Tea at 100% strength", "Green.", aiko.id(), List.of()));
        blog.clock.advance(java.time.Duration.ofMinutes(1));
        posts.create(PostDraft.post("Coffee", "Black, 100 percent.", aiko.id(), List.of()));
        blog.clock.advance(java.time.Duration.ofMinutes(1));
        posts.create(PostDraft.post("snake_case notes!", "Words.", aiko.id(), List.of()));
        blog.clock.advance(java.time.Duration.ofMinutes(1));
        posts.publish(tea.id(), null);

        assertEquals(List.of("Tea at 100% strength", "snake_case notes!", "Coffee"), titles(null, null));
        assertEquals(3, posts.adminList(Kind.POST, null, null, null, 0, 1).total());
        assertEquals(List.of("Tea at 100% strength"), titles(Status.PUBLISHED, null));
        assertEquals(List.of("Tea at 100% strength", "Coffee"), titles(null, "100"));
        assertEquals(List.of("Tea at 100% strength"), titles(null, "100%"), "% is a character, not a wildcard");
        assertEquals(List.of("snake_case notes!"), titles(null, "e_c"), "so is _");
        assertEquals(List.of("snake_case notes!"), titles(null, "notes!"), "and the escape character itself");
    }
}

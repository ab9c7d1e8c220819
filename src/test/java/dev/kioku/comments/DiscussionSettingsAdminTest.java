package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Settings → Discussion over HTTP, on SQLite and PostgreSQL: what the owner saves is what the next comment meets. */
@ParameterizedClass
@EnumSource(Engine.class)
class DiscussionSettingsAdminTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminSession owner;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        Post draft = blog.app.posts().create(PostDraft.post("On rain", "It rains.", owner.userId, List.of()));
        post = blog.app.posts().publish(draft.id(), TestBlog.START.minus(Duration.ofHours(2)));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private CommentStatus commentFrom(String email, String body) {
        String token = blog.app.comments().formToken();
        blog.clock.advance(Duration.ofMinutes(1));
        return blog.app.comments().submit(new Submission(post.id(), null, body, "Reader", email, null, false, false, null,
                token, "192.0.2.7", "test", null, null)).comment().status();
    }

    private TestBlog.Response save(String... overrides) {
        Document form = owner.page("/admin/comments/settings/");
        var fields = dev.kioku.testing.AdminClient.fields(form.selectFirst("form.settings"));
        for (int i = 0; i < overrides.length; i += 2) fields.put(overrides[i], List.of(overrides[i + 1]));
        fields.remove("_csrf");
        List<String> flat = new java.util.ArrayList<>();
        fields.forEach((name, values) -> values.forEach(v -> {
            flat.add(name);
            flat.add(v);
        }));
        return owner.post("/admin/comments/settings/", flat.toArray(String[]::new));
    }

    @Test
    void the_form_shows_the_saved_rules_and_is_linked_from_settings_and_the_queue() {
        Document form = owner.page("/admin/comments/settings/");

        assertNotNull(form.selectFirst("input[name=moderation][value=hold-first][checked]"));
        assertEquals("5", form.getElementById("threadDepth").val());
        assertEquals("50", form.getElementById("perPage").val());
        assertNotNull(form.selectFirst("input#gravatar[checked]"));
        assertEquals(DiscussionSettings.AKISMET, form.getElementById("akismetEndpoint").val());
        assertNotNull(owner.page("/admin/settings/").selectFirst("a[href=/admin/comments/settings/]"));
        assertNotNull(owner.page("/admin/comments/").selectFirst("a[href=/admin/comments/settings/]"));
    }

    @Test
    void holding_every_comment_holds_even_a_known_commenters_next_one() {
        assertEquals(CommentStatus.PENDING, commentFrom("kenji@example.org", "First."));
        long first = blog.app.comments().queue(staff(), CommentStatus.PENDING, 0, 10).comments().get(0).id();
        blog.app.comments().moderate(staff(), List.of(first), CommentStatus.APPROVED);
        assertEquals(CommentStatus.APPROVED, commentFrom("kenji@example.org", "Second."), "known commenters pass by default");

        assertEquals("/admin/comments/settings/?notice=settings-saved", save("moderation", "hold-all", "blockedWords", "Casino\n\ncasino\nfree money",
                "gravatar", "").header("Location"));

        assertEquals(CommentStatus.PENDING, commentFrom("kenji@example.org", "Third."));
        assertEquals(CommentStatus.SPAM, commentFrom("mari@example.org", "Free money here"));
        DiscussionSettings saved = blog.app.comments().settings();
        assertEquals(Moderation.HOLD_ALL, saved.moderation());
        assertEquals(List.of("casino", "free money"), saved.blockedWords());
        assertFalse(saved.gravatar());
        assertTrue(saved.notifyAuthor());
        Document form = owner.page("/admin/comments/settings/");
        assertNotNull(form.selectFirst("input[name=moderation][value=hold-all][checked]"));
        assertEquals("casino\nfree money", form.getElementById("blockedWords").wholeText().strip());
    }

    @Test
    void bad_numbers_and_entries_are_refused_with_the_typed_values_and_a_message_each() {
        TestBlog.Response r = save("threadDepth", "11", "perPage", "five", "closeAfterDays", "-1",
                "blockedEmails", "@spam.example\nnot an address", "blockedIps", "203.0.113.\nlocalhost",
                "akismetEndpoint", "javascript:alert(1)", "maxLinks", "3");

        assertEquals(422, r.status());
        Document form = owner.parse(r);
        assertEquals("11", form.getElementById("threadDepth").val());
        assertEquals("five", form.getElementById("perPage").val());
        assertEquals("3", form.getElementById("maxLinks").val());
        for (String field : List.of("threadDepth", "perPage", "closeAfterDays", "blockedEmails", "blockedIps", "akismetEndpoint")) {
            assertNotNull(form.getElementById(field + "-error"), field);
            assertEquals("true", form.getElementById(field).attr("aria-invalid"), field);
        }
        assertTrue(form.getElementById("blockedEmails-error").text().contains("not an address"));
        assertEquals(DiscussionSettings.DEFAULTS, blog.app.comments().settings(), "nothing was saved");
    }

    @Test
    void only_the_owner_may_change_the_rules() {
        AdminSession editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");

        assertEquals(403, editor.get("/admin/comments/settings/").status());
        assertEquals(403, editor.post("/admin/comments/settings/", "moderation", "approve-all", "maxLinks", "2",
                "closeAfterDays", "0", "threadDepth", "5", "perPage", "50").status());
        assertEquals(Moderation.HOLD_FIRST, blog.app.comments().settings().moderation());
        assertTrue(editor.page("/admin/comments/").select("a[href=/admin/comments/settings/]").isEmpty());
    }

    private dev.kioku.authors.Staff staff() {
        return blog.app.authors().staff(owner.userId).orElseThrow();
    }
}

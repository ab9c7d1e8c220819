package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kioku.authors.Role;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import dev.kioku.web.Invalid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Moderators read what strangers wrote: every comment of the shared XSS corpus (as name, website and text) is
 * shown in the queue and on its own page, and none of it may become markup that runs. The corpus sits beside
 * CI checkouts in {@code ../shared/corpus/}; a user's clone has none and the test is skipped.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CommentAdminXssTest {
    /** Attributes a browser follows or loads as a URL (an input's value holding "javascript:…" is only text). */
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "srcset", "poster",
            "data", "background", "cite", "xlink:href", "ping");
    private static final Path PAYLOADS = Path.of("..", "shared", "corpus", "xss", "payloads-comment.txt");

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminSession editor;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        Post draft = blog.app.posts().create(PostDraft.post("On rain", "It rains.", editor.userId, List.of()));
        post = blog.app.posts().publish(draft.id(), TestBlog.START.minus(Duration.ofHours(2)));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private static List<String> payloads() throws IOException {
        assumeTrue(Files.isRegularFile(PAYLOADS), () -> "skipped: " + PAYLOADS.toAbsolutePath().normalize() + " is absent");
        return Files.readAllLines(PAYLOADS, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).toList();
    }

    /**
     * Each payload as the text and the name (clipped to the name's limit) and, where the form accepts it, the
     * website; a different address and email each time so no rate limit or duplicate check stops one.
     */
    private List<Long> commentEach(List<String> payloads) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String p = payloads.get(i);
            String name = p.length() > Comments.MAX_NAME ? p.substring(0, Comments.MAX_NAME) : p;
            String ip = "10." + (i / 250) + "." + (i % 250) + ".1";
            try {
                ids.add(submit(p, name, p, ip, i));
            } catch (Invalid e) {
                ids.add(submit(p, name, null, ip, i));
            }
        }
        return ids;
    }

    private long submit(String body, String name, String website, String ip, int i) {
        return blog.app.comments().submit(new Submission(post.id(), null, body, name.isBlank() ? "x" : name,
                "reader" + i + "@example.org", website, false, false, null, null, ip, "test", null, null)).comment().id();
    }

    /** Rows from elsewhere (an import) may hold any website at all: the admin must not trust the form's checks. */
    private void storeRawWebsites(List<Long> ids, List<String> payloads) {
        blog.app.database().jdbi().useHandle(h -> {
            for (int i = 0; i < Math.min(ids.size(), 200); i++) {
                h.createUpdate("update comments set author_url = :url where id = :id").bind("url", payloads.get(i))
                        .bind("id", ids.get(i)).execute();
            }
            h.createUpdate("update comments set author_url = :url where id = :id").bind("url", " JaVaScRiPt:alert(1)")
                    .bind("id", ids.get(ids.size() - 1)).execute();
        });
    }

    @Test
    void no_payload_becomes_a_script_a_handler_or_a_javascript_link_in_the_queue_or_on_a_comments_page() throws IOException {
        List<String> payloads = payloads();
        List<Long> ids = commentEach(payloads);
        storeRawWebsites(ids, payloads);
        // some in each tab, so every tab's row actions are drawn over hostile rows
        var who = blog.app.authors().staff(editor.userId).orElseThrow();
        blog.app.comments().moderate(who, ids.subList(0, 60), CommentStatus.APPROVED);
        blog.app.comments().moderate(who, ids.subList(60, 120), CommentStatus.SPAM);
        blog.app.comments().moderate(who, ids.subList(120, 180), CommentStatus.TRASH);

        int rows = 0;
        for (CommentStatus status : CommentStatus.values()) {
            String next = CommentAdminRoutes.queueUrl(status, 1);
            while (next != null) {
                Document page = editor.page(next);
                assertHarmless(page, next);
                rows += page.select(".comments-table tbody tr").size();
                Element older = page.selectFirst(".pager a[rel=next]");
                next = older == null ? null : older.attr("href");
            }
        }
        assertEquals(ids.size(), rows, "every comment was shown once");
        for (long id : List.of(ids.get(0), ids.get(7), ids.get(ids.size() - 1))) {
            assertHarmless(editor.page("/admin/comments/" + id + "/"), "comment " + id);
        }
    }

    private static void assertHarmless(Document page, String where) {
        for (Element e : page.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script")) {
                assertTrue(e.attr("src").startsWith("/assets/") && e.data().isBlank(), where + ": a script of our own only: " + e);
            }
            assertTrue(!List.of("iframe", "object", "embed", "base", "frame", "frameset", "svg", "math").contains(tag),
                    where + ": no <" + tag + ">");
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertTrue(!name.startsWith("on"), where + ": no event handler: " + e.tagName() + " " + a);
                if (!URL_ATTRIBUTES.contains(name)) continue;
                String value = a.getValue().replaceAll("[\\s\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                assertTrue(!value.startsWith("javascript:") && !value.startsWith("vbscript:") && !value.startsWith("data:text/html"),
                        where + ": no script URL: " + e.tagName() + " " + a);
            }
        }
    }
}

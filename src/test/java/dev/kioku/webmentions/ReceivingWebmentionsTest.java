package dev.kioku.webmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.RemoteSite;
import dev.kioku.testing.TestBlog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Webmentions from another site (a second local HTTP server) on SQLite and PostgreSQL: received, verified by the
 * job, held for moderation, approved, and shown under the post; and everything that must not get that far.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ReceivingWebmentionsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    RemoteSite remote;
    AdminSession editor;
    Post post;
    String target;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        blog = TestBlog.startWithLocalFetches(engine, dir);
        remote = new RemoteSite();
        editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        post = published("On rain", "It rains.", blog.author("Aiko Mori").id());
        target = blog.url(path(post));
    }

    @AfterEach
    void stop() {
        remote.close();
        blog.close();
    }

    private Post published(String title, String body, long authorId) {
        Post draft = blog.app.posts().create(PostDraft.post(title, body, authorId, List.of()));
        return blog.app.posts().publish(draft.id(), TestBlog.START.minus(Duration.ofHours(2)));
    }

    private String path(Post p) {
        return blog.app.site().settings().permalink(p);
    }

    /** POSTs a webmention as another site's server would: form-encoded, no cookies, no token. */
    private TestBlog.Response send(String source, String target) {
        StringBuilder form = new StringBuilder();
        if (source != null) form.append("source=").append(URLEncoder.encode(source, StandardCharsets.UTF_8));
        if (target != null) form.append(form.isEmpty() ? "" : "&").append("target=").append(URLEncoder.encode(target, StandardCharsets.UTF_8));
        return TestBlog.send(http, HttpRequest.newBuilder(URI.create(blog.url("/webmention/")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private static String reply(String target, String author, String text) {
        return """
                <!doctype html><html><head><title>A reply</title></head><body>
                <article class="h-entry">
                  <a class="p-author h-card" href="/ann/"><img class="u-photo" src="/ann.jpg" alt=""> <span class="p-name">%s</span></a>
                  <time class="dt-published" datetime="2026-11-20T09:30:00Z">this morning</time>
                  <p>In reply to <a class="u-in-reply-to" href="%s">On rain</a></p>
                  <div class="e-content">%s</div>
                </article></body></html>""".formatted(author, target, text);
    }

    private static String like(String target, String author) {
        return """
                <!doctype html><html><body><div class="h-entry">
                <a class="p-author h-card" href="https://bob.example/">%s</a> liked <a class="u-like-of" href="%s">this</a>
                </div></body></html>""".formatted(author, target);
    }

    private Mention only() {
        var q = blog.app.webmentions().queue(new dev.kioku.authors.Staff(editor.userId, "x", "x", Role.EDITOR), MentionStatus.PENDING, 0, 50);
        assertEquals(1, q.mentions().size(), q.mentions().toString());
        return q.mentions().get(0);
    }

    private Element mentions() {
        return blog.page(path(post)).selectFirst("section.mentions");
    }

    private void approveAll() {
        Document queue = editor.page("/admin/webmentions/");
        for (Element row : queue.select("tr[data-webmention]")) {
            TestBlog.Response r = editor.post("/admin/webmentions/", "id", row.attr("data-webmention"), "action", "approve", "status", "pending");
            assertEquals(303, r.status(), r.text());
        }
    }

    @Test
    void aReplyAndALikeAreVerifiedHeldApprovedAndShownUnderThePost() {
        remote.html("/replies/1/", reply(target, "Ann Lee", "What a <b>lovely</b> rain."));
        remote.html("/likes/1/", like(target, "Bob"));

        TestBlog.Response accepted = send(remote.url("/replies/1/"), target);
        assertEquals(202, accepted.status(), accepted.text());
        String status = accepted.header("Location");
        assertNotNull(status);
        assertEquals(202, send(remote.url("/likes/1/"), target).status());
        assertTrue(blog.get(URI.create(status).getPath()).text().startsWith("Queued"));
        assertNull(mentions(), "nothing is shown before verification and moderation");

        blog.app.webmentions().verifyDue();
        assertTrue(blog.get(URI.create(status).getPath()).text().startsWith("Verified"));
        Document queue = editor.page("/admin/webmentions/");
        assertEquals(2, queue.select("tr[data-webmention]").size());
        assertTrue(queue.text().contains("Ann Lee") && queue.text().contains("What a lovely rain."), queue.text());
        assertNull(mentions(), "verified mentions wait for a moderator");

        approveAll();
        Element shown = mentions();
        assertNotNull(shown);
        assertTrue(shown.text().contains("1 like"), shown.text());
        assertEquals("Bob", shown.selectFirst(".mentions__faces img").attr("alt"));
        Element replyAuthor = shown.selectFirst(".mentions__replies .comment__author");
        assertEquals("Ann Lee", replyAuthor.text());
        assertEquals(remote.url("/ann/"), replyAuthor.attr("href"));
        assertEquals("nofollow ugc", replyAuthor.attr("rel"));
        assertEquals("What a lovely rain.", shown.selectFirst(".mention__text").text());
        assertEquals(blog.app.site().settings().isoDate(java.time.Instant.parse("2026-11-20T09:30:00Z")),
                shown.selectFirst(".mentions__replies time").attr("datetime"), "the date the source gives");
        assertTrue(shown.select("img").stream().noneMatch(i -> i.attr("src").contains("127.0.0.1")), "no remote picture is hotlinked");
        assertEquals("Verified and published.", blog.get(URI.create(status).getPath()).text().strip());
    }

    @Test
    void aSourceThatDoesNotLinkToThePostShowsNothing() {
        remote.html("/unrelated/", "<!doctype html><p class=h-entry><a class=u-like-of href=\"https://elsewhere.example/\">elsewhere</a>");
        TestBlog.Response r = send(remote.url("/unrelated/"), target);
        assertEquals(202, r.status());
        blog.app.webmentions().verifyDue();
        assertEquals(0, editor.page("/admin/webmentions/").select("tr[data-webmention]").size());
        Document failed = editor.page("/admin/webmentions/?status=failed");
        assertTrue(failed.text().contains("the source does not link to the post"), failed.text());
        assertTrue(blog.get(URI.create(r.header("Location")).getPath()).text().startsWith("Not accepted"));
        assertNull(mentions());
    }

    @Test
    void aSourceGoneLaterTakesItsMentionOffThePage() {
        remote.html("/replies/2/", reply(target, "Ann Lee", "First thoughts."));
        send(remote.url("/replies/2/"), target);
        blog.app.webmentions().verifyDue();
        approveAll();
        assertTrue(mentions().text().contains("First thoughts."));

        remote.status("/replies/2/", 410);
        assertEquals(202, send(remote.url("/replies/2/"), target).status(), "a sender tells us again when it deletes");
        blog.app.webmentions().verifyDue();
        assertNull(mentions());
        assertEquals(0, editor.page("/admin/webmentions/?status=approved").select("tr[data-webmention]").size());
    }

    @Test
    void aMentionSentAgainUpdatesTheSameRow() {
        remote.html("/replies/3/", reply(target, "Ann Lee", "Draft reply."));
        String first = send(remote.url("/replies/3/"), target).header("Location");
        blog.app.webmentions().verifyDue();
        remote.html("/replies/3/", reply(target, "Ann Lee", "Edited reply."));
        String second = send(remote.url("/replies/3/"), target).header("Location");
        assertEquals(first, second);
        blog.app.webmentions().verifyDue();
        assertEquals("Edited reply.", only().content());
    }

    @Test
    void anApprovedMentionWhoseWordsChangeGoesBackToTheModerator() {
        remote.html("/replies/4/", reply(target, "Ann Lee", "Lovely post."));
        send(remote.url("/replies/4/"), target);
        blog.app.webmentions().verifyDue();
        approveAll();
        assertTrue(mentions().text().contains("Lovely post."));

        remote.html("/replies/4/", reply(target, "Ann Lee", "Cheap pills at pills.example"));
        send(remote.url("/replies/4/"), target);
        blog.app.webmentions().verifyDue();
        assertEquals("Cheap pills at pills.example", only().content(), "held again, with the new words, for the moderator");
        assertNull(mentions(), "nothing unapproved under the post");
    }

    @Test
    void anOldAddressOfThePostIsAcceptedAsTarget() {
        String oldUrl = target;
        blog.app.posts().update(post.id(), new PostDraft(post.kind(), post.title(), "on-rain-again", post.bodyMd(), post.authorId(),
                List.of(), null, true, null, null));
        remote.html("/old-link/", like(oldUrl, "Cleo"));
        assertEquals(202, send(remote.url("/old-link/"), oldUrl).status());
        blog.app.webmentions().verifyDue();
        assertEquals(MentionKind.LIKE, only().kind());
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        TestBlog.Response notOurs = send(remote.url("/a/"), "https://example.com/2026/11/20/on-rain/");
        assertEquals(400, notOurs.status());
        assertTrue(notOurs.text().contains("target is not on this site"), notOurs.text());
        assertEquals(400, send(target, target).status());
        assertTrue(send(target, target).text().contains("the same page"));
        assertEquals(400, send("ftp://example.com/x", target).status());
        assertEquals(400, send("javascript:alert(1)", target).status());
        assertEquals(400, send(remote.url("/a/"), "gopher://127.0.0.1/").status());
        assertEquals(400, send(null, target).status());
        assertEquals(400, send(remote.url("/a/"), null).status());
        TestBlog.Response nothingThere = send(remote.url("/a/"), blog.url("/no-such-post/"));
        assertEquals(400, nothingThere.status());
        assertTrue(nothingThere.text().contains("not a published post or page"), nothingThere.text());
        Post draft = blog.app.posts().create(PostDraft.post("Secret", "Not yet.", post.authorId(), List.of()));
        assertEquals(400, send(remote.url("/a/"), blog.url("/archives/" + draft.id() + "/")).status());
        assertEquals(0, blog.app.webmentions().queue(new dev.kioku.authors.Staff(editor.userId, "x", "x", Role.EDITOR),
                MentionStatus.QUEUED, 0, 50).counts().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void tooManyFromOneAddressAreRefusedForAWhile() {
        for (int i = 0; i < WebmentionRoutes.PER_IP_MINUTE; i++) assertEquals(202, send(remote.url("/r/" + i + "/"), target).status());
        TestBlog.Response refused = send(remote.url("/r/x/"), target);
        assertEquals(429, refused.status());
        assertNotNull(refused.header("Retry-After"));
        blog.clock.advance(Duration.ofMinutes(2));
        assertEquals(202, send(remote.url("/r/y/"), target).status());
    }

    @Test
    void postsAndPagesAdvertiseTheEndpoint() {
        TestBlog.Response page = blog.get(path(post));
        String endpoint = blog.app.site().site().absolute("/webmention/");
        assertEquals("<" + endpoint + ">; rel=\"webmention\"", page.header("Link"));
        assertEquals(endpoint, blog.page(path(post)).selectFirst("head link[rel=webmention]").attr("href"));
        assertEquals("<" + endpoint + ">; rel=\"webmention\"", blog.get(path(post), "If-None-Match", page.header("ETag")).header("Link"),
                "a cached answer carries it too");
        assertEquals(200, blog.get("/webmention/").status());
    }

    @Test
    void remoteNamesAndTextNeverReachThePageAsMarkup() {
        String evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        remote.html("/evil/", reply(target, "Mallory &lt;script&gt;alert(3)&lt;/script&gt;" + evil, "Hi " + evil + " &lt;b&gt;bold&lt;/b&gt;"));
        send(remote.url("/evil/"), target);
        blog.app.webmentions().verifyDue();
        Document queue = editor.page("/admin/webmentions/");
        assertTrue(queue.select("script:not([src])").isEmpty());
        assertTrue(queue.text().contains("Mallory <script>alert(3)</script>"), queue.text());
        approveAll();
        String html = blog.get(path(post)).text();
        Element shown = mentions();
        assertTrue(shown.select("script, [onerror]").isEmpty(), shown.outerHtml());
        assertTrue(shown.selectFirst(".comment__author").text().startsWith("Mallory <script>alert(3)</script>"));
        assertTrue(shown.selectFirst(".mention__text").text().contains("<b>bold</b>"));
        assertFalse(html.contains("<script>alert(3)"), "remote text is escaped");
    }

    @Test
    void anAuthorModeratesOnlyMentionsOfTheirOwnPosts() {
        AdminSession author = AdminSession.as(blog, Role.AUTHOR, "Ada Author");
        Post theirs = published("Ada's post", "Mine.", author.userId);
        remote.html("/on-theirs/", like(blog.url(path(theirs)), "Dan"));
        remote.html("/on-other/", like(target, "Eve"));
        send(remote.url("/on-theirs/"), blog.url(path(theirs)));
        send(remote.url("/on-other/"), target);
        blog.app.webmentions().verifyDue();
        Document queue = author.page("/admin/webmentions/");
        assertEquals(1, queue.select("tr[data-webmention]").size());
        assertTrue(queue.text().contains("Dan") && !queue.text().contains("Eve"), queue.text());
        long other = editor.page("/admin/webmentions/").select("tr[data-webmention]").stream()
                .filter(r -> r.text().contains("Eve")).map(r -> Long.parseLong(r.attr("data-webmention"))).findFirst().orElseThrow();
        author.post("/admin/webmentions/", "id", Long.toString(other), "action", "approve", "status", "pending");
        assertEquals(MentionStatus.PENDING, blog.app.webmentions().find(other).orElseThrow().status());
        assertEquals(403, author.postRaw("/admin/webmentions/", "id", Long.toString(other), "action", "approve").status(), "no CSRF token");
    }
}

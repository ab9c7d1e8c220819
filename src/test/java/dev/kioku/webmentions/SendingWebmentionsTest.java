package dev.kioku.webmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.RemoteSite;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Webmentions this blog sends when a post goes public or changes, to another site (a second local HTTP server)
 * whose pages advertise their endpoints every way the recommendation allows; on SQLite and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SendingWebmentionsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    RemoteSite remote;
    long author;

    @BeforeEach
    void start() {
        blog = TestBlog.startWithLocalFetches(engine, dir);
        remote = new RemoteSite();
        author = blog.author("Aiko Mori").id();
        remote.html("/by-header/", "<!doctype html><title>x</title><p>No link element here.",
                "Link", "<" + remote.url("/endpoints/header?via=link") + ">; rel=\"webmention\"");
        remote.html("/by-element/", "<!doctype html><head><link rel=\"webmention\" href=\"/endpoints/element/\"></head><p>Hello");
        remote.html("/deep/down/page/", "<!doctype html><p><a rel=\"nofollow webmention\" href=\"../../endpoint?x=1\">mentions</a>");
        remote.html("/self/", "<!doctype html><head><link rel=\"webmention\" href=\"\"></head><p>I take my own mentions");
        remote.html("/both/", "<!doctype html><head><link rel=\"webmention\" href=\"/endpoints/from-html/\"></head>",
                "Link", "</endpoints/from-header/>; rel=webmention");
        remote.html("/none/", "<!doctype html><p>No endpoint at all");
    }

    @AfterEach
    void stop() {
        remote.close();
        blog.close();
    }

    private String body(String... paths) {
        StringBuilder md = new StringBuilder("Some links, and [one of ours](/about/) and [another](" + blog.url("/series/") + ").\n\n");
        for (String p : paths) md.append("* [").append(p).append("](").append(remote.url(p)).append(")\n");
        return md.toString();
    }

    private Post publish(String body, java.time.Instant at) {
        Post draft = blog.app.posts().create(PostDraft.post("Links", body, author, List.of()));
        return blog.app.posts().publish(draft.id(), at);
    }

    private Post edit(Post p, String body) {
        return blog.app.posts().update(p.id(), new PostDraft(p.kind(), p.title(), p.slug(), body, p.authorId(), List.of(), null,
                true, null, null));
    }

    /** Endpoint path → target of each webmention received so far. */
    private Map<String, String> received() {
        return remote.received().stream().collect(Collectors.toMap(RemoteSite.Received::path, r -> r.form().get("target"), (a, b) -> a + " " + b));
    }

    @Test
    void publishingNotifiesEveryLinkedPageThroughTheEndpointItAdvertises() {
        Post p = publish(body("/by-header/", "/by-element/", "/deep/down/page/", "/self/", "/both/", "/none/"), null);
        blog.app.webmentions().sendDue();
        assertEquals(Map.of(
                "/endpoints/header?via=link", remote.url("/by-header/"),
                "/endpoints/element/", remote.url("/by-element/"),
                "/deep/endpoint?x=1", remote.url("/deep/down/page/"),
                "/self/", remote.url("/self/"),
                "/endpoints/from-header/", remote.url("/both/")), received());
        String source = blog.url(blog.app.site().settings().permalink(p));
        assertTrue(remote.received().stream().allMatch(r -> r.form().get("source").equals(source) && r.form().size() == 2),
                remote.received().toString());
        List<String> targets = blog.app.database().jdbi().withHandle(h -> h.createQuery("select target from webmention_sends")
                .mapTo(String.class).list());
        assertTrue(targets.stream().noneMatch(t -> t.contains("/about/") || t.contains("/series/")), "our own links are not notified: " + targets);
        assertTrue(targets.contains(remote.url("/by-header/")), "the remote ones are: " + targets);
    }

    @Test
    void anEditThatKeepsTheLinksSendsNothingAndARemovedLinkIsNotifiedOnce() {
        Post p = publish(body("/by-header/", "/by-element/"), null);
        blog.app.webmentions().sendDue();
        assertEquals(2, remote.received().size());

        p = edit(p, body("/by-header/", "/by-element/") + "\nA new paragraph.");
        blog.app.webmentions().sendDue();
        assertEquals(2, remote.received().size(), "unchanged links are not sent again");

        p = edit(p, body("/by-header/") + "\nThe element one is gone.");
        blog.app.webmentions().sendDue();
        assertEquals(3, remote.received().size());
        assertEquals(new RemoteSite.Received("/endpoints/element/", Map.of("source", blog.url(blog.app.site().settings().permalink(p)),
                "target", remote.url("/by-element/"))), remote.received().get(2));

        edit(p, body("/by-header/") + "\nStill gone, text changed.");
        blog.app.webmentions().sendDue();
        assertEquals(3, remote.received().size(), "a removed link is notified once");
    }

    @Test
    void aBackDatedPostNotifiesNobodyButALinkAddedLaterIsNotified() {
        Post p = publish(body("/by-header/"), TestBlog.START.minus(Duration.ofDays(3)));
        blog.app.webmentions().sendDue();
        assertEquals(List.of(), remote.received());

        edit(p, body("/by-header/", "/by-element/"));
        blog.app.webmentions().sendDue();
        assertEquals(Map.of("/endpoints/element/", remote.url("/by-element/")), received());
    }

    @Test
    void unpublishingTellsEveryPageItHadNotified() {
        Post p = publish(body("/by-header/"), null);
        blog.app.webmentions().sendDue();
        blog.app.posts().unpublish(p.id());
        blog.app.webmentions().sendDue();
        assertEquals(2, remote.received().size());
        assertEquals(remote.url("/by-header/"), remote.received().get(1).form().get("target"));
    }

    @Test
    void aTargetThatFailsIsTriedAgainLaterAndThenGivenUp() {
        remote.status("/flaky/", 503);
        publish(body("/flaky/"), null);
        for (int i = 0; i < 5; i++) {
            blog.app.webmentions().sendDue();
            blog.clock.advance(Duration.ofHours(1));
        }
        assertEquals(Verification.MAX_ATTEMPTS, remote.fetched().stream().filter("/flaky/"::equals).count());
    }
}

package dev.kioku.webmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With the production SSRF guard on (no test allowance), webmentions can make this server fetch nothing on
 * this machine or a private network: not a source named by a stranger, not a link in a post.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RealGuardTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    RemoteSite remote;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        remote = new RemoteSite();
        Post draft = blog.app.posts().create(PostDraft.post("On rain", "It rains.", blog.author("Aiko Mori").id(), List.of()));
        post = blog.app.posts().publish(draft.id(), TestBlog.START.minus(Duration.ofHours(2)));
    }

    @AfterEach
    void stop() {
        remote.close();
        blog.close();
    }

    private TestBlog.Response send(String source) {
        String target = blog.url(blog.app.site().settings().permalink(post));
        return TestBlog.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(blog.url("/webmention/")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("source=" + URLEncoder.encode(source, StandardCharsets.UTF_8)
                        + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8))));
    }

    @Test
    void aSourceOnThisMachineOrAPrivateNetworkIsNeverFetched() {
        int port = URI.create(remote.base()).getPort();
        remote.html("/reply/", "<a href=\"" + blog.url(blog.app.site().settings().permalink(post)) + "\">hi</a>");
        List<String> sources = List.of("http://127.0.0.1:" + port + "/reply/", "http://localhost:" + port + "/reply/",
                "http://[::1]:" + port + "/reply/", "http://10.0.0.7/reply/", "http://169.254.169.254/latest/meta-data/");
        List<String> statusPages = sources.stream().map(source -> {
            TestBlog.Response r = send(source);
            assertEquals(202, r.status(), source);
            return URI.create(r.header("Location")).getPath();
        }).toList();
        blog.app.webmentions().verifyDue();
        for (String page : statusPages) {
            String status = blog.get(page).text();
            assertTrue(status.startsWith("Not accepted"), status);
            assertFalse(status.contains("private") || status.contains("loopback") || status.contains("link-local"),
                    "the sender learns nothing of our network: " + status);
        }
        assertEquals(List.of(), remote.fetched());
        var failed = blog.app.database().jdbi().withHandle(h -> h.createQuery("select source, status, reason from webmentions order by id")
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list());
        assertEquals(sources.size(), failed.size());
        for (String row : failed) {
            assertTrue(row.contains(" failed refused "), row);
            assertTrue(row.contains("loopback") || row.contains("private") || row.contains("link-local"), row);
        }
        blog.clock.advance(Duration.ofDays(1));
        blog.app.webmentions().verifyDue();
        assertEquals(List.of(), remote.fetched(), "a refused source is not tried again");
    }

    @Test
    void linksToThisMachineOrAPrivateNetworkInAPostAreNotFetched() {
        int port = URI.create(remote.base()).getPort();
        remote.html("/page/", "<link rel=webmention href=/endpoint/>");
        Post draft = blog.app.posts().create(PostDraft.post("Links", "[a](http://127.0.0.1:" + port + "/page/) [b](http://localhost:"
                + port + "/page/) [c](http://10.1.2.3/) [d](http://169.254.169.254/latest/)", post.authorId(), List.of()));
        blog.app.posts().publish(draft.id(), null);
        blog.app.webmentions().sendDue();
        assertEquals(List.of(), remote.fetched());
        assertEquals(List.of(), remote.received());
        var states = blog.app.database().jdbi().withHandle(h -> h.createQuery("select state, reason from webmention_sends")
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2)).list());
        assertEquals(4, states.size());
        assertTrue(states.stream().allMatch(s -> s.startsWith("failed refused ")), states.toString());
    }
}

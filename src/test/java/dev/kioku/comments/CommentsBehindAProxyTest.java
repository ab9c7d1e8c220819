package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-address comment limit counts the reader's address: the TCP peer, or with trust-proxy the address our
 * proxy appended last to X-Forwarded-For. Not the engine's business, so SQLite only.
 */
class CommentsBehindAProxyTest {
    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    int sent;

    private void start(boolean trustProxy) {
        blog = trustProxy ? TestBlog.startBehindProxy(Engine.SQLITE, dir) : TestBlog.start(Engine.SQLITE, dir);
        var aiko = blog.author("Aiko Mori");
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        if (blog != null) blog.close();
    }

    /** One comment, with a fresh email and text, through a client sending this X-Forwarded-For line. */
    private int commentVia(String forwardedFor) {
        sent++;
        return new Commenter(blog, forwardedFor).comment(post.id(), "Reader " + sent, "reader" + sent + "@example.org",
                "Remark number " + sent).status();
    }

    private String addressOfLast() {
        long id = 0;
        while (blog.app.comments().find(id + 1).isPresent()) id++;
        return blog.app.comments().find(id).orElseThrow().ip();
    }

    @Test
    void without_trust_proxy_a_forged_forwarded_for_does_not_dodge_the_limit() {
        start(false);
        for (int i = 0; i < RateLimits.PER_IP_MINUTE; i++) {
            assertEquals(303, commentVia("203.0.113." + i));
            assertEquals("127.0.0.1", addressOfLast());
        }

        assertEquals(429, commentVia("198.51.100.99"), "a new forged address is still the same peer");
    }

    @Test
    void with_trust_proxy_two_forwarded_addresses_each_get_their_own_limit() {
        start(true);
        for (int i = 0; i < RateLimits.PER_IP_MINUTE; i++) assertEquals(303, commentVia("10.9.9." + i + ", 203.0.113.1"));
        assertEquals("203.0.113.1", addressOfLast(), "the entry our proxy appended, not the reader's own claim");

        assertEquals(429, commentVia("203.0.113.1"));
        assertEquals(429, commentVia("10.0.0.77, 203.0.113.1"), "changing what the reader wrote changes nothing");
        assertEquals(303, commentVia("203.0.113.2"));
        assertEquals("203.0.113.2", addressOfLast());
    }

    @Test
    void with_trust_proxy_a_last_entry_that_is_not_an_address_falls_back_to_the_peer() {
        start(true);

        assertEquals(303, commentVia("203.0.113.1, unknown"));
        assertEquals("127.0.0.1", addressOfLast());
        assertEquals(303, commentVia("203.0.113.1:4711"));
        assertEquals("127.0.0.1", addressOfLast(), "a port is not what our proxy sends");
        assertEquals(303, commentVia("2001:db8::7"));
        assertEquals("2001:db8::7", addressOfLast());
        assertEquals(303, commentVia(null));
        assertEquals("127.0.0.1", addressOfLast());
    }
}

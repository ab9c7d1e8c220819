package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identicons over HTTP from the real app (no SQL is involved, so SQLite only). */
class AvatarRoutesTest {
    @TempDir
    Path dir;

    TestBlog blog;

    @BeforeEach
    void start() {
        blog = TestBlog.start(Engine.SQLITE, dir);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void anIdenticonIsServedAsAnImmutableSvgThatMayRunNothing() throws Exception {
        String url = blog.app.avatars().url(null, "Aiko Mori");
        TestBlog.Response r = blog.get(url);
        assertEquals(200, r.status());
        assertEquals("image/svg+xml", r.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("default-src 'none'; style-src 'unsafe-inline'", r.header("Content-Security-Policy"));
        assertEquals(1, r.headers().allValues("Content-Security-Policy").size());
        assertArrayEquals(blog.app.avatars().identicon(url.substring(9, 41)), r.body());
        assertEquals("svg", AvatarsTest.parse(r.body()).getDocumentElement().getLocalName());
    }

    @Test
    void headAnswersWithoutABody() {
        String url = blog.app.avatars().url(null, "Aiko Mori");
        TestBlog.Response r = TestBlog.send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(blog.url(url))).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.status());
        assertEquals("image/svg+xml", r.header("Content-Type"));
        assertEquals(0, r.body().length);
    }

    @Test
    void aMalformedHashIsNotFound() {
        for (String path : new String[] {"/avatars/abc.svg", "/avatars/973DFE463EC85785F5F95AF5BA3906EE.svg",
                "/avatars/973dfe463ec85785f5f95af5ba3906ee.gif", "/avatars/973dfe463ec85785f5f95af5ba3906ee.svgz",
                "/avatars/973dfe463ec85785f5f95af5ba3906ee.svg.svg", "/avatars/%2e%2e%2fsecret.svg"}) {
            TestBlog.Response r = blog.get(path);
            assertEquals(404, r.status(), path);
            assertTrue(r.header("Content-Type").startsWith("text/html"), path);
        }
    }
}

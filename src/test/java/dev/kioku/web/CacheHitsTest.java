package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.events.ChangeEvent;
import dev.kioku.testing.TestBlog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cache hits are answered in front of Javalin ({@link CacheHits}), and a reader cannot tell: the answer is byte for
 * byte the one the route gave when it rendered the page (status line, every header but {@code Date}, in order, and
 * the body), in every variant. Requests the routes treat specially still reach them. Seen over raw HTTP/1.1, so
 * header order and spelling count; whether an answer came before routing is the cache's own count.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CacheHitsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    Post about;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        Author aiko = blog.author("Aiko Mori");
        post = blog.app.posts().create(PostDraft.post("Tea in 日本", "Green tea, *slowly*.", aiko.id(), List.of("tea", "日本")));
        post = blog.app.posts().publish(post.id(), TestBlog.START.minus(Duration.ofDays(1)));
        about = blog.app.posts().create(PostDraft.page("About", "Hello.", aiko.id()));
        blog.app.posts().publish(about.id(), TestBlog.START.minus(Duration.ofDays(3)));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private String permalink(Post p) {
        return p.permalink(PermalinkStyle.DAY_AND_NAME, ZoneOffset.UTC);
    }

    @Test
    void every_variant_of_a_cached_answer_is_the_one_the_route_gave_when_it_rendered_the_page() {
        String asset = blog.page("/").selectFirst("link[rel=stylesheet][href^=/assets/theme.]").attr("href");
        List<String> paths = List.of("/", permalink(post), "/tag/tea/", "/feed/", "/robots.txt", "/sitemap.xml",
                "/assets/site.css", "/embed/" + post.id() + "/", asset);
        for (String path : paths) {
            Raw plain = raw("GET", path);
            assertEquals(200, plain.status, path);
            String etag = plain.header("ETag");
            String lastModified = plain.header("Last-Modified");
            List<List<String>> variants = List.of(List.of(), List.of("Accept-Encoding: gzip, deflate, br"),
                    List.of("If-None-Match: " + etag), List.of("If-None-Match: \"other\", " + etag),
                    List.of("If-Modified-Since: " + lastModified), List.of("If-None-Match: \"other\"", "If-Modified-Since: " + lastModified),
                    List.of("Accept-Encoding: gzip;q=0"));
            for (String method : List.of("GET", "HEAD")) {
                for (List<String> headers : variants) {
                    String what = method + " " + path + " " + headers;
                    List<String> viaRoute = new ArrayList<>(headers);
                    if (path.equals(asset)) viaRoute.add("Content-Length: 0"); // an asset is never rendered: a request with a body goes the long way
                    else blog.app.cache().invalidate(ChangeEvent.of(ChangeEvent.SITE));
                    long before = blog.app.cache().hitsServedBeforeRouting();
                    Raw rendered = raw(method, path, viaRoute.toArray(String[]::new));
                    Raw fast = raw(method, path, headers.toArray(String[]::new));
                    assertEquals(1, blog.app.cache().hitsServedBeforeRouting() - before, what + ": the first through the route, the second not");
                    assertEquals(rendered.head(), fast.head(), what);
                    assertArrayEquals(rendered.body, fast.body, what);
                }
            }
        }
    }

    @Test
    void the_variants_differ_as_http_says() {
        String path = permalink(post);
        Raw plain = raw("GET", path);
        raw("GET", path);
        Raw zipped = raw("GET", path, "Accept-Encoding: gzip");
        Raw head = raw("HEAD", path, "Accept-Encoding: gzip");
        Raw notModified = raw("GET", path, "If-None-Match: " + plain.header("ETag"));
        Raw sinceThen = raw("GET", path, "If-Modified-Since: " + plain.header("Last-Modified"));
        Raw changedSince = raw("GET", path, "If-None-Match: \"other\"", "If-Modified-Since: " + plain.header("Last-Modified"));

        assertTrue(plain.header("Link").contains("rel=\"webmention\""), "the page's own header");
        assertEquals("gzip", zipped.header("Content-Encoding"));
        assertEquals(Integer.toString(zipped.body.length), zipped.header("Content-Length"));
        assertEquals(zipped.header("Content-Length"), head.header("Content-Length"));
        assertEquals(0, head.body.length);
        assertEquals(304, notModified.status);
        assertEquals(0, notModified.body.length);
        assertEquals(304, sinceThen.status);
        assertEquals(200, changedSince.status, "If-None-Match decides when sent");
        assertEquals(plain.header("X-Frame-Options"), "SAMEORIGIN");
        assertEquals(null, raw("GET", "/embed/" + post.id() + "/").header("X-Frame-Options"), "an embed card may be framed");
        assertTrue(raw("GET", "/embed/" + post.id() + "/").header("Content-Security-Policy").contains("frame-ancestors *"));
    }

    @Test
    void a_page_sent_often_is_sent_with_the_same_bytes_once_its_bodies_are_off_the_heap() {
        String path = permalink(post);
        Raw plain = raw("GET", path);
        Raw zipped = raw("GET", path, "Accept-Encoding: gzip");

        for (int i = 0; i < 2 * Answers.OFF_HEAP_AFTER; i++) {
            Raw again = raw("GET", path);
            Raw zippedAgain = raw("GET", path, "Accept-Encoding: gzip");
            assertEquals(plain.head(), again.head(), "send " + i);
            assertArrayEquals(plain.body, again.body, "send " + i);
            assertEquals(zipped.head(), zippedAgain.head(), "gzip send " + i);
            assertArrayEquals(zipped.body, zippedAgain.body, "gzip send " + i);
        }
        assertEquals(0, raw("HEAD", path).body.length);
    }

    @Test
    void a_change_makes_the_next_request_render_the_page_again() {
        String path = permalink(post);
        raw("GET", path);
        assertTrue(raw("GET", path).text().contains("Green tea"));
        long before = blog.app.cache().hitsServedBeforeRouting();

        blog.app.posts().update(post.id(), PostDraft.post("Tea in 日本", "Black tea, quickly.", post.authorId(), List.of("tea", "日本")));

        Raw fresh = raw("GET", path);
        assertTrue(fresh.text().contains("Black tea"));
        assertFalse(fresh.text().contains("Green tea"));
        assertEquals(before, blog.app.cache().hitsServedBeforeRouting(), "rendered again by the route");
        assertTrue(raw("GET", path).text().contains("Black tea"));
        assertEquals(before + 1, blog.app.cache().hitsServedBeforeRouting(), "then served from memory again");
    }

    @Test
    void an_old_wordpress_address_still_redirects_when_the_home_page_is_cached() {
        raw("GET", "/");
        raw("GET", "/");

        Raw moved = raw("GET", "/?p=" + post.id());
        assertEquals(301, moved.status);
        assertEquals(Paths.encode(permalink(post)), moved.header("Location"));
        assertEquals(301, raw("HEAD", "/index.php?p=" + post.id()).status);
        assertEquals(200, raw("GET", "/?utm_source=x").status, "any other query is the home page");
    }

    @Test
    void a_path_without_its_slash_still_redirects_when_the_slash_form_is_cached() {
        raw("GET", "/about/");
        assertEquals(200, raw("GET", "/about/").status);

        Raw moved = raw("GET", "/about");
        assertEquals(301, moved.status);
        assertEquals("/about/", moved.header("Location"));
        assertEquals("/about/?x=1", raw("GET", "/about?x=1").header("Location"));
    }

    @Test
    void a_path_spelled_with_other_percent_encoding_is_the_same_page() {
        Raw upper = raw("GET", "/tag/%E6%97%A5%E6%9C%AC/");
        assertEquals(200, upper.status);
        long before = blog.app.cache().hitsServedBeforeRouting();

        Raw lower = raw("GET", "/tag/%e6%97%a5%e6%9c%ac/");
        Raw literal = raw("GET", "/t%61g/%E6%97%A5%E6%9C%AC/");

        assertEquals(before + 2, blog.app.cache().hitsServedBeforeRouting());
        assertArrayEquals(upper.body, lower.body);
        assertArrayEquals(upper.body, literal.body);
        assertEquals(upper.head(), lower.head());
    }

    @Test
    void admin_paths_are_never_answered_from_the_page_cache() {
        for (String path : List.of("/admin/", "/admin/posts/", "/admin")) {
            CachedPage planted = CachedPage.of("planted".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", Set.of("site"),
                    blog.clock.instant());
            planted.learn(List.of(), true);
            blog.app.cache().put(path, planted, blog.app.cache().ticket());
        }

        for (String path : List.of("/admin/", "/admin/posts/", "/%61dmin/", "/admin", "/ADMIN/../admin/")) {
            Raw r = raw("GET", path);
            assertFalse(r.text().contains("planted"), path);
        }
        assertEquals(302, raw("GET", "/admin/").status, "to the sign-in page");
        assertEquals(0, blog.app.cache().hitsServedBeforeRouting());
    }

    @Test
    void other_methods_and_requests_with_a_body_reach_the_routes() {
        raw("GET", "/about/");
        raw("GET", "/about/");
        long before = blog.app.cache().hitsServedBeforeRouting();

        assertEquals(403, raw("POST", "/about/").status, "refused without a CSRF token, as before");
        Raw withBody = raw("GET", "/about/", "Content-Length: 3", "", "abc");
        assertEquals(200, withBody.status);

        assertEquals(before, blog.app.cache().hitsServedBeforeRouting());
    }

    /** One answer as it came over the wire. */
    @Test
    void a_page_first_rendered_for_a_client_that_closes_its_connection_keeps_the_next_readers_connections_open() throws IOException {
        String path = permalink(post);
        assertEquals(200, raw("GET", path).status(), "rendered for a client that sent Connection: close");
        long before = blog.app.cache().hitsServedBeforeRouting();

        int port = Integer.parseInt(blog.base().substring(blog.base().lastIndexOf(':') + 1));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2; i++) {
                out.write(("GET " + Paths.encode(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                List<String> lines = new ArrayList<>();
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) lines.add(line);
                Raw answer = new Raw(Integer.parseInt(lines.get(0).split(" ")[1]), lines, new byte[0]);
                assertEquals(200, answer.status());
                assertEquals(null, answer.header("Connection"), "answer " + i + " on a kept-alive connection: " + lines);
                in.readNBytes(Integer.parseInt(answer.header("Content-Length")));
            }
        }
        assertEquals(before + 2, blog.app.cache().hitsServedBeforeRouting(), "both were cache hits, on one connection");
    }

    /**
     * Cache hits are answered on the threads that read requests (see {@link CacheHits}); a route that blocks, here a
     * comment form reading a body that does not come, must not hold them up.
     */
    @Test
    void cache_hits_are_answered_while_forms_wait_for_their_bodies() throws IOException {
        String path = permalink(post);
        raw("GET", path);
        int port = Integer.parseInt(blog.base().substring(blog.base().lastIndexOf(':') + 1));
        List<Socket> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                waiting.add(socket);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /comments/ HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                // Jetty asks for the body once the route reads it: from here on the route waits
                assertEquals("HTTP/1.1 100 Continue", readLine(socket.getInputStream()));
                readLine(socket.getInputStream());
                socket.getOutputStream().write(("post=" + post.id() + "&body=").getBytes(StandardCharsets.ISO_8859_1));
            }
            long before = blog.app.cache().hitsServedBeforeRouting();

            for (int i = 0; i < 8; i++) assertEquals(200, raw("GET", path).status(), "hit " + i);

            assertEquals(before + 8, blog.app.cache().hitsServedBeforeRouting());
            for (Socket socket : waiting) assertEquals(0, socket.getInputStream().available(), "the forms are still waiting");
        } finally {
            for (Socket socket : waiting) socket.close();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed after: " + line);
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    record Raw(int status, List<String> lines, byte[] body) {
        String header(String name) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) return line.substring(colon + 1).strip();
            }
            return null;
        }

        /** The status line and header lines, in order, without {@code Date} (it moves with the second). */
        List<String> head() {
            return lines.stream().filter(l -> !l.regionMatches(true, 0, "Date:", 0, 5)).toList();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends one HTTP/1.1 request on its own connection (non-ASCII in the path percent-encoded, as a browser does)
     * and reads the answer to the end. A header written as
     * {@code ""} ends the headers early: what follows is sent as the body.
     */
    private Raw raw(String method, String path, String... headers) {
        int port = Integer.parseInt(blog.base().substring(blog.base().lastIndexOf(':') + 1));
        StringBuilder request = new StringBuilder(method + " " + Paths.encode(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        String body = "";
        for (int i = 0; i < headers.length; i++) {
            if (headers[i].isEmpty()) {
                body = String.join("", Arrays.copyOfRange(headers, i + 1, headers.length));
                break;
            }
            request.append(headers[i]).append("\r\n");
        }
        request.append("\r\n").append(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(end >= 0, "no end of headers in the answer to " + method + " " + path);
            List<String> lines = new ArrayList<>(List.of(new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n")));
            int status = Integer.parseInt(lines.get(0).split(" ")[1]);
            return new Raw(status, lines, Arrays.copyOfRange(all, end + 4, all.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}

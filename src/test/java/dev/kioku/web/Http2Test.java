package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.App;
import dev.kioku.authors.Author;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.comments.DiscussionSettings;
import dev.kioku.comments.Moderation;
import dev.kioku.config.Config;
import dev.kioku.config.Smtp;
import dev.kioku.config.Tls;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.MutableClock;
import dev.kioku.testing.SelfSignedCert;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestDatabases;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP/2: over TLS by ALPN when a certificate is configured (with HTTP/1.1 for older clients), and in clear text
 * (h2c) on the HTTP port. With a certificate and no proxy, the HTTP port sends readers to HTTPS.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class Http2Test {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(TestBlog.START);
    App app;
    int httpPort;
    Post post;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private void start(Tls tls, boolean trustProxy) {
        TestDatabases.Db db = TestDatabases.fresh(engine, dir);
        app = new App(new Config("127.0.0.1", 0, dir.resolve("data"), db.url(), db.user(), db.password(), null, Smtp.NONE,
                trustProxy, tls), clock);
        httpPort = app.start();
        Author aiko = app.authors().create(new NewAuthor("aiko@example.org", "Aiko Mori", Role.AUTHOR, null, "", null, null, List.of()));
        Post draft = app.posts().create(PostDraft.post("Rain in Kyoto", "It rained *all day*.", aiko.id(), List.of("weather")));
        post = app.posts().publish(draft.id(), clock.instant().minus(Duration.ofDays(1)));
    }

    private SelfSignedCert startWithCertificate(boolean trustProxy) {
        SelfSignedCert cert = SelfSignedCert.ec(dir.resolve("tls"));
        start(Tls.pem(cert.fullchain, cert.privkey, 0), trustProxy);
        return cert;
    }

    private String https(String path) {
        return "https://127.0.0.1:" + app.httpsPort() + path;
    }

    private String http(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    private String postPath() {
        return app.site().settings().permalink(post);
    }

    @Test
    void https_serves_http2_by_alpn_with_the_same_page_http11_gets_and_hsts() {
        SelfSignedCert cert = startWithCertificate(false);

        HttpResponse<byte[]> h2 = get(cert.client(Version.HTTP_2), https(postPath()));
        HttpResponse<byte[]> h1 = get(cert.client(Version.HTTP_1_1), https(postPath()));

        assertEquals(200, h2.statusCode());
        assertEquals(Version.HTTP_2, h2.version());
        assertEquals(200, h1.statusCode());
        assertEquals(Version.HTTP_1_1, h1.version());
        assertArrayEquals(h1.body(), h2.body());
        assertTrue(new String(h2.body(), StandardCharsets.UTF_8).contains("It rained <em>all day</em>."));
        assertEquals("max-age=31536000", h2.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertEquals("max-age=31536000", h1.headers().firstValue("Strict-Transport-Security").orElse(null));
    }

    @Test
    void a_page_sent_often_keeps_its_bytes_over_tls_and_http2_once_its_body_is_off_the_heap() {
        SelfSignedCert cert = startWithCertificate(false);
        HttpClient h2 = cert.client(Version.HTTP_2);
        HttpClient h1 = cert.client(Version.HTTP_1_1);
        byte[] first = get(h1, https(postPath())).body();

        for (int i = 0; i < 2 * Answers.OFF_HEAP_AFTER; i++) {
            HttpResponse<byte[]> overH2 = get(h2, https(postPath()));
            assertEquals(Version.HTTP_2, overH2.version());
            assertArrayEquals(first, overH2.body(), "h2 send " + i);
            assertArrayEquals(first, get(h1, https(postPath())).body(), "http/1.1 send " + i);
        }
    }

    @Test
    void with_a_certificate_links_in_pages_name_the_https_address() throws IOException {
        SelfSignedCert cert = SelfSignedCert.ec(dir.resolve("tls"));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // a fixed port: with port 0 the public address is only known after start
        }
        start(Tls.pem(cert.fullchain, cert.privkey, port), false);

        HttpResponse<byte[]> page = get(cert.client(Version.HTTP_2), https(postPath()));

        String canonical = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8)).selectFirst("link[rel=canonical]").attr("href");
        assertEquals(https(postPath()), canonical);
    }

    @Test
    void the_http_port_redirects_every_request_to_the_same_address_over_https() throws Exception {
        startWithCertificate(false);
        HttpClient plain = HttpClient.newBuilder().version(Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<byte[]> page = get(plain, http("/tag/weather/?page=2"));
        HttpResponse<byte[]> form = plain.send(HttpRequest.newBuilder(URI.create(http("/comments/")))
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(301, page.statusCode());
        assertEquals(https("/tag/weather/?page=2"), page.headers().firstValue("Location").orElse(null));
        assertNull(page.headers().firstValue("Strict-Transport-Security").orElse(null), "HSTS only over HTTPS");
        assertEquals(308, form.statusCode(), "a form keeps its method on the way to HTTPS");
        assertEquals(https("/comments/"), form.headers().firstValue("Location").orElse(null));
    }

    @Test
    void a_cached_page_is_still_redirected_over_http_and_carries_hsts_once_over_https() {
        SelfSignedCert cert = startWithCertificate(false);
        HttpClient plain = HttpClient.newBuilder().version(Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<byte[]> rendered = get(cert.client(Version.HTTP_1_1), https(postPath()));
        long before = app.cache().hitsServedBeforeRouting();

        HttpResponse<byte[]> hit = get(cert.client(Version.HTTP_1_1), https(postPath()));
        HttpResponse<byte[]> h2Hit = get(cert.client(Version.HTTP_2), https(postPath()));
        HttpResponse<byte[]> clear = get(plain, http(postPath()));

        assertEquals(before + 2, app.cache().hitsServedBeforeRouting(), "both HTTPS requests were cache hits");
        assertArrayEquals(rendered.body(), hit.body());
        assertEquals(List.of("max-age=31536000"), rendered.headers().allValues("Strict-Transport-Security"));
        assertEquals(List.of("max-age=31536000"), hit.headers().allValues("Strict-Transport-Security"));
        assertEquals(List.of("max-age=31536000"), h2Hit.headers().allValues("Strict-Transport-Security"));
        assertEquals(rendered.headers().allValues("Content-Security-Policy"), hit.headers().allValues("Content-Security-Policy"));
        assertEquals(301, clear.statusCode(), "a cached page is never served in clear text");
        assertEquals(https(postPath()), clear.headers().firstValue("Location").orElse(null));
    }

    @Test
    void behind_a_proxy_a_page_first_rendered_over_https_is_served_over_http_without_hsts() {
        SelfSignedCert cert = startWithCertificate(true);
        get(cert.client(Version.HTTP_1_1), https(postPath()));
        long before = app.cache().hitsServedBeforeRouting();

        HttpResponse<byte[]> clear = get(HttpClient.newBuilder().version(Version.HTTP_1_1).build(), http(postPath()));
        HttpResponse<byte[]> secure = get(cert.client(Version.HTTP_1_1), https(postPath()));

        assertEquals(before + 2, app.cache().hitsServedBeforeRouting());
        assertEquals(200, clear.statusCode());
        assertEquals(List.of(), clear.headers().allValues("Strict-Transport-Security"), "HSTS is only ever sent over HTTPS");
        assertEquals(List.of("max-age=31536000"), secure.headers().allValues("Strict-Transport-Security"));
    }

    @Test
    void a_comment_sent_over_http2_passes_the_same_site_check_and_is_saved() throws Exception {
        SelfSignedCert cert = startWithCertificate(false);
        DiscussionSettings d = app.comments().settings();
        app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, d.closeAfterDays(), d.threadDepth(),
                d.perPage(), d.maxLinks(), d.blockedWords(), d.blockedEmails(), d.blockedIps(), d.gravatar(), d.notifyAuthor(),
                d.akismetKey(), d.akismetEndpoint()));
        HttpClient browser = HttpClient.newBuilder().version(Version.HTTP_2).sslContext(sslOf(cert))
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = new String(get(browser, https("/comments/token/")).body(), StandardCharsets.UTF_8)
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        clock.advance(Duration.ofSeconds(5));
        String form = "post=" + post.id() + "&name=Kenji&email=kenji%40example.org&body=" + URLEncoder.encode("Lovely rain.", StandardCharsets.UTF_8)
                + "&ft=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

        HttpResponse<byte[]> sent = browser.send(HttpRequest.newBuilder(URI.create(https("/comments/")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", https(""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(Version.HTTP_2, sent.version());
        assertEquals(303, sent.statusCode(), new String(sent.body(), StandardCharsets.UTF_8));
        assertEquals("Kenji", app.comments().approved(post.id()).getFirst().authorName());
    }

    @Test
    void without_a_certificate_the_http_port_upgrades_to_h2c_and_still_speaks_http11() {
        start(Tls.NONE, false);

        HttpResponse<byte[]> h2c = get(HttpClient.newBuilder().version(Version.HTTP_2).build(), http(postPath()));
        HttpResponse<byte[]> h1 = get(HttpClient.newBuilder().version(Version.HTTP_1_1).build(), http(postPath()));

        assertEquals(200, h2c.statusCode());
        assertEquals(Version.HTTP_2, h2c.version(), "Upgrade: h2c accepted");
        assertEquals(Version.HTTP_1_1, h1.version());
        assertArrayEquals(h1.body(), h2c.body());
        assertNull(h2c.headers().firstValue("Strict-Transport-Security").orElse(null));
    }

    @Test
    void the_http_port_speaks_http2_to_a_client_with_prior_knowledge() throws IOException {
        start(Tls.NONE, false);

        try (Socket socket = new Socket("127.0.0.1", httpPort)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[9];
            in.readFully(header);

            assertEquals(4, header[3], "the server's first frame is its SETTINGS, not an HTTP/1.1 error");
        }
    }

    @Test
    void behind_a_proxy_the_http_port_keeps_serving_pages_with_a_certificate_configured() {
        startWithCertificate(true);

        HttpResponse<byte[]> page = get(HttpClient.newBuilder().version(Version.HTTP_1_1).build(), http(postPath()));

        assertEquals(200, page.statusCode(), "the proxy terminates TLS and talks plain HTTP to Kioku");
    }

    private static javax.net.ssl.SSLContext sslOf(SelfSignedCert cert) {
        return cert.client(Version.HTTP_2).sslContext();
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

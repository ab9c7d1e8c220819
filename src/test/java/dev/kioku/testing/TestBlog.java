package dev.kioku.testing;

import dev.kioku.App;
import dev.kioku.authors.Author;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.config.Config;
import dev.kioku.config.Smtp;
import dev.kioku.db.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import dev.kioku.net.HttpFetcher;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The real app on a free port with a fresh database, and an HTTP client that does not follow redirects. */
public final class TestBlog implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    public final App app;
    public final MutableClock clock = new MutableClock(START);
    // HTTP/1.1 like the other test clients: the JDK client would upgrade to h2c, and over HTTP/2 Jetty resets a stream
    // answered before its body was read (403, 413) with CANCEL, which the JDK client reports as an IOException.
    // HTTP/2 itself is tested in web.Http2Test.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private TestBlog(Engine engine, Path dir, Smtp smtp, boolean localFetches, boolean trustProxy) {
        TestDatabases.Db db = TestDatabases.fresh(engine, dir);
        Config config = new Config("127.0.0.1", 0, dir.resolve("data"), db.url(), db.user(), db.password(), null, smtp,
                trustProxy);
        this.app = localFetches ? new App(config, clock, new HttpFetcher(true, Duration.ofSeconds(2))) : new App(config, clock);
        int port = app.start();
        this.base = "http://127.0.0.1:" + port;
    }

    /** The blog's address, e.g. {@code http://127.0.0.1:41234}. */
    public String base() {
        return base;
    }

    /** The absolute URL of a path on this blog. */
    public String url(String path) {
        return base + path;
    }

    public static TestBlog start(Engine engine, Path dir) {
        return new TestBlog(engine, dir, Smtp.NONE, false, false);
    }

    /** A blog that sends its mail through this SMTP server. */
    public static TestBlog start(Engine engine, Path dir, Smtp smtp) {
        return new TestBlog(engine, dir, smtp, false, false);
    }

    /** Like {@link #start}, but outbound fetches may reach this machine (the tests' fakes of other services). */
    public static TestBlog startWithLocalFetches(Engine engine, Path dir) {
        return new TestBlog(engine, dir, Smtp.NONE, true, false);
    }

    /** A blog behind the operator's own proxy ({@code trust-proxy=true}): readers are told apart by X-Forwarded-For. */
    public static TestBlog startBehindProxy(Engine engine, Path dir) {
        return new TestBlog(engine, dir, Smtp.NONE, false, true);
    }

    /** A staff member with a password, signed in through the sign-in form. */
    public AdminClient signIn(String name, dev.kioku.authors.Role role) {
        String email = name.toLowerCase().replace(' ', '.') + "@example.org";
        app.authors().create(new NewAuthor(email, name, role, AdminClient.PASSWORD.toCharArray(), "", null, null, List.of()));
        return AdminClient.signIn(base, email);
    }

    /** An author account that cannot sign in, for posts. */
    public Author author(String name) {
        return app.authors().create(new NewAuthor(name.toLowerCase().replace(' ', '.') + "@example.org", name,
                Role.AUTHOR, null, "Writes things.", null, null, List.of()));
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(http, b);
    }

    /** Sends a request and keeps the whole answer; the one place tests' HTTP clients go through. */
    public static Response send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a page that must answer 200 and parses it. */
    public Document page(String path) {
        Response r = get(path);
        if (r.status() != 200) throw new AssertionError("GET " + path + " answered " + r.status() + ":\n" + r.text());
        return Jsoup.parse(r.text(), base + path);
    }

    @Override
    public void close() {
        app.close();
    }

    /** What came back. */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}

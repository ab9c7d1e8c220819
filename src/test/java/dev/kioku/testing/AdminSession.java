package dev.kioku.testing;

import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser-like HTTP client signed in to the admin: a cookie jar holding the session and CSRF cookies, and
 * form posts that carry the {@code _csrf} field as the admin's own forms do. Redirects are not followed, so
 * tests see the 303 and its notice.
 */
public final class AdminSession {
    public static final String PASSWORD = "correct horse";
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    private final String base;
    public final long userId;

    private AdminSession(String base, long userId) {
        this.base = base;
        this.userId = userId;
    }

    /**
     * Creates an account with this role (and the blog's owner first, when there is none and the role is not
     * owner: sign-in needs a set-up blog) and signs it in through the sign-in form.
     */
    public static AdminSession as(TestBlog blog, Role role, String name) {
        var authors = blog.app.authors();
        if (role != Role.OWNER && authors.ownerEmail().isEmpty()) {
            authors.create(new NewAuthor("owner@example.org", "The Owner", Role.OWNER, PASSWORD.toCharArray(), "", null, null, List.of()));
        }
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "@example.org";
        long id = authors.create(new NewAuthor(email, name, role, PASSWORD.toCharArray(), "", null, null, List.of())).id();
        AdminSession s = new AdminSession(blog.base(), id);
        s.get("/admin/sign-in/");
        TestBlog.Response signedIn = s.post("/admin/sign-in/", "email", email, "password", PASSWORD);
        if (signedIn.status() != 302 && signedIn.status() != 303) {
            throw new AssertionError("sign-in answered " + signedIn.status() + ": " + signedIn.text());
        }
        return s;
    }

    /** The CSRF token the site gave this browser (its cookie), or null before any admin page was seen. */
    public String csrf() {
        return cookies.getCookieStore().get(URI.create(base)).stream().filter(c -> c.getName().equals("kioku_csrf"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public TestBlog.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** GETs an admin page that must answer 200 and parses it. */
    public Document page(String path) {
        TestBlog.Response r = get(path);
        if (r.status() != 200) throw new AssertionError("GET " + path + " answered " + r.status() + ":\n" + r.text());
        return Jsoup.parse(r.text(), base + path);
    }

    /** Posts a form (name, value, name, value…) with the {@code _csrf} field added. */
    public TestBlog.Response post(String path, String... fields) {
        String token = csrf();
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = "_csrf";
        all[fields.length + 1] = token == null ? "" : token;
        return postRaw(path, all);
    }

    /** Posts a form exactly as given: no {@code _csrf} unless listed. */
    public TestBlog.Response postRaw(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Parses a response body (a re-rendered form, say) as HTML. */
    public Document parse(TestBlog.Response r) {
        return Jsoup.parse(r.text(), base + "/");
    }

    private TestBlog.Response send(HttpRequest.Builder b) {
        return TestBlog.send(http, b);
    }
}

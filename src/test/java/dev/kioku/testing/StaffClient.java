package dev.kioku.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser in the admin: keeps cookies, fetches a page first to get the
 * CSRF cookie, and sends the token with every form. Redirects are not followed, so tests see them.
 */
public final class StaffClient {
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public StaffClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client signed in with this email and password (the account must exist). */
    public static StaffClient signedIn(TestBlog blog, String email, String password) {
        StaffClient c = new StaffClient(blog.base());
        TestBlog.Response r = c.post("/admin/sign-in/", Map.of("email", email, "password", password));
        if (r.status() != 302) throw new AssertionError("sign-in answered " + r.status() + ": " + r.text());
        return c;
    }

    public TestBlog.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token added. */
    public TestBlog.Response post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrf());
        return postRaw(path, withToken, Map.of());
    }

    /** Posts exactly this form with these extra headers (no token added). */
    public TestBlog.Response postRaw(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    /** The CSRF token, fetching a page first when the browser has no cookie yet. */
    public String csrf() {
        String token = cookie("kioku_csrf");
        for (String page : new String[] {"/admin/sign-in/", "/setup/"}) {
            if (token != null) break;
            get(page);
            token = cookie("kioku_csrf");
        }
        return token;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private TestBlog.Response send(HttpRequest.Builder b) {
        return TestBlog.send(http, b);
    }
}

package dev.kioku.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reader's browser without the script: keeps cookies, sends the comment form from the post page (Origin of
 * the blog), and, like the page's script, fetches the form token first and takes a few seconds to type.
 */
public final class Commenter {
    private final TestBlog blog;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String forwardedFor;

    public Commenter(TestBlog blog) {
        this(blog, null);
    }

    /** A reader whose every request carries this {@code X-Forwarded-For} line (null: none), as a proxy or a forger sends it. */
    public Commenter(TestBlog blog, String forwardedFor) {
        this.blog = blog;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The fields a reader fills in, ready to change. */
    public static Map<String, String> form(long postId, String name, String email, String body) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("post", Long.toString(postId));
        f.put("name", name);
        f.put("email", email);
        f.put("body", body);
        return f;
    }

    /** Comments as a person would: token, five seconds of typing (on the blog's clock), send. */
    public TestBlog.Response comment(long postId, String name, String email, String body) {
        return send(form(postId, name, email, body));
    }

    /** Sends {@code fields} with a fresh form token after five seconds, unless the fields carry their own "ft". */
    public TestBlog.Response send(Map<String, String> fields) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        if (!f.containsKey("ft")) {
            f.put("ft", token());
            blog.clock.advance(Duration.ofSeconds(5));
        }
        return post("/comments/", f, blog.base());
    }

    /** The form token the page's script would fetch. */
    public String token() {
        String json = get("/comments/token/").text();
        return json.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** POSTs a form as if from a page at {@code origin} (null: no Origin header, as non-browser clients). */
    public TestBlog.Response post(String path, Map<String, String> fields, String origin) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(blog.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) b.header("Origin", origin);
        if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
        return TestBlog.send(http, b);
    }

    public TestBlog.Response get(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(blog.url(path))).GET();
        if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
        return TestBlog.send(http, b);
    }

    /** The value of one of this browser's cookies for the blog, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}

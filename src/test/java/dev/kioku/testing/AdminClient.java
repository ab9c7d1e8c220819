package dev.kioku.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP client for the admin: keeps cookies, sends the CSRF token with every POST (as a
 * form would), and does not follow redirects so tests see each 303.
 */
public final class AdminClient {
    public static final String PASSWORD = "correct horse battery";
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private AdminClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    /** Signs in through the real form; fails the test when that does not answer 302/303. */
    static AdminClient signIn(String base, String email) {
        AdminClient c = new AdminClient(base);
        c.get("/admin/sign-in/");
        if (c.csrf() == null) c.get("/setup/"); // a blog without an owner sends sign-in to setup; both set the token
        TestBlog.Response r = c.post("/admin/sign-in/", "email", email, "password", PASSWORD);
        if (r.status() != 302 && r.status() != 303) throw new AssertionError("sign-in answered " + r.status() + ":\n" + r.text());
        return c;
    }

    /** The CSRF token the server gave this client (the cookie's value). */
    public String csrf() {
        return cookie("kioku_csrf");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Forgets the session cookie (the session ended), keeping the CSRF cookie. */
    public void dropSession() {
        var store = cookies.getCookieStore();
        for (HttpCookie c : new ArrayList<>(store.getCookies())) if (c.getName().equals("kioku_session")) store.remove(null, c);
    }

    public TestBlog.Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    /** GETs an admin page that must answer 200, parsed. */
    public Document page(String path) {
        TestBlog.Response r = get(path);
        if (r.status() != 200) throw new AssertionError("GET " + path + " answered " + r.status() + ":\n" + r.text());
        return Jsoup.parse(r.text(), base + path);
    }

    /** POSTs form fields (name, value, name, value…) with the CSRF token added. */
    public TestBlog.Response post(String path, String... fields) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) form.computeIfAbsent(fields[i], k -> new ArrayList<>()).add(fields[i + 1]);
        return post(path, form);
    }

    public TestBlog.Response post(String path, Map<String, List<String>> fields) {
        Map<String, List<String>> form = new LinkedHashMap<>(fields);
        if (!form.containsKey("_csrf") && csrf() != null) form.put("_csrf", List.of(csrf()));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /**
     * Submits a form of a page as a browser would: every field with its current value (checked boxes only,
     * selected options), plus the overrides, and the button named in {@code button} ("action=publish").
     */
    public TestBlog.Response submit(Document page, String formSelector, String button, String... overrides) {
        Element form = page.selectFirst(formSelector);
        if (form == null) throw new AssertionError("no form " + formSelector);
        Map<String, List<String>> fields = fields(form);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) fields.remove(overrides[i]);
            else fields.put(overrides[i], List.of(overrides[i + 1]));
        }
        if (button != null) {
            int eq = button.indexOf('=');
            fields.put(button.substring(0, eq), List.of(button.substring(eq + 1)));
        }
        String action = form.attr("action").isEmpty() ? URI.create(page.location()).getPath() : form.attr("action");
        return post(action, fields);
    }

    /** The fields a browser would send for this form without any button. */
    public static Map<String, List<String>> fields(Element form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element e : form.select("input[name], textarea[name], select[name]")) {
            String name = e.attr("name");
            String type = e.attr("type");
            if (e.tagName().equals("input") && (type.equals("checkbox") || type.equals("radio"))) {
                if (e.hasAttr("checked")) out.computeIfAbsent(name, k -> new ArrayList<>()).add(e.attr("value").isEmpty() ? "on" : e.attr("value"));
            } else if (e.tagName().equals("select")) {
                Element chosen = e.selectFirst("option[selected]");
                if (chosen == null) chosen = e.selectFirst("option");
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(chosen == null ? "" : chosen.attr("value"));
            } else if (e.tagName().equals("textarea")) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(e.wholeText().startsWith("\n") ? e.wholeText().substring(1) : e.wholeText());
            } else {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(e.attr("value"));
            }
        }
        return out;
    }

    private TestBlog.Response send(HttpRequest.Builder b) {
        return TestBlog.send(http, b);
    }

    private static String encode(Map<String, List<String>> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((name, values) -> {
            for (String v : values) {
                if (!sb.isEmpty()) sb.append('&');
                sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }
}

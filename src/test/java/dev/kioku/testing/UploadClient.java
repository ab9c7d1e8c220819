package dev.kioku.testing;

import dev.kioku.authors.Author;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser-like HTTP client signed in to the admin: keeps cookies (session and CSRF), sends the CSRF token
 * with every form unless told not to, and posts files as multipart forms. Follows no redirects.
 */
public final class UploadClient {
    public static final String PASSWORD = "password";
    private final TestBlog blog;
    // HTTP/1.1: over h2c, Jetty answers an oversize upload with 413 and then resets the stream it stopped reading
    // with CANCEL, which the JDK client reports as an IOException instead of the 413 it already has (issue 8 note)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    public final Author account;

    private UploadClient(TestBlog blog, Author account) {
        this.blog = blog;
        this.account = account;
    }

    /** Creates an account with this role (email {@code <role>@example.org} unless taken) and signs it in. */
    public static UploadClient signIn(TestBlog blog, Role role, String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "@example.org";
        Author account = blog.app.authors().create(new NewAuthor(email, name, role, PASSWORD.toCharArray(), "", null, null, List.of()));
        UploadClient client = new UploadClient(blog, account);
        client.get("/admin/sign-in/");
        if (!client.cookies.containsKey("kioku_csrf")) client.get("/setup/"); // no owner yet: sign-in sends there
        TestBlog.Response r = client.post("/admin/sign-in/", Map.of("email", email, "password", PASSWORD));
        if (r.status() != 302) throw new AssertionError("sign-in answered " + r.status() + ":\n" + r.text());
        return client;
    }

    /** The CSRF token the forms of this session carry. */
    public String csrf() {
        String token = cookies.get("kioku_csrf");
        if (token == null) throw new IllegalStateException("no CSRF cookie yet");
        return token;
    }

    public TestBlog.Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(blog.url(path))).GET(), headers);
    }

    /** GETs an admin page that must answer 200 and parses it. */
    public Document page(String path) {
        TestBlog.Response r = get(path);
        if (r.status() != 200) throw new AssertionError("GET " + path + " answered " + r.status() + ":\n" + r.text());
        return Jsoup.parse(r.text(), blog.url(path));
    }

    /** Posts a form with the CSRF token added. */
    public TestBlog.Response post(String path, Map<String, String> fields, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (cookies.containsKey("kioku_csrf")) all.putIfAbsent("_csrf", csrf());
        return postExactly(path, all, headers);
    }

    /** Posts exactly these fields: no CSRF token unless among them. */
    public TestBlog.Response postExactly(String path, Map<String, String> fields, String... headers) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(blog.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(b, headers);
    }

    /** A file in a multipart form. */
    public record FilePart(String field, String fileName, String contentType, byte[] bytes) {
        public static FilePart image(String fileName, byte[] bytes) {
            return new FilePart("files", fileName, "image/" + (fileName.endsWith(".png") ? "png" : "jpeg"), bytes);
        }
    }

    /** Posts a multipart form with these files; the CSRF token goes in the {@code _csrf} field when {@code withCsrf}. */
    public TestBlog.Response upload(String path, List<FilePart> files, boolean withCsrf, String... headers) {
        String boundary = "----kioku" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        if (withCsrf) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
                    + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(blog.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(b, headers);
    }

    private TestBlog.Response send(HttpRequest.Builder b, String... headers) {
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((k, v) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", cookie.toString());
        }
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) cookies.remove(name);
                else cookies.put(name, value);
            }
            return new TestBlog.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

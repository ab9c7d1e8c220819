package dev.kioku.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Another website on 127.0.0.1, for webmentions: it serves the pages a test gives it (status, headers, body)
 * and records every form POSTed to it (a Webmention endpoint answering 202).
 */
public final class RemoteSite implements AutoCloseable {
    /** A page as served. */
    public record Page(int status, Map<String, String> headers, String body) {
    }

    /** A form received: the path it was posted to (with its query) and its fields. */
    public record Received(String path, Map<String, String> form) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    public RemoteSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    /** Serves {@code html} at {@code path} with 200 (headers as name, value…). */
    public void html(String path, String html, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "text/html; charset=utf-8");
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i], headers[i + 1]);
        pages.put(path, new Page(200, h, html));
    }

    /** Answers {@code status} with an empty body at {@code path} (404, 410, a redirect with a Location header…). */
    public void status(String path, int status, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i], headers[i + 1]);
        pages.put(path, new Page(status, h, ""));
    }

    /** Every form POSTed here, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The paths (with query) GET requests asked for, in order. */
    public List<String> fetched() {
        return List.copyOf(fetched);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            if (ex.getRequestMethod().equals("POST")) {
                received.add(new Received(path, form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
                ex.sendResponseHeaders(202, -1);
                return;
            }
            fetched.add(path);
            Page page = pages.getOrDefault(ex.getRequestURI().getRawPath(), new Page(404, Map.of(), ""));
            page.headers().forEach((n, v) -> ex.getResponseHeaders().add(n, v));
            byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(page.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) ex.getResponseBody().write(body);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

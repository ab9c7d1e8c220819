package dev.kioku.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Akismet REST API (1.1) on 127.0.0.1, as far as Kioku uses it. Like the real service it calls a comment
 * spam when its author is {@value #SPAM_AUTHOR}, and answers {@code invalid} to a wrong key. It records
 * every request and can be told to fail, to answer late, or to stop listening.
 */
public final class FakeAkismet implements AutoCloseable {
    /** The author name Akismet always calls spam, for tests. */
    public static final String SPAM_AUTHOR = "viagra-test-123";

    /** One request as received: its path (e.g. {@code /1.1/comment-check}), form fields and User-Agent. */
    public record Request(String path, Map<String, String> form, String userAgent) {
    }

    private final String validKey;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean discard;
    private volatile int failure;
    private volatile Duration delay = Duration.ZERO;

    public FakeAkismet(String validKey) {
        this.validKey = validKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/1.1/", this::handle);
        server.start();
    }

    /** The API base to give {@code AkismetCheck}, e.g. {@code http://127.0.0.1:41234/1.1}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/1.1");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** From now on spam answers carry {@code X-akismet-pro-tip: discard}. */
    public void discardBlatantSpam() {
        discard = true;
    }

    /** From now on every call answers {@code status} with an error page. */
    public void failWith(int status) {
        failure = status;
    }

    /** From now on every answer waits {@code delay} first. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    /** Stops listening, as a service that is down. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(path, form, ex.getRequestHeaders().getFirst("User-Agent")));
            Thread.sleep(delay);
            if (failure != 0) {
                answer(ex, failure, "<html><body>Service unavailable</body></html>");
                return;
            }
            boolean keyOk = validKey.equals(form.get("api_key"));
            switch (path) {
                case "/1.1/verify-key" -> answer(ex, 200, keyOk ? "valid" : "invalid");
                case "/1.1/comment-check" -> commentCheck(ex, form, keyOk);
                case "/1.1/submit-spam", "/1.1/submit-ham" -> answer(ex, 200, keyOk ? "Thanks for making the web a better place." : "invalid");
                default -> answer(ex, 404, "not found");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commentCheck(HttpExchange ex, Map<String, String> form, boolean keyOk) throws IOException {
        if (!keyOk) {
            ex.getResponseHeaders().set("X-akismet-debug-help", "We were unable to verify your API key.");
            answer(ex, 200, "invalid");
            return;
        }
        boolean spam = SPAM_AUTHOR.equals(form.get("comment_author"))
                || "akismet-guaranteed-spam@example.com".equals(form.get("comment_author_email"));
        if (spam && discard) ex.getResponseHeaders().set("X-akismet-pro-tip", "discard");
        answer(ex, 200, spam ? "true" : "false");
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) return form;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }
}

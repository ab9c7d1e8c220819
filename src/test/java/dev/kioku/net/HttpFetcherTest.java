package dev.kioku.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetching from fake servers on 127.0.0.1: bodies, redirects and their checks, limits, the pinned address. */
class HttpFetcherTest {
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** Refuses what production refuses, except 127.0.0.1 itself, where the fakes listen. */
    private static HttpFetcher onlyLoopbackAllowed(HttpFetcher.Resolver dns) {
        return new HttpFetcher(Duration.ofSeconds(2), dns,
                a -> a.getHostAddress().equals("127.0.0.1") ? Optional.empty() : Addresses.refusal(a),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    private final HttpFetcher fetcher = onlyLoopbackAllowed(InetAddress::getAllByName);

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void allowPrivateReachesALocalServer() throws IOException {
        String base = serve("/hello", ex -> answer(ex, 200, "こんにちは", "text/plain; charset=utf-8"));
        HttpFetcher.Response r = new HttpFetcher(true, Duration.ofSeconds(2)).get(URI.create(base + "/hello"), Map.of());
        assertEquals(200, r.status());
        assertEquals("こんにちは", r.body());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void aFormIsPostedUrlEncodedInUtf8() throws IOException {
        String base = serve("/form", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(ex, 200, "ok", "text/plain");
        });
        fetcher.postForm(URI.create(base + "/form"), new java.util.LinkedHashMap<>(Map.of("a", "x & y=z")), Map.of());
        assertEquals(List.of("POST application/x-www-form-urlencoded; charset=UTF-8 a=x+%26+y%3Dz"), seen);
    }

    @Test
    void theCheckedAddressIsConnectedToWhileHostNamesTheURLsHost() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        String base = serve("/", ex -> {
            seen.add(ex.getRequestHeaders().getFirst("Host"));
            answer(ex, 200, "", "text/plain");
        });
        int port = URI.create(base).getPort();
        HttpFetcher pinned = onlyLoopbackAllowed(host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        });
        pinned.get(URI.create("http://blog.test:" + port + "/"), Map.of());
        assertEquals(List.of("blog.test:" + port), seen);
        assertEquals(1, lookups.get());
    }

    @Test
    void aRedirectToARefusedAddressIsRefused() {
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/", "http://10.0.0.7/",
                "http://10.255.0.1:5432/", "http://0x7f.0.0.2/", "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_FLUSHALL")) {
            String base = serve("/go", ex -> redirect(ex, 302, target));
            assertThrows(BlockedAddress.class, () -> fetcher.get(URI.create(base + "/go"), Map.of()), target);
        }
    }

    @Test
    void aRedirectToANameThatResolvesToAPrivateAddressIsRefusedAfterTheLookup() {
        String base = serve("/go", ex -> redirect(ex, 302, "http://intranet.test/"));
        HttpFetcher dns = onlyLoopbackAllowed(host -> host.equals("intranet.test")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})}
                : InetAddress.getAllByName(host));
        BlockedAddress e = assertThrows(BlockedAddress.class, () -> dns.get(URI.create(base + "/go"), Map.of()));
        assertEquals("refused intranet.test: 10.1.2.3 is a private network address", e.getMessage());
    }

    @Test
    void theAnswerNamesTheURLItCameFromAfterRedirects() throws IOException {
        String base = serve("/", ex -> {
            if (ex.getRequestURI().getPath().equals("/old")) redirect(ex, 301, "/new/place?x=1");
            else answer(ex, 200, "here", "text/plain");
        });
        HttpFetcher.Response r = fetcher.get(URI.create(base + "/old"), Map.of());
        assertEquals(URI.create(base + "/new/place?x=1"), r.uri());
        assertEquals(URI.create(base + "/new/place?x=1"), fetcher.get(URI.create(base + "/new/place?x=1"), Map.of()).uri());
    }

    @Test
    void threeRedirectsAreFollowedAndAFourthIsNot() throws IOException {
        String base = serve("/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(1));
            if (n == 0) answer(ex, 200, "arrived", "text/plain");
            else redirect(ex, 301, "/" + (n - 1));
        });
        assertEquals("arrived", fetcher.get(URI.create(base + "/3"), Map.of()).body());
        IOException e = assertThrows(IOException.class, () -> fetcher.get(URI.create(base + "/4"), Map.of()));
        assertEquals("more than 3 redirects from 127.0.0.1", e.getMessage());
    }

    @Test
    void aPostRedirectedWith303ContinuesAsAGetAnd307KeepsTheBody() throws IOException {
        String base = serve("/", ex -> {
            String path = ex.getRequestURI().getPath();
            seen.add(ex.getRequestMethod() + " " + path + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (path.equals("/see-other")) redirect(ex, 303, "/done");
            else if (path.equals("/temporary")) redirect(ex, 307, "/done");
            else answer(ex, 200, "", "text/plain");
        });
        fetcher.postForm(URI.create(base + "/see-other"), Map.of("k", "v"), Map.of());
        fetcher.postForm(URI.create(base + "/temporary"), Map.of("k", "v"), Map.of());
        assertEquals(List.of("POST /see-other k=v", "GET /done ", "POST /temporary k=v", "POST /done k=v"), seen);
    }

    @Test
    void credentialsAndBodiesDoNotFollowARedirectToAnotherOrigin() throws IOException {
        String other = serve("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Authorization"));
            answer(ex, 200, "", "text/plain");
        });
        String base = serve("/", ex -> redirect(ex, ex.getRequestMethod().equals("GET") ? 302 : 307, other + "/"));
        fetcher.get(URI.create(base + "/"), Map.of("Authorization", "Bearer t0ken"));
        assertEquals(List.of("GET null"), seen);
        assertEquals(307, fetcher.postForm(URI.create(base + "/"), Map.of("api_key", "k"), Map.of()).status());
    }

    @Test
    void aSlowServerFailsTheFetchAtTheTimeout() {
        String base = serve("/slow", ex -> {
            sleep(3_000);
            answer(ex, 200, "late", "text/plain");
        });
        HttpFetcher quick = new HttpFetcher(true, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> quick.get(URI.create(base + "/slow"), Map.of()));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void aLongBodyIsCutAtTheCap() throws IOException {
        String base = serve("/big", ex -> answer(ex, 200, "x".repeat(3 * HttpFetcher.MAX_BODY_BYTES), "text/plain"));
        String chunked = serve("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 3000; i++) out.write("y".repeat(1000).getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertEquals(HttpFetcher.MAX_BODY_BYTES, fetcher.get(URI.create(base + "/big"), Map.of()).body().length());
        assertEquals(HttpFetcher.MAX_BODY_BYTES, fetcher.get(URI.create(chunked + "/chunked"), Map.of()).body().length());
    }

    @Test
    void aChunkedBodyIsReassembled() throws IOException {
        String base = serve("/", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (String part : List.of("one ", "two ", "three")) {
                    out.write(part.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        });
        assertEquals("one two three", fetcher.get(URI.create(base + "/"), Map.of()).body());
    }

    @Test
    void headersThatWouldSplitTheRequestAreRefused() {
        URI uri = URI.create("http://127.0.0.1:9/");
        assertThrows(IllegalArgumentException.class, () -> fetcher.get(uri, Map.of("X-A", "b\r\nHost: evil")));
        assertThrows(IllegalArgumentException.class, () -> fetcher.get(uri, Map.of("Bad Name", "v")));
        assertThrows(IllegalArgumentException.class, () -> fetcher.get(uri, Map.of("Host", "evil")));
    }

    @Test
    void aServerThatIsNotListeningIsANetworkError() {
        String base = serve("/", ex -> answer(ex, 200, "", "text/plain"));
        servers.get(0).stop(0);
        IOException e = assertThrows(IOException.class, () -> fetcher.get(URI.create(base + "/"), Map.of()));
        assertFalse(e instanceof BlockedAddress, e.toString());
    }

    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    /** Starts a fake on 127.0.0.1 and returns its base URL. */
    private String serve(String path, Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            HttpHandler h = ex -> {
                try (ex) {
                    handler.handle(ex);
                }
            };
            server.createContext(path, h);
            server.start();
            servers.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void answer(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

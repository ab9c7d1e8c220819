package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread answers what: a cache hit on the selector thread that read it, with no hand-over to any other thread;
 * what may block (the routes behind, a first gzip) on the blocking threads, so a slow one never holds up the hits
 * read by the same selector. A real Jetty server with {@link Connectors}' thread pool and two selectors, in front
 * of a stand-in for Javalin that renders a page into the real {@link PageCache} the way the routes do.
 */
class CacheHitsThreadsTest {
    private final PageCache cache = new PageCache(1 << 20);
    private final Counting blocking = new Counting(Connectors.blockingThreads());
    private final List<Thread> renderedOn = new CopyOnWriteArrayList<>();
    private final CountDownLatch slowMayFinish = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server(Connectors.threadPool(blocking));
        ServerConnector connector = new ServerConnector(server, 1, 2, new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        CacheHits hits = new CacheHits(cache, new Assets(), blocking);
        hits.setHandler(new Routes());
        server.setHandler(hits);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        slowMayFinish.countDown();
        server.stop();
        client.close();
    }

    @Test
    void the_server_runs_requests_where_they_are_read() {
        assertEquals(InvocationType.NON_BLOCKING, server.getInvocationType(), "else Jetty hands every request to another thread");
    }

    @Test
    void a_miss_renders_on_a_blocking_thread_and_the_hits_after_it_never_leave_the_selector() throws Exception {
        HttpResponse<String> miss = get("/a/");
        assertEquals(200, miss.statusCode());
        assertEquals(page("/a/"), miss.body());
        assertEquals(1, renderedOn.size());
        assertTrue(renderedOn.get(0).isVirtual(), "rendered on " + renderedOn.get(0));
        int handedOn = blocking.count();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> hit = get("/a/");
            assertEquals(200, hit.statusCode());
            assertEquals(page("/a/"), hit.body());
        }

        assertEquals(1, renderedOn.size(), "not rendered again");
        assertEquals(20, cache.hitsServedBeforeRouting());
        assertEquals(handedOn, blocking.count(), "no hit was handed to another thread");
    }

    @Test
    void a_slow_miss_does_not_hold_up_hits_read_by_the_same_selectors() throws Exception {
        get("/a/");
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) slow.add(client.sendAsync(request("/slow/"), HttpResponse.BodyHandlers.ofString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (renderedOn.size() < 5 && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(5, renderedOn.size(), "the four slow requests are being rendered");

        for (int i = 0; i < 8; i++) {
            HttpClient other = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> hit = other.send(request("/a/"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hit.statusCode(), "a hit on a new connection while four renders wait");
            other.close();
        }
        assertTrue(slow.stream().noneMatch(CompletableFuture::isDone), "the slow ones still wait");

        slowMayFinish.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : slow) assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void the_first_gzip_request_compresses_off_the_selector_and_later_ones_are_hits_in_place() throws Exception {
        get("/a/");
        get("/a/");
        int before = blocking.count();

        HttpResponse<byte[]> first = client.send(request("/a/", "Accept-Encoding", "gzip"), HttpResponse.BodyHandlers.ofByteArray());
        int afterFirst = blocking.count();
        HttpResponse<byte[]> second = client.send(request("/a/", "Accept-Encoding", "gzip"), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(before + 1, afterFirst, "compressed on a blocking thread");
        assertEquals(afterFirst, blocking.count(), "then served in place");
        assertEquals("gzip", first.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(List.of(first.body().length), List.of(second.body().length));
        assertEquals(1, renderedOn.size());
    }

    @Test
    void a_request_nothing_answers_is_404_and_one_that_fails_is_500_as_jetty_answers_them() throws Exception {
        assertEquals(404, get("/nothing/").statusCode());
        assertEquals(500, get("/boom/").statusCode());
        assertEquals(200, get("/a/").statusCode(), "the server goes on");
    }

    @Test
    void other_methods_reach_the_routes_on_a_blocking_thread() throws Exception {
        get("/a/");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(base + "/a/"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, post.statusCode());
        assertEquals(2, renderedOn.size());
        assertTrue(renderedOn.get(1).isVirtual());
        assertFalse(post.body().isEmpty());
    }

    @Test
    void the_thread_pool_has_room_for_a_selector_per_core_on_both_ports_of_a_large_machine() throws Exception {
        int cores = 32;
        Server large = new Server(Connectors.threadPool(blocking, cores));
        List<ServerConnector> ports = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ServerConnector port = new ServerConnector(large, 1, cores, new HttpConnectionFactory());
            port.setHost("127.0.0.1");
            large.addConnector(port);
            ports.add(port);
        }
        CacheHits hits = new CacheHits(cache, new Assets(), blocking);
        hits.setHandler(new Routes());
        large.setHandler(hits);
        try {
            large.start();
            for (ServerConnector port : ports) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getLocalPort() + "/a/"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), "port " + port.getLocalPort());
            }
        } finally {
            large.stop();
        }
    }

    /** A page long enough for gzip to be worth sending. */
    private static String page(String path) {
        return "<p>page " + path + "<p>Green tea, slowly.".repeat(40);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return b.build();
    }

    /** Counts what is handed to the blocking threads, by CacheHits or by Jetty. */
    private static final class Counting implements Executor {
        private final Executor threads;
        private final AtomicInteger count = new AtomicInteger();

        Counting(Executor threads) {
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            count.incrementAndGet();
            threads.execute(task);
        }

        int count() {
            return count.get();
        }
    }

    /**
     * Stands in for Javalin: renders {@link #page} into the page cache with its answers learned, as the routes
     * do; {@code /slow/} waits until the test lets it finish; {@code /nothing/} is not handled; {@code /boom/} throws.
     */
    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            if (path.equals("/nothing/")) return false;
            if (path.equals("/boom/")) throw new IllegalStateException("boom");
            renderedOn.add(Thread.currentThread());
            if (path.equals("/slow/") && !slowMayFinish.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("never let go");
            long ticket = cache.ticket();
            byte[] body = page(path).getBytes(StandardCharsets.UTF_8);
            CachedPage page = CachedPage.of(body, "text/html; charset=utf-8", Set.of("site"), Instant.EPOCH);
            page.learn(List.of(), true);
            if (request.getMethod().equals("GET")) cache.put(path, page, ticket);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.write(true, java.nio.ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}

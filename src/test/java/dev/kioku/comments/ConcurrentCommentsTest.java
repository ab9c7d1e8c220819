package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many readers commenting at once, through real HTTP: every 303 is a comment committed exactly once with its
 * moderation mail queued, and a comment that fails among others (its post closed while it waited, a write the
 * database refuses) gets its own answer while the others are kept. On SQLite the comments are written in shared
 * transactions ({@link CommentWriter}); the tests hold SQLite's write lock to make one batch out of several
 * comments. Both engines.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ConcurrentCommentsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    long authorId;
    HttpClient http;
    String token;

    @BeforeEach
    void start() {
        blog = TestBlog.startBehindProxy(engine, dir);
        authorId = blog.author("Aiko Mori").id();
        post = publish("On rain");
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        // one form token for every comment, five seconds of "typing" later (as bench/run sends them)
        token = new dev.kioku.testing.Commenter(blog).token();
        blog.clock.advance(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        blog.close();
        http.close();
    }

    @Test
    void two_hundred_comments_from_32_threads_are_each_answered_303_stored_once_and_mailed_once() throws Exception {
        int count = 200;
        List<String> notCommitted = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    TestBlog.Response r = send(post, n, "Comment " + n + " on the rain.");
                    // the 303 promises a committed comment: a connection of our own sees it at once
                    if (r.status() == 303 && !committed(idIn(r))) notCommitted.add(r.header("Location"));
                    return r.status();
                }));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> f : answers) statuses.add(f.get());
        }
        assertEquals(List.of(303), statuses.stream().distinct().toList(), "every comment answered See Other");
        assertEquals(List.of(), notCommitted, "comments answered 303 but not committed");
        Map<String, Integer> bodies = counts("select body_md from comments where post_id = " + post.id() + " and status = 'pending'");
        assertEquals(count, bodies.size());
        assertTrue(bodies.values().stream().allMatch(n -> n == 1), "each comment stored once: " + bodies);
        // the author is asked to moderate each one, once
        Map<String, Integer> mails = counts("select body_text from mail_outbox where to_address = 'aiko.mori@example.org'");
        for (int i = 0; i < count; i++) {
            String body = "Comment " + i + " on the rain.";
            assertEquals(1, mails.keySet().stream().filter(t -> t.contains("\n\n" + body + "\n\n")).count(), body);
        }
        assertEquals(count, mails.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void a_comment_whose_post_closed_while_it_waited_is_refused_alone_and_the_others_are_kept() throws Exception {
        Post closing = publish("On snow");
        List<Future<TestBlog.Response>> answers = new ArrayList<>();
        long commitsBefore = blog.app.comments().writer().commits();
        try (ExecutorService pool = Executors.newFixedThreadPool(10); Connection held = connection()) {
            held.setAutoCommit(false);
            lockForClosing(held, closing);
            for (int i = 0; i < 10; i++) {
                Post to = i % 2 == 0 ? post : closing;
                int n = i;
                answers.add(pool.submit(() -> send(to, n, "Comment " + n + " on " + to.title() + ".")));
            }
            // every comment has passed the checks and waits for the write the test holds
            waitUntil(() -> engine == Engine.SQLITE ? blog.app.comments().writer().waiting() == 10 : lockWaits() == 5);
            try (Statement st = held.createStatement()) {
                st.executeUpdate("update posts set comments_open = " + (engine == Engine.SQLITE ? "0" : "false") + " where id = " + closing.id());
            }
            held.commit();
            for (int i = 0; i < 10; i++) {
                TestBlog.Response r = answers.get(i).get();
                if (i % 2 == 0) {
                    assertEquals(303, r.status(), r.text());
                    assertTrue(committed(idIn(r)));
                } else {
                    assertEquals(422, r.status());
                    assertTrue(r.text().contains("Comments are closed on this post."), r.text());
                    assertTrue(r.text().contains("Comment " + i + " on On snow."), "the form keeps what was typed");
                }
            }
        }
        assertEquals(5, counts("select body_md from comments where post_id = " + post.id()).size());
        assertEquals(Map.of(), counts("select body_md from comments where post_id = " + closing.id()));
        assertEquals(5, counts("select body_text from mail_outbox").size(), "mail only for the comments kept");
        if (engine == Engine.SQLITE) assertEquals(commitsBefore + 1, blog.app.comments().writer().commits(), "one transaction");
    }

    @Test
    void a_comment_the_database_refuses_after_its_row_was_written_leaves_nothing_and_the_others_are_kept() throws Exception {
        // a real failure half-way through a comment's writes: its row is in, its mail is refused
        try (Connection c = connection(); Statement st = c.createStatement()) {
            if (engine == Engine.SQLITE) {
                st.execute("""
                        create trigger refuse_mail before insert on mail_outbox when new.body_text like '%refuse me%'
                        begin select raise(abort, 'forced failure'); end""");
            } else {
                st.execute("""
                        create function refuse_mail() returns trigger language plpgsql as $$
                        begin if new.body_text like '%refuse me%' then raise exception 'forced failure'; end if; return new; end $$""");
                st.execute("create trigger refuse_mail before insert on mail_outbox for each row execute function refuse_mail()");
            }
        }
        List<Future<TestBlog.Response>> answers = new ArrayList<>();
        long commitsBefore = blog.app.comments().writer().commits();
        try (ExecutorService pool = Executors.newFixedThreadPool(7); Connection held = connection()) {
            held.setAutoCommit(false);
            if (engine == Engine.SQLITE) holdWriteLock(held);
            for (int i = 0; i < 7; i++) {
                int n = i;
                answers.add(pool.submit(() -> send(post, n, n == 3 ? "Comment 3: refuse me." : "Comment " + n + " is fine.")));
            }
            if (engine == Engine.SQLITE) waitUntil(() -> blog.app.comments().writer().waiting() == 7);
            held.commit();
            for (int i = 0; i < 7; i++) {
                TestBlog.Response r = answers.get(i).get();
                if (i == 3) {
                    assertEquals(500, r.status());
                } else {
                    assertEquals(303, r.status(), r.text());
                    assertTrue(committed(idIn(r)));
                }
            }
        }
        Map<String, Integer> bodies = counts("select body_md from comments");
        assertEquals(6, bodies.size(), bodies.toString());
        assertTrue(bodies.keySet().stream().noneMatch(b -> b.contains("refuse me")), "the refused comment's row was rolled back");
        assertEquals(6, counts("select body_text from mail_outbox").size());
        if (engine == Engine.SQLITE) assertEquals(commitsBefore + 1, blog.app.comments().writer().commits(), "one transaction");
    }

    @Test
    void the_same_comment_sent_twice_at_once_is_stored_once_and_the_second_is_told_so() throws Exception {
        List<Future<TestBlog.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2); Connection held = connection()) {
            held.setAutoCommit(false);
            // both wait behind the test: on SQLite in one batch, on PostgreSQL both inside their transactions
            lockForClosing(held, post);
            for (int i = 0; i < 2; i++) answers.add(pool.submit(() -> send(post, 1, "The same words, twice.")));
            waitUntil(() -> engine == Engine.SQLITE ? blog.app.comments().writer().waiting() == 2 : lockWaits() == 2);
            held.commit();
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestBlog.Response> f : answers) statuses.add(f.get().status());
            statuses.sort(null);
            assertEquals(List.of(303, 422), statuses);
            assertTrue(answers.stream().map(ConcurrentCommentsTest::get).anyMatch(r -> r.text().contains("You have already said that")));
        }
        assertEquals(Map.of("The same words, twice.", 1), counts("select body_md from comments where post_id = " + post.id()));
        assertEquals(1, counts("select body_text from mail_outbox").size(), "one moderation mail");
    }

    private static TestBlog.Response get(Future<TestBlog.Response> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- helpers

    private Post publish(String title) {
        return blog.app.posts().publish(blog.app.posts().create(PostDraft.post(title, "It falls.", authorId, List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
    }

    /** One reader's comment, from an address and an email of its own (the per-reader limits stay far away). */
    private TestBlog.Response send(Post to, int n, String body) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("post", Long.toString(to.id()));
        f.put("ft", token);
        f.put("name", "Reader " + n);
        f.put("email", "reader-" + n + "@example.org");
        f.put("body", body);
        String form = f.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return TestBlog.send(http, HttpRequest.newBuilder(URI.create(blog.url("/comments/")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", blog.base())
                .header("X-Forwarded-For", "10.1." + (n / 250) + "." + (n % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static long idIn(TestBlog.Response r) {
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }

    /** A connection of the test's own, outside the application's pool. */
    private Connection connection() throws SQLException {
        var config = blog.app.config();
        return DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    private boolean committed(long id) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("select count(*) from comments where id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /** How many times each value of the query's first column occurs. */
    private Map<String, Integer> counts(String sql) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) counts.merge(rs.getString(1), 1, Integer::sum);
        }
        return counts;
    }

    private void holdWriteLock(Connection held) throws SQLException {
        try (Statement st = held.createStatement()) {
            // sqlite-jdbc opened the transaction lazily; a write takes the lock now
            st.executeUpdate("update posts set title = title where id = " + post.id());
        }
    }

    /**
     * SQLite: the test takes the one write lock, so the comments queue behind it. PostgreSQL: the test locks the
     * closing post's row, so comments on it wait inside their transaction, after the checks the route made.
     */
    private void lockForClosing(Connection held, Post closing) throws SQLException {
        if (engine == Engine.SQLITE) {
            holdWriteLock(held);
        } else {
            try (Statement st = held.createStatement()) {
                st.executeQuery("select id from posts where id = " + closing.id() + " for update").close();
            }
        }
    }

    /** PostgreSQL: sessions waiting for a lock. */
    private int lockWaits() {
        try {
            Map<String, Integer> waits = counts("select pid from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
            return waits.size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting");
            Thread.sleep(10);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

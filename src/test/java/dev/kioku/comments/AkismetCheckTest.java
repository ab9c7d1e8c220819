package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kioku.comments.AkismetCheck.Submission;
import dev.kioku.comments.AkismetCheck.Verdict;
import dev.kioku.net.HttpFetcher;
import dev.kioku.testing.FakeAkismet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Spam checks against a fake of the Akismet API: each answer, and every way of not getting one. */
class AkismetCheckTest {
    private static final String KEY = "a1b2c3d4e5f6";
    private static final String BLOG = "https://blog.example";

    FakeAkismet akismet;
    ListAppender<ILoggingEvent> log;
    Logger logger;

    @BeforeEach
    void start() {
        akismet = new FakeAkismet(KEY);
        logger = (Logger) LoggerFactory.getLogger(AkismetCheck.class);
        log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        akismet.close();
    }

    private AkismetCheck check(String key) {
        return new AkismetCheck(new HttpFetcher(true, Duration.ofMillis(500)), akismet.endpoint(), key, BLOG);
    }

    private static Submission comment(String author) {
        return new Submission("203.0.113.9", "Mozilla/5.0", "https://blog.example/", "https://blog.example/2026/11/20/hello/",
                author, "reader@example.org", null, "素敵な記事 — thank you & see you", "ja");
    }

    @Test
    void anOrdinaryCommentIsHamAndEveryFieldIsSent() {
        assertEquals(Verdict.HAM, check(KEY).check(comment("Aiko")));
        FakeAkismet.Request sent = akismet.requests().get(0);
        assertEquals("/1.1/comment-check", sent.path());
        assertEquals(Map.ofEntries(Map.entry("api_key", KEY), Map.entry("blog", BLOG), Map.entry("user_ip", "203.0.113.9"),
                Map.entry("user_agent", "Mozilla/5.0"), Map.entry("referrer", "https://blog.example/"),
                Map.entry("permalink", "https://blog.example/2026/11/20/hello/"), Map.entry("comment_type", "comment"),
                Map.entry("comment_author", "Aiko"), Map.entry("comment_author_email", "reader@example.org"),
                Map.entry("comment_content", "素敵な記事 — thank you & see you"), Map.entry("blog_lang", "ja"),
                Map.entry("blog_charset", "UTF-8")), sent.form());
        assertTrue(sent.userAgent().startsWith("Kioku"), sent.userAgent());
        assertTrue(log.list.isEmpty());
    }

    @Test
    void theTestAuthorIsSpam() {
        assertEquals(Verdict.SPAM, check(KEY).check(comment(FakeAkismet.SPAM_AUTHOR)));
    }

    @Test
    void blatantSpamIsDiscarded() {
        akismet.discardBlatantSpam();
        assertEquals(Verdict.DISCARD, check(KEY).check(comment(FakeAkismet.SPAM_AUTHOR)));
        assertEquals(Verdict.HAM, check(KEY).check(comment("Aiko")));
    }

    @Test
    void aBadKeyLeavesTheCommentToAModeratorAndIsLoggedWithoutTheKey() {
        String wrongKey = "wrong-key-0987";
        assertEquals(Verdict.UNAVAILABLE, check(wrongKey).check(comment("Aiko")));
        ILoggingEvent warning = onlyWarning();
        assertTrue(warning.getFormattedMessage().contains("invalid"), warning.getFormattedMessage());
        assertTrue(warning.getFormattedMessage().contains("unable to verify your API key"), warning.getFormattedMessage());
        assertFalse(warning.getFormattedMessage().contains(wrongKey), warning.getFormattedMessage());
    }

    @Test
    void aServerErrorLeavesTheCommentToAModerator() {
        akismet.failWith(503);
        assertEquals(Verdict.UNAVAILABLE, check(KEY).check(comment(FakeAkismet.SPAM_AUTHOR)));
        assertTrue(onlyWarning().getFormattedMessage().contains("status 503"));
    }

    @Test
    void aServiceThatIsDownLeavesTheCommentToAModerator() {
        akismet.close();
        assertEquals(Verdict.UNAVAILABLE, check(KEY).check(comment("Aiko")));
        assertFalse(onlyWarning().getFormattedMessage().contains(KEY));
    }

    @Test
    void aSlowServiceIsGivenUpAtTheTimeout() {
        akismet.answerAfter(Duration.ofSeconds(3));
        long start = System.nanoTime();
        assertEquals(Verdict.UNAVAILABLE, check(KEY).check(comment("Aiko")));
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        assertTrue(onlyWarning().getFormattedMessage().contains("SocketTimeoutException"));
    }

    @Test
    void anEndpointOnARefusedAddressIsNeverCalled() {
        AkismetCheck guarded = new AkismetCheck(new HttpFetcher(false, Duration.ofSeconds(1)), akismet.endpoint(), KEY, BLOG);
        assertEquals(Verdict.UNAVAILABLE, guarded.check(comment("Aiko")));
        assertEquals(List.of(), akismet.requests());
        assertTrue(onlyWarning().getFormattedMessage().contains("BlockedAddress"));
    }

    @Test
    void theKeyIsVerified() {
        assertTrue(check(KEY).verifyKey());
        assertEquals(Map.of("api_key", KEY, "blog", BLOG), akismet.requests().get(0).form());
        assertFalse(check("nope").verifyKey());
        akismet.close();
        assertFalse(check(KEY).verifyKey());
    }

    @Test
    void aModeratorsDecisionIsReported() {
        check(KEY).report(comment("Aiko"), true);
        check(KEY).report(comment("Aiko"), false);
        assertEquals(List.of("/1.1/submit-spam", "/1.1/submit-ham"), akismet.requests().stream().map(FakeAkismet.Request::path).toList());
        assertEquals("素敵な記事 — thank you & see you", akismet.requests().get(0).form().get("comment_content"));
        assertTrue(log.list.isEmpty());
    }

    @Test
    void aFailedReportIsLoggedNotThrown() {
        akismet.failWith(500);
        check(KEY).report(comment("Aiko"), true);
        assertTrue(onlyWarning().getFormattedMessage().contains("submit-spam"));
    }

    @Test
    void fieldsNotKnownAreLeftOut() {
        check(KEY).check(new Submission(null, null, null, null, null, null, null, "hello", null));
        assertEquals(List.of("api_key", "blog", "comment_type", "comment_content", "blog_charset"),
                List.copyOf(akismet.requests().get(0).form().keySet()));
    }

    private ILoggingEvent onlyWarning() {
        assertEquals(1, log.list.size(), () -> log.list.toString());
        ILoggingEvent event = log.list.get(0);
        assertEquals(Level.WARN, event.getLevel());
        return event;
    }
}

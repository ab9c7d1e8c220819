package dev.kioku.readers.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader signs in through a real OpenID Connect server running in the test, and every tampered, replayed or
 * foreign answer is refused with a 400 page and no session.
 */
class ReaderSignInTest {
    private static final String POST = "/2026/11/20/tea/";
    @TempDir
    Path dir;
    TestBlog blog;
    MockProvider provider;
    HttpClient browser;

    @BeforeEach
    void start() {
        blog = TestBlog.startWithLocalFetches(Engine.SQLITE, dir);
        provider = new MockProvider();
        blog.app.signIns().addOidc("mock", "Mock ID", provider.issuer(), MockProvider.CLIENT_ID, MockProvider.CLIENT_SECRET);
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
    }

    @AfterEach
    void stop() {
        provider.close();
        blog.close();
    }

    @Test
    void a_reader_signs_in_and_comes_back_to_the_comment_form_with_a_session() {
        provider.nextToken("rin", Map.of("name", "Rin Tohsaka", "picture", "https://img.example/rin.png"), 3600);
        TestBlog.Response back = get(callbackFromProvider(POST));
        assertEquals(303, back.status(), back.text());
        assertEquals(POST + "#respond", back.header("Location"));
        assertTrue(hasSession(back), "a session cookie was set: " + back.headers().allValues("Set-Cookie"));
    }

    @Test
    void a_tampered_state_is_refused() {
        String callback = callbackFromProvider(POST).replaceFirst("state=([^&]+)", "state=$1x");
        assertRefused(get(callback), "not valid");
    }

    @Test
    void a_callback_used_twice_is_refused_the_second_time() {
        provider.nextToken("rin", Map.of("name", "Rin"), 3600);
        String callback = callbackFromProvider(POST);
        assertEquals(303, get(callback).status());
        assertRefused(get(callback), "already used");
    }

    @Test
    void an_id_token_for_another_nonce_is_refused() {
        provider.nextToken("rin", Map.of("nonce", "not-the-one-we-sent"), 3600);
        assertRefused(get(callbackFromProvider(POST)), "nonce");
    }

    @Test
    void an_id_token_from_a_foreign_issuer_is_refused() {
        provider.nextToken("rin", Map.of("iss", "https://evil.example"), 3600);
        assertRefused(get(callbackFromProvider(POST)), "iss");
    }

    @Test
    void an_expired_id_token_is_refused() {
        TestBlog.Response start = get("/readers/sign-in/mock/?return=" + POST);
        String nonce = start.header("Location").replaceFirst(".*[?&]nonce=([^&]+).*", "$1");
        String callback = get(start.header("Location")).header("Location");
        provider.nextAnswerWithExpiredToken(nonce);
        assertRefused(get(callback), "Expired");
    }

    @Test
    void a_return_address_on_another_host_is_refused_before_leaving_the_site() {
        for (String target : List.of("//evil.example/", "https://evil.example/", "/\\evil.example/")) {
            TestBlog.Response r = get("/readers/sign-in/mock/?return=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
            assertRefused(r, "only sends you to pages of this site");
        }
    }

    @Test
    void a_callback_in_a_browser_that_did_not_start_the_sign_in_is_refused() {
        String callback = callbackFromProvider(POST);
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertRefused(get(callback), "another browser");
    }

    @Test
    void the_provider_saying_no_is_refused_with_its_reason() {
        String start = get("/readers/sign-in/mock/?return=" + POST).header("Location");
        String state = start.replaceFirst(".*[?&]state=([^&]+).*", "$1");
        assertRefused(get("/readers/callback/mock/?error=access_denied&state=" + state), "access_denied");
    }

    @Test
    void a_sign_in_older_than_ten_minutes_is_refused() {
        String callback = callbackFromProvider(POST);
        blog.clock.advance(java.time.Duration.ofMinutes(11));
        assertRefused(get(callback), "10 minutes");
    }

    @Test
    void in_a_popup_the_sign_in_ends_on_a_page_that_tells_the_opener_and_closes() {
        TestBlog.Response connecting = get("/readers/sign-in/mock/?return=" + POST + "&popup=1");
        assertEquals(200, connecting.status());
        assertTrue(connecting.text().contains("Connecting to Mock ID…"), connecting.text());
        String authorization = org.jsoup.Jsoup.parse(connecting.text()).selectFirst("[data-go]").attr("data-go");
        provider.nextToken("rin", Map.of("name", "Rin Tohsaka"), 3600);
        TestBlog.Response done = get(get(authorization).header("Location"));
        assertEquals(200, done.status(), done.text());
        assertTrue(hasSession(done));
        var box = org.jsoup.Jsoup.parse(done.text()).selectFirst("[data-reader-sign-in]");
        assertEquals("yes", box.attr("data-signed-in"));
        assertEquals(POST + "#respond", box.attr("data-return"));
        assertTrue(done.text().contains("Rin Tohsaka"));
    }

    /** Starts a sign-in and lets the provider answer; returns the callback URL it sends the browser to. */
    private String callbackFromProvider(String returnPath) {
        TestBlog.Response start = get("/readers/sign-in/mock/?return=" + returnPath);
        assertEquals(302, start.status(), start.text());
        String authorization = start.header("Location");
        assertTrue(authorization.contains("code_challenge_method=S256") && authorization.contains("nonce="), authorization);
        assertTrue(authorization.contains("redirect_uri=" + java.net.URLEncoder.encode(blog.url("/readers/callback/mock/"),
                java.nio.charset.StandardCharsets.UTF_8)), authorization);
        TestBlog.Response answer = get(authorization);
        assertEquals(302, answer.status(), answer.text());
        return answer.header("Location");
    }

    private TestBlog.Response get(String url) {
        return TestBlog.send(browser, HttpRequest.newBuilder(URI.create(url.startsWith("/") ? blog.url(url) : url)).GET());
    }

    /** A cookie other than the sign-in's own browser binding: the reader session. */
    private static boolean hasSession(TestBlog.Response r) {
        return r.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> !c.startsWith(ReaderSignInRoutes.BROWSER_COOKIE + "=") && !c.startsWith("kioku_csrf="));
    }

    private static void assertRefused(TestBlog.Response r, String why) {
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("Sign-in refused"), r.text());
        assertTrue(r.text().contains(why), "says why (" + why + "): " + r.text());
        assertTrue(!hasSession(r), "no session: " + r.headers().allValues("Set-Cookie"));
    }
}

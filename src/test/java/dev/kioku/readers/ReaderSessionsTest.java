package dev.kioku.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.config.Smtp;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.ReaderLogin;
import dev.kioku.testing.TestBlog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Reader sessions over HTTP: the cookies, a new id at each sign-in, sign-out, {@code /readers/me/}, and the public API. */
@ParameterizedClass
@EnumSource(Engine.class)
class ReaderSessionsTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private static String setCookie(TestBlog.Response r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static boolean expired(String setCookie) {
        return setCookie != null && (setCookie.contains("Max-Age=0") || setCookie.contains("Expires=Thu, 01 Jan 1970"));
    }

    private long readerId(String email) {
        return blog.app.readers().find("email", email).orElseThrow().id();
    }

    @Test
    void the_session_cookie_is_http_only_and_lax_and_the_marker_is_readable_by_the_script() {
        TestBlog.Response r = ReaderLogin.signIn(blog, smtp, new Commenter(blog), "kenji@example.org", null);
        String session = setCookie(r, Readers.SESSION_COOKIE);
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"), session);
        assertTrue(!session.contains("Secure"), "plain HTTP: a Secure cookie would never come back: " + session);
        String marker = setCookie(r, Readers.MARK_COOKIE);
        assertTrue(marker.startsWith(Readers.MARK_COOKIE + "=1") && !marker.contains("HttpOnly"), marker);
    }

    @Test
    void over_tls_the_session_cookie_is_secure() throws Exception {
        new Commenter(blog).post("/readers/email/", Map.of("email", "kenji@example.org"), blog.base());
        blog.app.outbox().sendDue();
        String text = smtp.getReceivedMessages()[0].getContent().toString();
        String link = text.replaceAll("(?s).*(/readers/email/[A-Za-z0-9_-]+/).*", "$1");
        HttpRequest.Builder confirm = HttpRequest.newBuilder(URI.create(blog.url(link)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", blog.base())
                .header("X-Forwarded-Proto", "https").POST(HttpRequest.BodyPublishers.ofString(""));
        TestBlog.Response r = TestBlog.send(HttpClient.newHttpClient(), confirm);
        assertEquals(303, r.status());
        assertTrue(setCookie(r, Readers.SESSION_COOKIE).contains("Secure"));
        assertTrue(setCookie(r, Readers.MARK_COOKIE).contains("Secure"));
    }

    @Test
    void signing_in_again_gives_a_new_session_id_and_ends_the_old_one() {
        Commenter browser = ReaderLogin.signIn(blog, smtp, "kenji@example.org", null);
        String first = browser.cookie(Readers.SESSION_COOKIE);
        ReaderLogin.signIn(blog, smtp, browser, "kenji@example.org", null);
        String second = browser.cookie(Readers.SESSION_COOKIE);

        assertNotEquals(first, second);
        assertEquals(1, blog.app.readers().sessions(readerId("kenji@example.org")), "the earlier session was replaced");
        assertTrue(browser.get("/readers/me/").text().contains("\"signedIn\":true"));
    }

    @Test
    void signing_out_deletes_the_session_row_and_clears_both_cookies() {
        Commenter browser = ReaderLogin.signIn(blog, smtp, "kenji@example.org", null);
        long id = readerId("kenji@example.org");
        assertEquals(1, blog.app.readers().sessions(id));

        TestBlog.Response out = browser.post("/readers/sign-out/", Map.of("return", "/2026/11/20/on-rain/"), blog.base());
        assertEquals(303, out.status());
        assertEquals("/2026/11/20/on-rain/", out.header("Location"));
        assertTrue(expired(setCookie(out, Readers.SESSION_COOKIE)), setCookie(out, Readers.SESSION_COOKIE));
        assertTrue(expired(setCookie(out, Readers.MARK_COOKIE)));
        assertEquals(0, blog.app.readers().sessions(id));
        assertEquals("{\"signedIn\":false}", browser.get("/readers/me/").text());
    }

    @Test
    void a_session_id_kept_after_sign_out_is_worth_nothing() {
        Commenter browser = ReaderLogin.signIn(blog, smtp, "kenji@example.org", null);
        String stolen = browser.cookie(Readers.SESSION_COOKIE);
        browser.post("/readers/sign-out/", Map.of(), blog.base());

        TestBlog.Response me = blog.get("/readers/me/", "Cookie", Readers.SESSION_COOKIE + "=" + stolen);
        assertEquals("{\"signedIn\":false}", me.text());
    }

    @Test
    void the_script_signs_out_with_a_fetch_and_gets_no_content() {
        Commenter browser = ReaderLogin.signIn(blog, smtp, "kenji@example.org", null);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(blog.url("/readers/sign-out/")))
                .header("Accept", "application/json").header("Origin", blog.base())
                .header("Cookie", Readers.SESSION_COOKIE + "=" + browser.cookie(Readers.SESSION_COOKIE))
                .POST(HttpRequest.BodyPublishers.noBody());
        assertEquals(204, TestBlog.send(HttpClient.newHttpClient(), b).status());
        assertEquals(0, blog.app.readers().sessions(readerId("kenji@example.org")));
    }

    @Test
    void sign_out_from_another_site_is_refused() {
        Commenter browser = ReaderLogin.signIn(blog, smtp, "kenji@example.org", null);
        assertEquals(403, browser.post("/readers/sign-out/", Map.of(), "https://evil.example").status());
        assertEquals(1, blog.app.readers().sessions(readerId("kenji@example.org")));
    }

    @Test
    void me_says_who_is_signed_in_and_is_never_cached() {
        TestBlog.Response out = blog.get("/readers/me/");
        assertEquals("{\"signedIn\":false}", out.text());
        assertEquals("no-store", out.header("Cache-Control"));
        assertTrue(out.header("Content-Type").startsWith("application/json"));

        Commenter browser = ReaderLogin.signIn(blog, smtp, "kenji@example.org", "Kenji <b>Sato</b>");
        TestBlog.Response in = browser.get("/readers/me/");
        assertEquals("no-store", in.header("Cache-Control"));
        String json = in.text();
        assertTrue(json.contains("\"signedIn\":true") && json.contains("\"name\":\"Kenji <b>Sato</b>\"")
                && json.contains("\"provider\":\"email\"") && json.contains("\"providerLabel\":\"email\"")
                && json.contains("\"avatarUrl\":\"https://www.gravatar.com/avatar/") && json.contains("\"profileUrl\":null"), json);
        assertTrue(!json.contains("kenji@example.org"), "the address is not needed by the page: " + json);
    }

    @Test
    void a_session_ends_after_90_days() {
        Commenter browser = ReaderLogin.signIn(blog, smtp, "kenji@example.org", null);
        blog.clock.advance(Duration.ofDays(89));
        assertTrue(browser.get("/readers/me/").text().contains("\"signedIn\":true"));
        blog.clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertEquals("{\"signedIn\":false}", browser.get("/readers/me/").text());
    }

    // ---- the API the provider flows use

    @Test
    void upsert_finds_the_same_reader_again_and_refreshes_what_the_provider_says() {
        Readers readers = blog.app.readers();
        Reader first = readers.upsert(new Readers.Profile("github", "1234", "Mei", "Mei@Example.org",
                "https://avatars.example/mei.png", "https://github.com/mei"));
        assertEquals("mei@example.org", first.email());
        Reader again = readers.upsert(new Readers.Profile("github", "1234", "Mei Tanaka", null, null, null));
        assertEquals(first.id(), again.id());
        assertEquals("Mei Tanaka", again.displayName());
        assertNull(again.email());
        assertNull(again.avatarUrl());
        assertEquals(first.createdAt(), again.createdAt());
        assertNotEquals(first.id(), readers.upsert(new Readers.Profile("google", "1234", "Other", null, null, null)).id(),
                "the same subject at another provider is another reader");
    }

    @Test
    void a_profile_needs_provider_subject_and_name_and_drops_unusable_extras() {
        assertThrows(IllegalArgumentException.class, () -> new Readers.Profile("", "1", "A", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Readers.Profile("Google", "1", "A", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Readers.Profile("google", " ", "A", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Readers.Profile("google", "x".repeat(256), "A", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Readers.Profile("google", "1", " \n ", null, null, null));
        Readers.Profile p = new Readers.Profile("oidc:id.example", "1", " Ann\u0007 " + "n".repeat(200), "not an address",
                "http://insecure.example/a.png", "javascript:alert(1)");
        assertEquals(100, p.displayName().length());
        assertTrue(p.displayName().startsWith("Ann "));
        assertNull(p.email());
        assertNull(p.avatarUrl(), "only https pictures");
        assertNull(p.profileUrl(), "only http(s) profiles");
    }

    @Test
    void registered_providers_are_offered_after_the_email_link_with_the_page_to_come_back_to() {
        Readers readers = blog.app.readers();
        readers.registerProvider("google", "Google");
        readers.registerProvider("oidc:id.example", "Example ID");
        assertEquals(List.of(
                new SignInChoice("email", "Email link", "/readers/email/?return=%2F2026%2F11%2F20%2Fon-rain%2F"),
                new SignInChoice("google", "Google", "/readers/sign-in/google/?return=%2F2026%2F11%2F20%2Fon-rain%2F"),
                new SignInChoice("oidc:id.example", "Example ID", "/readers/sign-in/oidc%3Aid.example/?return=%2F2026%2F11%2F20%2Fon-rain%2F")),
                readers.choices("/2026/11/20/on-rain/"));
        assertEquals("/readers/email/?return=%2F", readers.choices("//evil.example").getFirst().startUrl());
        assertEquals("Google", readers.label("google"));
        assertEquals("email", readers.label("email"));
        assertEquals("other.example", readers.label("oidc:other.example"));
        assertThrows(IllegalArgumentException.class, () -> readers.registerProvider("email", "Mine"));
    }
}

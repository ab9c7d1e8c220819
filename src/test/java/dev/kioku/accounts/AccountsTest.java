package dev.kioku.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.StaffClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Setup, sign-in, sessions, throttling and CSRF over HTTP, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class AccountsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private void account(String email, Role role) {
        blog.app.authors().create(new NewAuthor(email, email.substring(0, email.indexOf('@')), role,
                "correct horse".toCharArray(), "", null, null, List.of()));
    }

    @Test
    void on_first_run_the_admin_leads_to_setup_which_creates_the_owner_and_signs_them_in() {
        StaffClient browser = new StaffClient(blog.base());
        assertEquals("/admin/sign-in/?next=%2Fadmin%2F", browser.get("/admin/").header("Location"));
        assertEquals("/setup/", browser.get("/admin/sign-in/").header("Location"));

        TestBlog.Response done = browser.post("/setup/", Map.of("siteTitle", "Aiko's Notebook", "name", "Aiko Mori",
                "email", "aiko@example.org", "password", "correct horse"));

        assertEquals(302, done.status());
        assertEquals("/admin/?notice=welcome", done.header("Location"));
        var dashboard = Jsoup.parse(browser.get("/admin/?notice=welcome").text());
        assertEquals("Dashboard", dashboard.selectFirst("h1").text());
        assertTrue(dashboard.selectFirst(".notice").text().startsWith("Welcome"));
        assertEquals("Aiko's Notebook", blog.page("/").selectFirst(".brand__title").text());
        assertEquals(404, new StaffClient(blog.base()).get("/setup/").status(), "setup runs once");
    }

    @Test
    void a_refused_setup_keeps_what_was_typed() {
        StaffClient browser = new StaffClient(blog.base());
        TestBlog.Response r = browser.post("/setup/", Map.of("siteTitle", "My Blog", "name", "Aiko",
                "email", "aiko@example.org", "password", "short"));

        assertEquals(422, r.status());
        var form = Jsoup.parse(r.text());
        assertEquals("Password must be at least 8 characters.", form.selectFirst(".error").text());
        assertEquals("My Blog", form.selectFirst("input[name=siteTitle]").val());
        assertEquals("aiko@example.org", form.selectFirst("input[name=email]").val());
        assertTrue(blog.app.authors().ownerEmail().isEmpty());
    }

    @Test
    void signing_in_sets_a_fresh_httponly_lax_session_and_signing_out_ends_it() {
        account("owner@example.org", Role.OWNER);
        StaffClient browser = new StaffClient(blog.base());
        String csrfBefore = browser.csrf();

        TestBlog.Response r = browser.post("/admin/sign-in/", Map.of("email", "OWNER@example.org", "password", "correct horse",
                "next", "/admin/posts/?status=draft"));

        assertEquals("/admin/posts/?status=draft", r.header("Location"));
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kioku_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP here: " + setCookie);
        assertNotEquals(csrfBefore, browser.cookie("kioku_csrf"), "a new CSRF token at sign-in");
        assertEquals(200, browser.get("/admin/").status());

        assertEquals("/admin/sign-in/?notice=signed-out", browser.post("/admin/sign-out/", Map.of()).header("Location"));
        assertEquals(302, browser.get("/admin/").status());
    }

    @Test
    void the_session_cookie_is_secure_behind_a_tls_proxy() {
        account("owner@example.org", Role.OWNER);
        StaffClient browser = new StaffClient(blog.base());
        TestBlog.Response r = browser.postRaw("/admin/sign-in/", Map.of("email", "owner@example.org", "password", "correct horse",
                "_csrf", browser.csrf()), Map.of("X-Forwarded-Proto", "https"));
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("kioku_session=") && c.contains("Secure")));
    }

    @Test
    void a_stolen_pre_sign_in_session_cookie_is_not_kept_at_sign_in() {
        account("owner@example.org", Role.OWNER);
        StaffClient first = StaffClient.signedIn(blog, "owner@example.org", "correct horse");
        String firstSession = first.cookie("kioku_session");
        StaffClient second = StaffClient.signedIn(blog, "owner@example.org", "correct horse");
        assertNotEquals(firstSession, second.cookie("kioku_session"));
    }

    @Test
    void a_wrong_password_keeps_the_email_and_says_so_without_telling_which_part_was_wrong() {
        account("owner@example.org", Role.OWNER);
        StaffClient browser = new StaffClient(blog.base());

        TestBlog.Response r = browser.post("/admin/sign-in/", Map.of("email", "owner@example.org", "password", "wrong horse"));
        TestBlog.Response unknown = browser.post("/admin/sign-in/", Map.of("email", "nobody@example.org", "password", "wrong horse"));

        assertEquals(401, r.status());
        var page = Jsoup.parse(r.text());
        assertEquals("That email and password do not match an account.", page.selectFirst(".error").text());
        assertEquals("owner@example.org", page.selectFirst("input[name=email]").val());
        assertEquals(page.selectFirst(".error").text(), Jsoup.parse(unknown.text()).selectFirst(".error").text());
        assertNull(browser.cookie("kioku_session"));
    }

    @Test
    void repeated_failures_are_throttled_per_account_with_429_until_the_window_passes() {
        account("owner@example.org", Role.OWNER);
        StaffClient browser = new StaffClient(blog.base());
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertEquals(401, browser.post("/admin/sign-in/", Map.of("email", "owner@example.org", "password", "guess " + i)).status());
        }

        TestBlog.Response blocked = browser.post("/admin/sign-in/", Map.of("email", "owner@example.org", "password", "correct horse"));
        assertEquals(429, blocked.status());
        assertEquals("Too many failed sign-ins. Try again in 15 minutes.", Jsoup.parse(blocked.text()).selectFirst(".error").text());

        blog.clock.advance(SignInThrottle.WINDOW.plus(Duration.ofSeconds(1)));
        assertEquals(302, browser.post("/admin/sign-in/", Map.of("email", "owner@example.org", "password", "correct horse")).status());
    }

    @Test
    void one_address_guessing_many_accounts_is_throttled_too() {
        StaffClient browser = new StaffClient(blog.base());
        for (int i = 0; i < SignInThrottle.PER_IP; i++) {
            browser.post("/admin/sign-in/", Map.of("email", "user" + i + "@example.org", "password", "guess"));
        }
        assertEquals(429, browser.post("/admin/sign-in/", Map.of("email", "another@example.org", "password", "guess")).status());
    }

    @Test
    void forms_without_the_token_or_from_another_site_are_refused_with_403() {
        account("owner@example.org", Role.OWNER);
        StaffClient browser = StaffClient.signedIn(blog, "owner@example.org", "correct horse");

        assertEquals(403, browser.postRaw("/admin/sign-out/", Map.of(), Map.of()).status());
        assertEquals(403, browser.postRaw("/admin/sign-out/", Map.of("_csrf", "forged"), Map.of()).status());
        assertEquals(403, browser.postRaw("/admin/sign-out/", Map.of("_csrf", browser.csrf()), Map.of("Origin", "https://evil.example")).status());
        assertEquals(403, new StaffClient(blog.base()).postRaw("/admin/sign-in/", Map.of("email", "owner@example.org", "password", "correct horse"), Map.of()).status());
        assertEquals(200, browser.get("/admin/").status(), "still signed in");
    }

    @Test
    void changing_the_password_signs_out_other_sessions_and_keeps_this_one() {
        account("owner@example.org", Role.OWNER);
        StaffClient here = StaffClient.signedIn(blog, "owner@example.org", "correct horse");
        StaffClient elsewhere = StaffClient.signedIn(blog, "owner@example.org", "correct horse");

        TestBlog.Response wrong = here.post("/admin/password/", Map.of("currentPassword", "nope nope", "newPassword", "battery staple", "repeatPassword", "battery staple"));
        assertEquals(422, wrong.status());
        assertEquals("The current password is not right.", Jsoup.parse(wrong.text()).selectFirst(".error").text());

        TestBlog.Response ok = here.post("/admin/password/", Map.of("currentPassword", "correct horse", "newPassword", "battery staple", "repeatPassword", "battery staple"));
        assertEquals("/admin/?notice=password-changed", ok.header("Location"));
        assertEquals(200, here.get("/admin/").status());
        assertEquals(302, elsewhere.get("/admin/").status());
        StaffClient.signedIn(blog, "owner@example.org", "battery staple");
    }

    @Test
    void sessions_end_after_two_idle_weeks_and_a_late_autosave_gets_401_with_a_message() {
        account("owner@example.org", Role.OWNER);
        StaffClient browser = StaffClient.signedIn(blog, "owner@example.org", "correct horse");
        blog.clock.advance(Sessions.IDLE.plusMinutes(1));

        assertEquals(302, browser.get("/admin/").status());
        TestBlog.Response late = browser.post("/admin/posts/1/autosave/", Map.of("body", "my words"));
        assertEquals(401, late.status());
        assertTrue(late.text().contains("your text is still here"));
    }

    @Test
    void only_admin_paths_are_offered_as_the_place_to_return_to_after_sign_in() {
        assertEquals("/admin/", AccountRoutes.safeNext("https://evil.example/"));
        assertEquals("/admin/", AccountRoutes.safeNext("//evil.example/admin"));
        assertEquals("/admin/", AccountRoutes.safeNext("/\\evil.example"));
        assertEquals("/admin/posts/", AccountRoutes.safeNext("/admin/posts/"));
    }
}

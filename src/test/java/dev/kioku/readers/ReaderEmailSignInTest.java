package dev.kioku.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.config.Smtp;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Signing in with a link sent by email, end to end through a real SMTP server (GreenMail). */
@ParameterizedClass
@EnumSource(Engine.class)
class ReaderEmailSignInTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("/readers/email/([A-Za-z0-9_-]{20,})/");
    private static final String POST_PATH = "/2026/11/20/on-rain/";

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

    private TestBlog.Response ask(Commenter browser, String email, String back) {
        return browser.post("/readers/email/", Map.of("email", email, "return", back), blog.base());
    }

    private List<MimeMessage> mails() {
        blog.app.outbox().sendDue();
        return List.of(smtp.getReceivedMessages());
    }

    /** The path of the link in the newest mail. */
    private String linkInLastMail() throws Exception {
        List<MimeMessage> all = mails();
        String text = all.getLast().getContent().toString();
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), text);
        return m.group();
    }

    private static String setCookie(TestBlog.Response r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static boolean signedIn(Commenter browser) {
        return browser.get("/readers/me/").text().contains("\"signedIn\":true");
    }

    @Test
    void a_reader_asks_for_a_link_opens_it_confirms_and_is_back_at_the_comment_form_signed_in() throws Exception {
        Commenter browser = new Commenter(blog);
        TestBlog.Response asked = ask(browser, " Kenji@Example.org ", POST_PATH);
        assertEquals(200, asked.status(), asked.text());
        assertTrue(asked.text().contains("Check your inbox"), asked.text());

        MimeMessage mail = mails().getFirst();
        assertEquals("kenji@example.org", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getSubject().startsWith("Sign in to comment on "), mail.getSubject());
        String link = linkInLastMail();

        TestBlog.Response opened = browser.get(link);
        assertEquals(200, opened.status());
        assertTrue(opened.text().contains("kenji@example.org") && opened.text().contains("action=\"" + link + "\""), opened.text());
        assertTrue(opened.text().contains("value=\"kenji\""), "the name offered is the part before the @");
        assertNull(setCookie(opened, Readers.SESSION_COOKIE), "opening the link (as a mail scanner would) signs nobody in");
        assertFalse(signedIn(browser));

        TestBlog.Response confirmed = browser.post(link, Map.of("name", "Kenji Sato"), blog.base());
        assertEquals(303, confirmed.status(), confirmed.text());
        assertEquals(POST_PATH + "#respond", confirmed.header("Location"));
        String me = browser.get("/readers/me/").text();
        assertTrue(me.contains("\"signedIn\":true") && me.contains("\"name\":\"Kenji Sato\"") && me.contains("\"providerLabel\":\"email\""), me);
        Reader r = blog.app.readers().find(1).orElseThrow();
        assertEquals("email", r.provider());
        assertEquals("kenji@example.org", r.subject());
        assertEquals("kenji@example.org", r.email());
    }

    @Test
    void a_link_signs_in_once() throws Exception {
        ask(new Commenter(blog), "kenji@example.org", POST_PATH);
        String link = linkInLastMail();
        assertEquals(303, new Commenter(blog).post(link, Map.of(), blog.base()).status());

        Commenter second = new Commenter(blog);
        TestBlog.Response again = second.post(link, Map.of(), blog.base());
        assertEquals(410, again.status());
        assertTrue(again.text().contains("does not work any more"), again.text());
        assertNull(setCookie(again, Readers.SESSION_COOKIE));
        assertEquals(410, second.get(link).status(), "and opening it says so too");
        assertFalse(signedIn(second));
    }

    @Test
    void a_link_is_refused_after_15_minutes() throws Exception {
        ask(new Commenter(blog), "kenji@example.org", POST_PATH);
        String link = linkInLastMail();
        blog.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        Commenter late = new Commenter(blog);
        assertEquals(410, late.get(link).status());
        TestBlog.Response r = late.post(link, Map.of(), blog.base());
        assertEquals(410, r.status());
        assertNull(setCookie(r, Readers.SESSION_COOKIE));
        assertFalse(signedIn(late));
    }

    @Test
    void a_link_just_inside_15_minutes_still_works() throws Exception {
        ask(new Commenter(blog), "kenji@example.org", POST_PATH);
        String link = linkInLastMail();
        blog.clock.advance(Duration.ofMinutes(14));
        assertEquals(303, new Commenter(blog).post(link, Map.of(), blog.base()).status());
    }

    @Test
    void wrong_and_forged_tokens_are_refused_without_a_session() throws Exception {
        ask(new Commenter(blog), "kenji@example.org", POST_PATH);
        String real = linkInLastMail();
        String token = real.substring("/readers/email/".length(), real.length() - 1);
        String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        Commenter forger = new Commenter(blog);
        for (String t : List.of(altered, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "not%20a%20token")) {
            TestBlog.Response r = forger.post("/readers/email/" + t + "/", Map.of(), blog.base());
            assertEquals(410, r.status(), t);
            assertNull(setCookie(r, Readers.SESSION_COOKIE), t);
        }
        assertFalse(signedIn(forger));
        assertEquals(303, forger.post(real, Map.of(), blog.base()).status(), "the real link was not spent by the forgeries");
    }

    @Test
    void the_answer_is_the_same_for_an_address_seen_before_and_a_new_one() throws Exception {
        ask(new Commenter(blog), "kenji@example.org", POST_PATH);
        new Commenter(blog).post(linkInLastMail(), Map.of(), blog.base());

        TestBlog.Response known = ask(new Commenter(blog), "kenji@example.org", POST_PATH);
        TestBlog.Response unknown = ask(new Commenter(blog), "stranger@example.org", POST_PATH);
        assertEquals(known.status(), unknown.status());
        assertEquals(known.text().replace("kenji", "X"), unknown.text().replace("stranger", "X"));
    }

    @Test
    void a_mistyped_address_comes_back_with_a_message_and_as_typed() {
        TestBlog.Response r = ask(new Commenter(blog), "kenji at example", POST_PATH);
        assertEquals(422, r.status());
        assertTrue(r.text().contains("does not look like an email address") && r.text().contains("value=\"kenji at example\""), r.text());
        assertEquals(List.of(), mails());
    }

    @Test
    void links_are_limited_per_address_quietly_and_per_ip_openly() {
        Commenter browser = new Commenter(blog);
        for (int i = 0; i < 4; i++) assertEquals(200, ask(browser, "kenji@example.org", POST_PATH).status());
        assertEquals(3, mails().size(), "the fourth link in 15 minutes was not sent, and nothing said so");

        assertEquals(200, ask(browser, "mei@example.org", POST_PATH).status());
        TestBlog.Response sixth = ask(browser, "aiko@example.org", POST_PATH);
        assertEquals(429, sixth.status());
        assertTrue(sixth.text().contains("Please try again in"), sixth.text());

        blog.clock.advance(Duration.ofMinutes(16));
        assertEquals(200, ask(browser, "aiko@example.org", POST_PATH).status());
    }

    @Test
    void a_return_path_off_this_site_becomes_the_home_page() throws Exception {
        ask(new Commenter(blog), "kenji@example.org", "//evil.example/x");
        TestBlog.Response r = new Commenter(blog).post(linkInLastMail(), Map.of(), blog.base());
        assertEquals("/#respond", r.header("Location"));
    }

    @Test
    void a_form_sent_from_another_site_is_refused() {
        TestBlog.Response r = new Commenter(blog).post("/readers/email/", Map.of("email", "kenji@example.org"), "https://evil.example");
        assertEquals(403, r.status());
        assertEquals(List.of(), mails());
    }
}

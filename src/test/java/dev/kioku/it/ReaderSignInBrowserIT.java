package dev.kioku.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.kioku.authors.Role;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader signs in through a real OpenID Connect server (mock-oauth2-server) in Chromium: as a full-page
 * redirect, and from a sign-in link in a popup that reports back to the post page and closes.
 *
 * <p>From the comment form: the popup reports back, the form shows "You are commenting using your … account",
 * the comment carries the reader's name and picture, Log Out brings the guest fields back, and Change signs in
 * as someone else.
 */
class ReaderSignInBrowserIT {
    private static final String POST = "/2026/11/20/on-rain/";
    @TempDir
    Path dir;
    TestBlog blog;
    Browser browser;
    MockOAuth2Server provider;

    @BeforeEach
    void start() throws Exception {
        blog = TestBlog.startWithLocalFetches(Engine.SQLITE, dir);
        var aiko = blog.author("Aiko Mori");
        blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains all week.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
        provider = new MockOAuth2Server();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        provider.start(InetAddress.getByName("127.0.0.1"), port);
        dev.kioku.readers.oauth.MockProvider.warmUp(provider);
        String wellKnown = provider.wellKnownUrl("default").toString();
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        TestBlog.Response added = owner.post("/admin/readers/providers/add/", "issuer",
                wellKnown.substring(0, wellKnown.indexOf("/.well-known/")), "label", "Mock ID", "id", "mock",
                "clientId", "kioku-blog", "clientSecret", "s3cret");
        assertEquals(303, added.status(), added.text());
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        provider.shutdown();
        blog.close();
    }

    private void nextReader(String name) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", name.toLowerCase(), "JWT", List.of("kioku-blog"),
                Map.of("name", name, "picture", "https://img.example/" + name.toLowerCase() + ".png"), 3600));
    }

    @Test
    void a_full_page_sign_in_comes_back_to_the_comment_form_signed_in() {
        BrowserContext context = browser.chromium.newContext();
        Page page = context.newPage();
        page.navigate(blog.url(POST));
        nextReader("Rin");
        page.navigate(blog.url("/readers/sign-in/mock/?return=" + POST));
        page.waitForURL(blog.url(POST + "#respond"));
        assertTrue(signedIn(context), "a reader session: " + context.cookies());
    }

    @Test
    void from_the_comment_form_a_reader_signs_in_in_a_popup_comments_logs_out_and_changes_account() {
        blog.app.comments().saveSettings(new dev.kioku.comments.DiscussionSettings(dev.kioku.comments.Moderation.APPROVE_ALL,
                0, 5, 50, 2, List.of(), List.of(), List.of(), false, true, "", null));
        BrowserContext context = browser.chromium.newContext();
        Page page = context.newPage();
        page.navigate(blog.url(POST));
        assertTrue(page.textContent("#respond").contains("Fill in your details below or click an icon to log in"));
        page.fill("#comment-body", "Half a comment, typed before signing in.");
        nextReader("Sakura");
        Page popup = page.waitForPopup(() -> page.click("a[data-reader-sign-in]"));
        popup.waitForClose(() -> { });

        assertThat(page.locator("[data-reader]")).isVisible();
        assertThat(page.locator("[data-reader-name]")).hasText("Sakura");
        assertThat(page.locator("[data-reader-provider]")).hasText("Mock ID");
        assertTrue(page.textContent("[data-reader]").contains("You are commenting using your Mock ID account."));
        assertThat(page.locator("#comment-name")).isHidden();
        assertEquals(blog.url(POST), page.url(), "the post page stayed where it was");
        assertEquals("Half a comment, typed before signing in.", page.inputValue("#comment-body"));

        page.click("#comment-body");
        page.waitForFunction("() => document.querySelector('input[name=ft]').value !== ''");
        blog.clock.advance(Duration.ofSeconds(5));
        page.click("text=Post Comment");
        page.waitForURL("**#comment-*");
        assertThat(page.locator(".comment .comment__author")).hasText("Sakura");
        assertEquals("https://img.example/sakura.png", page.getAttribute(".comment .comment__avatar", "src"));

        // Log Out: a guest's form again
        page.click("[data-reader] button:has-text('Log Out')");
        assertThat(page.locator("#comment-name")).isVisible();
        assertThat(page.locator("[data-reader]")).isHidden();
        assertTrue(!signedIn(context), "no reader session after Log Out: " + context.cookies());

        // Change: sign in as Sakura, then change to Rin
        nextReader("Sakura");
        page.waitForPopup(() -> page.click("a[data-reader-sign-in]")).waitForClose(() -> { });
        assertThat(page.locator("[data-reader-name]")).hasText("Sakura");
        page.click("[data-reader-change]");
        assertThat(page.locator("[data-reader]")).isHidden();
        nextReader("Rin");
        page.waitForPopup(() -> page.click("a[data-reader-sign-in]")).waitForClose(() -> { });
        assertThat(page.locator("[data-reader-name]")).hasText("Rin");
    }

    /** The reader session cookie is set (sign-out expires it). */
    private static boolean signedIn(BrowserContext context) {
        return context.cookies().stream().anyMatch(c -> c.name.equals("kioku_reader_session") && !c.value.isEmpty());
    }
}

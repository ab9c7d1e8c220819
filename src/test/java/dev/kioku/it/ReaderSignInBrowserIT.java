package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.kioku.authors.Role;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import dev.kioku.web.Assets;
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
 * <p>The comment form's provider icons come from the readers branch; until it is merged, the popup case adds a
 * link like them ({@code a[data-reader-sign-in]}) and the script that drives them to the post page. Posting a
 * comment as the reader, logging out and changing account are the lead's to add after the merge.
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
    void a_sign_in_link_opens_a_popup_that_tells_the_post_page_and_closes() {
        BrowserContext context = browser.chromium.newContext();
        Page page = context.newPage();
        page.navigate(blog.url(POST));
        page.evaluate("([src, href]) => {"
                + "window.signedIn = false;"
                + "document.addEventListener('kioku:reader-signed-in', () => { window.signedIn = true; });"
                + "const a = document.createElement('a'); a.href = href; a.textContent = 'Mock ID';"
                + "a.setAttribute('data-reader-sign-in', ''); document.getElementById('respond').append(a);"
                + "const s = document.createElement('script'); s.src = src; document.head.append(s); }",
                List.of(new Assets().url("reader-sign-in.js"), "/readers/sign-in/mock/?return=" + POST));
        page.waitForFunction("() => document.querySelector('script[src*=reader-sign-in]') && true");
        page.fill("#comment-body", "Half a comment, typed before signing in.");
        nextReader("Sakura");
        Page popup = page.waitForPopup(() -> page.click("a[data-reader-sign-in]"));
        popup.waitForClose(() -> { });
        page.waitForFunction("() => window.signedIn === true");
        assertEquals(blog.url(POST), page.url(), "the post page stayed where it was");
        assertEquals("Half a comment, typed before signing in.", page.inputValue("#comment-body"));
        assertTrue(signedIn(context), "a reader session: " + context.cookies());
    }

    /** A cookie other than the sign-in's own browser binding and the CSRF token: the reader session. */
    private static boolean signedIn(BrowserContext context) {
        return context.cookies().stream().anyMatch(c -> !c.name.equals("kioku_reader_auth") && !c.name.equals("kioku_csrf"));
    }
}

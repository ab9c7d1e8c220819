package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.comments.CommentStatus;
import dev.kioku.comments.Submission;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moderation queue in a real Chromium: "select all" and a bulk action, no CSP violation, and screenshots
 * at laptop (1280 px) and tablet (820 px) width, light and dark, in target/screenshots for a human to look at.
 */
class CommentModerationBrowserIT {
    private static final String PASSWORD = "a long password";
    static Browser browser;
    @TempDir
    Path dir;
    TestBlog blog;
    final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void browser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void start() {
        blog = TestBlog.start(Engine.SQLITE, dir);
        long owner = blog.app.authors().create(new NewAuthor("olive@example.org", "Olive Owner", Role.OWNER,
                PASSWORD.toCharArray(), "", null, null, List.of())).id();
        Post draft = blog.app.posts().create(PostDraft.post("The memory palace", "Rooms.", owner, List.of()));
        Post post = blog.app.posts().publish(draft.id(), blog.clock.instant().minus(Duration.ofHours(2)));
        String[][] readers = {
                {"Kenji Sato", "kenji@example.org", "https://kenji.example", "I walked through the rooms as you described. The **library** stayed with me."},
                {"Mari Ito", "mari@example.org", null, "A question: does the palace need to be a real building?\n\nI tried an imagined one."},
                {"Cheap Pills", "pills@spam.example", "https://pills.example/buy", "Buy [pills](https://pills.example) [now](https://pills.example/now) [here](https://pills.example/here)"},
        };
        for (int i = 0; i < readers.length; i++) {
            blog.app.comments().submit(new Submission(post.id(), null, readers[i][3], readers[i][0], readers[i][1], readers[i][2],
                    false, false, null, null, "203.0.113." + (i + 1), "test", null, null));
            blog.clock.advance(Duration.ofMinutes(3));
        }
    }

    @AfterEach
    void stop() {
        blog.close();
        assertEquals(List.of(), cspViolations, "no script or style on the comment screens breaks the Content-Security-Policy");
    }

    private Page signedIn(int width, ColorScheme scheme) {
        return browser.signedIn(blog.base(), "olive@example.org", PASSWORD, width, scheme, cspViolations);
    }

    private static void shot(Page page, String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void select_all_and_approve_moves_every_comment_on_the_page() throws Exception {
        Page page = signedIn(1280, ColorScheme.LIGHT);
        page.click(".sidebar a[href='/admin/comments/']");
        shot(page, "comments-queue-1280");

        page.check("input[data-check-all]");
        page.selectOption("#bulk-action", "approve");
        page.click("#bulk button[type=submit]");

        assertEquals("3 comments approved.", page.textContent(".notice").strip());
        assertEquals(0, blog.app.comments().queue(blog.app.authors().allStaff().get(0), CommentStatus.PENDING, 0, 10)
                .comments().size());
    }

    @Test
    void the_screens_fit_a_tablet_and_the_dark_scheme() throws Exception {
        Page tablet = signedIn(820, ColorScheme.LIGHT);
        tablet.navigate(blog.base() + "/admin/comments/");
        shot(tablet, "comments-queue-820");
        assertTrue((Boolean) tablet.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
        tablet.click(".comments-table tbody tr:first-child .comments-table__when a");
        shot(tablet, "comments-one-820");
        tablet.navigate(blog.base() + "/admin/comments/settings/");
        shot(tablet, "comments-settings-820");

        Page dark = signedIn(1280, ColorScheme.DARK);
        dark.navigate(blog.base() + "/admin/comments/");
        shot(dark, "comments-queue-1280-dark");
        dark.click(".comments-table tbody tr:first-child .comments-table__when a");
        dark.navigate(dark.url() + "?action=approve");
        shot(dark, "comments-one-1280-dark");
    }
}

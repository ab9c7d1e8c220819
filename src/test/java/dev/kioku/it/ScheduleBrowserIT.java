package dev.kioku.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduling in Chromium against the app running in this test, whose clock the test moves: a post scheduled
 * in the editor stays off the site until its time has come and the publishing job has run.
 */
class ScheduleBrowserIT {
    @TempDir
    Path dir;

    @Test
    void a_post_scheduled_in_the_editor_appears_when_the_clock_passes_its_time() {
        try (TestBlog blog = TestBlog.start(Engine.SQLITE, dir); Browser browser = new Browser()) {
            blog.app.authors().create(new NewAuthor("olive@example.org", "Olive Owner", Role.OWNER,
                    "correct horse battery".toCharArray(), "", null, null, List.of()));
            Page page = browser.chromium.newPage();
            page.navigate(blog.base() + "/admin/");
            page.fill("input[name=email]", "olive@example.org");
            page.fill("input[name=password]", "correct horse battery");
            page.click("form.form button[type=submit]");
            page.waitForURL(blog.base() + "/admin/");

            page.navigate(blog.base() + "/admin/posts/new/");
            page.fill("#title", "Tea at noon");
            page.fill("#body", "Brewed at noon.");
            // the test clock says 2026-11-20 10:00 UTC; the site's zone is UTC
            page.fill("#publishAt", "2026-11-20T12:00");
            page.click("button[value=schedule]");
            page.waitForURL(Pattern.compile(".*/admin/posts/\\d+/\\?notice=scheduled$"));
            assertThat(page.locator(".editor-bar .badge")).hasText("Scheduled");

            assertEquals(404, blog.get("/2026/11/20/tea-at-noon/").status());
            blog.clock.advance(Duration.ofHours(1));
            blog.app.publisher().publishDue();
            assertEquals(404, blog.get("/2026/11/20/tea-at-noon/").status(), "not yet: 11:00");

            blog.clock.advance(Duration.ofHours(1).plusMinutes(1));
            blog.app.publisher().publishDue();
            page.navigate(blog.base() + "/");
            page.locator(".card__title a", new Page.LocatorOptions().setHasText("Tea at noon")).click();
            assertThat(page.locator("h1.post-title")).hasText("Tea at noon");
            assertThat(page.locator(".prose p")).hasText("Brewed at noon.");
        }
    }
}

package dev.kioku.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.kioku.comments.DiscussionSettings;
import dev.kioku.comments.Moderation;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments in Chromium against the app running in this test: a guest comments, replies in place, is
 * remembered, sees their held comment "awaiting moderation"; a thousand hostile comments fire nothing; the
 * section passes axe in light and dark.
 */
class CommentsBrowserIT {
    static final String URL = "/2026/11/20/on-rain/";
    @TempDir
    Path dir;
    TestBlog blog;
    Browser browser;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(Engine.SQLITE, dir);
        browser = new Browser();
        var aiko = blog.author("Aiko Mori");
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains all week.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        browser.close();
        blog.close();
    }

    private void moderation(Moderation m, int perPage) {
        blog.app.comments().saveSettings(new DiscussionSettings(m, 0, 5, perPage, 2, List.of(), List.of(), List.of(),
                false, true, "", null));
    }

    /** Types like a person: the form's token is fetched on focus, and the blog's clock moves on while typing. */
    private void type(Page page, String selector, String text) {
        page.fill(selector, text);
        blog.clock.advance(Duration.ofSeconds(4));
    }

    @Test
    void a_guest_comments_replies_in_place_and_is_remembered_next_time() {
        moderation(Moderation.APPROVE_ALL, 50);
        Page page = browser.chromium.newContext().newPage();
        page.navigate(blog.url(URL));
        assertThat(page.locator("#reply-title")).hasText("Leave a Reply");
        page.click("#comment-body");
        page.waitForFunction("() => document.querySelector('input[name=ft]').value !== ''");
        type(page, "#comment-body", "Rain is *lovely* in November.");
        page.fill("#comment-name", "Kenji Sato");
        page.fill("#comment-email", "kenji@example.org");
        page.fill("#comment-website", "https://kenji.example");
        page.check("#comment-remember");
        page.click("text=Post Comment");
        page.waitForURL("**" + URL + "#comment-*");
        assertThat(page.locator(".comment .comment__author")).hasText("Kenji Sato");
        assertThat(page.locator(".comment__text em")).hasText("lovely");

        // reply: the form moves under the comment, and comes back on cancel
        page.click(".comment__reply");
        assertThat(page.locator("li.comment > #respond")).hasCount(1);
        assertThat(page.locator("#reply-title")).hasText("Reply to Kenji Sato");
        assertEquals("Kenji Sato", page.inputValue("#comment-name"), "remembered details were filled in");
        page.click("[data-cancel-reply]");
        assertThat(page.locator("#comments > #respond")).hasCount(1);
        page.click(".comment__reply");
        page.fill("#comment-name", "Mei");
        page.fill("#comment-email", "mei@example.org");
        page.fill("#comment-website", "");
        type(page, "#comment-body", "It is, and so is snow.");
        page.click("text=Post Comment");
        page.waitForURL("**#comment-*");
        assertThat(page.locator("li.comment li.comment .comment__author")).hasText("Mei");

        // a new visit: the details saved in this browser are filled in by the script
        Page again = page.context().newPage();
        again.navigate(blog.url(URL));
        assertThat(again.locator("#comment-name")).hasValue("Mei");
        assertThat(again.locator("#comment-email")).hasValue("mei@example.org");
        assertTrue(again.isChecked("#comment-remember"));
        assertThat(again.locator(".comment__edit")).hasCount(2);
    }

    @Test
    void a_held_comment_shows_awaiting_moderation_to_its_writer_and_to_nobody_else() {
        Page page = browser.chromium.newPage();
        page.navigate(blog.url(URL));
        page.click("#comment-body");
        page.waitForFunction("() => document.querySelector('input[name=ft]').value !== ''");
        type(page, "#comment-body", "First time here.");
        page.fill("#comment-name", "Newcomer");
        page.fill("#comment-email", "new@example.org");
        page.click("text=Post Comment");
        page.waitForURL("**#comment-*");

        assertThat(page.locator(".comment--held .comment__held")).containsText("awaiting moderation");
        assertThat(page.locator(".comment--held .comment__text")).hasText("First time here.");
        Page stranger = browser.chromium.newContext().newPage();
        stranger.navigate(blog.url(URL));
        assertThat(stranger.locator(".comment")).hasCount(0);
        assertThat(stranger.locator("#comments-title")).hasText("No comments yet");
    }

    @Test
    void hostile_comments_fire_nothing_and_leave_no_handlers_or_script_urls() throws Exception {
        moderation(Moderation.APPROVE_ALL, 500);
        List<String> payloads = Files.readAllLines(Path.of("..", "shared", "corpus", "xss", "payloads-comment.txt")).stream()
                .filter(s -> !s.isBlank()).toList();
        Commenter attacker = new Commenter(blog);
        int stored = 0;
        for (int i = 0; i < payloads.size(); i++) {
            String p = payloads.get(i);
            blog.clock.advance(Duration.ofMinutes(3));
            Map<String, String> f = Commenter.form(post.id(), p.length() > 100 ? p.substring(0, 100) : p, "x" + i + "@example.org", p + " #" + i);
            f.put("url", p);
            TestBlog.Response r = attacker.send(f);
            if (r.status() == 422) {
                blog.clock.advance(Duration.ofMinutes(3));
                f.remove("url");
                f.remove("ft");
                r = attacker.send(f);
            }
            if (r.status() == 303) stored++;
        }
        assertEquals(payloads.size(), stored, "every payload was stored as body and name (as website where it is a web address)");

        BrowserContext context = browser.chromium.newContext();
        List<String> dialogs = new ArrayList<>();
        context.onPage(pg -> pg.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        }));
        Page page = context.newPage();
        List<String> pages = new ArrayList<>(List.of(URL));
        for (int n = 2; n <= (stored + 499) / 500; n++) pages.add("/comments/" + post.id() + "/page/" + n + "/");
        int seen = 0;
        for (String path : pages) {
            seen += harmless(page, path, "script[src^='/assets/comments.']");
        }
        assertEquals(stored, seen);

        // the moderation queue shows every field, email and website included, to a signed-in owner
        blog.app.authors().create(new dev.kioku.authors.NewAuthor("olive@example.org", "Olive Owner", dev.kioku.authors.Role.OWNER,
                "correct horse battery".toCharArray(), "", null, null, List.of()));
        page.navigate(blog.url("/admin/"));
        page.fill("input[name=email]", "olive@example.org");
        page.fill("input[name=password]", "correct horse battery");
        page.click("form.form button[type=submit]");
        page.waitForURL(blog.url("/admin/"));
        int queued = 0;
        for (int n = 1; queued < stored; n++) {
            int rows = harmless(page, "/admin/comments/?status=approved&page=" + n, "script[src^='/assets/']");
            assertTrue(rows > 0, "page " + n + " of the queue lists comments");
            queued += rows;
        }
        assertEquals(stored, queued);
        page.waitForTimeout(500);
        assertEquals(List.of(), dialogs);
    }

    /**
     * Opens a page and asserts no element carries an event-handler attribute or a script URL, and every script
     * is one of ours ({@code ours}); returns how many comments it lists.
     */
    private int harmless(Page page, String path, String ours) {
        page.navigate(blog.url(path));
        page.waitForLoadState();
        Object bad = page.evaluate("""
                () => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                    .filter(a => a.name.startsWith('on') || /^\\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/.test(a.name))
                    .map(a => el.tagName + ' ' + a.name + '=' + a.value.slice(0, 60)))""");
        assertEquals(List.of(), bad, path);
        // structured data (application/ld+json) is not run by the browser; every script that runs is ours
        assertEquals(page.locator("script:not([type='application/ld+json'])").count(), page.locator(ours).count(), "only our own scripts on " + path);
        return page.locator("li.comment, tr[id^=comment-]").count();
    }

    @Test
    void the_comment_section_passes_axe_in_light_and_dark_and_screenshots_are_kept() throws Exception {
        moderation(Moderation.APPROVE_ALL, 50);
        Commenter reader = new Commenter(blog);
        reader.comment(post.id(), "Kenji Sato", "kenji@example.org", "Rain is *lovely* in November.\n\n> It rains all week.\n\nQuite.");
        long first = blog.app.comments().approved(post.id()).getFirst().id();
        Map<String, String> reply = Commenter.form(post.id(), "Aiko Mori", "aiko.mori@example.org", "Thank you, Kenji.");
        reply.put("parent", Long.toString(first));
        blog.clock.advance(Duration.ofMinutes(2));
        new Commenter(blog).send(reply);

        String axe = Files.readString(Path.of(System.getProperty("kioku.tools", "target/tools"), "node_modules/axe-core/axe.min.js"));
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        List<String> problems = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            for (int width : List.of(1280, 390)) {
                BrowserContext ctx = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setBypassCSP(true).setColorScheme(scheme).setViewportSize(width, 900));
                Page page = ctx.newPage();
                page.navigate(blog.url(URL + "#comments"));
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(shots.resolve("comments-" + width + "-" + scheme.name().toLowerCase() + ".png")));
                assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at " + width);
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
                Object found = page.evaluate("""
                        async () => (await axe.run(document.querySelector('#comments'), { resultTypes: ['violations'] })).violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
                for (Object p : (List<?>) found) problems.add(scheme + " " + width + " " + p);
                ctx.close();
            }
        }
        assertEquals(List.of(), problems);
    }
}

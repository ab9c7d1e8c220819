package dev.kioku.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing in a real Chromium against the built jar, under the admin's real Content-Security-Policy: sign in,
 * write with the live preview, publish and find the post on the home page; two windows saving one post; a
 * session that ends mid-edit; and the list and editor at laptop and tablet width (screenshots kept in
 * target/screenshots).
 */
class WriterBrowserIT {
    static final String EMAIL = "olive@example.org";
    static final String PASSWORD = "a long owner password";
    @TempDir
    static Path dir;
    static RunningJar kioku;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        RunningJar.init(dir.resolve("data"), EMAIL, "Olive Owner", PASSWORD);
        kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log"));
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (kioku != null) kioku.close();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + kioku.port + path;
    }

    private static Page signedIn(int width, boolean bypassCsp) {
        BrowserContext ctx = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, 900).setBypassCSP(bypassCsp));
        Page page = ctx.newPage();
        page.onDialog(Dialog::accept);
        page.navigate(url("/admin/"));
        signIn(page);
        page.waitForURL(url("/admin/"));
        return page;
    }

    private static void signIn(Page page) {
        page.fill("input[name=email]", EMAIL);
        page.fill("input[name=password]", PASSWORD);
        page.click("form.form button[type=submit]");
    }

    /** Creates a draft through the editor and returns its editor address. */
    private static String draft(Page page, String title, String body) {
        page.navigate(url("/admin/posts/new/"));
        page.fill("#title", title);
        page.fill("#body", body);
        page.click("button[value=save]");
        page.waitForURL(Pattern.compile(".*/admin/posts/\\d+/\\?notice=saved$"));
        return page.url().replaceAll("\\?.*$", "");
    }

    @Test
    void a_writer_writes_with_the_live_preview_publishes_and_finds_the_post_on_the_home_page() {
        Page page = signedIn(1280, false);
        page.click("a:has-text('Write a post')");
        page.waitForURL(url("/admin/posts/new/"));

        page.fill("#title", "A morning in Kyoto");
        page.locator("#body").pressSequentially("## The temple\n\nIt was **quiet** before the buses came.", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(5));
        assertThat(page.locator("#preview h2")).hasText("The temple");
        assertThat(page.locator("#preview strong")).hasText("quiet");
        page.fill("#body", "## The temple\n\nIt was **quiet** before the buses came. <script>document.title='owned'</script>");
        assertThat(page.locator("#preview p")).containsText("before the buses came.");
        assertEquals(0, page.locator("#preview script").count(), "the preview is sanitized");

        page.locator("#tags").pressSequentially("mem");
        assertThat(page.locator("#tag-options option")).hasCount(1);
        assertEquals("memory", page.locator("#tag-options option").getAttribute("value"));
        page.fill("#tags", "travel, memory");
        assertThat(page.locator("#autosave-status")).containsText(Pattern.compile("(Draft saved|Autosaved) at"));
        assertThat(page).hasURL(Pattern.compile(".*/admin/posts/\\d+/$"));

        page.click("button[value=publish]");
        page.waitForURL(Pattern.compile(".*/admin/posts/\\d+/\\?notice=published$"));
        assertThat(page.locator(".notice")).hasText("Published. It is live on your site.");
        assertThat(page.locator(".editor-bar .badge")).hasText("Published");

        page.navigate(url("/"));
        assertThat(page.locator(".card__title", new Page.LocatorOptions().setHasText("A morning in Kyoto"))).hasCount(1);
        page.locator(".card__title a", new Page.LocatorOptions().setHasText("A morning in Kyoto")).click();
        assertThat(page.locator("h1.post-title")).hasText("A morning in Kyoto");
        assertThat(page.locator(".prose strong")).hasText("quiet");
        page.context().close();
    }

    @Test
    void leaving_the_editor_asks_first_only_while_typed_text_is_not_kept_yet() {
        Page page = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900)).newPage();
        List<String> asked = new ArrayList<>();
        page.onDialog(dialog -> {
            asked.add(dialog.type());
            dialog.accept();
        });
        page.navigate(url("/admin/"));
        signIn(page);
        page.waitForURL(url("/admin/"));
        String editor = draft(page, "Leaving", "Typed, then saved.");
        page.fill("#body", "Kept by autosave.");
        page.focus("#title");
        assertThat(page.locator("#autosave-status")).containsText("Autosaved at");
        page.navigate(url("/admin/posts/"));
        assertEquals(List.of(), asked, "nothing to lose after a save or an autosave");

        page.navigate(editor);
        page.locator("#body").pressSequentially(" Not kept yet.");
        page.waitForClose(() -> page.close(new Page.CloseOptions().setRunBeforeUnload(true)));

        assertEquals(List.of("beforeunload"), asked);
        page.context().close();
    }

    @Test
    void two_windows_saving_one_post_the_second_gets_a_conflict_and_keeps_its_text() {
        Page first = signedIn(1280, false);
        Page second = signedIn(1280, false);
        String editor = draft(first, "Shared notes", "Start.");
        second.navigate(editor);

        first.fill("#body", "The first window's words.");
        first.click("button[value=save]");
        first.waitForURL(Pattern.compile(".*\\?notice=saved$"));
        second.fill("#body", "The second window's words, typed carefully.");
        second.click("button[value=save]");

        assertThat(second.locator(".conflict h2")).containsText("was saved in another tab or window since you opened it");
        assertThat(second.locator("#body")).hasValue("The second window's words, typed carefully.");
        assertThat(second.locator(".conflict a")).hasAttribute("href", editor.replace(url(""), ""));
        first.reload();
        assertThat(first.locator("#body")).hasValue("The first window's words.");

        second.click("button[name=overwrite]");
        second.waitForURL(Pattern.compile(".*\\?notice=saved$"));
        assertThat(second.locator("#body")).hasValue("The second window's words, typed carefully.");
        first.context().close();
        second.context().close();
    }

    @Test
    void when_the_session_ends_mid_edit_the_writer_is_told_and_saves_after_signing_in_again() {
        Page page = signedIn(1280, false);
        String editor = draft(page, "Late night", "Start.");

        page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("kioku_session"));
        page.fill("#body", "Typed after the session ended.");
        page.locator("#title").focus();

        assertThat(page.locator("#autosave-status")).containsText("Your session has ended");
        assertThat(page.locator("#body")).hasValue("Typed after the session ended.");

        Page other = page.context().newPage();
        other.navigate(url("/admin/sign-in/"));
        signIn(other);
        other.waitForURL(url("/admin/"));
        other.close();

        page.click("button[value=save]");
        page.waitForURL(editor + "?notice=saved");
        assertThat(page.locator("#body")).hasValue("Typed after the session ended.");
        page.context().close();
    }

    @Test
    void the_post_list_and_editor_fit_laptop_and_tablet_width_and_screenshots_are_kept() throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        for (int width : List.of(1280, 820)) {
            Page page = signedIn(width, false);
            page.navigate(url("/admin/posts/"));
            assertThat(page.locator("h1")).hasText("Posts");
            assertNoSidewaysScroll(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-posts-" + width + ".png")).setFullPage(true));

            page.locator("a.row-title", new Page.LocatorOptions().setHasText("Walking Through a House You Already Know")).click();
            page.waitForURL(Pattern.compile(".*/admin/posts/\\d+/$"));
            assertNoSidewaysScroll(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-editor-" + width + ".png")));
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-editor-" + width + "-full.png")).setFullPage(true));
            if (width == 1280) {
                BoundingBox text = page.locator("#body").boundingBox();
                BoundingBox preview = page.locator("#preview").boundingBox();
                assertTrue(preview.x >= text.x + text.width, "the preview is beside the text");
            } else {
                assertTrue(page.locator("#body").isVisible());
                assertFalse(page.locator("#preview").isVisible(), "one pane at a time on a tablet");
                page.click("#tab-preview");
                assertTrue(page.locator("#preview").isVisible());
                assertFalse(page.locator("#body").isVisible());
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-editor-820-preview.png")));
            }
            page.context().close();
        }
    }

    @Test
    void the_list_editor_and_revisions_have_no_serious_axe_violations() throws Exception {
        String axe = Files.readString(Path.of(System.getProperty("kioku.tools", "target/tools"), "node_modules/axe-core/axe.min.js"));
        Page page = signedIn(1280, true);
        String editor = draft(page, "Checked by axe", "Some *text*.");
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/admin/posts/", editor.replace(url(""), ""), editor.replace(url(""), "") + "revisions/")) {
            page.navigate(url(path));
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
            Object found = page.evaluate("""
                    async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
            for (Object problem : (List<?>) found) problems.add(path + " " + problem);
        }
        assertEquals(List.of(), problems);
        page.context().close();
    }

    private static void assertNoSidewaysScroll(Page page) {
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, page.url() + " scrolls sideways by " + overflow + " px");
    }
}

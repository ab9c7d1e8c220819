package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.LoadState;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.site.Accent;
import dev.kioku.testing.TestBlog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The series, settings and profile screens in a real Chromium, against the app in this JVM (the test publishes
 * posts through the service: the posts editor is not on this branch). Screenshots of the screens land in
 * target/screenshots at laptop (1280 px) and tablet (820 px) width for a human to look at.
 */
class AdminBrowserIT {
    private static final String PASSWORD = "a long password";
    static Browser browser;
    @TempDir
    Path dir;
    TestBlog blog;
    long owner;
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
        owner = blog.app.authors().create(new NewAuthor("olive@example.org", "Olive Owner", Role.OWNER, PASSWORD.toCharArray(),
                "Writes about memory.", null, null, List.of())).id();
    }

    @AfterEach
    void stop() {
        blog.close();
        assertEquals(List.of(), cspViolations, "no script or style on the admin pages breaks the Content-Security-Policy");
    }

    private Page signedIn(int width, ColorScheme scheme) {
        return browser.signedIn(blog.base(), "olive@example.org", PASSWORD, width, scheme, cspViolations);
    }

    private Post published(String title) {
        Post p = blog.app.posts().create(PostDraft.post(title, title + ". A walk through the rooms of memory.", owner, List.of("memory")));
        return blog.app.posts().publish(p.id(), blog.clock.instant().minus(Duration.ofHours(2)));
    }

    private static void shot(Page page, String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * Serious and critical axe findings on the page as it is now. axe is injected as a script, which the CSP
     * forbids, so it runs in a copy of the page in a context with the same cookies that bypasses the CSP.
     */
    private List<String> axe(Page signedIn) throws Exception {
        String axe = Files.readString(Path.of(System.getProperty("kioku.tools", "target/tools"), "node_modules/axe-core/axe.min.js"));
        BrowserContext ctx = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBypassCSP(true)
                .setStorageState(signedIn.context().storageState()).setViewportSize(1280, 900));
        Page page = ctx.newPage();
        page.navigate(signedIn.url());
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object found = page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
        List<String> problems = new ArrayList<>();
        for (Object p : (List<?>) found) problems.add(page.url() + " " + p);
        ctx.close();
        return problems;
    }

    @Test
    void an_owner_plans_a_part_and_once_its_post_is_published_part_one_links_to_it() throws Exception {
        Post house = published("The house");
        Page page = signedIn(1280, ColorScheme.LIGHT);

        page.click("nav[aria-label=Admin] >> text=Series");
        page.fill("#new-title", "The Memory Palace");
        page.fill("#new-description", "Three walks through a *house of memory*.");
        page.click("text=Create series");
        assertEquals("Series created. Add its parts below.", page.textContent(".notice").strip());
        page.selectOption("#add-post", String.valueOf(house.id()));
        page.click("text=Add post");
        page.fill("#planned-title", "The rooms");
        page.fill("#planned-note", "Out next week.");
        page.click("text=Add planned part");
        assertEquals(List.of("Part 1: The house Published", "Part 2: The rooms Planned"), texts(page, ".part__title"));

        String part1 = house.permalink(PermalinkStyle.DAY_AND_NAME, ZoneOffset.UTC);
        Page reader = browser.chromium.newPage();
        reader.navigate(blog.base() + part1);
        assertEquals("Part 2: The rooms coming soon", reader.textContent(".series-next__title").strip());

        // a third part, moved up and down again with htmx: the list is swapped in place and focus stays put
        page.fill("#planned-title", "The lights");
        page.click("text=Add planned part");
        page.evaluate("() => window.kiokuMarker = 'same page'");
        page.locator(".part").nth(2).locator("button[aria-label^='Move'][aria-label$='up']").click();
        page.waitForFunction("() => document.querySelectorAll('.part__title')[1].textContent.includes('The lights')");
        assertEquals("same page", page.evaluate("() => window.kiokuMarker"), "moved without a page load");
        assertTrue(((String) page.evaluate("() => document.activeElement.id")).startsWith("up-"), "focus stays on the arrow");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.querySelectorAll('.part__title')[2].textContent.includes('The lights')");
        assertEquals(List.of("Part 1: The house Published", "Part 2: The rooms Planned", "Part 3: The lights Planned"), texts(page, ".part__title"));
        shot(page, "admin-series-1280");
        List<String> problems = new ArrayList<>(axe(page));

        // later: the post for part 2 is written; attach it, then publish it
        Post rooms = blog.app.posts().create(PostDraft.post("Furnishing the rooms", "Chairs, tables, memories.", owner, List.of("memory")));
        page.reload();
        String attachSelect = "#parts .part:nth-child(2) select[name=postId]";
        page.selectOption(attachSelect, String.valueOf(rooms.id()));
        page.locator("#parts .part:nth-child(2) button:has-text('Attach')").click();
        page.waitForLoadState(LoadState.LOAD);
        assertTrue(page.textContent(".notice").contains("Post attached"));
        reader.reload();
        assertTrue(reader.textContent(".series-next__title").contains("coming soon"), "attached but still a draft");

        blog.app.posts().publish(rooms.id(), null);
        reader.reload();
        String part2 = blog.app.posts().get(rooms.id()).permalink(PermalinkStyle.DAY_AND_NAME, ZoneOffset.UTC);
        assertEquals(part2, reader.getAttribute(".series-next a", "href"));
        assertEquals("Part 2: Furnishing the rooms →", reader.textContent(".series-next a").strip());
        reader.click(".series-next a");
        assertEquals("Part 2 of 3", reader.textContent(".series-box__count").strip());

        Page tablet = signedIn(820, ColorScheme.LIGHT);
        tablet.navigate(page.url());
        Number overflow = (Number) tablet.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "the series screen scrolls sideways at 820 px by " + overflow);
        shot(tablet, "admin-series-820");
        tablet.navigate(blog.base() + "/admin/series/");
        shot(tablet, "admin-series-list-820");
        page.navigate(blog.base() + "/admin/series/");
        shot(page, "admin-series-list-1280");
        problems.addAll(axe(page));
        assertEquals(List.of(), problems);
    }

    @Test
    void a_new_accent_colour_is_applied_on_the_public_site_in_light_and_dark_mode() throws Exception {
        published("Hello");
        Page page = signedIn(1280, ColorScheme.LIGHT);
        page.navigate(blog.base() + "/admin/settings/");
        shot(page, "admin-settings-1280");
        List<String> problems = new ArrayList<>(axe(page));

        page.fill("#accentColor", "#ffee58");
        page.click("text=Save settings");
        assertTrue(page.textContent("#accentColor-error").contains("too light"));
        assertEquals("#ffee58", page.inputValue("#accentColor"), "the typed colour is kept");
        shot(page, "admin-settings-refused-1280");
        problems.addAll(axe(page));

        page.locator("input[type=color]").evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }", "#1d5e8c");
        assertEquals("#1d5e8c", page.inputValue("#accentColor"), "the picker fills the text field");
        page.fill("#title", "Olive's Notebook");
        page.click("text=Save settings");
        assertEquals("Settings saved. Your site shows them now.", page.textContent(".notice").strip());

        Accent accent = Accent.of("#1d5e8c");
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            BrowserContext ctx = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setColorScheme(scheme));
            Page reader = ctx.newPage();
            reader.navigate(blog.base() + "/");
            assertEquals("Olive's Notebook", reader.textContent(".brand__title").strip());
            String expected = rgb(scheme == ColorScheme.DARK ? accent.dark() : accent.light());
            assertEquals(expected, reader.evaluate("() => getComputedStyle(document.querySelector('.brand__mark')).backgroundColor"), scheme.toString());
            assertEquals(expected, reader.evaluate("() => getComputedStyle(document.querySelector('.site-footer a')).color"), scheme.toString());
            ctx.close();
        }

        Page tablet = signedIn(820, ColorScheme.LIGHT);
        tablet.navigate(blog.base() + "/admin/settings/");
        Number overflow = (Number) tablet.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "settings scroll sideways at 820 px by " + overflow);
        shot(tablet, "admin-settings-820");
        tablet.navigate(blog.base() + "/admin/profile/");
        shot(tablet, "admin-profile-820");
        page.navigate(blog.base() + "/admin/profile/");
        shot(page, "admin-profile-1280");
        problems.addAll(axe(page));
        assertEquals(List.of(), problems);
    }

    @Test
    void link_rows_of_the_profile_are_added_and_removed_in_the_page() {
        Page page = signedIn(1280, ColorScheme.LIGHT);
        page.navigate(blog.base() + "/admin/profile/");
        page.fill("#linkLabel-0", "Website");
        page.fill("#linkUrl-0", "https://example.org/");
        page.click("text=+ Add another link");
        assertEquals("linkLabel-1", page.evaluate("() => document.activeElement.name"), "focus moves to the new row");
        page.fill("#linkLabel-1", "Mastodon");
        page.fill("#linkUrl-1", "https://m.example/@olive");
        page.locator("[data-row]").nth(0).locator("[data-row-remove]").click();
        page.click(".form-actions button");
        assertEquals("Profile saved.", page.textContent(".notice").strip());
        assertEquals(List.of(new dev.kioku.authors.Author.Link("Mastodon", "https://m.example/@olive")),
                blog.app.authors().byId(owner).orElseThrow().links());
    }

    private static List<String> texts(Page page, String selector) {
        return page.locator(selector).allTextContents().stream().map(t -> t.strip().replaceAll("\\s+", " ")).toList();
    }

    private static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + ((v >> 16) & 0xff) + ", " + ((v >> 8) & 0xff) + ", " + (v & 0xff) + ")";
    }
}

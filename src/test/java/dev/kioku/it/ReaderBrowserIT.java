package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo blog in a real Chromium: no serious accessibility violations (axe) in light or dark mode, a
 * spoiler that opens on a click, and pages that fit a phone without sideways scrolling. Screenshots land
 * in target/screenshots for a human to look at.
 */
class ReaderBrowserIT {
    private static final List<String> PAGES = List.of("/", "/series/the-memory-palace/", "/about/", "/tag/memory/",
            "/author/aiko-mori/", "/no/such/page/");
    @TempDir
    static Path dir;
    static RunningJar kioku;
    static Browser browser;
    static String part1;

    @BeforeAll
    static void start() throws Exception {
        kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log"));
        browser = new Browser();
        part1 = org.jsoup.Jsoup.parse(kioku.get("/series/the-memory-palace/").body()).selectFirst(".series-part__title a").attr("href");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (kioku != null) kioku.close();
    }

    private Page open(String path, ColorScheme scheme, int width) {
        BrowserContext ctx = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setColorScheme(scheme).setViewportSize(width, 900).setBypassCSP(true));
        Page page = ctx.newPage();
        page.navigate("http://127.0.0.1:" + kioku.port + path);
        return page;
    }

    @Test
    void no_page_has_serious_or_critical_axe_violations_in_light_or_dark_mode() throws Exception {
        String axe = Files.readString(Path.of(System.getProperty("kioku.tools", "target/tools"), "node_modules/axe-core/axe.min.js"));
        List<String> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>(PAGES);
        paths.add(part1);
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            for (String path : paths) {
                Page page = open(path, scheme, 1280);
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
                Object found = page.evaluate("""
                        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
                for (Object problem : (List<?>) found) problems.add(scheme + " " + path + " " + problem);
                page.context().close();
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void a_spoiler_stays_collapsed_until_the_reader_clicks_it() {
        Page page = open(part1, ColorScheme.LIGHT, 1280);
        var body = page.locator("details.spoiler .spoiler-body");
        assertFalse(body.isVisible(), "collapsed at first");
        page.locator("details.spoiler > summary").click();
        assertTrue(body.isVisible(), "open after a click");
        page.context().close();
    }

    @Test
    void pages_fit_a_phone_screen_and_screenshots_are_kept() throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        List<String> paths = new ArrayList<>(PAGES);
        paths.add(part1);
        for (String path : paths) {
            Page page = open(path, ColorScheme.LIGHT, 390);
            Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, path + " scrolls sideways by " + overflow + " px on a phone");
            String name = path.equals("/") ? "home" : path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name + "-phone.png")));
            page.context().close();
        }
        Page desk = open(part1, ColorScheme.DARK, 1280);
        desk.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("part-1-desktop-dark.png")));
        desk.context().close();
    }
}

package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.kioku.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media library in a real Chromium against the built jar, with the site's CSP in force: set up the
 * blog, upload through the file field and by dropping a file, refuse a fake image, edit alt text in place,
 * insert a figure through the editor's picker, delete after confirming. Screenshots of the library at
 * laptop and tablet width land in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaBrowserIT {
    @TempDir
    static Path dir;
    static RunningJar kioku;
    static Browser browser;
    static BrowserContext context;
    static Page page;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log"));
        browser = new Browser();
        context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setColorScheme(ColorScheme.LIGHT));
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) consoleErrors.add(m.text());
        });
        page.navigate(url("/setup/"));
        page.getByLabel("Blog title").fill("Kioku test");
        page.getByLabel("Your name").fill("Aiko Mori");
        page.getByLabel("Email").fill("aiko@example.org");
        page.getByLabel("Password").fill("a long password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my blog")).click();
        page.waitForURL(Pattern.compile(".*/admin/\\?notice=welcome"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (kioku != null) kioku.close();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + kioku.port + path;
    }

    static Locator card(String fileNamePrefix) {
        return page.locator(".media-card").filter(new Locator.FilterOptions().setHas(
                page.locator(".media-card__name a", new Page.LocatorOptions().setHasText(Pattern.compile("^" + fileNamePrefix)))));
    }

    @Test
    @Order(1)
    void a_file_chosen_in_the_file_field_is_uploaded_and_appears_in_the_grid() throws Exception {
        Path photo = Files.write(dir.resolve("Sunset Photo.jpg"), TestImages.jpegWithExif(1800, 1200, 6, "Cam"));
        page.navigate(url("/admin/media/"));
        int before = page.locator(".media-card").count();

        page.locator("input[type=file][name=files]").setInputFiles(photo);

        page.locator(".upload__done", new Page.LocatorOptions().setHasText("Sunset Photo.jpg: uploaded.")).waitFor();
        card("sunset-photo-").waitFor();
        assertEquals(before + 1, page.locator(".media-card").count());
        assertTrue(card("sunset-photo-").locator(".media-card__meta").textContent().startsWith("1200 × 1800"),
                "turned upright: " + card("sunset-photo-").locator(".media-card__meta").textContent());
    }

    @Test
    @Order(2)
    void a_file_dropped_on_the_page_is_uploaded_too() {
        String png = Base64.getEncoder().encodeToString(TestImages.png(900, 600));
        page.evaluate("""
                ({name, data}) => {
                  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                  const files = new DataTransfer();
                  files.items.add(new File([bytes], name, {type: 'image/png'}));
                  document.querySelector('main').dispatchEvent(new DragEvent('dragenter', {dataTransfer: files, bubbles: true, cancelable: true}));
                  document.querySelector('main').dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));
                }""", Map.of("name", "Dropped chart.png", "data", png));

        card("dropped-chart-").waitFor();
        assertTrue(page.locator("[data-dropzone]").getAttribute("class").contains("upload__zone"));
        assertTrue(!page.locator("[data-dropzone]").getAttribute("class").contains("is-dragging"), "the highlight goes away");
    }

    @Test
    @Order(3)
    void a_fake_image_is_refused_with_a_clear_message() throws Exception {
        Path fake = Files.writeString(dir.resolve("invoice.jpg"), "<?php echo 'not a picture'; ?>");

        page.locator("input[type=file][name=files]").setInputFiles(fake);

        Locator refused = page.locator(".upload__refused");
        refused.waitFor();
        assertTrue(refused.textContent().startsWith("invoice.jpg: This file is not an image"), refused.textContent());
        assertEquals(0, card("invoice-").count());
    }

    @Test
    @Order(4)
    void alt_text_and_caption_are_edited_in_place() throws Exception {
        Locator card = card("sunset-photo-");
        card.locator("summary", new Locator.LocatorOptions().setHasText("Edit alt text and caption")).click();
        card.getByLabel("Alt text").fill("The sun setting over the bay");
        card.getByLabel("Caption").fill("Kamakura, in November");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        card.screenshot(new Locator.ScreenshotOptions().setPath(shots.resolve("media-card-editing.png")));
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();

        card("sunset-photo-").locator("[role=status]", new Locator.LocatorOptions().setHasText("Saved.")).waitFor();
        assertEquals("The sun setting over the bay", card("sunset-photo-").locator(".media-card__alt").textContent());
        assertEquals("Kamakura, in November", card("sunset-photo-").locator(".media-card__caption").textContent());
        assertTrue(page.url().endsWith("/admin/media/"), "no page load: " + page.url());
    }

    @Test
    @Order(5)
    void screenshots_of_the_library_at_laptop_and_tablet_width_fit_without_sideways_scrolling() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        for (int width : new int[] {1280, 820}) {
            page.setViewportSize(width, 1000);
            page.navigate(url("/admin/media/"));
            Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "scrolls sideways by " + overflow + " px at " + width);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("media-library-" + width + ".png")).setFullPage(true));
        }
        page.setViewportSize(1280, 900);
    }

    @Test
    @Order(6)
    void the_picker_inserts_a_figure_at_the_cursor_of_the_editor() throws Exception {
        page.navigate(url("/admin/media/"));
        String src = card("sunset-photo-").locator(".media-card__name a").getAttribute("href");
        page.evaluate("""
                () => {
                  const area = document.createElement('textarea');
                  area.id = 'body';
                  area.value = 'Before.\\nAfter.';
                  const picker = document.createElement('div');
                  picker.id = 'media-picker';
                  document.querySelector('main').prepend(area, picker);
                  area.setSelectionRange(8, 8);
                  return htmx.ajax('GET', '/admin/media/picker/', {target: '#media-picker'});
                }""");
        Locator button = page.locator("#media-picker [data-insert-figure][data-src='" + src + "']");
        button.waitFor();
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        page.locator("#media-picker").screenshot(new Locator.ScreenshotOptions().setPath(shots.resolve("media-picker-1280.png")));

        button.click();

        assertEquals("Before.\n\n![The sun setting over the bay](" + src + " \"Kamakura, in November\")\n\nAfter.",
                page.locator("#body").inputValue());
        assertEquals(0, page.locator("#media-picker [data-picker]").count(), "the picker closes");
        assertEquals("body", page.evaluate("() => document.activeElement.id"), "the writer goes on typing");
    }

    @Test
    @Order(7)
    void deleting_asks_first_and_then_removes_the_image() {
        page.navigate(url("/admin/media/"));
        page.onceDialog(dialog -> {
            assertTrue(dialog.message().startsWith("Delete dropped-chart-"), dialog.message());
            dialog.dismiss();
        });
        card("dropped-chart-").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertEquals(1, card("dropped-chart-").count(), "dismissed: still there");

        page.onceDialog(dialog -> dialog.accept());
        card("dropped-chart-").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        page.waitForURL(Pattern.compile(".*notice=image-deleted"));
        assertEquals(0, card("dropped-chart-").count());
        assertEquals("Image deleted. Its smaller copies went with it.", page.locator(".notice").textContent());
    }

    @Test
    @Order(8)
    void the_library_has_no_serious_accessibility_problems_and_broke_no_content_security_rule() throws Exception {
        String axe = Files.readString(Path.of(System.getProperty("kioku.tools", "target/tools"), "node_modules/axe-core/axe.min.js"));
        List<String> problems = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            BrowserContext audit = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setBypassCSP(true).setColorScheme(scheme).setViewportSize(1280, 900)
                    .setStorageState(context.storageState()));
            Page p = audit.newPage();
            p.navigate(url("/admin/media/"));
            p.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
            Object found = p.evaluate("""
                    async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
            for (Object problem : (List<?>) found) problems.add(scheme + " " + problem);
            audit.close();
        }
        assertEquals(List.of(), problems);
        assertEquals(List.of(), consoleErrors, "no script errors or CSP violations in the pages above");
    }
}

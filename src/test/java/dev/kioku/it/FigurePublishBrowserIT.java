package dev.kioku.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.kioku.testing.TestImages;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole writing path in Chromium, as issue 3 describes it: upload an image, give it alt text and a
 * caption, insert it into a new post as a figure, see it in the live preview, publish, and find the figure
 * (with its caption and smaller copies) on the public post.
 */
class FigurePublishBrowserIT {
    private static final String EMAIL = "olive@example.org";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void an_uploaded_figure_with_its_caption_goes_from_the_editor_to_the_public_post() throws Exception {
        RunningJar.init(dir.resolve("data"), EMAIL, "Olive Owner", PASSWORD);
        try (RunningJar kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log")); Browser browser = new Browser()) {
            String base = "http://127.0.0.1:" + kioku.port;
            Page page = browser.chromium.newPage(new com.microsoft.playwright.Browser.NewPageOptions().setViewportSize(1280, 900));
            page.navigate(base + "/admin/");
            page.fill("input[name=email]", EMAIL);
            page.fill("input[name=password]", PASSWORD);
            page.click("form.form button[type=submit]");
            page.waitForURL(base + "/admin/");

            page.navigate(base + "/admin/media/");
            page.locator("input[type=file][name=files]").setInputFiles(
                    new FilePayload("Harbour at dawn.jpg", "image/jpeg", TestImages.jpeg(1800, 1200)));
            page.locator(".upload__done, .upload__refused").first().waitFor();
            assertThat(page.locator(".upload__done").first()).hasText("Harbour at dawn.jpg: uploaded.");
            page.reload();
            Locator card = page.locator(".media-card").filter(new Locator.FilterOptions()
                    .setHas(page.locator(".media-card__name a", new Page.LocatorOptions().setHasText(Pattern.compile("^harbour-at-dawn-")))));
            card.locator("summary", new Locator.LocatorOptions().setHasText("Edit alt text and caption")).click();
            card.getByLabel("Alt text").fill("Fishing boats in a grey harbour");
            card.getByLabel("Caption").fill("The harbour, an hour before the market");
            card.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            page.locator(".media-card [role=status]", new Page.LocatorOptions().setHasText("Saved.")).waitFor();

            page.navigate(base + "/admin/posts/new/");
            page.fill("#title", "Morning at the harbour");
            page.fill("#body", "We walked down before six.\n\n");
            page.locator("#body").press("End");
            page.locator("#body").press("Control+End");
            page.getByText("Insert image").click();
            page.locator("#media-picker [data-insert-figure]").first().click();
            assertThat(page.locator("#body")).hasValue(Pattern.compile(
                    ".*!\\[Fishing boats in a grey harbour]\\(/media/.+\\.jpg \"The harbour, an hour before the market\"\\).*", Pattern.DOTALL));
            page.locator("#body").pressSequentially(" ");
            assertThat(page.locator("#preview figure figcaption")).hasText("The harbour, an hour before the market");

            page.click("button[value=publish]");
            page.waitForURL(Pattern.compile(".*/admin/posts/\\d+/\\?notice=published$"));

            page.navigate(base + "/");
            page.locator(".card__title a", new Page.LocatorOptions().setHasText("Morning at the harbour")).click();
            Locator figure = page.locator(".prose figure");
            assertThat(figure.locator("figcaption")).hasText("The harbour, an hour before the market");
            assertThat(figure.locator("img")).hasAttribute("alt", "Fishing boats in a grey harbour");
            String srcset = figure.locator("img").getAttribute("srcset");
            assertTrue(srcset != null && srcset.contains("480w") && srcset.contains("960w") && srcset.contains("1600w"), "srcset: " + srcset);
        }
    }
}

package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new owner in Chromium: first-run setup, the dashboard, signing out and in, and being throttled. */
class AdminSignInBrowserIT {
    @TempDir
    Path dir;

    @Test
    void setup_then_sign_out_and_in_then_throttling_after_repeated_failures() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        try (RunningJar kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log"));
             Browser browser = new Browser()) {
            String base = "http://127.0.0.1:" + kioku.port;
            Page page = browser.chromium.newPage(new com.microsoft.playwright.Browser.NewPageOptions().setViewportSize(1280, 860));

            page.navigate(base + "/admin/");
            assertTrue(page.url().endsWith("/setup/"), page.url());
            page.getByLabel("Blog title").fill("Aiko's Notebook");
            page.getByLabel("Your name").fill("Aiko Mori");
            page.getByLabel("Email").fill("aiko@example.org");
            page.getByLabel("Password").fill("correct horse");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Create my blog")).click();

            assertEquals("Dashboard", page.locator("h1").textContent());
            assertTrue(page.locator(".notice").textContent().startsWith("Welcome"));
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-dashboard-1280.png")));
            page.setViewportSize(820, 1000);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-dashboard-820.png")));

            page.getByText("Sign out").click();
            assertEquals("You are signed out.", page.locator(".notice").textContent());
            page.getByLabel("Email").fill("aiko@example.org");
            page.getByLabel("Password").fill("correct horse");
            page.locator("button[type=submit]").click();
            assertEquals("Dashboard", page.locator("h1").textContent());

            page.getByText("Sign out").click();
            Response last = null;
            for (int i = 0; i < 6; i++) {
                page.getByLabel("Email").fill("aiko@example.org");
                page.getByLabel("Password").fill("wrong guess " + i);
                last = page.waitForResponse(r -> r.url().contains("/admin/sign-in"), () -> page.locator("button[type=submit]").click());
            }
            assertEquals(429, last.status());
            assertTrue(page.locator(".error").textContent().startsWith("Too many failed sign-ins."));
            assertEquals("aiko@example.org", page.getByLabel("Email").inputValue(), "the email stays typed");
        }
    }
}

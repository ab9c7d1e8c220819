package dev.kioku.it;

import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Playwright driving Debian's Chromium (the package CI installs), never a downloaded browser. */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("kioku.chromium", "/usr/bin/chromium"));
    final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("browser tests need Debian's chromium at " + CHROMIUM + " (.ci/run installs it)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /**
     * A fresh context at this size and colour scheme, signed in to the admin through its sign-in form; any
     * Content-Security-Policy complaint the browser logs is added to {@code cspViolations}.
     */
    com.microsoft.playwright.Page signedIn(String base, String email, String password, int width,
                                           com.microsoft.playwright.options.ColorScheme scheme, List<String> cspViolations) {
        var ctx = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, 900).setColorScheme(scheme));
        var page = ctx.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) cspViolations.add(m.text());
        });
        page.navigate(base + "/admin/sign-in/");
        page.fill("input[name=email]", email);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForURL(base + "/admin/");
        return page;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}

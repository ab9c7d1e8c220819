package dev.kioku.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.media.Media;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Site settings over HTTP as the owner edits them, on SQLite and PostgreSQL; the public site follows at once. */
@ParameterizedClass
@EnumSource(Engine.class)
class SettingsAdminTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private static String[] form(String... overrides) {
        List<String> f = new java.util.ArrayList<>(List.of("title", "Aiko's Notebook", "tagline", "Memory and notebooks",
                "language", "en-gb", "timeZone", "asia/tokyo", "postsPerPage", "5", "accentColor", "#1D5E8C", "logo", "",
                "footerText", "© Aiko Mori", "feedContent", "full", "feedItems", "10"));
        for (int i = 0; i < overrides.length; i += 2) f.set(f.indexOf(overrides[i]) + 1, overrides[i + 1]);
        return f.toArray(String[]::new);
    }

    private String stylesheetUrl(Document page) {
        return page.select("link[rel=stylesheet]").get(1).attr("href");
    }

    @Test
    void saved_settings_show_on_the_public_site_on_the_next_request() {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        Document before = blog.page("/");
        String oldCss = stylesheetUrl(before);
        assertTrue(oldCss.startsWith("/assets/site.css?v="), oldCss);
        assertTrue(blog.get("/assets/site.css").text().startsWith("/* Kioku: the theme's own accent"));
        blog.clock.advance(Duration.ofMinutes(1));

        TestBlog.Response saved = owner.post("/admin/settings/", form());
        assertEquals(303, saved.status(), saved.text());
        assertEquals("/admin/settings/?notice=settings-saved", saved.header("Location"));

        Document home = blog.page("/");
        assertEquals("Aiko's Notebook", home.selectFirst(".brand__title").text());
        assertEquals("Memory and notebooks", home.selectFirst(".brand__tagline").text());
        assertEquals("en-GB", home.selectFirst("html").attr("lang"));
        assertEquals("© Aiko Mori", home.selectFirst(".site-footer p").text());
        assertNotEquals(oldCss, stylesheetUrl(home), "a new colour is a new stylesheet URL, past any cache");
        SiteSettings s = blog.app.site().settings();
        assertEquals(ZoneId.of("Asia/Tokyo"), s.timeZone());
        assertEquals(5, s.postsPerPage());
        assertEquals("#1d5e8c", s.accentColor());

        TestBlog.Response css = blog.get(stylesheetUrl(home));
        assertEquals(200, css.status());
        assertEquals("text/css;charset=utf-8", css.header("Content-Type").replace(" ", "").toLowerCase());
        Accent accent = Accent.of("#1d5e8c");
        assertTrue(css.text().contains(":root { --accent: #1d5e8c; --accent-soft: " + accent.lightSoft() + "; }"), css.text());
        assertTrue(css.text().contains("prefers-color-scheme: dark"));
        assertTrue(css.text().contains("--accent: " + accent.dark() + ";"));
        assertEquals(304, blog.get("/assets/site.css", "If-None-Match", css.header("ETag")).status());

        Document admin = owner.page(saved.header("Location"));
        assertEquals("Settings saved. Your site shows them now.", admin.selectFirst(".notice").text());
        assertEquals("en-GB", admin.selectFirst("#language").val());
        assertEquals("Asia/Tokyo", admin.selectFirst("#timeZone").val());
    }

    @Test
    void bad_values_come_back_as_typed_with_a_message_each_and_nothing_is_saved() {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        String home = blog.get("/").header("ETag");

        TestBlog.Response refused = owner.post("/admin/settings/", form("title", "New title", "accentColor", "#ffee58",
                "timeZone", "Mars/Olympus_Mons", "language", "en_GB!", "postsPerPage", "0", "logo", "987654"));
        assertEquals(422, refused.status());
        Document f = owner.parse(refused);
        assertTrue(f.selectFirst("#accentColor-error").text().startsWith("#ffee58 is too light for links and buttons"));
        assertTrue(f.selectFirst("#accentColor-error").text().contains("A darker shade of it that works: #"));
        assertTrue(f.selectFirst("#timeZone-error").text().startsWith("“Mars/Olympus_Mons” is not a time zone"));
        assertTrue(f.selectFirst("#language-error").text().startsWith("“en_GB!” is not a language tag"));
        assertEquals("Choose a number from 1 to 100.", f.selectFirst("#postsPerPage-error").text());
        assertTrue(f.selectFirst("#logo-error").text().startsWith("That image is no longer in the media library"));
        assertNull(f.selectFirst("#title-error"));
        assertEquals("New title", f.selectFirst("#title").val());
        assertEquals("#ffee58", f.selectFirst("#accentColor").val());
        assertEquals("Mars/Olympus_Mons", f.selectFirst("#timeZone").val());
        assertEquals("en_GB!", f.selectFirst("#language").val());
        assertEquals("0", f.selectFirst("#postsPerPage").val());
        assertEquals("true", f.selectFirst("#accentColor").attr("aria-invalid"));
        assertEquals("accentColor-error accentColor-hint", f.selectFirst("#accentColor").attr("aria-describedby"));

        assertEquals("Kioku", blog.app.site().settings().title());
        assertEquals(home, blog.get("/").header("ETag"), "the public site did not change");
        assertTrue(owner.parse(owner.post("/admin/settings/", form("title", " ", "language", "xx")))
                .selectFirst("#language-error").text().startsWith("“xx” is not a language Kioku knows"));
    }

    @Test
    void a_logo_from_the_media_library_replaces_the_mark_in_the_header() throws IOException {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        Media logo = blog.app.media().add("site", "logo.png", png(120, 40), "Kioku logo", "");
        assertNotNull(blog.page("/").selectFirst(".brand__mark"));
        assertEquals(List.of("No logo", "Kioku logo"), owner.page("/admin/settings/").select(".logo-choice__name").eachText());

        assertEquals(303, owner.post("/admin/settings/", form("logo", Long.toString(logo.id()))).status());
        var img = blog.page("/").selectFirst(".brand img.brand__logo");
        assertEquals("/media/site/logo.png", img.attr("src"));
        assertEquals("120", img.attr("width"));
        assertEquals("", img.attr("alt"), "decorative: the title beside it names the link");
        assertNull(blog.page("/").selectFirst(".brand__mark"));

        assertEquals(303, owner.post("/admin/settings/", form("logo", "")).status());
        assertNotNull(blog.page("/").selectFirst(".brand__mark"));
    }

    @Test
    void only_the_owner_may_change_settings() {
        for (Role role : List.of(Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR)) {
            AdminSession who = AdminSession.as(blog, role, "Someone " + role.label());
            assertEquals(403, who.get("/admin/settings/").status(), role.label());
            assertEquals(403, who.post("/admin/settings/", form()).status(), role.label());
        }
        assertEquals("Kioku", blog.app.site().settings().title());
    }

    @Test
    void a_settings_form_without_its_csrf_token_is_refused() {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        assertEquals(403, owner.postRaw("/admin/settings/", form()).status());
        assertEquals("Kioku", blog.app.site().settings().title());
    }

    private static void assertNotNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNotNull(o);
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0x1d5e8c));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

package dev.kioku.authors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.media.Media;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
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

/** Everyone edits their own public profile; the author box and author page follow at once. Both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class ProfileAdminTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminSession aiko;
    String postUrl;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        aiko = AdminSession.as(blog, Role.CONTRIBUTOR, "Aiko Mori");
        Post p = blog.app.posts().create(PostDraft.post("Hello", "Words.", aiko.userId, List.of()));
        postUrl = blog.app.posts().publish(p.id(), null).permalink(PermalinkStyle.DAY_AND_NAME, ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private static String[] form(String... overrides) {
        List<String> f = new java.util.ArrayList<>(List.of("displayName", "Aiko M.", "bio", "Keeps notebooks.",
                "avatar", "url", "avatarUrl", "https://example.org/aiko.png", "publicEmail", "aiko@example.org",
                "linkLabel-0", "Website", "linkUrl-0", "https://example.org/", "linkLabel-1", "Mail", "linkUrl-1", "mailto:hi@example.org",
                "linkLabel-2", "", "linkUrl-2", ""));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = f.indexOf(overrides[i]);
            if (at < 0) {
                f.add(overrides[i]);
                f.add(overrides[i + 1]);
            } else {
                f.set(at + 1, overrides[i + 1]);
            }
        }
        return f.toArray(String[]::new);
    }

    @Test
    void a_saved_profile_shows_in_the_author_box_on_the_next_request() {
        Document before = blog.page(postUrl);
        assertEquals("Aiko Mori", before.selectFirst(".author-box__name").text());
        blog.page("/author/aiko-mori/");

        TestBlog.Response saved = aiko.post("/admin/profile/", form());
        assertEquals(303, saved.status(), saved.text());
        assertEquals("Profile saved.", aiko.page(saved.header("Location")).selectFirst(".notice").text());

        Document after = blog.page(postUrl);
        assertEquals("Aiko M.", after.selectFirst(".author-box__name").text());
        assertEquals("Keeps notebooks.", after.selectFirst(".author-box__bio").text());
        assertEquals("https://example.org/aiko.png", after.selectFirst("img.author-box__avatar").attr("src"));
        assertEquals(List.of("Email", "Website", "Mail"), after.select(".author-box__links a").eachText());
        assertEquals(List.of("mailto:aiko@example.org", "https://example.org/", "mailto:hi@example.org"),
                after.select(".author-box__links a").eachAttr("href"));
        assertEquals("By Aiko M.", after.selectFirst(".post-head .meta").text().replaceAll(" ·.*", ""));
        assertEquals("Aiko M.", blog.page("/author/aiko-mori/").selectFirst("h1").text(), "the author page keeps its address");

        Document admin = aiko.page("/admin/profile/");
        assertEquals("url", admin.selectFirst("input[name=avatar][checked]").val());
        assertEquals(List.of("Website", "Mail", ""), admin.select("[data-name=linkLabel]").eachAttr("value"));
    }

    @Test
    void a_picture_from_the_media_library_and_removing_every_link() throws Exception {
        Media picture = blog.app.media().add("people", "aiko.png", png(), "Aiko", "");
        assertEquals(303, aiko.post("/admin/profile/", form("avatar", Long.toString(picture.id()))).status());
        assertEquals("/media/people/aiko.png", blog.page(postUrl).selectFirst("img.author-box__avatar").attr("src"));
        assertEquals(Long.toString(picture.id()), aiko.page("/admin/profile/").selectFirst("input[name=avatar][checked]").val());

        assertEquals(303, aiko.post("/admin/profile/", "displayName", "Aiko Mori", "avatar", "", "publicEmail", "").status());
        Document plain = blog.page(postUrl);
        assertEquals("AM", plain.selectFirst(".author-box__avatar--initials").text());
        assertNull(plain.selectFirst(".author-box__links"));
    }

    @Test
    void link_rows_are_added_and_removed_without_scripts_and_nothing_is_saved_until_save() {
        TestBlog.Response added = aiko.post("/admin/profile/", form("addRow", "1", "linkLabel-2", "Mastodon", "linkUrl-2", "https://m.example/@aiko"));
        assertEquals(200, added.status());
        Document page = aiko.parse(added);
        assertTrue(page.selectFirst(".notice").text().startsWith("The links changed below. Nothing is saved"));
        assertEquals(List.of("Website", "Mail", "Mastodon", ""), page.select("[data-name=linkLabel]").eachAttr("value"));
        assertEquals("Aiko M.", page.selectFirst("#displayName").val(), "typed values are kept");
        assertEquals("Aiko Mori", blog.app.authors().byId(aiko.userId).orElseThrow().displayName());

        TestBlog.Response removed = aiko.post("/admin/profile/", form("removeRow", "0"));
        assertEquals(List.of("Mail", ""), aiko.parse(removed).select("[data-name=linkLabel]").eachAttr("value"));
        assertEquals(List.of("mailto:hi@example.org", ""), aiko.parse(removed).select("[data-name=linkUrl]").eachAttr("value"));
    }

    @Test
    void bad_input_comes_back_as_typed_with_a_message_beside_each_field() {
        TestBlog.Response refused = aiko.post("/admin/profile/", form("displayName", " ", "publicEmail", "aiko at home",
                "linkUrl-1", "javascript:alert(1)", "linkLabel-2", "", "linkUrl-2", ""));
        assertEquals(422, refused.status());
        Document f = aiko.parse(refused);
        assertEquals("Readers need a name to see under your posts.", f.selectFirst("#displayName-error").text());
        assertEquals("That does not look like an email address (name@example.org).", f.selectFirst("#publicEmail-error").text());
        assertEquals("The address must start with https://, http:// or mailto:.", f.selectFirst("#link-1-error").text());
        assertEquals("link-1-error", f.selectFirst("#linkUrl-1").attr("aria-describedby"));
        assertNull(f.selectFirst("#link-0-error"));
        assertEquals("javascript:alert(1)", f.selectFirst("#linkUrl-1").val());
        assertEquals("aiko at home", f.selectFirst("#publicEmail").val());
        assertEquals("Keeps notebooks.", f.selectFirst("#bio").text());
        assertEquals("Aiko Mori", blog.page(postUrl).selectFirst(".author-box__name").text());

        Document noUrl = aiko.parse(aiko.post("/admin/profile/", form("avatarUrl", " ")));
        assertEquals("Type the picture's address, or choose another option.", noUrl.selectFirst("#avatarUrl-error").text());
        Document badUrl = aiko.parse(aiko.post("/admin/profile/", form("avatarUrl", "javascript:alert(1)")));
        assertEquals("The picture's address must start with https:// or http://.", badUrl.selectFirst("#avatarUrl-error").text());
        Document noLabel = aiko.parse(aiko.post("/admin/profile/", form("linkLabel-0", "")));
        assertEquals("Give this link a label, such as Mastodon or Website.", noLabel.selectFirst("#link-0-error").text());
    }

    @Test
    void a_profile_form_without_its_csrf_token_is_refused() {
        assertEquals(403, aiko.postRaw("/admin/profile/", form()).status());
        assertEquals("Aiko Mori", blog.app.authors().byId(aiko.userId).orElseThrow().displayName());
        assertEquals(302, blog.get("/admin/profile/").status(), "signed out: to the sign-in page");
    }

    private static byte[] png() throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
